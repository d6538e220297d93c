"""Answering: from a question to a short cited answer, or an honest "not found".

Rank questions are answered from the facts table (every rank the articles
state, with province, year, pillar and ranking); other numeric questions from
the numbers of the retrieved sentences whose role, province and year fit the
question. Nothing that fails a constraint is offered as an answer: the reply
then says what is missing and shows the closest passages.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, replace

from .answer import Answer, Citation
from .facts import Fact, Mention, article_context, date_mentions, sentence_mentions
from .hits import Hit
from .question import Question, analyze, with_history
from .text import fold, has_letters_or_digits

K_SEARCH = 20  # passages examined for a numeric answer
MIN_OVERLAP = 1.0  # the words around a number must share this much with the question

ROLE_OF_KIND = {"percent": "percent", "amount": "amount", "score": "score", "count": "count"}
UNIT_OF_KIND = {"rank": "hạng", "rank_change": "bậc", "percent": "%", "score": "điểm"}
KIND_VI = {"rank": "thứ hạng", "rank_change": "mức tăng/giảm bậc", "percent": "tỷ lệ", "count": "số lượng",
           "amount": "số tiền", "score": "điểm số", "date": "thời điểm", "entity": "tên địa phương",
           "list": "danh sách địa phương", "text": "câu trả lời ngắn"}


@dataclass(frozen=True)
class _Candidate:
    """A number that may answer the question, with where it is and how well it fits."""

    score: float
    text: str
    value: float | None
    unit: str
    hit: Hit
    start: int  # span in the article text
    end: int


# ------------------------------------------------------------------ entry point
def answer_question(qa, question: str, history: list, k: int = 10) -> Answer:
    """Answer `question` from `qa`'s corpus; `history` holds earlier Answers (or question strings)."""
    if not isinstance(question, str) or not question.strip():
        raise ValueError("question is empty")
    places = qa.index.extra_places
    q = analyze(question, places)
    q = with_history(q, _previous(history, places))
    if not has_letters_or_digits(q.text):
        return _not_found(q, [], "câu hỏi không có chữ hay số nào để tìm")
    hits = qa.search(_search_text(q), k=max(k, K_SEARCH))
    shown = hits[:k]
    if q.kind in ("rank", "rank_change") and q.provinces:
        return _with_hits(_answer_rank(qa, q), shown)
    if q.kind in ("entity", "list") and (q.rank_value is not None or q.top is not None):
        return _with_hits(_answer_inverse(qa, q), shown)
    if q.kind in ROLE_OF_KIND or q.kind == "date":
        return _with_hits(_answer_number(qa, q, hits), shown)
    if q.kind in ("rank", "rank_change"):
        return _not_found(q, shown, "câu hỏi chưa nêu tỉnh, thành phố nào")
    return _not_found(q, shown, "tôi chưa trích được câu trả lời ngắn cho loại câu hỏi này")


def _previous(history: list, places: frozenset) -> Question | None:
    for turn in reversed(history or []):
        if isinstance(turn, Answer) and turn.analysis is not None:
            return turn.analysis
        if isinstance(turn, str) and turn.strip():
            return analyze(turn, places)
        if isinstance(turn, dict) and turn.get("role", "user") == "user" and isinstance(turn.get("content"), str):
            return analyze(turn["content"], places)
    return None


def _search_text(q: Question) -> str:
    """The question, plus what a follow-up left out, as a search query."""
    extra = []
    if "provinces" in q.inherited:
        extra.extend(q.provinces)
    if "year" in q.inherited and q.year:
        extra.append(f"năm {q.year}")
    if "kind" in q.inherited:
        extra.append({"rank": "xếp thứ", "rank_change": "tăng bậc"}.get(q.kind, ""))
    if "pillar" in q.inherited:
        extra.append(q.pillar)
    return " ".join([q.text] + [e for e in extra if e])


def _with_hits(ans: Answer, hits: list[Hit]) -> Answer:
    return replace(ans, hits=hits)


# ------------------------------------------------------------------ rank facts
def _fits(f: Fact, q: Question, kind: str) -> bool:
    if f.kind != kind or f.ranking != q.ranking or f.pillar != q.pillar or f.target != q.target:
        return False
    if q.year is not None:
        return f.year == q.year
    if q.latest:
        return f.latest or f.year is not None
    return True


def _pick_year(facts: list[Fact], q: Question) -> list[Fact]:
    """Without a year in the question: the newest edition the facts give ("mới nhất" first)."""
    if q.year is not None or not facts:
        return facts
    latest = [f for f in facts if f.latest]
    if latest:
        return latest
    dated = [f for f in facts if f.year is not None]
    if not dated:
        return facts
    newest = max(f.year for f in dated)
    return [f for f in dated if f.year == newest]


