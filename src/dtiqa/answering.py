"""Placeholder while the answer layer is written: every question abstains with its hits."""
from __future__ import annotations

from .answer import Answer


def answer_question(qa, question: str, history: list, k: int = 10) -> Answer:
    hits = qa.search(question, k=k)
    return Answer(question, False, "", hits=hits, message="Chưa có câu trả lời.")
