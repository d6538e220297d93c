"""Provinces: find the 63 provinces and cities in text, by name or alias, with or without diacritics."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import fold, normalize_line


@dataclass(frozen=True)
class Place:
    """A province named in a text: the canonical name and where the text names it."""

    name: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """alias (normalised, lower-case) -> canonical name, from data/provinces.tsv."""
    text = resources.files("dtiqa").joinpath("data/provinces.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        cols = line.split("\t")
        name = normalize_line(cols[0])
        aliases = [name] + [normalize_line(a) for a in (cols[2].split("|") if len(cols) > 2 else []) if a.strip()]
        for a in aliases:
            out[a.lower()] = name
    return out


def names() -> list[str]:
    """The canonical names, in the data file's order."""
    return list(dict.fromkeys(_table().values()))


def _pattern(keys) -> re.Pattern:
    alts = "|".join(re.escape(k).replace(r"\ ", r"\s*") if "-" in k or "." in k else re.escape(k).replace(r"\ ", r"\s+")
                    for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w])")


@lru_cache(maxsize=1)
def _patterns():
    table = _table()
    exact = _pattern(table)
    folded_map: dict[str, str] = {}
    for alias, name in table.items():
        folded_map.setdefault(fold(alias), name)
    return exact, table, _pattern(folded_map), folded_map


# "tỉnh Hoa Mai": a province the data file does not know (a new article, a made-up test province).
_GENERIC = re.compile(r"\b[Tt]ỉnh\s+((?:[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){0,2})")


_TITLE_BEFORE = re.compile(r"(Chủ tịch|Phó Chủ tịch|Giám đốc|Bí thư|Phó Bí thư|Trưởng ban|Ủy viên|Đại biểu)[^.,;]{0,20}$")


def named_in(text: str) -> set[str]:
    """Names written as "tỉnh X" (X capitalised) that the data file does not list.

    A name must come back at least twice in the text, and not right after a
    title ("Phó Chủ tịch UBND tỉnh Vũ Chí Giang" names a person).
    """
    known = _table()
    found = {}
    for m in _GENERIC.finditer(text):
        name = m.group(1)
        if name.lower() in known or _TITLE_BEFORE.search(text[max(0, m.start() - 40): m.start()]):
            continue
        found[name] = found.get(name, 0) + 1
    return {n for n in found if text.count(n) >= 2}


@lru_cache(maxsize=64)
def _extra_patterns(extra: frozenset) -> tuple:
    table = {normalize_line(e).lower(): normalize_line(e) for e in extra}
    folded_map = {fold(k): v for k, v in table.items()}
    return _pattern(table), table, _pattern(folded_map), folded_map


def find(text: str, folded: bool | None = None, extra: frozenset = frozenset()) -> list[Place]:
    """Provinces named in `text`, left to right.

    `extra`: more names to recognise (the provinces an indexed corpus names that the data file lacks).
    folded=False matches names as written (lower-cased): for article text.
    folded=True matches diacritic-free forms ("binh phuoc", "Dak Lak").
    None (for questions, however typed) takes both, exact matches first.
    """
    exact, table, fpat, fmap = _patterns()
    low = text.lower()
    runs = [(exact, table, low)] if folded is not True else []
    if folded is not False:
        runs.append((fpat, fmap, fold(low)))
    if extra:
        e_exact, e_table, e_fpat, e_fmap = _extra_patterns(frozenset(extra))
        if folded is not True:
            runs.append((e_exact, e_table, low))
        if folded is not False:
            runs.append((e_fpat, e_fmap, fold(low)))
    out: list[Place] = []
    for pattern, mapping, hay in runs:
        for m in pattern.finditer(hay):
            if any(m.start() < p.end and p.start < m.end() for p in out):
                continue
            key = re.sub(r"\s+", " ", m.group(0))
            name = mapping.get(key) or _loose(key, mapping)
            if name:
                out.append(Place(name, m.start(), m.end()))
    return sorted(out, key=lambda p: p.start)


def _loose(key: str, mapping: dict[str, str]) -> str | None:
    squashed = re.sub(r"[\s.-]", "", key)
    for alias, name in mapping.items():
        if re.sub(r"[\s.-]", "", alias) == squashed:
            return name
    return None