def _answer_rank(qa, q: Question) -> Answer:
    kind = "rank" if q.kind == "rank" else "rank_change"
    if q.target:
        kind = "top" if not any(f.kind == "rank" and f.target for f in qa.index.facts) else kind
    pool = [f for f in qa.index.facts if f.province in q.provinces]
    facts = _pick_year([f for f in pool if _fits(f, q, kind) or (q.target and _fits(f, q, "top"))], q)
    if q.latest and not any(f.latest for f in facts):
        facts = []  # "mới nhất" asks for the newest edition an article reports, not any dated one
    if not facts and kind == "rank_change":
        derived = _derive_change(qa, q, pool)
        if derived is not None:
            return derived
    if not facts:
        return _not_found(q, [], _missing(q, pool, kind))
    stated = [f for f in facts if not f.computed] or facts
    by_value: OrderedDict[float, list[Fact]] = OrderedDict()
    for f in sorted(stated, key=lambda f: (f.computed, not f.text[:1].isdigit(), f.doc_id, f.sentence_index)):
        by_value.setdefault(f.value, []).append(f)
    groups = sorted(by_value.values(), key=lambda g: -len({(x.doc_id, x.sentence_index) for x in g}))
    best = groups[0]
    lead = best[0]
    citations = _fact_citations(qa, [x for g in groups for x in g])
    unit = "bậc" if kind == "rank_change" else ("top" if lead.kind == "top" else "hạng")
    text = _rank_text(lead)
    message = _rank_message(q, lead, text)
    if len(groups) > 1:
        others = "; ".join(f"{_rank_text(g[0])} (bài “{_title(qa, g[0].doc_id)}”)" for g in groups[1:])
        message += f" Lưu ý: các nguồn không thống nhất — nguồn khác ghi {others}."
    if lead.computed:
        message += " (Con số này được tính từ thứ hạng và mức tăng/giảm bậc mà bài viết nêu.)"
    return Answer(q.text, True, text, float(lead.value), unit, q.kind, citations, [], message, lead.computed,
                  0.9 if len(groups) == 1 else 0.6, analysis=q)


def _derive_change(qa, q: Question, pool: list[Fact]) -> Answer | None:
    """A rank change no sentence states, from two ranks that sentences do state (63 in 2020 -> 27: +36)."""
    ranks = [f for f in pool if _fits(f, replace(q, year=None, latest=False), "rank") and not f.computed]
    if q.year is not None:
        later = [f for f in ranks if f.year == q.year]
        earlier = [f for f in ranks if f.year is not None and f.year < q.year]
    else:
        later = [f for f in ranks if f.latest] or _pick_year([f for f in ranks if f.year is not None], q)
        cut = min((f.year for f in later if f.year is not None), default=None)
        earlier = [f for f in ranks if f.year is not None and not f.latest and (cut is None or f.year < cut)]
    if not later or not earlier:
        return None
    new = later[0]
    newest_before = max(f.year for f in earlier)
    old = next(f for f in earlier if f.year == newest_before)
    change = old.value - new.value
    verb = "tăng" if change >= 0 else "giảm"
    when_new = f"năm {new.year}" if new.year else "bảng xếp hạng mới nhất"
    text = f"{int(abs(change))} bậc"
    message = (f"{new.province} {verb} **{text}**: từ hạng {int(old.value)} năm {old.year} lên hạng "
               f"{int(new.value)} ({when_new}). Con số này được tính từ hai thứ hạng mà bài viết nêu."
               if change >= 0 else
               f"{new.province} {verb} **{text}**: từ hạng {int(old.value)} năm {old.year} xuống hạng "
               f"{int(new.value)} ({when_new}). Con số này được tính từ hai thứ hạng mà bài viết nêu.")
    return Answer(q.text, True, text, float(change), "bậc", q.kind, _fact_citations(qa, [new, old]), [], message,
                  True, 0.7, analysis=q)


def _rank_text(f: Fact) -> str:
    if f.kind == "top":
        return f"top {int(f.value)}"
    if f.computed:
        return f"{int(f.value)}/{int(f.out_of)}" if f.out_of else str(int(f.value))
    return f.text


