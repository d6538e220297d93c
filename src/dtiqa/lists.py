"""Lists: the enumerations a sentence or a run of bullet lines states, as answers to questions that ask for
several items ("Bản điện tử có những ngôn ngữ nào?", "Thứ hạng ba trụ cột lần lượt là bao nhiêu?").

An enumeration is two or more short items joined by commas, semicolons or "và"/"and": "4 ngôn ngữ: Việt,
Anh, Trung, Hàn", "gồm quảng trường Tân Trào, phố cổ Đồng Văn và bến thuyền Na Hang", "chính quyền số xếp
4/34, kinh tế số 11/34, xã hội số 7/34". Its first item starts after the words that introduce it (a colon,
"gồm", "như", "là", "including", an opening bracket), or else holds the last few words before the first
separator. A run of bullet lines ("- PCI 2024: …", "a) Ngân sách tỉnh: …") or of "label: value" lines is an
enumeration of its lines' labels. Which enumeration answers is decided by retrieval and the fitted verifier, not here.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

MAX_ITEM_WORDS = 8  # an item longer than this is a clause, not a listed name or figure
SHORT_ITEM_WORDS = 4  # an item of a list nothing introduces is a short name, unless every item states a figure
LEAD_WORDS = 6  # where nothing introduces the list, its first item is at most this many words before the first separator

_SEPARATOR = re.compile(r"\s*(?:,\s*(?:và|and|hoặc|or)\s+|;\s*|,(?!\d)\s*|\s+(?:và|and|hoặc|or)\s+|\s+&\s+)")
# What introduces a list: "…: A, B", "gồm A và B", "như A, B", "là A và B", "including A and B", "(A, B, C)".
_INTRO = re.compile(r"(?i)(?::|\(|\bgồm(?: có)?\b|\bbao gồm\b|\bnhư\b|\blà\b|\blần lượt\b|\bincluding\b|\bsuch as\b"
                    r"|\bnamely\b|\bwere\b|\bare\b|\bthuộc về\b)\s*")
_CLAUSE_END = re.compile(r"[.!?)]\s|[.!?)]$|\s[–—]\s|:")
_BULLET = re.compile(r"^\s*(?:[-•+*▪–—]|\d{1,2}[.)]|[a-zđ][.)])\s+")
_LABEL = re.compile(r"^([^:]{2,60}):\s")


@dataclass(frozen=True)
class Enumeration:
    """Items listed in a text: each item's (start, end) offsets in it, and the span they cover."""

    items: tuple[tuple[int, int], ...]
    introduced: bool = False  # a colon, "gồm", "như", "lần lượt" … opens it; else its items are only alike in form

    @property
    def start(self) -> int:
        return self.items[0][0]

    @property
    def end(self) -> int:
        return self.items[-1][1]

    def texts(self, text: str) -> list[str]:
        return [text[a:b] for a, b in self.items]


def _words(text: str) -> int:
    return len(text.split())


