"""Bilingual search words: a question's DTI terms in the other language (data/glossary.tsv).

`expand` adds, to a question, the other language's forms of every glossary concept it names, so BM25
scores an English article's sentence for a Vietnamese question ("xếp thứ" ~ "ranked") and the reverse.
Only the BM25 query is expanded; the question itself, and its embedding, stay as asked.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .text import fold


@lru_cache(maxsize=1)
def _concepts() -> tuple[tuple[re.Pattern, re.Pattern, str, str], ...]:
    """Per concept: a pattern for its Vietnamese forms, one for its English forms (both on folded lower-case
    text), and each side's words to add."""
    text = resources.files("dtiqa").joinpath("data/glossary.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        vi, en = (side.split("|") for side in line.split("\t"))
        pattern = lambda forms: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(f.lower())) for f in forms) + r")(?!\w)")
        out.append((pattern(vi), pattern(en), " ".join(vi), " ".join(en)))
    return tuple(out)


def expand(query: str) -> str:
    """The query with the other language's words for each concept it names ("xếp thứ" adds "ranked place
    position"); unchanged when it names none."""
    f = fold(query.lower())
    added = []
    for vi, en, vi_words, en_words in _concepts():
        if vi.search(f):
            added.append(en_words)
        if en.search(f):
            added.append(vi_words)
    return f"{query} {' '.join(added)}" if added else query