def _rank_message(q: Question, f: Fact, text: str) -> str:
    what = f"về {f.pillar}" if f.pillar else ("theo Vietnam ICT Index" if f.ranking == "ict" else "về chỉ số chuyển đổi số (DTI)")
    when = f" năm {f.year}" if f.year else (" trong bảng xếp hạng mới nhất bài viết nêu" if f.latest else "")
    if f.kind == "rank_change":
        verb = "giảm" if f.value < 0 else "tăng"
        return f"{f.province} {verb} **{abs(int(f.value))} bậc** {what}{when}."
    if f.kind == "top":
        goal = "đặt mục tiêu vào" if f.target else "nằm trong"
        return f"{f.province} {goal} **{text}** {what}{when}."
    goal = "đặt mục tiêu xếp thứ" if f.target else "xếp thứ"
    return f"{f.province} {goal} **{text}** {what}{when}."


def _missing(q: Question, pool: list[Fact], kind: str) -> str:
    """What the corpus lacks, said plainly, with what it does have for these provinces."""
    who = ", ".join(q.provinces)
    what = KIND_VI.get(q.kind, "thông tin")
    if q.pillar:
        what += f" về {q.pillar}"
    elif q.ranking == "ict":
        what += " theo Vietnam ICT Index"
    else:
        what += " DTI"
    when = f" năm {q.year}" if q.year else ""
    have = sorted({f.year for f in pool if f.kind == kind and f.ranking == q.ranking and f.pillar == q.pillar
                   and not f.target and f.year})
    note = f" (kho bài viết chỉ có {what} của {who} các năm {', '.join(map(str, have))})" if have else ""
    if not pool:
        note = f" (không bài viết nào trong kho nêu thứ hạng của {who})"
    return f"không có bài viết nào nêu {what} của {who}{when}{note}"


def _answer_inverse(qa, q: Question) -> Answer:
    """"Năm 2021 tỉnh nào đứng thứ 8?" and "những tỉnh nào trong top 10?" from the facts table."""
    facts = [f for f in qa.index.facts if f.ranking == q.ranking and f.pillar == q.pillar and not f.target
             and (q.year is None or f.year == q.year) and not f.computed]
    if q.top is not None:
        chosen = [f for f in facts if (f.kind == "rank" and f.value <= q.top) or (f.kind == "top" and f.value <= q.top)]
    else:
        chosen = [f for f in facts if f.kind == "rank" and f.value == q.rank_value]
    if not chosen:
        asked = f"trong top {q.top}" if q.top is not None else f"đứng thứ {q.rank_value}"
        when = f" năm {q.year}" if q.year else ""
        return _not_found(q, [], f"không có bài viết nào nêu tỉnh, thành phố {asked}{when}")
    names = list(dict.fromkeys(f.province for f in chosen))
    text = ", ".join(names)
    citations = _fact_citations(qa, chosen)
    when = f" năm {q.year}" if q.year else ""
    what = f" về {q.pillar}" if q.pillar else (" theo Vietnam ICT Index" if q.ranking == "ict" else " về chỉ số DTI")
    if q.top is not None:
        message = f"Các tỉnh, thành phố trong top {q.top}{what}{when} mà kho bài viết nêu: **{text}**."
    else:
        message = f"Tỉnh, thành phố đứng thứ {q.rank_value}{what}{when}: **{text}**."
    kind = "list" if q.kind == "list" or len(names) > 1 else "entity"
    return Answer(q.text, True, text, None, "", kind, citations, [], message, False, 0.8, analysis=q)


def _fact_citations(qa, facts: list[Fact]) -> list[Citation]:
    out, seen = [], set()
    for f in facts:
        key = (f.doc_id, f.sentence_index)
        if key in seen:
            continue
        seen.add(key)
        a = qa.article(f.doc_id)
        out.append(Citation(f.doc_id, a.title, a.url, f.sentence, f.start, f.end, f.answer_start, f.answer_end,
                            a.source, a.date))
    return out


def _title(qa, doc_id: str) -> str:
    return qa.article(doc_id).title


# ------------------------------------------------------------------ numbers in passages
_context_cache: OrderedDict = OrderedDict()


def _contexts(qa, doc_id: str) -> tuple[list[str], int | None]:
    key = (str(qa.index.path), doc_id)
    if key not in _context_cache:
        _context_cache[key] = article_context(qa.article(doc_id), qa.sentences(doc_id))
        if len(_context_cache) > 512:
            _context_cache.popitem(last=False)
    return _context_cache[key]


def _overlap(q: Question, folded_sentence: str, start: int, end: int) -> float:
    """How much the words near a number (closer counts more) share with the question."""
    score = 0.0
    terms = set(q.terms)
    for m in re.finditer(r"[a-z]+", folded_sentence):
        if m.group(0) in terms:
            d = m.end() <= start and start - m.end() or max(0, m.start() - end)
            score += 1.0 / (1.0 + d / 25.0)
    return score


