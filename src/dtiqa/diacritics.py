"""Put diacritics back on a query typed without them, from the corpus's own usage.

"binh phuoc xep thu may nam 2021" -> "bình phước xếp thứ mấy năm 2021": a
bigram model of the indexed text (plus common question words) picks, for
each folded syllable, the spelling that best fits its neighbours (Viterbi).
The restored query then searches like one typed with diacritics; the folded
BM25 tokens still match whatever the restoration gets wrong.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

from .text import fold

_SYL = re.compile(r"[^\W\d_]+", re.UNICODE)
_CANDIDATES = 4  # spellings tried per syllable
_QUESTION_WEIGHT = 5  # each line of the question-word list counts as this many sentences


def _question_lines() -> list[str]:
    text = resources.files("dtiqa").joinpath("data/question_words.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


class DiacriticModel:
    """Counts of spellings and spelling bigrams, keyed by their folded form."""

    def __init__(self, unigrams: dict[str, dict[str, int]], bigrams: dict[str, int]):
        self.unigrams = unigrams  # "phuoc" -> {"phước": 12, "phuộc": 1}
        self.bigrams = bigrams  # "bình phước" -> 12

    @classmethod
    def from_texts(cls, texts) -> "DiacriticModel":
        uni: dict[str, Counter] = defaultdict(Counter)
        bi: Counter = Counter()

        def add(text: str, weight: int) -> None:
            syl = _SYL.findall(text.lower())
            for s in syl:
                uni[fold(s)][s] += weight
            for a, b in zip(syl, syl[1:]):
                bi[f"{a} {b}"] += weight

        for t in texts:
            add(t, 1)
        for line in _question_lines():
            add(line, _QUESTION_WEIGHT)
        unigrams = {f: dict(c.most_common(_CANDIDATES)) for f, c in uni.items()}
        return cls(unigrams, dict(bi))

    def save(self, path: Path) -> None:
        Path(path).write_text(json.dumps({"unigrams": self.unigrams, "bigrams": self.bigrams}, ensure_ascii=False),
                              encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "DiacriticModel":
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(d["unigrams"], d["bigrams"])

    def restore(self, query: str) -> str:
        """The query with diacritics restored; a query that has any diacritics is returned as is."""
        if fold(query) != query:
            return query
        tokens = list(_SYL.finditer(query))
        if not tokens:
            return query
        # Viterbi over the spellings of each syllable; unknown syllables stay as typed.
        lattice = []
        for m in tokens:
            low = m.group(0).lower()
            forms = self.unigrams.get(low) or {low: 1}
            total = sum(forms.values())
            lattice.append([(f, math.log(c / total)) for f, c in forms.items()])
        best = {f: (lp, [f]) for f, lp in lattice[0]}
        for i in range(1, len(lattice)):
            adjacent = tokens[i - 1].end() + 1 >= tokens[i].start()  # only a space between them
            nxt = {}
            for f, lp in lattice[i]:
                cands = []
                for prev, (score, path) in best.items():
                    link = math.log(1 + self.bigrams.get(f"{prev} {f}", 0)) if adjacent else 0.0
                    cands.append((score + lp + 2.0 * link, path))
                score, path = max(cands, key=lambda c: c[0])
                nxt[f] = (score, path + [f])
            best = nxt
        path = max(best.values(), key=lambda v: v[0])[1]
        out, last = [], 0
        for m, form in zip(tokens, path):
            typed = m.group(0)
            if typed.isupper() and len(typed) > 1:
                form = form.upper()
            elif typed[:1].isupper():
                form = form[:1].upper() + form[1:]
            out.append(query[last: m.start()] + form)
            last = m.end()
        return "".join(out) + query[last:]
