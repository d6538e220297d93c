"""The JSON API: what `dtiqa ask --json` prints and the page's named endpoints return.

Plain JSON values with fixed fields. A conversation is passed in and handed back (`history`): the page
keeps exactly this list, so a program that passes it gets the page's answer, and `[]` starts anew.
"""
from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields

from .answer import Answer

HISTORY_TURNS = 10  # earlier turns kept for follow-up questions
MAX_K = 50  # passages an endpoint returns at most


@dataclass(frozen=True)
class Turn:
    """One earlier question of a conversation, as a client hands it back."""

    question: str
    answer: str = ""  # the short answer given ("" when none was)
    context: dict | None = None  # what the question was read as (provinces, year, kind, ...): follow-ups inherit it

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def of(cls, item: object) -> Turn:
        """A turn from what a client passed: a question string, or an object with a "question"."""
        if isinstance(item, str):
            return cls(item)
        if isinstance(item, dict) and isinstance(item.get("question"), str):
            context = item.get("context")
            return cls(item["question"], str(item.get("answer") or ""), context if isinstance(context, dict) else None)
        raise ValueError("history: each turn is a question string or an object with a \"question\" string")


@dataclass(frozen=True)
class ArticleInfo:
    """An article as the API lists it; `text` (the cleaned article the offsets index) only when one is asked for."""

    doc_id: str
    title: str
    source: str
    url: str
    date: str
    author: str
    sentences: int
    text: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


# ------------------------------------------------------------------ answers
def notes(ans: Answer) -> list[str]:
    """What the answer's message says besides the answer and its sources (the 2025 merger, a caveat), one a line."""
    lines = [x.strip().replace("**", "") for x in ans.message.splitlines() if x.strip()]
    return [x for x in lines[1:] if not x.startswith("Nguồn:")]


def answer_json(ans: Answer) -> dict:
    """The answer with what it is about as separate fields: `province` (when one), `provinces`, `year`, `index`
    ("dti", "ict", ...), `pillar` (None for the index as a whole) and `notes`; citations carry their offsets and URLs."""
    q = ans.analysis
    provinces = list(getattr(q, "provinces", ()) or ())
    return ans.to_dict() | {
        "province": provinces[0] if len(provinces) == 1 else None,
        "provinces": provinces,
        "year": getattr(q, "year", None),
        "index": getattr(q, "ranking", "dti"),
        "pillar": getattr(q, "pillar", "") or None,
        "notes": notes(ans),
    }


def context_of(question: object) -> dict | None:
    """A parsed question as JSON: the fields that differ from their defaults."""
    try:
        return {f.name: list(v) if isinstance(v, tuple) else v for f in fields(question)
                if (v := getattr(question, f.name)) != f.default}
    except TypeError:  # not a dataclass
        return None


def question_from(context: dict | None):
    """The parsed question a turn's context holds, or None when it does not hold a valid one."""
    from .question import Question

    if not context:
        return None
    values = {}
    for f in fields(Question):
        if f.name not in context:
            if f.default is MISSING:
                return None
            continue
        v, hint = context[f.name], str(f.type)
        if hint.startswith("tuple"):
            ok = isinstance(v, list) and all(isinstance(x, str) for x in v)
            v = tuple(v) if ok else v
        elif hint == "bool":
            ok = isinstance(v, bool)
        elif hint.startswith("int"):
            ok = (v is None and "None" in hint) or (isinstance(v, int) and not isinstance(v, bool))
        else:
            ok = hint == "str" and isinstance(v, str)
        if not ok:
            return None
        values[f.name] = v
    return Question(**values)


def _earlier(qa, turns: list[Turn]) -> list[Answer]:
    """Earlier turns as `QA.ask` takes them: each with the question it was read as (its context, else read again
    after the turns before it, as the page read it)."""
    from .answering import question_of

    out: list[Answer] = []
    for t in turns:
        q = question_from(t.context) or question_of(qa, t.question, list(out))
        out.append(Answer(t.question, bool(t.answer), t.answer, analysis=q))
    return out


def ask(qa, question: str, history: list | None = None, k: int = 10) -> tuple[Answer, list[dict]]:
    """Answer `question` after the conversation `history` (turns as `Turn.of` reads them); returns the Answer and
    the conversation with this turn, the last HISTORY_TURNS turns, to pass back next time."""
    if history is not None and not isinstance(history, list):
        raise ValueError("history must be a list of turns ([] for a new conversation)")
    turns = [Turn.of(x) for x in history or []][-HISTORY_TURNS:]
    earlier = _earlier(qa, turns)
    ans = qa.ask(question, history=earlier, k=k)
    turns = [Turn(t.question, t.answer, context_of(a.analysis)) for t, a in zip(turns, earlier)]
    turns.append(Turn(question, ans.text, context_of(ans.analysis)))
    return ans, [t.to_dict() for t in turns[-HISTORY_TURNS:]]


# ------------------------------------------------------------------ search, facts, articles
def _k(k: object) -> int:
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise ValueError("k must be a whole number, at least 1")
    return min(k, MAX_K)


def answer(qa, question: str, history: list | None = None, k: int = 5) -> tuple[dict, list[dict]]:
    """The answer as JSON (`answer_json`, with `k` passages) and the conversation to pass back."""
    ans, turns = ask(qa, question, history, _k(k))
    return answer_json(ans), turns


def search(qa, query: str, k: int = 5, mode: str = "hybrid") -> list[dict]:
    """The `k` best passages, as `dtiqa search --json` prints them."""
    return [h.to_dict() for h in qa.search(query, k=_k(k), mode=mode or "hybrid")]


def facts(qa, province: str = "", year: int | None = None) -> list[dict]:
    """The facts table's rows for a province (any spelling, "" for all) and a year (None for all), each with the
    title, URL, source and date of the article that states it."""
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise ValueError("year must be a whole number or null")
    articles = {a.doc_id: a for a in qa.articles}
    out = []
    for f in qa.facts((province or "").strip() or None, year):
        a = articles.get(f.doc_id)
        out.append(f.to_dict() | {"title": a.title if a else "", "url": a.url if a else "",
                                  "source": a.source if a else "", "date": a.date if a else ""})
    return out


def articles(qa, doc_id: str = "") -> list[dict]:
    """Every article's metadata and sentence count; with `doc_id`, that article alone with its cleaned `text`
    (KeyError if it is not indexed)."""
    chosen = [qa.article(doc_id)] if doc_id else sorted(qa.articles, key=lambda a: a.doc_id)
    return [ArticleInfo(a.doc_id, a.title, a.source, a.url, a.date, a.author, len(qa.index.rows_of(a.doc_id)),
                        a.text if doc_id else None).to_dict() for a in chosen]