def _noun_after(sentence: str, end: int) -> str:
    """The word a count counts: "tổ" in "446 tổ chuyển đổi số", "thành viên" in "2.439 thành viên"."""
    from underthesea import word_tokenize

    rest = sentence[end: end + 40].strip()
    if not rest or not rest[0].isalpha():
        return ""
    words = word_tokenize(rest)
    return words[0] if words else ""


def _answer_number(qa, q: Question, hits: list[Hit]) -> Answer:
    role = ROLE_OF_KIND.get(q.kind, q.kind)
    candidates: list[_Candidate] = []
    for h in hits:
        ctx, edition, extra = _contexts(qa, h.doc_id)
        place = ctx[h.sentence_index] if h.sentence_index < len(ctx) else ""
        f = fold(h.sentence.lower())
        retrieval = 1.0 / (1 + 0.15 * (h.rank - 1))
        if q.kind == "date":
            for d in date_mentions(h.sentence):
                if q.year and not d.iso.startswith(str(q.year)):
                    continue
                if q.provinces and place not in q.provinces and not _names_province(h.sentence, q):
                    continue
                ov = _overlap(q, f, d.start, d.end)
                if ov >= MIN_OVERLAP:
                    candidates.append(_Candidate(ov + retrieval, d.text, None, "", h, h.start + d.start, h.start + d.end))
            continue
        for m in sentence_mentions(h.sentence, place, edition, extra):
            if m.role != role:
                continue
            if q.provinces and m.province not in q.provinces:
                continue
            if q.year is not None and m.year != q.year and str(q.year) not in h.sentence:
                continue
            ov = _overlap(q, f, m.start, m.end)
            text, unit, bonus = m.text, m.unit or UNIT_OF_KIND.get(q.kind, ""), 0.0
            if role == "count":
                noun = _noun_after(h.sentence, m.end)
                if noun:
                    text, unit = f"{m.text} {noun}", noun
                if q.noun:
                    if fold(noun.lower()).split()[:1] != fold(q.noun.lower()).split()[:1]:
                        continue
                    bonus = 2.0
                    ov = _overlap(replace(q, terms=tuple(t for t in q.terms if t != fold(q.noun.lower()))), f, m.start, m.end)
            if ov < MIN_OVERLAP:
                continue
            candidates.append(_Candidate(ov + bonus + retrieval, text, m.value, unit, h, h.start + m.start,
                                         h.start + m.start + len(text)))
    if not candidates:
        return _not_found(q, [], _missing_number(q))
    candidates.sort(key=lambda c: (-c.score, c.hit.rank, c.start))
    best = candidates[0]
    agree = [c for c in candidates if c.value == best.value and c.text == best.text]
    citations = []
    for c in [best] + [c for c in agree if c is not best]:
        if any(x.doc_id == c.hit.doc_id and x.start == c.hit.start for x in citations):
            continue
        citations.append(Citation(c.hit.doc_id, c.hit.title, c.hit.url, c.hit.sentence, c.hit.start, c.hit.end,
                                  c.start, c.end, c.hit.source, c.hit.date))
    src = citations[0]
    message = (f"**{best.text}** — theo bài “{src.title}”{_source_suffix(src)}: “{src.sentence}”")
    confidence = min(0.95, best.score / 4.0)
    return Answer(q.text, True, best.text, best.value, best.unit, q.kind, citations, [], message, False, confidence,
                  analysis=q)


def _names_province(sentence: str, q: Question) -> bool:
    from .provinces import find

    return any(p.name in q.provinces for p in find(sentence, folded=False))


def _missing_number(q: Question) -> str:
    what = KIND_VI.get(q.kind, "thông tin")
    who = f" của {', '.join(q.provinces)}" if q.provinces else ""
    when = f" năm {q.year}" if q.year else ""
    return f"không tìm thấy câu nào nêu {what}{who}{when} khớp với câu hỏi"


def _source_suffix(c: Citation) -> str:
    parts = [p for p in (c.source, c.date) if p]
    return f" ({', '.join(parts)})" if parts else ""


def _not_found(q: Question, hits: list[Hit], why: str) -> Answer:
    message = f"Không tìm thấy câu trả lời trong kho bài viết: {why}."
    if hits:
        message += " Các đoạn gần nhất được liệt kê bên dưới."
    return Answer(q.text, False, "", None, "", q.kind, [], hits, message, False, 0.0, analysis=q)
