"""Provinces: the gazetteer. Find provinces in text however they are written, old (63) and new (34).

The names, their keyword forms and the 1 July 2025 merger come from the
maintained `vietnamadminunits` package (its packaged data, read directly: its
parser imports shapely and geopy, 0.6 s we need not pay). Forms its keyword
table lacks ("Sài Gòn", "BR-VT", "Thừa Thiên Huế", ...) are in
data/province_aliases.tsv, each entry with a test showing it missing there. Every province lookup in dtiqa — questions,
articles, the facts table — goes through this module.
"""
from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .text import fold, normalize_line

_TOKEN = re.compile(r"[a-z0-9]+")
_PREFIXES = ("thanhpho", "tinh", "tp")  # "TP.HCM", "tỉnh Bình Phước": a unit word before the name
MAX_WORDS = 5
_TITLE_WORDS = re.compile(r"\b(?:ông|bà|anh|chị|đồng chí|tư tưởng|Bác)\s+$")


@lru_cache(maxsize=1)
def _surnames() -> frozenset:
    text = resources.files("dtiqa").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def _person_before(text: str) -> bool:
    """A title or a family name right before: the place name is part of a person's name or a phrase."""
    last = re.search(r"([^\W\d_]+)\s+$", text)
    return bool(_TITLE_WORDS.search(text) or (last and last.group(1) in _surnames()))


@dataclass(frozen=True)
class Place:
    """A province named in a text: its canonical (pre-2025) name and where the text names it."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class _Gazetteer:
    keywords: dict  # folded, spaceless form -> canonical pre-2025 name
    accented: dict  # canonical name -> set of accepted lower-case accented spaceless forms
    successor: dict  # pre-2025 name -> the 2025 unit it belongs to
    members: dict  # 2025 unit -> the pre-2025 provinces it was formed from
    legacy: tuple  # the 63 pre-2025 names


def _library_data(name: str, table: str = "DICT_PROVINCE") -> dict:
    """One table of a vietnamadminunits data file.

    The file is found without importing the package (its import costs ~0.5 s) and
    only the table is decoded (the files are mostly ward tables we do not use).
    """
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the province gazetteer needs vietnamadminunits: pip install vietnamadminunits")
    text = (Path(spec.submodule_search_locations[0]) / "data" / name).read_text(encoding="utf-8")
    at = re.search(rf'"{table}"\s*:\s*', text)
    if at:
        try:
            return json.JSONDecoder().raw_decode(text, at.end())[0]
        except ValueError:
            pass
    return json.loads(text)[table]


def _squash(text: str) -> str:
    return "".join(_TOKEN.findall(fold(normalize_line(text).lower())))


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    """The province table, built once from the library's data plus our few extra aliases."""
    legacy = _library_data("parser_legacy.json")
    new = _library_data("parser_from_2025.json")
    merged = _library_data("converter_2025.json")
    keywords: dict[str, str] = {}
    accented: dict[str, set] = {}
    by_key = {}
    for key, unit in legacy.items():
        name = normalize_line(unit["provinceShort"])
        by_key[key] = name
        for kw in unit["provinceKeywords"]:
            keywords.setdefault(kw, name)
        accented.setdefault(name, set()).update({_accented(unit["provinceShort"]), _accented(unit["province"])})
    for alias, name in _extra_aliases():
        keywords.setdefault(_squash(alias), name)
        accented.setdefault(name, set()).add(_accented(alias))
    members = {normalize_line(new[k]["provinceShort"]): tuple(by_key[x] for x in olds) for k, olds in merged.items()}
    successor = {old: unit for unit, olds in members.items() for old in olds}
    return _Gazetteer(keywords, accented, successor, members, tuple(by_key.values()))


def _accented(text: str) -> str:
    return "".join(re.findall(r"[^\W_]+", normalize_line(text).lower()))


