"""Pure functions on Vietnamese text: normalisation, diacritic folding, tokens.

Everything here takes a string and returns a string or a list, like
underthesea's own API, so the same rules serve ingestion, queries and eval.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Tone marks as combining characters (NFD): grave, acute, tilde, hook, dot below.
_TONES = "\u0300\u0301\u0303\u0309\u0323"

# Vietnamese has two tone-placement conventions for the open diphthongs oa, oe
# and uy: "hóa / khỏe / thủy" (traditional, what most newspapers print) and
# "hoá / khoẻ / thuỷ" (the 1980s rule). We keep the traditional one. Only an
# open syllable differs: with a final consonant ("hoàng") both agree, and in
# "qu" + y ("quý") the u belongs to the consonant.
_NEW_STYLE_TONE = re.compile(
    rf"(?<![qQ])([oO])([aAeE])([{_TONES}])(?![\w\u0300-\u036f])"
    rf"|(?<![qQ])([uU])([yY])([{_TONES}])(?![\w\u0300-\u036f])"
)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _old_style(m: re.Match) -> str:
    if m.group(1):
        return m.group(1) + m.group(3) + m.group(2)
    return m.group(4) + m.group(6) + m.group(5)


def unify_tones(text: str) -> str:
    """Put the tone of open oa/oe/uy on the first vowel: "hoá" -> "hóa"."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _NEW_STYLE_TONE.sub(_old_style, decomposed))


def normalize_line(line: str) -> str:
    """One line in canonical form: NFC, one tone convention, plain single spaces."""
    line = _INVISIBLE.sub("", line)
    line = _CONTROL.sub(" ", line)
    line = unify_tones(line)
    return _SPACES.sub(" ", line).strip()


def normalize(text: str) -> str:
    """Normalise a whole text, keeping its line structure (one paragraph a line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return "\n".join(normalize_line(line) for line in text.split("\n"))


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    decomposed = unicodedata.normalize("NFD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Strip Vietnamese diacritics ("Bình Phước" -> "Binh Phuoc"); length is kept."""
    if text.isascii():
        return text
    return "".join(_fold_char(c) for c in text)


_WORD = re.compile(r"\w+", re.UNICODE)
# Numbers keep their inner separators: "9/63", "1.240", "87,5".
_SYLLABLE = re.compile(r"\d+(?:[.,/]\d+)*|[^\W\d_]+|\d+", re.UNICODE)


def syllables(text: str) -> list[str]:
    """Lower-cased syllables and numbers of a text, punctuation dropped."""
    return _SYLLABLE.findall(text.lower())


def has_letters_or_digits(text: str) -> bool:
    """True when the text has anything a search could match on."""
    return bool(_WORD.search(text))


_ENGLISH = re.compile(r"\b(what|which|how|who|when|where|why|did|does|do|was|were|is|are|the|in|of|rank|ranked|many|much)\b")


# English function words: what a sentence of an English article (not only a question) is made of.
_ENGLISH_PROSE = re.compile(r"\b(the|of|and|in|with|to|for|on|at|by|from|was|were|is|are|has|had|have|its|a|an|as"
                            r"|that|this|which|reached|about|than|more)\b")


def _unnamed(text: str) -> str:
    """The text without its capitalised words (names: "Bến Tre's")."""
    return re.sub(r"(?<![\w'])[A-ZÀ-ỸĐ]\w*(?:'s)?", " ", text)


def looks_english(text: str) -> bool:
    """A question typed in English: no Vietnamese letters outside capitalised names ("Bến Tre's rank …") and at
    least two common English words."""
    rest = _unnamed(text)
    return fold(rest) == rest and len(_ENGLISH.findall(text.lower())) >= 2


def english_prose(text: str) -> bool:
    """An article's sentence written in English (where "1,240" is 1240): no Vietnamese letters outside names,
    and English function words."""
    rest = _unnamed(text)
    return fold(rest) == rest and len(_ENGLISH_PROSE.findall(rest.lower())) >= 2


@lru_cache(maxsize=1)
def english_regions() -> dict[str, str]:
    """Regions as English names them ("northwest") -> the folded Vietnamese name ("tay bac")."""
    from importlib import resources

    text = resources.files("dtiqa").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith(("#", "english\t"))]
    return {en.strip(): vi.strip() for en, vi in rows}


@lru_cache(maxsize=1)
def _glossary() -> tuple[tuple[re.Pattern, str], ...]:
    """(a lower-cased phrase of one language, the other language's phrase), longest phrases first, both ways."""
    from importlib import resources

    text = resources.files("dtiqa").joinpath("data/glossary.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    # Vietnamese phrases match with their diacritics: folded, "bậc" would be the "Bắc" of "Bắc Ninh".
    pairs = [(en.strip(), vi.strip()) for en, vi in rows] + [(normalize_line(vi.strip()), en.strip()) for en, vi in rows]
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple((re.compile(rf"(?<![\w]){re.escape(a.lower())}(?![\w])"), b) for a, b in pairs if a != b)


def glossary_terms(text: str) -> str:
    """The other language's words for the DTI phrases a text names (data/glossary.tsv): "digital economy" ->
    "kinh tế số", "kinh tế số" -> "digital economy"; a phrase inside a longer one found is not counted again."""
    low, out = normalize_line(text).lower(), []
    for pattern, other in _glossary():
        m = pattern.search(low)
        if m:
            out.append(other)
            low = low[:m.start()] + " " * (m.end() - m.start()) + low[m.end():]
    return " ".join(dict.fromkeys(out))


@lru_cache(maxsize=1)
def name_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words that open a name, words a question asks a name with), lower-cased, from data/name_heads.tsv."""
    from importlib import resources

    text = resources.files("dtiqa").joinpath("data/name_heads.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    heads = tuple(w.strip() for w, use, *_ in rows if use.strip() in ("head", "both"))
    asked = tuple(w.strip() for w, use, *_ in rows if use.strip() in ("asked", "both"))
    return heads, asked


@lru_cache(maxsize=1)
def name_kinds() -> dict[str, str]:
    """The kind of name a head or an asking word stands for ("công ty", "company" -> "company"; "sở" -> "agency"),
    from column 3 of data/name_heads.tsv."""
    from importlib import resources

    text = resources.files("dtiqa").joinpath("data/name_heads.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {row[0].strip(): row[2].strip() for row in rows if len(row) > 2 and row[2].strip()}


def abbreviations() -> dict[str, str]:
    """Abbreviations Vietnamese news uses ("DN": "doanh nghiệp", "TT&TT": "Thông tin và Truyền thông")."""
    from importlib import resources

    text = resources.files("dtiqa").joinpath("data/abbreviations.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith(("#", "abbr\t"))]
    return {abbr.strip(): full.strip() for abbr, full in rows}
