"""Sentences: split a cleaned article into citable sentences with offsets.

Paragraphs (lines) are split first, so a headline without a final period is
never glued to the next sentence; underthesea then splits each paragraph, and a
very long sentence (a list of statistics) is also split at its semicolons, so a
citation points at the clause that holds the number.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import tokens
from .article import Article

_END = (".", "!", "?", "…", ":", ";", '"', "”", "»", ")")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article; `article.text[start:end] == text`."""

    doc_id: str
    index: int  # position in the article
    paragraph: int
    start: int
    end: int
    text: str
    heading: bool = False  # a headline or section heading (a short line with no final period)


def _sent_tokenize(paragraph: str) -> list[str]:
    tokens.warm()  # underthesea costs ~0.3 s to import, and its models load once, under a lock
    from underthesea import sent_tokenize

    return sent_tokenize(paragraph)


def is_heading(line: str) -> bool:
    """A headline or section heading: short, no sentence-final punctuation."""
    return len(line) <= 200 and not line.rstrip().endswith(_END)


LONG_SENTENCE = 250  # chars; past this a sentence is also split at "; " (lists of statistics)


def _pieces(para: str) -> list[str]:
    out = []
    for piece in _sent_tokenize(para):
        if len(piece) > LONG_SENTENCE and "; " in piece:
            parts = piece.split("; ")
            out.extend(p + ";" for p in parts[:-1])
            out.append(parts[-1])
        else:
            out.append(piece)
    return out


def split_sentences(article: Article) -> list[Sentence]:
    """All sentences of an article, in order, with character offsets into `article.text`."""
    out: list[Sentence] = []
    offset = 0
    for p, para in enumerate(article.text.split("\n")):
        if para.strip():
            heading = is_heading(para)
            pieces = [para] if heading else _pieces(para)
            cursor = 0
            for piece in pieces:
                piece = piece.strip()
                if not piece:
                    continue
                at = para.find(piece, cursor)
                if at < 0:  # the tokenizer changed the text: cite the rest of the paragraph
                    at, piece = cursor, para[cursor:].strip()
                    if not piece:
                        continue
                    at = para.find(piece, cursor)
                out.append(Sentence(article.doc_id, len(out), p, offset + at, offset + at + len(piece), piece, heading))
                cursor = at + len(piece)
        offset += len(para) + 1
    return out


def contexts(article: Article, sentences: list[Sentence]) -> list[str]:
    """What a reader needs besides a sentence to understand it.

    The article title, the section heading above it and the previous sentence
    of its paragraph: "Tỉnh nâng 13 bậc" means Yên Bái only under the heading
    "Tỉnh nghèo Yên Bái vào Top 20".
    """
    out: list[str] = []
    heading = ""
    for i, s in enumerate(sentences):
        if s.heading and s.index > 0:
            heading = s.text
        parts = []
        if s.index > 0:
            parts.append(article.title)
        if heading and heading != s.text:
            parts.append(heading)
        if i > 0 and sentences[i - 1].paragraph == s.paragraph:
            parts.append(sentences[i - 1].text)
        out.append(" ".join(parts))
    return out