def _extra_aliases() -> list[tuple[str, str]]:
    text = resources.files("dtiqa").joinpath("data/province_aliases.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("alias\t"):
            alias, name = line.split("\t")[:2]
            out.append((alias.strip(), normalize_line(name)))
    return out


@dataclass(frozen=True)
class District:
    """A unit below the province (huyện, thị xã, quận, city of a province) named in a text."""

    name: str  # as the gazetteer spells it: "Diễn Châu"
    province: str  # its (pre-2025) province: "Nghệ An"
    start: int
    end: int


_UNIT_BEFORE = re.compile(r"(?:huyện|thị xã|quận|thành phố|tp\.?|district|town|city)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _districts() -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded spaceless district name -> ((name, province), ...): the pre-2025 districts of vietnamadminunits."""
    g = gazetteer()
    table = _library_data("parser_legacy.json", "DICT_PROVINCE_DISTRICT")
    legacy = _library_data("parser_legacy.json")
    out: dict[str, list] = {}
    for pkey, districts in table.items():
        province = normalize_line(legacy[pkey]["provinceShort"])
        for d in districts.values():
            name = normalize_line(d["districtShort"])
            key = _squash(name)
            if key in g.keywords or key.isdigit():
                continue  # "Thành phố Hà Giang" is named like its province; "Quận 1" is a number
            out.setdefault(key, []).append((name, province))
    return {k: tuple(v) for k, v in out.items()}


def districts_in(text: str) -> list[District]:
    """Districts a question or sentence names: written with capitals ("Diễn Châu", "Do Luong"), a
    one-word name only after its unit word ("thành phố Vinh"). A name several provinces share is
    returned once per province."""
    table = _districts()
    tokens = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\W_]+", text)]
    out, i = [], 0
    while i < len(tokens):
        hit = None
        for n in (3, 2, 1):
            window = tokens[i:i + n]
            if len(window) < n or any(window[j + 1][1] - window[j][2] > 1 for j in range(n - 1)):
                continue
            key = _squash(" ".join(t for t, _, _ in window))
            if key not in table or not all(t[:1].isupper() for t, _, _ in window):
                continue
            unit_word = bool(_UNIT_BEFORE.search(text[max(0, window[0][1] - 12):window[0][1]]))
            if n == 1 and not unit_word:
                continue
            if fold(window[0][0]) != window[0][0] or unit_word or n > 1:
                hit = (key, window[0][1], window[-1][2], n)
                break
        if hit:
            written = _accented(text[hit[1]:hit[2]])
            found = table[hit[0]]
            if fold(text[hit[1]:hit[2]]) != text[hit[1]:hit[2]]:  # written with diacritics: "Tam Đường" is not "Tam Dương"
                found = tuple(x for x in found if _accented(x[0]) == written) or found
            out += [District(name, province, hit[1], hit[2]) for name, province in found]
            i += hit[3]
        else:
            i += 1
    return out


def names() -> list[str]:
    """The 63 provinces and cities ranked by DTI editions up to 2023 (canonical names)."""
    return list(gazetteer().legacy)


def successor(name: str) -> str:
    """The 2025 unit a pre-2025 province now belongs to ("Bình Phước" -> "Đồng Nai")."""
    return gazetteer().successor.get(name, name)


def members(unit: str) -> tuple[str, ...]:
    """The pre-2025 provinces a 2025 unit was formed from ("Đồng Nai" -> Bình Phước, Đồng Nai)."""
    return gazetteer().members.get(unit, (unit,))


def canonical(form: str) -> str | None:
    """The canonical name of a single province name in any form ("tphcm", "Hoà Bình"), or None."""
    found = find(form)
    return found[0].name if found else None


@lru_cache(maxsize=64)
def _key_prefixes(keys: frozenset | None = None) -> frozenset:
    """Every prefix of every name's spaceless form, alone or after a unit word ("tinh", "thanhpho", "tp"):
    a window of words that is none of these cannot grow into a name."""
    keys = gazetteer().keywords.keys() if keys is None else keys
    return frozenset(form[:j] for k in keys for form in (k, *(p + k for p in _PREFIXES)) for j in range(1, len(form) + 1))


@lru_cache(maxsize=64)
def _extra_keywords(extra: frozenset) -> dict:
    return {_squash(e): normalize_line(e) for e in extra}


def find(text: str, folded: bool | None = None, extra: frozenset = frozenset()) -> list[Place]:
    """Provinces named in `text`, left to right, as canonical pre-2025 names.

    folded=False is for article text: a name must be capitalised and, when written
    with diacritics, spelled right ("Huế", not "huệ"). None (questions, however
    typed) also accepts lower case and names without diacritics ("binh phuoc",
    "tphcm"). `extra`: more names, such as provinces a corpus names that the
    gazetteer does not know ("tỉnh Hoa Mai" in a test article).
    """
    g = gazetteer()
    keywords = {**_extra_keywords(extra), **g.keywords} if extra else g.keywords
    starts = _key_prefixes(frozenset(keywords) if extra else None)
    low = text.lower()
    hay = fold(low)
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(hay)]
    out: list[Place] = []
    i = 0
    while i < len(tokens):
        matches, key = [], ""  # the windows from token i that spell a name, shortest first
        for n in range(1, min(MAX_WORDS, len(tokens) - i) + 1):
            if n > 1 and tokens[i + n - 1][1] - tokens[i + n - 2][2] > 3:
                break  # the words of a name are next to each other
            key += tokens[i + n - 1][0]
            if key not in starts:
                break  # no name (with or without a unit word before it) begins like this
            name = keywords.get(key) or next((keywords.get(key[len(p):]) for p in _PREFIXES
                                              if key.startswith(p) and keywords.get(key[len(p):])), None)
            if name:
                matches.append((n, key, name))
        hit = None
        for n, key, name in reversed(matches):  # the longest name first
            if _accept(text, tokens[i][1], tokens[i + n - 1][2], key, name, folded, g, extra):
                hit = (name, tokens[i][1], tokens[i + n - 1][2], n)
                break
        if hit:
            out.append(Place(hit[0], hit[1], hit[2]))
            i += hit[3]
        else:
            i += 1
    return out