def _stripped(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\"'“”‘’":
        a += 1
    while b > a and text[b - 1] in " \t.\"'“”‘’":
        b -= 1
    return a, b


def _intros(text: str, a: int, b: int) -> list[re.Match]:
    """What introduces a list between a and b; an opening bracket only when it is not closed there."""
    return [m for m in _INTRO.finditer(text, a, b) if m.group(0)[0] != "(" or ")" not in text[m.end():b]]


def _introduced(text: str, a: int, b: int) -> bool:
    return bool(_intros(text, a, b))


def _first_item(text: str, a: int, b: int) -> int:
    """Where the first item of a list whose first separator is at b starts, looking no further back than a."""
    intro = _intros(text, a, b)
    if intro:
        return intro[-1].end()
    return max(a, b - len(" ".join(text[a:b].split()[-LEAD_WORDS:])))


def enumerations(text: str, names: Sequence[tuple[int, int]] = ()) -> list[Enumeration]:
    """The enumerations of one sentence, in order (a list line's own items, not a run's: see `bullet_run`).
    A separator inside one of `names` (spans of the text) separates nothing: "Sở Khoa học và Công nghệ"."""
    out, pos = [], 0
    seps = [m for m in _SEPARATOR.finditer(text) if not any(a < m.start() and m.end() < b for a, b in names)]
    i = 0
    while i < len(seps):
        first = seps[i]
        # The first item: from what introduces the list (or the last few words) to the first separator.
        start = _first_item(text, pos, first.start())
        introduced = _introduced(text, pos, first.start())
        items = [_stripped(text, start, first.start())]
        j, at = i, first.end()
        while True:
            nxt = seps[j + 1] if j + 1 < len(seps) else None
            limit = nxt.start() if nxt else len(text)
            stop = _CLAUSE_END.search(text, at, limit)  # up to the next separator only: linear in the text
            end = stop.start() if stop else limit
            before_next = nxt and stop is None
            if before_next and _introduced(text, at, nxt.start()):
                # "tại các điểm công cộng, gồm A, B và C", "Trong năm 2025, điểm ba trụ cột lần lượt là: A, B và C":
                # the list starts where it is introduced
                items, introduced = [_stripped(text, _first_item(text, at, nxt.start()), nxt.start())], True
                j, at = j + 1, nxt.end()
                continue
            if before_next and _words(text[at:nxt.start()]) <= MAX_ITEM_WORDS:
                items.append(_stripped(text, at, nxt.start()))
                j, at = j + 1, nxt.end()
                continue
            # The last item ends at the clause's end, or after at most MAX_ITEM_WORDS words.
            words = text[at:end].split()
            last_end = at + len(text[at:end]) - len(text[at:end].lstrip()) + len(" ".join(words[:MAX_ITEM_WORDS]))
            items.append(_stripped(text, at, min(end, last_end)))
            break
        items = [(a, b) for a, b in items if b > a and 0 < _words(text[a:b]) <= MAX_ITEM_WORDS]
        if len(items) >= 2:
            out.append(Enumeration(tuple(items), introduced))
        pos, i = at, j + 1
    return out


def alike(texts: Sequence[str]) -> bool:
    """Whether items not introduced as a list still read as one: short names ("Postmart, Voso, Shopee"), or each
    with a figure ("chính quyền số 4/34, kinh tế số 11/34"), not the clauses of a sentence."""
    figures = [bool(re.search(r"\d", t)) for t in texts]
    return all(_words(t) <= SHORT_ITEM_WORDS for t in texts) and len(set(figures)) == 1 or all(figures)


def is_bullet(line: str) -> bool:
    """A line of a bulleted or numbered list: "- PCI 2024: …", "3. Lập trình viên …", "a) Ngân sách tỉnh: …"."""
    return bool(_BULLET.match(line))


def is_labelled(line: str) -> bool:
    """A line that gives a label its value: "Khu di tích Tân Trào: 30.000 đồng/người", "Trưởng nhóm: Lò Văn Thắng"."""
    return bool(_LABEL.match(line)) and len(line) <= 200 and not is_bullet(line)


def bullet_run(lines: Sequence[str], i: int) -> tuple[int, int] | None:
    """The run of bullet lines (or of "label: value" lines) [first, last] that line `i` belongs to or introduces
    (the line just before the run), when it has two or more lines; else None."""
    for member in (is_bullet, is_labelled):
        at = i + 1 if not member(lines[i]) and i + 1 < len(lines) and member(lines[i + 1]) else i
        if not member(lines[at]):
            continue
        lo = hi = at
        while lo > 0 and member(lines[lo - 1]):
            lo -= 1
        while hi + 1 < len(lines) and member(lines[hi + 1]):
            hi += 1
        if hi > lo:
            return lo, hi
    return None


def item_of_line(line: str) -> tuple[int, int]:
    """The item a bullet line lists: its label before a colon ("- PCI 2024: …" -> "PCI 2024"), else its first
    MAX_ITEM_WORDS words."""
    a = _BULLET.match(line).end() if is_bullet(line) else 0
    label = _LABEL.match(line[a:])
    if label:
        return _stripped(line, a, a + label.end(1))
    words = line[a:].split()
    return _stripped(line, a, a + len(line[a:]) - len(line[a:].lstrip()) + len(" ".join(words[:MAX_ITEM_WORDS])))


__all__ = ["Enumeration", "alike", "bullet_run", "enumerations", "is_bullet", "is_labelled", "item_of_line"]
