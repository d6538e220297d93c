"""Vietnamese numbers: "1.240" = 1240, "87,5%" = 87.5, "1,2 triệu" = 1.2e6, "9/63" = 9 of 63.

Vietnamese writes "." between thousands and "," before decimals; "4.0" (as in
"Chợ 4.0") keeps its English reading because a thousands group has three digits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import english_prose, fold

# Scale words, folded: the value they multiply by.
SCALES = {"nghin": 1e3, "ngan": 1e3, "trieu": 1e6, "ty": 1e9, "ti": 1e9, "nghin ty": 1e12, "ngan ty": 1e12,
          "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
CURRENCIES = {"dong": "đồng", "d": "đồng", "₫": "đồng", "vnd": "VND", "vnđ": "VND", "usd": "USD", "do la": "USD", "euro": "EUR", "eur": "EUR"}
# Words before a number that make it approximate or a bound; they stay in the answer text.
QUALIFIERS = ("từ", "hơn", "trên", "gần", "khoảng", "dưới", "gần như", "tới", "đến", "chừng", "xấp xỉ", "ít nhất", "tối thiểu",
              "tối đa", "hầu hết", "ước", "vượt")

# A whole number only: "2.000đ" must not match as 2 ((?![.,]\d) stops the backtracking).
NUMBER_RE = re.compile(r"(?<![\w.,/:])(\d+(?:[.,]\d+)*)(?![.,]\d)(?:\s*/\s*(\d+))?(?![\w/])"
                       r"|(?<![\w.,/])(\d+(?:[.,]\d+)*)(?![.,]\d)(?=\s*%)")
_SCALE_RE = re.compile(r"^\s*(nghìn tỷ|ngàn tỷ|nghìn tỉ|nghìn|ngàn|triệu|tỷ|tỉ|thousand|million|billion|trillion)\b", re.IGNORECASE)
# A currency written before its number, as English does: "VND 210 billion", "USD 1.5 million".
_CURRENCY_BEFORE_RE = re.compile(r"(VNĐ|VND|USD|US\$|\$)\s*$")
_CURRENCY_RE = re.compile(r"^\s*(đồng|VNĐ|VND|USD|đô la|euro|EUR|₫|đ(?=\s*/|\s|$|[,.;)]))", re.IGNORECASE)
# "từ 1 – 3 tín chỉ", "2-4 tín chỉ": a range is one quantity (its value is the lower bound).
_RANGE_RE = re.compile(r"^\s*[–—-]\s*(\d+(?:[.,]\d+)*)(?![\d/])")
_PERCENT_RE = re.compile(r"^\s*(%|phần trăm)")


def parse_number(text: str, english: bool = False) -> float | None:
    """A Vietnamese-formatted number ("1.240", "87,5", "1.204.311", "4.0") as a float; None if it is not one.
    `english`: written the English way, where "1,240" is 1240 (and "91.2" is 91.2, as either way)."""
    t = text.strip().replace(" ", "")
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", t):
        return None
    if english and "," in t and "." not in t and all(len(p) == 3 for p in t.split(",")[1:]):
        return float(t.replace(",", ""))
    if "," in t and "." in t:  # "1.234,5": dots group thousands, the comma is decimal
        return float(t.replace(".", "").replace(",", "."))
    if "," in t:
        parts = t.split(",")
        if len(parts) == 2:
            return float(t.replace(",", "."))
        if all(len(p) == 3 for p in parts[1:]):  # "1,234,567" written the English way
            return float(t.replace(",", ""))
        return None
    if "." in t:
        parts = t.split(".")
        if all(len(p) == 3 for p in parts[1:]):
            return float(t.replace(".", ""))
        if len(parts) == 2:
            return float(t)
        return None
    return float(t)


@dataclass(frozen=True)
class Quantity:
    """A number as a sentence states it, with its scale, unit and qualifier."""

    start: int  # span of the whole expression in the text (qualifier to unit)
    end: int
    text: str  # "hơn 1,2 triệu", "87,5%", "9/63", "213.750 triệu đồng"
    value: float  # scaled: 1.2e6 for "1,2 triệu"
    unit: str = ""  # "%", "đồng", "USD", or "" (a count's noun is found by the answer layer)
    out_of: float | None = None  # 63 in "9/63"
    qualifier: str = ""
    num_start: int = 0  # span of the digits themselves
    num_end: int = 0


@dataclass(frozen=True)
class DateMention:
    """A calendar date or month as a sentence writes it: "ngày 10-11-2021", "tháng 6-2022"."""

    start: int
    end: int
    text: str
    iso: str  # "2021-11-10", "2022-06", "2021-07-22"; the year is "" when the text has none ("--06-12")


_D, _M, _Y = r"(\d{1,2})", r"(\d{1,2})", r"((?:19|20)\d{2})"
_DATE_PATTERNS = [
    (re.compile(rf"(?<![\d/.-]){_D}\s*[/.-]\s*{_M}\s*[/.-]\s*{_Y}(?![\d/])"), "dmy"),
    (re.compile(rf"\bngày\s+{_D}\s+tháng\s+{_M}(?:\s+năm\s+{_Y})?", re.IGNORECASE), "dmy"),
    (re.compile(rf"\btháng\s+{_M}\s*(?:[/-]\s*|\s+năm\s+){_Y}(?![\d/])", re.IGNORECASE), "my"),
    (re.compile(rf"\bngày\s+{_D}\s*[/-]\s*{_M}(?![\d/])", re.IGNORECASE), "dm"),
]


@lru_cache(maxsize=1)
def english_months() -> dict[str, int]:
    """English month names (and their short forms) and their numbers, from data/months.tsv."""
    text = resources.files("dtiqa.data").joinpath("months.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {word: int(value) for word, value in rows}


@lru_cache(maxsize=1)
def _english_date_patterns() -> list[tuple[re.Pattern, str]]:
    # Capitalised, as English writes them: "dệt may 2024" is no month.
    month = "|".join(sorted((m.capitalize() for m in english_months()), key=len, reverse=True))
    mo, day = rf"\b({month})\.?", r"(\d{1,2})(?:st|nd|rd|th)?"
    return [(re.compile(rf"{mo}\s+{day},?\s+{_Y}(?!\d)"), "mdy"),  # August 15, 2025
            (re.compile(rf"(?<![\d/.-]){day}\s+(?:of\s+)?{mo},?\s+{_Y}(?!\d)"), "dmy"),  # 1 July 2025
            (re.compile(rf"{mo},?\s+(?:of\s+)?{_Y}(?!\d)"), "my"),  # July 2025
            (re.compile(rf"{mo}\s+{day}\b(?!\s*[,/]?\s*\d)"), "md")]  # August 15


def dates(text: str) -> list[DateMention]:
    """Dates and months in a text, left to right, not overlapping; English forms too ("August 15, 2025")."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    english = _english_date_patterns() if re.search(r"[A-Za-z]{3}", text) else []
    for pattern, written in [(p, f) for p, f in _DATE_PATTERNS] + [(p, "en-" + f) for p, f in english]:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g, form = list(m.groups()), written
            if written.startswith("en-"):  # a month name: (day, month, year) as numbers, in the order below
                day, month, year = {"en-mdy": (1, 0, 2), "en-dmy": (0, 1, 2), "en-my": (None, 0, 1),
                                    "en-md": (1, 0, None)}[written]
                g = [g[day] if day is not None else None, str(english_months()[g[month].lower()]),
                     g[year] if year is not None else None]
                form = {"en-my": "my", "en-md": "dm"}.get(written, "dmy")
                if form == "my":
                    g = g[1:]
            if form == "dmy":
                d, mo, y = int(g[0]), int(g[1]), g[2]
                iso = f"{y}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
            elif form == "my":
                mo, y, d = int(g[0]), g[1], 1
                iso = f"{y}-{mo:02d}"
            else:
                d, mo = int(g[0]), int(g[1])
                iso = f"--{mo:02d}-{d:02d}"
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                continue
            found.append(DateMention(m.start(), m.end(), m.group(0), iso))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def quantities(text: str) -> list[Quantity]:
    """Every number in a text with its scale word, unit, "/N" and qualifier, left to right.

    Numbers inside dates ("ngày 22/7/2021", "tháng 11/2021") are not quantities.
    """
    out = []
    in_dates = [(d.start, d.end) for d in dates(text)]
    english = english_prose(text)
    taken_until = -1
    for m in NUMBER_RE.finditer(text):
        if any(s <= m.start() < e for s, e in in_dates) or m.start() < taken_until:
            continue
        digits = m.group(1) or m.group(3)
        value = parse_number(digits, english)
        if value is None:
            continue
        start, end = m.start(), m.end()
        out_of = float(m.group(2)) if m.group(2) else None
        rng = _RANGE_RE.match(text[end:]) if out_of is None and not re.fullmatch(r"(19|20)\d\d", digits) else None
        if rng:
            end += rng.end()
            taken_until = end
        unit = ""
        rest = text[end:]
        if out_of is None:
            p = _PERCENT_RE.match(rest)
            if p:
                unit, end = "%", end + p.end()
            else:
                s = _SCALE_RE.match(rest)
                if s:
                    value *= SCALES[fold(s.group(1).lower())]
                    end += s.end()
                    rest = text[end:]
                c = _CURRENCY_RE.match(rest)
                if c:
                    unit = CURRENCIES.get(fold(c.group(1).lower()), c.group(1))
                    end += c.end()
                elif s:
                    unit = s.group(1).lower()
        lead = _CURRENCY_BEFORE_RE.search(text[:start])
        if lead and unit != "%" and unit not in CURRENCIES.values() and out_of is None:
            unit, start = ("USD" if "$" in lead.group(1) else CURRENCIES.get(fold(lead.group(1).lower()), lead.group(1))), lead.start()
        qualifier = ""
        before = text[:start].rstrip()
        for q in sorted(QUALIFIERS, key=len, reverse=True):
            if q == "từ" and not rng:
                continue  # "từ 49,94% tăng lên 99,90%": a starting value, not part of the quantity
            if before.lower().endswith(q) and (len(before) == len(q) or not before[-len(q) - 1].isalnum()):
                qualifier = before[-len(q):]
                start = len(before) - len(q)
                break
        out.append(Quantity(start, end, text[start:end], value, unit, out_of, qualifier, m.start(), m.start() + len(digits)))
    return out