def _accept(text: str, start: int, end: int, key: str, name: str, folded: bool | None, g: _Gazetteer,
            extra: frozenset) -> bool:
    span = text[start:end]
    if folded is False:
        if not span[:1].isupper():
            return False  # in an article, a province is written with capitals
        if re.match(r"\s+[A-ZĐ][^\W\d_]", text[end:]) or _person_before(text[max(0, start - 20):start]):
            return False  # part of a longer name ("Thái Bình Dương"), or a person or an idea ("tư tưởng Hồ Chí Minh")
    if len(key) <= 3 and _squash(name) != key and not span.isupper():
        return False  # abbreviations ("HN", "HCM") only in capitals: "hn" is not a place in running text
    if folded is not False or fold(span) == span:
        return True  # a question, or a name typed without diacritics ("Bình Phứơc" with a slipped tone too)
    form = _accented(span)
    if name in extra or any(form.endswith(a) or a.endswith(form) for a in g.accented.get(name, ())):
        return True
    return False


# "tỉnh Hoa Mai": a province the gazetteer does not know (a new article, a made-up test province).
# Spaces only: a paragraph that ends "... của tỉnh" does not name a province "Năm" in the next one.
_GENERIC = re.compile(r"\b[Tt]ỉnh[ \t\u00a0]+((?:[A-ZĐ][^\W\d_]*)(?:[ \t\u00a0]+[A-ZĐ][^\W\d_]*){0,2})")
_TITLE_BEFORE = re.compile(r"(Chủ tịch|Phó Chủ tịch|Giám đốc|Bí thư|Phó Bí thư|Trưởng ban|Ủy viên|Đại biểu)[^.,;]{0,20}$")


def named_in(text: str) -> set[str]:
    """Names written as "tỉnh X" (X capitalised) that the gazetteer does not know.

    A name must come back at least twice in the text, and not right after a
    title ("Phó Chủ tịch UBND tỉnh Vũ Chí Giang" names a person).
    """
    found = set()
    for m in _GENERIC.finditer(text):
        name = m.group(1)
        if find(name) or _TITLE_BEFORE.search(text[max(0, m.start() - 40): m.start()]):
            continue
        found.add(name)
    return {n for n in found if text.count(n) >= 2}
