"""Signals: what each indexed sentence offers a question, read once at index time.

A sentence that never names its province ("Tổng điểm của tỉnh đạt 0,5123") is still about one: the
province its paragraph, heading or headline names, in the DTI edition its article reports. The
answer layer's reading of the article (`facts.extract_with_signals`) says so, and which kinds of figures the
sentence states (a rank, a score, a percentage, a date …), of which pillars and rankings. They are
stored as small integer columns beside the sentence arrays, so the reranker can ask "is this
sentence about the asked province, year and kind of figure?" for fifty candidates in microseconds.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

ROLES = ("rank", "rank_change", "score", "percent", "count", "amount", "date")  # the figure kinds questions ask
COLUMNS = ("context_place", "main_place", "edition", "roles", "pillars", "rankings")


@dataclass(frozen=True)
class Signals:
    """One sentence's context and the kinds of figures it states."""

    context_place: str  # the province it is about: named in it, else its paragraph's, heading's or article's
    main_place: str  # its article's province: the headline's, else the one the article names most
    edition: int | None  # the DTI edition its article (or section) reports
    roles: frozenset = frozenset()  # of ROLES
    pillars: frozenset = frozenset()  # pillar names (question.PILLARS)
    rankings: frozenset = frozenset()  # rankings of its ranks and scores ("dti", "pci", …)


@lru_cache(maxsize=1)
def _vocab() -> tuple[dict, dict, dict]:
    from . import provinces
    from .question import PILLARS, RANKINGS

    g = provinces.gazetteer()
    places = sorted(set(provinces.names()) | set(g.successor.values()))
    return ({p: i for i, p in enumerate(places)}, {p: i for i, p in enumerate(PILLARS)},
            {r: i for i, r in enumerate(("dti", *RANKINGS))})


def schema() -> str:
    """A digest of the ids the columns use: an index written with other ids is stale."""
    places, pillars, rankings = _vocab()
    text = "|".join(["\n".join(places), "\n".join(pillars), "\n".join(rankings), "\n".join(ROLES), *COLUMNS])
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def place_id(name: str) -> int:
    """The column id of a province (-1 for a name the gazetteer does not list)."""
    return _vocab()[0].get(name, -1)


def _mask(names, ids: dict) -> int:
    return sum(1 << ids[n] for n in names if n in ids)


def role_mask(roles) -> int:
    return _mask(roles, {r: i for i, r in enumerate(ROLES)})


def pillar_mask(pillars) -> int:
    return _mask(pillars, _vocab()[1])


def ranking_mask(rankings) -> int:
    return _mask(rankings, _vocab()[2])


def encode(signals: Sequence[Signals]) -> dict[str, np.ndarray]:
    """The columns of a run of sentences."""
    return {
        "context_place": np.array([place_id(s.context_place) for s in signals], np.int16),
        "main_place": np.array([place_id(s.main_place) for s in signals], np.int16),
        "edition": np.array([s.edition or 0 for s in signals], np.int16),
        "roles": np.array([role_mask(s.roles) for s in signals], np.int16),
        "pillars": np.array([pillar_mask(s.pillars) for s in signals], np.int16),
        "rankings": np.array([ranking_mask(s.rankings) for s in signals], np.int16),
    }


def empty(n: int) -> dict[str, np.ndarray]:
    """Columns for `n` sentences nothing is known of (an index written before signals were stored)."""
    return {c: np.full(n, -1 if c.endswith("place") else 0, np.int16) for c in COLUMNS}
