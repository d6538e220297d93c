"""Answer: a short cited answer extracted from retrieved sentences, or an honest "not found"."""
from __future__ import annotations

from dataclasses import dataclass, field

from .hits import Hit


@dataclass(frozen=True)
class Citation:
    """A sentence that supports an answer; offsets index the cleaned article text."""

    doc_id: str
    title: str
    url: str
    sentence: str
    start: int
    end: int
    answer_start: int  # the answer's span in the article text (== start/end when it is the whole sentence)
    answer_end: int
    source: str = ""
    date: str = ""
    page: int | None = None  # a PDF report's page and the line on it, from 1 (None for other articles)
    line: int | None = None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Answer:
    """What `QA.ask` returns."""

    question: str
    found: bool
    text: str  # the short answer as the article states it: "9/63", "87,5%", "2.255 tổ"
    value: float | None = None  # the number, when the answer is one: 9.0, 87.5, 2255.0
    unit: str = ""  # "hạng", "bậc", "%", "tổ", "USD", ...
    kind: str = ""  # expected answer type: rank, rank_change, percent, count, amount, score, date, entity, list, text
    citations: list[Citation] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    message: str = ""  # a full Vietnamese sentence for the chat
    computed: bool = False  # derived from several facts rather than read from one sentence
    confidence: float = 0.0
    verdict: str = ""  # for a claim: "đúng", "sai" or "không đủ thông tin"
    comparison: dict | None = None  # for a comparison: {"values": {side: value}, "better": side, "difference": n}
    analysis: object = field(default=None, repr=False, compare=False)  # the parsed Question, for follow-ups
    suggestion: str = ""  # not found: the best candidate, below the confidence threshold ("có thể là …")
    reasons: tuple[str, ...] = ()  # not found: why (no_candidate, low_confidence, province, year, pillar, ...)
    method: str = ""  # the strategy that answered: facts, scorer, superlative, compare, claim, ... (dtiqa.verifier.METHODS)
    margin: float | None = None  # the scorer's lead (log-odds) over the best candidate saying something else; None: not scored

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        d.pop("analysis")
        d["citations"] = [c.to_dict() for c in self.citations]
        d["hits"] = [h.to_dict() for h in self.hits]
        d["reasons"] = list(self.reasons)
        return d
