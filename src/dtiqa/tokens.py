"""BM25 tokens: Vietnamese words plus diacritic-folded syllables and bigrams.

Three streams, so a query matches however it is typed:
  "bình_phước"      underthesea word, lower-cased, with diacritics (precise)
  "~binh", "~phuoc" folded syllables ("binh phuoc" typed without diacritics)
  "~binh_phuoc"     folded syllable bigrams (restore some precision to folded queries)
A number with separators ("9/63") also yields its parts ("~9", "~63"), so
"thứ 9" finds "thứ 9/63".
"""
from __future__ import annotations

import re
import threading

from .text import fold, syllables

_PUNCT_ONLY = re.compile(r"^\W+$")
_NUMBER_PARTS = re.compile(r"\d+")


_ready = threading.Event()
_loading = threading.Lock()


def warm() -> None:
    """Load underthesea's segmenters once, under a lock; `dtiqa.load()` calls it.

    underthesea publishes its model global before loading it, so concurrent first calls
    would see a half-made model ("'NoneType' object has no attribute 'process'").
    """
    if _ready.is_set():
        return
    with _loading:
        if _ready.is_set():
            return
        from .passages import light_underthesea

        light_underthesea()  # a process that only asks (an index already built) must not import torch either
        from underthesea import sent_tokenize, word_tokenize

        word_tokenize("Chuyển đổi số")
        sent_tokenize("Chuyển đổi số. Năm 2021.")
        _ready.set()


def segment(text: str) -> list[str]:
    """underthesea word segmentation as it returns it ("Bình Phước" one word), safe from any thread."""
    warm()
    from underthesea import word_tokenize

    return word_tokenize(text)


def words(text: str) -> list[str]:
    """underthesea word segmentation, lower-cased, punctuation dropped."""
    out = []
    for w in segment(text):
        w = w.lower().strip()
        if w and not _PUNCT_ONLY.match(w):
            out.append(w.replace(" ", "_"))
    return out


def folded(text: str) -> list[str]:
    """Diacritic-free syllables and their bigrams, each marked with '~'."""
    syl = syllables(fold(text))
    out = [f"~{s}" for s in syl]
    for s in syl:
        if not s.isdigit() and s[:1].isdigit():
            out.extend(f"~{p}" for p in _NUMBER_PARTS.findall(s))
    out.extend(f"~{a}_{b}" for a, b in zip(syl, syl[1:]))
    return out


def bm25_tokens(text: str, folding: bool = True) -> list[str]:
    """All BM25 tokens of a text (words, and folded forms unless `folding` is off)."""
    toks = words(text)
    if folding:
        toks.extend(folded(text))
    return toks