@lru_cache(maxsize=1)
def english_ordinals() -> dict[str, int]:
    """English ordinal words and their values ("seventh" -> 7), from data/number_words.tsv."""
    text = resources.files("dtiqa.data").joinpath("number_words.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {word: int(value) for word, value in rows}


_ORDINAL_RE = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b|\b([a-z]+th|first|second|third|fifth|eighth|ninth|twelfth)\b",
                         re.IGNORECASE)


# Vietnamese cardinals from one to ninety-nine in words, lower case: "ba", "mười một", "hai mươi lăm",
# "ba mươi tư". "mốt", "tư" and "lăm" are one, four and five after "mươi"/"mười". "năm" before a year
# ("thứ mười năm 2022") is the word for year, not five.
_UNIT_WORDS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7,
               "tám": 8, "chín": 9}
_FIVE = r"năm(?!\s*(?:19|20)\d\d)"
CARDINAL_WORDS = (rf"(?:(?:hai|ba|bốn|{_FIVE}|sáu|bảy|tám|chín)\s+mươi(?:\s+(?:mốt|hai|ba|bốn|tư|lăm|{_FIVE}|sáu|bảy|tám|chín))?"
                  rf"|mười(?:\s+(?:một|hai|ba|bốn|lăm|{_FIVE}|sáu|bảy|tám|chín))?|một|hai|ba|bốn|{_FIVE}|sáu|bảy|tám|chín)")


def cardinal_value(words: str) -> int:
    """The value of a cardinal written in words as CARDINAL_WORDS matches it ("hai mươi mốt" -> 21)."""
    w = words.split()
    if w[0] == "mười":
        return 10 + (_UNIT_WORDS[w[1]] if len(w) > 1 else 0)
    if len(w) > 1 and w[1] == "mươi":
        return 10 * _UNIT_WORDS[w[0]] + (_UNIT_WORDS[w[2]] if len(w) > 2 else 0)
    return _UNIT_WORDS[w[0]]


def ordinals(text: str) -> list[tuple[int, int, int]]:
    """English ordinals in a text as (start, end, value): "7th", "seventh", "first"."""
    out = []
    for m in _ORDINAL_RE.finditer(text):
        value = int(m.group(1)) if m.group(1) else english_ordinals().get(m.group(2).lower())
        if value:
            out.append((m.start(), m.end(), value))
    return out
