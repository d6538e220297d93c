"""Answering: from a question to a short cited answer, or an honest "not found".

Rank questions are answered from the facts table (every rank the articles
state, with province, year, pillar and ranking). Other questions are answered
from the retrieved sentences: a number, date, name or document number whose
role fits the question, in a sentence (or ';' part of one) that shares most of
the question's words and satisfies its province and year. Nothing that fails a
constraint is offered: the reply then says what is missing.
"""
from __future__ import annotations

import re
from collections import Counter, OrderedDict
from dataclasses import dataclass, replace

from . import provinces
from .answer import Answer, Citation
from . import candidates, lists, scorer, verifier
from .candidates import _contexts, _fit, _noun_after, _words
from .facts import Fact, sentence_mentions
from .numbers import quantities
from .hits import Hit, hit_at, prepare_query
from .question import (ARTICLE_GROUP_RE, DIFFERENCE_ASKED, PILLAR_RES, PILLARS, SUPERLATIVE_RE, TARGET_WORDS_RE, Question,
                       analyze, with_history)
from .text import fold, has_letters_or_digits, name_kinds

K_SEARCH = 20  # passages examined for an answer found in text
MIN_COVERAGE = 0.5  # share of the question's words the answer's sentence (and context) must hold

UNIT_OF_KIND = candidates.UNIT_OF_KIND
KIND_VI = {"rank": "thứ hạng", "rank_change": "mức tăng/giảm bậc", "percent": "tỷ lệ", "count": "số lượng",
           "amount": "số tiền", "score": "điểm số", "duration": "khoảng thời gian", "date": "thời điểm", "entity": "tên địa phương",
           "list": "danh sách địa phương", "person": "tên người", "name": "tên cơ quan, đơn vị",
           "names": "danh sách tên", "id": "số hiệu văn bản",
           "meta_author": "tác giả", "meta_source": "nguồn", "meta_date": "ngày đăng", "text": "câu trả lời ngắn"}
_DOC_TYPES = r"nghị quyết|kế hoạch|quyết định|đề án|chương trình|chỉ thị|thông tư|nghị định|văn bản|công văn"


@dataclass(frozen=True)
class _Candidate:
    """Something that may answer the question, where it is and how well it fits."""

    score: float
    text: str
    value: float | None
    unit: str
    hit: Hit
    start: int  # span in the article text
    end: int


# ------------------------------------------------------------------ entry point
def answer_question(qa, question: str, history: list, k: int = 10, verify: bool = True) -> Answer:
    """Answer `question` from `qa`'s corpus; `history` holds earlier Answers (or question strings).
    `verify=False` skips the verifier (to collect its training data)."""
    if not isinstance(question, str) or not question.strip():
        raise ValueError("question is empty")
    if k < 1:
        raise ValueError("k must be at least 1")
    q = question_of(qa, question, history)
    if not has_letters_or_digits(q.text):
        return _not_found(q, [], "câu hỏi không có chữ hay số nào để tìm")
    hits = with_replies(qa, qa.search(_search_text(q), k=max(k, K_SEARCH)))
    if q.new_unit and q.merger:
        ans = replace(_answer_merger(qa, q, hits), method="merger")  # "Đồng Nai mới gồm những tỉnh nào?"
    elif q.new_unit:
        ans = replace(_answer_new_unit(qa, q, hits), method="new_unit")
    else:
        ans = _with_merger_note(_dispatch(qa, q, hits), q)
    ans = replace(ans, hits=hits[:k], citations=_located(qa, ans.citations))
    return verified(q, ans, hits[:VERIFIER_HITS]) if verify else ans


def _located(qa, citations: list[Citation]) -> list[Citation]:
    """Citations of a PDF report with the page and line they stand on."""
    out = []
    for c in citations:
        try:
            at = qa.article(c.doc_id).page_line(c.start)
        except KeyError:  # the article left the index: cite as it is
            at = None
        out.append(replace(c, page=at[0], line=at[1]) if at else c)
    return out


MARGIN_CAP = 5.0  # log-odds: a lead past this (or no rival at all) says no more
VERIFIER_HITS = 10  # the verifier reads the top 10 hits (what `ask` returns by default)
# The gazetteer's answers (what the 2025 merger made of a province) are not read from text: not verified.
_UNVERIFIED = ("merger", "new_unit")


def verified(q: Question, ans: Answer, hits: list[Hit], model=None) -> Answer:
    """A found answer with the verifier's probability as its confidence; below the verifier's threshold,
    "not found" with the answer offered as a possibility beside its sentence."""
    model = model or verifier.default()
    if not ans.found or ans.method in _UNVERIFIED:
        return ans
    if model is None:  # no verifier fitted: the scorer's own threshold decides its answers
        p, threshold = ans.confidence, scorer.default().threshold if ans.method == "scorer" else 0.0
    else:
        p, threshold = model.probability(verifier.features(q, ans, hits)), model.threshold
    if p >= threshold:
        return replace(ans, confidence=p)
    message = (f"Không đủ chắc chắn để trả lời (độ tin cậy {p:.0%}). Có thể là **{ans.text}**, theo câu dưới "
               f"đây — hãy kiểm tra lại." + (_cite_line(ans.citations[0]) if ans.citations else ""))
    return replace(ans, found=False, text="", value=None, unit="", confidence=p, message=message,
                   citations=ans.citations[:1], suggestion=ans.text, reasons=("low_confidence",),
                   verdict="không đủ thông tin" if ans.verdict else "", comparison=None)


def question_of(qa, question: str, history: list = ()) -> Question:
    """The analysed question, with what earlier turns leave it to inherit."""
    question = prepare_query(question)  # normalised, and a 100 KB paste cut to a question's length
    places = qa.index.extra_places
    return with_history(analyze(question, places), _previous(list(history), places))


def text_candidates(qa, question: str) -> tuple[Question, list]:
    """The analysed question and the scored path's candidates, as `ask` sees them (for fitting the scorer)."""
    q = question_of(qa, question)
    hits = with_replies(qa, qa.search(_search_text(q), k=K_SEARCH)) if has_letters_or_digits(q.text) else []
    return q, candidates.generate(qa, q, hits)[0]


REPLY_SENTENCES = 2  # sentences read after a retrieved question


def with_replies(qa, hits: list[Hit]) -> list[Hit]:
    """The hits, each retrieved question ("Ngân sách năm 2024 là bao nhiêu?" in an interview, a press
    conference, a Q&A page) followed by the sentences that reply to it: the reply holds the figure, the
    question holds the words that find it."""
    out, seen = [], {h.row for h in hits}
    idx = qa.index
    for h in hits:
        out.append(h)
        if not h.sentence.rstrip().endswith("?"):
            continue
        for row in range(h.row + 1, min(h.row + 1 + REPLY_SENTENCES, idx.size)):
            if idx.doc[row] != idx.doc[h.row] or row in seen:
                continue
            seen.add(row)
            reply = hit_at(idx, row)
            out.append(replace(reply, rank=h.rank, score=h.score, bm25_score=h.bm25_score, bm25_rank=h.bm25_rank,
                               dense_score=h.dense_score, dense_rank=h.dense_rank))
    return out


# ------------------------------------------------------------------ the 2025 merger
MERGER_DATE = "1/7/2025"


def _merger_note(name: str) -> str:
    """How a pre-2025 province relates to the unit it is part of now ("" when nothing changed)."""
    unit = provinces.successor(name)
    others = [m for m in provinces.members(unit) if m != name]
    if unit != name:
        return f"{name} (nay thuộc {_unit_label(unit)} từ {MERGER_DATE})"
    if others:
        return f"số liệu của {name} trước khi hợp nhất với {', '.join(others)} ({MERGER_DATE})"
    return ""


def _unit_label(unit: str) -> str:
    return unit if unit in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế") else f"tỉnh {unit}"


def _with_merger_note(ans: Answer, q: Question) -> Answer:
    """Say once, briefly, what became of a former province the answer is about."""
    if not ans.found:
        return ans
    notes = [n for n in (_merger_note(p) for p in q.provinces) if n]
    if not notes:
        return ans
    return replace(ans, message=ans.message + "\nLưu ý: " + "; ".join(notes) + ".")


def _answer_each(qa, q: Question, hits: list[Hit]) -> Answer:
    """"Thanh Hóa và Thái Nguyên xếp thứ mấy năm 2021?": one answer per province, never mixed."""
    answers = [(p, _dispatch(qa, replace(q, provinces=(p,)), hits)) for p in q.provinces]
    found = [(p, a) for p, a in answers if a.found]
    if not found:
        return _not_found(q, [], "; ".join(a.message.removeprefix("Không tìm thấy câu trả lời trong kho bài viết: ")
                                          .split(". Các đoạn")[0] for _, a in answers))
    text = "; ".join(f"{p}: {a.text}" for p, a in found)
    missing = [p for p, a in answers if not a.found]
    message = " ".join(a.message.split("\n")[0] for _, a in found)
    if missing:
        message += f" Kho bài viết không có số liệu của {', '.join(missing)}."
    citations = [c for _, a in found for c in a.citations]
    message += "".join(_cite_line(c) for c in citations[:3])
    return Answer(q.text, True, text, found[0][1].value if len(found) == 1 else None, found[0][1].unit, q.kind,
                  citations, [], message, any(a.computed for _, a in found), min(a.confidence for _, a in found),
                  analysis=q)


_JOINED_ASKED = re.compile(r"\b(sap nhap|hop nhat|nhap) them\b|\bnhap vao\b|\bmerged into\b|\bjoined\b")


def _answer_merger(qa, q: Question, hits: list[Hit]) -> Answer:
    """What the 1 July 2025 merger made of a province, from the gazetteer; a corpus sentence that says so is cited."""
    name = q.new_unit or q.provinces[0]
    unit = q.new_unit or provinces.successor(name)
    formed = provinces.members(unit)
    label = _unit_label(unit)
    if q.kind == "list" or q.new_unit:
        # "sáp nhập thêm những tỉnh nào?", "những tỉnh nào nhập vào …": the others, not the unit's own former province
        others = [m for m in formed if fold(m.lower()) != fold(unit.lower())]
        joined = _JOINED_ASKED.search(fold(q.text.lower())) and len(others) < len(formed)
        text = ", ".join(others if joined else formed)
        said = (f"{label[0].upper() + label[1:]} từ {MERGER_DATE} được hợp nhất từ **{', '.join(formed)}**"
                + (f"; nhập thêm vào {unit}: **{text}**." if joined else ".") if len(formed) > 1 else
                f"{label[0].upper() + label[1:]} không hợp nhất với tỉnh nào ({MERGER_DATE}).")
    elif unit != name:
        text = unit
        said = f"Từ {MERGER_DATE}, {name} thuộc **{label}** (hợp nhất từ {', '.join(formed)})."
    elif len(formed) > 1:
        text = unit
        said = (f"{name} không nhập vào tỉnh khác: từ {MERGER_DATE}, **{label}** giữ tên và được hợp nhất "
                f"từ {', '.join(formed)}.")
    else:
        text = "không sáp nhập"
        said = f"{name} **không sáp nhập** với tỉnh, thành phố nào ({MERGER_DATE})."
    folded = [fold(n.lower()) for n in set(formed) | {name}]
    citations = []
    for h in hits[:10]:  # a sentence of the corpus that names the unit and the province together
        f = fold(h.sentence.lower())
        if all(n in f for n in folded) and re.search(r"\b(sap nhap|hop nhat|moi|sau sap xep)\b", f):
            citations.append(Citation(h.doc_id, h.title, h.url, h.sentence, h.start, h.end, h.start, h.end, h.source, h.date))
            break
    source = ("".join(_cite_line(c) for c in citations) if citations else
              "\nNguồn: danh mục đơn vị hành chính sau sắp xếp (dữ liệu vietnamadminunits), không phải một bài viết trong kho.")
    return Answer(q.text, True, text, None, "", q.kind, citations, [], said + source, False, 0.9, analysis=q)


def _answer_new_unit(qa, q: Question, hits: list[Hit]) -> Answer:
    """A 2025 unit: its own figures where they exist (a 2025 ranking; its communes, budget or dates, which only it
    has); a ranking of a year it did not exist in, what the corpus says of each former province."""
    if q.superlative and len(q.provinces) >= 2:
        # "Trong ba đơn vị cũ hợp thành Cần Thơ mới, đơn vị nào kém nhất?": the best or worst of the former provinces
        return _answer_group_superlative(qa, replace(q, new_unit=""), hits)
    if q.kind not in ("rank", "rank_change", "score") or (q.year or 0) >= 2025:
        own = _dispatch(qa, replace(q, provinces=(q.new_unit,), new_unit=""), hits)
        if own.found or q.kind not in ("rank", "rank_change", "score"):
            return own
    parts, citations, found_any = [], [], False
    for member in q.provinces:
        sub = _dispatch(qa, replace(q, provinces=(member,), new_unit="", compare=False), hits)
        if sub.found:
            found_any = True
            citations.extend(sub.citations)
            parts.append(f"{member} (cũ): **{sub.text}**")
        else:
            parts.append(f"{member} (cũ): không có số liệu trong kho bài viết")
    formed = ", ".join(q.provinces)
    when = f"năm {q.year}" if q.year else "các năm trước 2025"
    label = _unit_label(q.new_unit)
    intro = (f"{label[0].upper() + label[1:]} hiện nay được hợp nhất từ {formed} ({MERGER_DATE}). "
             f"Chỉ số DTI {when} xếp hạng từng tỉnh cũ, nên không có một {KIND_VI.get(q.kind, 'số liệu')} chung cho đơn vị mới.")
    if not found_any and (q.year or 0) >= 2025:
        return own  # the unit's own edition: what its own question found (or why not)
    if not found_any:
        return Answer(q.text, False, "", None, "", q.kind, [], [], intro + " Kho bài viết không có số liệu của tỉnh cũ nào "
                      "thuộc đơn vị này. Các đoạn gần nhất được liệt kê bên dưới.", False, 0.0, analysis=q)
    text = "; ".join(p.replace("**", "") for p in parts if "không có số liệu" not in p)
    if q.year is None or q.year >= 2025:
        # "Gia Lai mới xếp thứ mấy (trong 34 tỉnh)?": the unit's own figure is asked, and the corpus has none; the
        # former provinces' figures are offered as what it does have, never as the answer.
        message = (f"Kho bài viết không có {KIND_VI.get(q.kind, 'số liệu')} của {label} (đơn vị mới từ {MERGER_DATE}). "
                   f"Trước sáp nhập, theo từng tỉnh cũ: " + "; ".join(parts) + "."
                   + "".join(_cite_line(c) for c in citations[:3]))
        return Answer(q.text, False, "", None, "", q.kind, citations[:3], [], message, False, 0.0, analysis=q,
                      suggestion=text, reasons=("new_unit",))
    message = intro + " Theo từng tỉnh cũ: " + "; ".join(parts) + "." + "".join(_cite_line(c) for c in citations[:3])
    return Answer(q.text, True, text, None, "", q.kind, citations, [], message, False, 0.6, analysis=q)


def _dispatch(qa, q: Question, hits: list[Hit]) -> Answer:
    method, ans = _strategy(qa, q, hits)
    return ans if ans.method else replace(ans, method=method)


def _strategy(qa, q: Question, hits: list[Hit]) -> tuple[str, Answer]:
    """The strategy a question calls for (its name, for the verifier) and its answer."""
    if q.claim:
        return "claim", _answer_claim(qa, q, hits)
    if q.kind in ("score", "percent", "count", "amount") and len(q.provinces) <= 1 \
            and _GAP_TO_TARGET.search(fold(q.text.lower())):
        gap = _answer_gap_to_target(qa, replace(q, compare=False), hits)
        if gap.found:
            return "compare", gap
    if q.compare:
        return "compare", _answer_compare(qa, q, hits)
    if q.in_article:
        ans = _answer_article_group(qa, q, hits)
        if ans.found or ans.comparison:
            return "superlative", ans
    if (q.superlative or SUPERLATIVE_RE.search(fold(q.text.lower())) and _PICK_ASKED.search(fold(q.text.lower()))) \
            and not q.over and not q.side and len(q.provinces) < 2 and not _PLACE_ASKED.search(fold(q.text.lower())):
        # "Mục nào có giá niêm yết cao nhất?", "Which budget line takes the largest share?": items, not provinces
        extreme = _answer_extreme_item(qa, q, hits)
        if extreme.found:
            return "superlative", extreme
    if q.superlative and q.over and len(q.provinces) == 1:
        within = _answer_superlative_within(qa, q, hits)
        if not within.found and q.over == "pillar":  # pillar scores a sentence lists, which the facts table does not hold
            extreme = _answer_extreme_item(qa, q, hits)
            within = extreme if extreme.found else within
        return "superlative", within
    if q.superlative and len(q.provinces) >= 2:
        return "superlative", _answer_group_superlative(qa, q, hits)
    if q.superlative and q.kind in ("rank", "rank_change"):
        return "superlative", _answer_superlative(qa, q, hits)
    if q.listing and q.rank_value is None and q.top is None and not q.superlative and q.kind not in ("entity", "list"):
        # "Thứ hạng ba trụ cột lần lượt là bao nhiêu?", "có những ngôn ngữ nào?": the items a sentence enumerates
        listed = _answer_enumeration(qa, q, hits)
        if listed.found:
            return "list", listed
    if q.kind == "rank" and q.region and len(q.provinces) == 1:
        return "regional", _answer_regional_rank(qa, q)
    if q.districts and q.kind in ("rank", "rank_change") and not q.provinces and _NATIONAL_ASKED.search(fold(q.text.lower())):
        # "Huyện Đức Trọng xếp thứ mấy cả nước?": districts are ranked within their province, never nationally
        return "facts", _not_found(q, [], f"{', '.join(q.districts)} là đơn vị cấp huyện: bảng DTI cả nước chỉ xếp hạng "
                                         "tỉnh, thành phố", ("district",))
    if q.districts and (q.kind in ("rank", "rank_change") or q.kind in candidates.EXPECTED_ROLES):
        # "Huyện Diễn Châu xếp thứ mấy?": the facts table holds provinces; a district's figure is read from
        # the sentences that name it, whatever province its article is about.
        return "scorer", _answer_number(qa, replace(q, provinces=()), hits)
    if q.kind in ("rank", "rank_change"):
        if not q.provinces:
            # "Bộ Quốc phòng Mỹ đứng thứ mấy …?": no province, so not the facts table's; the scorer weighs the text's
            # ranks, and the verifier (which knows no province was asked) decides whether one is given.
            ans = _answer_number(qa, q, hits)
            return "scorer", ans if ans.found else _not_found(q, [], "câu hỏi chưa nêu tỉnh, thành phố nào",
                                                               ("no_province",))
        if len(q.provinces) > 1:
            return "each", _answer_each(qa, q, hits)
        ans = _answer_rank(qa, q, hits)
        if ans.found:
            return "facts", ans
        text = _answer_number(qa, q, hits)
        if text.found and not _facts_about(qa, q):
            # The facts table knows nothing of this province's ranking that year (an English article, a new
            # phrasing): the text's checked candidate answers, and the verifier decides whether it is given.
            return "scorer", text
        # Where the table has a row that refused (a target, a top-N, another pillar), its refusal stands and
        # the text's candidate is only offered as a possibility.
        return "facts", _or_text(ans, text)
    if q.merger and len(q.provinces) == 1:
        return "merger", _answer_merger(qa, q, hits)
    if q.kind in ("entity", "list") and (q.rank_value is not None or q.top is not None) and not q.region:
        return "inverse", _answer_inverse(qa, q)  # the facts hold national ranks: a region's leader is read from its sentence
    if q.kind == "names":
        return "scorer", _answer_names(qa, q, hits)
    if q.kind in candidates.EXPECTED_ROLES:
        ans = _answer_number(qa, q, hits)
        if not ans.found and not q.side and DIFFERENCE_ASKED.search(fold(q.text.lower())):
            moved = _answer_from_to(qa, q, hits)  # "tăng thêm bao nhiêu điểm phần trăm?" of "từ 81,2% lên 90%"
            if moved.found:
                return "derived", moved
        if not ans.found and not q.side and _REMAINDER.search(fold(q.text.lower())):
            pair = _answer_two_figures(qa, q, hits)  # "còn cần thêm bao nhiêu?" of "đã đạt 186,4 triệu / mục tiêu 300 triệu"
            if pair.found:
                return "derived", pair
        if (not ans.found and not q.side and len(q.provinces) == 1 and q.year and q.kind in ("score", "percent", "count", "amount")
                and DIFFERENCE_ASKED.search(fold(q.text.lower()))):
            # "Điểm năm 2023 tăng bao nhiêu so với năm trước?" that no sentence states: the two editions' figures
            derived = _answer_compare(qa, replace(q, compare=True, base_year=q.base_year or q.year - 1), hits)
            if derived.found:
                return "compare", derived
        return "scorer", ans
    if q.kind.startswith("meta_"):
        return "meta", _answer_meta(qa, q, hits)
    if q.kind == "id":
        return "id", _answer_id(qa, q, hits)
    if q.kind in ("entity", "list"):
        ans = _answer_province(qa, q, hits)
        if not ans.found and q.listing and q.rank_value is None and q.top is None:
            listed = _answer_enumeration(qa, q, hits)  # "Những đặc khu nào thuộc tỉnh mới?": not provinces
            if listed.found:
                return "list", listed
        return "province", ans
    return "scorer", _answer_number(qa, q, hits)  # any other question: the scorer weighs every span that may answer it


_NATIONAL_ASKED = re.compile(r"\b(ca nuoc|toan quoc|nationwide|national|(63|34) (tinh|dia phuong|don vi)|tinh thanh|provinces)\b")


def _facts_about(qa, q: Question) -> bool:
    """Whether the facts table has any rank, change or top-N row of the asked provinces in the asked year."""
    return any(f.province in q.provinces and f.kind in ("rank", "rank_change", "top") and f.ranking == q.ranking
               and (q.year is None or f.year == q.year) for f in qa.index.facts)


def _or_text(facts: Answer, text: Answer) -> Answer:
    """The facts table's "not found", with the text's best candidate offered as a possibility."""
    best = text.text if text.found else text.suggestion
    if not best:
        return facts
    message = (f"{facts.message}\nCó thể là **{best}** (độ tin cậy {text.confidence:.0%}), theo câu dưới đây — "
               f"hãy kiểm tra lại." + (_cite_line(text.citations[0]) if text.citations else ""))
    return replace(facts, suggestion=best, confidence=text.confidence, citations=text.citations[:1], message=message,
                   reasons=facts.reasons + ("low_confidence",))


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
    if q.context:
        extra.append(" ".join(q.context))
    return " ".join([q.text] + [e for e in extra if e])


# ------------------------------------------------------------------ rank facts
def _fits(f: Fact, q: Question, kind: str) -> bool:
    if f.kind != kind or f.ranking != q.ranking or f.pillar != q.pillar or f.target != q.target:
        return False
    if q.ranking == "other" and not _about(f.sentence, q.topic):
        return False
    if kind == "rank_change" and q.year is not None and q.base_year is not None and q.year - q.base_year > 1 \
            and str(q.base_year) not in f.sentence[max(0, f.answer_start - f.start - 60): f.answer_end - f.start + 40]:
        return False  # "between 2020 and 2024": a change its sentence measures from the year before is not it
    if q.year is not None:
        return f.year == q.year
    if q.base_year is not None and kind == "rank_change":
        return f.year == q.base_year + 1
    return True


def _about(sentence: str, topic: tuple[str, ...]) -> bool:
    """Whether a sentence is about a topic: it holds most of the topic's words."""
    words = set(re.findall(r"[a-z0-9]+", fold(sentence.lower())))
    return bool(topic) and sum(t in words for t in topic) >= 0.6 * len(topic)


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


def _answer_rank(qa, q: Question, hits: list[Hit] = ()) -> Answer:
    kind = "rank" if q.kind == "rank" else "rank_change"
    pool = [f for f in qa.index.facts if f.province in q.provinces]
    facts = _pick_year([f for f in pool if _fits(f, q, kind)], q)
    if kind == "rank" and not facts:
        groups = _pick_year([f for f in pool if _fits(f, q, "top")], q)
        if groups and (q.target or q.asks_group):  # "top mấy?", or a target stated as a top-N
            facts = groups
        elif groups:
            g = groups[0]
            return _not_found(q, [], f"không có bài viết nào nêu thứ hạng cụ thể của {g.province}"
                                     f"{f' năm {g.year}' if g.year else ''}; bài “{qa.article(g.doc_id).title}” "
                                     f"chỉ nói {g.province} nằm trong top {int(g.value)}")
    if q.latest and not any(f.latest for f in facts):
        facts = []  # "mới nhất" asks for the newest edition an article reports, not any dated one
    if not facts and kind == "rank_change" and "year" in q.inherited and q.year is not None:
        # "Năm 2020 xếp thứ mấy?" then "Tăng bao nhiêu bậc?": the change from that year on.
        return _answer_rank(qa, replace(q, year=None, base_year=q.year, inherited=()), hits)
    if not facts and kind == "rank_change":
        derived = _derive_change(qa, q, pool)
        if derived is not None:
            return derived
    if not facts:
        return _not_found(q, [], _missing(q, pool, kind))
    # "Theo kết quả sơ bộ … 38/63", then "kết quả chính thức … 33/63": the final result, unless the preliminary is asked
    facts = [f for f in facts if f.provisional == q.provisional] or facts
    stated = [f for f in facts if not f.computed] or facts
    by_value: OrderedDict[float, list[Fact]] = OrderedDict()
    for f in sorted(stated, key=lambda f: (f.computed, not f.text[:1].isdigit(), "/" not in f.text, f.doc_id,
                                           f.sentence_index)):
        by_value.setdefault(f.value, []).append(f)
    groups = sorted(by_value.values(), key=lambda g: -len({(x.doc_id, x.sentence_index) for x in g}))
    if len(groups) > 1 and hits:
        groups = _by_scorer(qa, q, hits, groups)
    lead = groups[0][0]
    citations = _fact_citations(qa, [x for g in groups for x in g])
    unit = "bậc" if lead.kind == "rank_change" else ("top" if lead.kind == "top" else "hạng")
    text = _rank_text(lead)
    if lead.kind == "rank_change" and lead.value == 0:  # "giữ nguyên hạng 47": kept, and the rank it kept
        kept = next((f for f in pool if f.kind == "rank" and f.doc_id == lead.doc_id and not f.computed
                     and f.sentence_index == lead.sentence_index and f.pillar == lead.pillar), None)
        text = f"giữ nguyên (hạng {_rank_text(kept)})" if kept else "giữ nguyên"
    message = _rank_message(lead, text)
    if len(groups) > 1:
        others = "; ".join(f"{_rank_text(g[0])} (bài “{qa.article(g[0].doc_id).title}”)" for g in groups[1:])
        message += f" Lưu ý: các nguồn không thống nhất — nguồn khác ghi {others}."
    if lead.computed:
        message += " (Con số này được tính từ thứ hạng và mức tăng/giảm bậc mà bài viết nêu.)"
    message += _cite_line(citations[0])
    return Answer(q.text, True, text, float(lead.value), unit, q.kind, citations, [], message, lead.computed,
                  0.9 if len(groups) == 1 else 0.6, analysis=q)


def _by_scorer(qa, q: Question, hits: list[Hit], groups: list[list[Fact]]) -> list[list[Fact]]:
    """Sources that disagree ("21/63" quoted from a bid, "29/63 theo công bố chính thức"), in the order the fitted
    candidate scorer ranks their sentences' spans for this question; a value no retrieved span states keeps its
    place after them (the order by number of sentences)."""
    found, _ = candidates.generate(qa, q, hits)
    if not found:
        return groups
    z = scorer.default().logits([c.features for c in found])
    best: dict[float, float] = {}
    for c, zi in zip(found, z):
        if c.value is not None and c.role in ("rank", "rank_change"):
            best[c.value] = max(best.get(c.value, -1e9), float(zi))
    if len({g[0].value for g in groups} & set(best)) < 2:
        return groups
    return sorted(groups, key=lambda g: -best.get(g[0].value, -1e9))


def _derive_change(qa, q: Question, pool: list[Fact]) -> Answer | None:
    """A rank change no sentence states, from two ranks that sentences do state (63 in 2020 -> 27: +36)."""
    ranks = [f for f in pool if _fits(f, replace(q, year=None, base_year=None, latest=False), "rank") and not f.computed]
    if q.year is not None:
        later = [f for f in ranks if f.year == q.year]
        # "Năm 2022 tăng bao nhiêu bậc?" is measured from 2021, not from the nearest year stated.
        earlier = [f for f in ranks if f.year == (q.base_year or q.year - 1)]
    else:
        later = [f for f in ranks if f.latest] or _pick_year([f for f in ranks if f.year is not None], q)
        cut = min((f.year for f in later if f.year is not None), default=None)
        earlier = [f for f in ranks if f.year is not None and not f.latest and (cut is None or f.year < cut)
                   and (q.base_year is None or f.year == q.base_year)]
    if not later or not earlier:
        return None
    new = later[0]
    old = max(earlier, key=lambda f: f.year)
    change = old.value - new.value
    verb, direction = ("tăng", "lên") if change >= 0 else ("giảm", "xuống")
    when_new = f"năm {new.year}" if new.year else "bảng xếp hạng mới nhất"
    text = f"{int(abs(change))} bậc (từ hạng {int(old.value)} năm {old.year} {direction} hạng {int(new.value)})"
    citations = _fact_citations(qa, [new, old])
    message = (f"{new.province} {verb} **{int(abs(change))} bậc**: từ hạng {int(old.value)} năm {old.year} {direction} hạng "
               f"{int(new.value)} ({when_new}). Con số này được tính từ hai thứ hạng mà bài viết nêu."
               + _cite_line(citations[0]))
    return Answer(q.text, True, text, float(change), "bậc", q.kind, citations, [], message, True, 0.7, analysis=q)


def _rank_text(f: Fact) -> str:
    if f.kind == "top":
        return f"top {int(f.value)}"
    if f.kind == "rank_change" and not f.text[:1].isdigit():
        return str(abs(int(f.value)))  # "giảm một bậc": 1 (the message says which way)
    if f.computed and f.kind == "rank" and len(f.derived_from) == 3:
        # "47/63 (hạng 22 năm 2022, tăng 25 bậc)": a computed rank shows what it is computed from
        rank, year, change = f.derived_from
        own = f"{int(f.value)}/{int(f.out_of)}" if f.out_of else str(int(f.value))
        return f"{own} (hạng {int(rank)} năm {int(year)}, {'tăng' if change >= 0 else 'giảm'} {int(abs(change))} bậc)"
    if f.computed or f.text.lower() in _ORDINAL_WORDS or f.text.lower().startswith("mười "):  # "thứ hai": 2
        return f"{int(f.value)}/{int(f.out_of)}" if f.out_of else str(int(f.value))
    if f.kind == "rank" and f.out_of and f.value == f.out_of and not any(c.isdigit() for c in f.text):
        return f"{f.text} ({int(f.value)}/{int(f.out_of)})"  # "cuối bảng (63/63)"
    return f.text


_ORDINAL_WORDS = {"nhất", "nhì", "hai", "ba", "tư", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"}
RANKING_VI = {"dti": "về chỉ số chuyển đổi số (DTI)", "ict": "theo Vietnam ICT Index", "pci": "theo chỉ số PCI",
              "par": "theo chỉ số cải cách hành chính (PAR Index)", "papi": "theo chỉ số PAPI", "sipas": "theo chỉ số SIPAS",
              "pgi": "theo chỉ số xanh (PGI)", "ddci": "theo chỉ số DDCI",
              "service": "theo Bộ chỉ số phục vụ người dân, doanh nghiệp", "other": "trong bảng xếp hạng mà câu trích dẫn nêu"}


def _what(pillar: str, ranking: str) -> str:
    """The ranking a figure belongs to, as the reply names it."""
    return f"về {pillar}" if pillar else RANKING_VI.get(ranking, RANKING_VI["other"])


def _rank_message(f: Fact, text: str) -> str:
    what = _what(f.pillar, f.ranking)
    when = f" năm {f.year}" if f.year else (" trong bảng xếp hạng mới nhất bài viết nêu" if f.latest else "")
    if f.kind == "rank_change":
        if f.value == 0:
            return f"{f.province} **giữ nguyên thứ hạng** {what}{when}."
        verb = "giảm" if f.value < 0 else "tăng"
        return f"{f.province} {verb} **{abs(int(f.value))} bậc** {what}{when}."
    if f.kind == "top":
        goal = "đặt mục tiêu vào" if f.target else "nằm trong"
        return f"{f.province} {goal} **{text}** {what}{when}."
    goal = "đặt mục tiêu xếp thứ" if f.target else "xếp thứ"
    return f"{f.province} {goal} {_bold_rank(text, f.value)} {what}{when}."


def _bold_rank(text: str, value: float | None) -> str:
    """A rank for the message, in bold; one said in words keeps its words: **1** (“quán quân”)."""
    if text[:1].isdigit() or value is None:
        return f"**{text}**"
    return f"**{int(value)}** (“{text}”)"


def _missing(q: Question, pool: list[Fact], kind: str) -> str:
    """What the corpus lacks, said plainly, with what it does have for these provinces."""
    who = ", ".join(q.provinces)
    what = KIND_VI.get(q.kind, "thông tin")
    if q.ranking == "other" and not q.pillar:
        what += " về " + " ".join(q.topic)
    else:
        what += " " + _what(q.pillar, q.ranking).replace("về chỉ số chuyển đổi số (DTI)", "DTI")
    when = f" năm {q.year}" if q.year else ""
    have = sorted({f.year for f in pool if f.kind == kind and f.ranking == q.ranking and f.pillar == q.pillar
                   and not f.target and f.year})
    note = f" (kho bài viết chỉ có {what} của {who} các năm {', '.join(map(str, have))})" if have else ""
    if not pool:
        note = f" (không bài viết nào trong kho nêu thứ hạng của {who})"
    return f"không có bài viết nào nêu {what} của {who}{when}{note}"


def _answer_inverse(qa, q: Question) -> Answer:
    """"Năm 2021 tỉnh nào đứng thứ 8?", "tỉnh nào đội sổ?", "những tỉnh nào trong top 10?" from the facts."""
    facts = [f for f in qa.index.facts if f.ranking == q.ranking and f.pillar == q.pillar and not f.target
             and (q.year is None or f.year == q.year) and not f.computed and f.province not in q.provinces]
    if q.top is not None:
        chosen = [f for f in facts if f.kind in ("rank", "top") and f.value <= q.top]
    elif q.rank_value == -1:
        chosen = [f for f in facts if f.kind == "rank" and f.out_of and f.value == f.out_of]
    else:
        chosen = [f for f in facts if f.kind == "rank" and f.value == q.rank_value]
    chosen.sort(key=lambda f: (f.kind != "rank", f.value))  # a top list in rank order
    when = f" năm {q.year}" if q.year else ""
    if not chosen:
        asked = (f"trong top {q.top}" if q.top is not None else
                 "xếp cuối bảng" if q.rank_value == -1 else f"đứng thứ {q.rank_value}")
        return _not_found(q, [], f"không có bài viết nào nêu tỉnh, thành phố {asked}{when}")
    written: dict[str, str] = {}
    for f in chosen:  # each province as the article writes it ("TP. Đà Nẵng", "Thừa Thiên Huế")
        form = f.province_written if f.province_written and f.province_written[:1].isupper() else f.province
        written.setdefault(f.province, re.sub(r"^Tỉnh\s+", "", form))  # "Tỉnh Hà Xuyên xếp thứ 2": the name
    names = list(written.values())
    text = ", ".join(names)
    citations = _fact_citations(qa, chosen)
    what = " " + _what(q.pillar, q.ranking)
    if q.top is not None:
        message = f"Các tỉnh, thành phố trong top {q.top}{what}{when} mà kho bài viết nêu: **{text}**."
    elif q.rank_value == -1:
        message = f"Tỉnh, thành phố xếp cuối bảng{what}{when}: **{text}**."
    else:
        message = f"Tỉnh, thành phố đứng thứ {q.rank_value}{what}{when}: **{text}**."
    kind = "list" if q.kind == "list" or len(names) > 1 else "entity"
    return Answer(q.text, True, text, None, "", kind, citations, [], message + _cite_line(citations[0]), False, 0.8,
                  analysis=q)


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
        for i in f.basis:  # a computed figure also cites the other sentences it stands on
            if (f.doc_id, i) not in seen:
                seen.add((f.doc_id, i))
                s = qa.sentences(f.doc_id)[i]
                out.append(Citation(f.doc_id, a.title, a.url, s.text, s.start, s.end, s.start, s.end, a.source, a.date))
    return out


# ------------------------------------------------------------------ answers found in text
def _acceptable(q: Question, h: Hit, coverage: float) -> bool:
    if q.english:  # English words cannot overlap a Vietnamese sentence: trust the multilingual retrieval
        return h.rank <= 3
    return coverage >= MIN_COVERAGE


def _answer_number(qa, q: Question, hits: list[Hit]) -> Answer:
    """The best candidate by the fitted scorer, with its calibrated probability as the confidence; whether
    it is given as found is decided after, by `verified`."""
    found, refused = candidates.generate(qa, q, hits)
    if not found:
        return _not_found(q, [], _missing_text(q, refused), reasons=tuple(sorted({r.reason for r in refused})))
    model = scorer.default()
    X = [c.features for c in found]
    z = model.logits(X)
    order = sorted(range(len(found)), key=lambda i: (-z[i], found[i].hit.rank, found[i].start))
    best = found[order[0]]
    p = model.confidence(X, z)
    soft = tuple(r for r in candidates.SOFT if best.features[candidates.FEATURES.index(f"soft_{r}")])
    if soft and p < model.threshold:
        # It breaks what the question states (another unit, a change for a level, an unstated province): given only when the
        # scorer is sure; otherwise not found, with what it breaks as the reason.
        return replace(_not_found(q, [], _missing_text(q), reasons=soft), confidence=p)
    citations = []
    for c in [best] + [found[i] for i in order[1:] if found[i].text == best.text]:
        if any(x.doc_id == c.hit.doc_id and x.start == c.hit.start for x in citations):
            continue
        citations.append(Citation(c.hit.doc_id, c.hit.title, c.hit.url, c.hit.sentence, c.hit.start, c.hit.end,
                                  c.start, c.end, c.hit.source, c.hit.date))
    message = f"**{best.text}**" + _cite_line(citations[0])
    rival = next((i for i in order[1:] if (found[i].value, found[i].text) != (best.value, best.text)
                  and (best.value is None or found[i].value != best.value)), None)
    margin = min(MARGIN_CAP, float(z[order[0]] - z[rival])) if rival is not None else MARGIN_CAP
    return Answer(q.text, True, best.text, best.value, best.unit, q.kind, citations, [], message, False, p,
                  analysis=q, margin=margin)


# What separates the names of a list: "A, B và C", "A (89,7 điểm) và B (88,1 điểm)".
_ENUMERATION_GAP = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:,|;|\bvà\b|\bvới\b|\bcùng\b|\band\b|&)\s*(?:và\s+|and\s+)?")


def _answer_names(qa, q: Question, hits: list[Hit]) -> Answer:
    """"Những đơn vị nào nhận giải khuyến khích?": the scorer's best name and the names listed with it in its
    sentence ("huyện Kiên Hải, huyện An Biên")."""
    ans = _answer_number(qa, q, hits)
    if not ans.found or not ans.citations:
        return ans
    c = ans.citations[0]
    at = (c.answer_start - c.start, c.answer_end - c.start)
    spans = list(candidates.name_spans(c.sentence))
    i = next((n for n, (a, b) in enumerate(spans) if a < at[1] and at[0] < b), None)
    if i is None:
        return ans
    lo = hi = i
    while lo > 0 and _ENUMERATION_GAP.fullmatch(c.sentence[spans[lo - 1][1]:spans[lo][0]]):
        lo -= 1
    while hi + 1 < len(spans) and _ENUMERATION_GAP.fullmatch(c.sentence[spans[hi][1]:spans[hi + 1][0]]):
        hi += 1
    names = [c.sentence[a:b] for a, b in spans[lo:hi + 1]]
    text = ", ".join(names)
    cite = replace(c, answer_start=c.start + spans[lo][0], answer_end=c.start + spans[hi][1])
    return replace(ans, text=text, citations=[cite] + ans.citations[1:], message=f"**{text}**" + _cite_line(cite))


_FIGURE_KINDS = ("rank", "rank_change", "score", "percent", "count", "amount")
_FIGURE_WORDS = re.compile(r"\b(diem|thu hang|xep hang|hang|ty le|bao nhieu|scores?|ranks?|rankings?|shares?)\b")


def _answer_enumeration(qa, q: Question, hits: list[Hit]) -> Answer:
    """The items the best-fitting sentence enumerates ("4 ngôn ngữ: Việt, Anh, Trung, Hàn"), or the labels of the
    bullet lines a sentence belongs to or introduces ("- PCI 2024: …", "- PAR INDEX 2024: …")."""
    found = []
    names_asked = bool(_NAMES_ASKED.search(fold(q.text.lower())))
    figures_asked = q.kind in _FIGURE_KINDS or bool(_FIGURE_WORDS.search(fold(q.text.lower())))
    for h in hits[:5]:
        stated, lines = _listed(qa, h)
        options = [(e.items, h) for e in stated
                   if e.introduced or lists.alike(e.texts(h.sentence)) and figures_asked == all(
                       re.search(r"\d", t) for t in e.texts(h.sentence))]  # figures without a lead-in: when figures are asked
        if lines:
            options.append(([(s.start - h.start + a, s.start - h.start + b)
                             for s in lines for a, b in [lists.item_of_line(s.text)]], h))
        for items, hit in options:
            if q.kind in _FIGURE_KINDS and not all(re.search(r"\d", _item_text(qa, hit, a, b)) for a, b in items):
                continue  # "Thứ hạng ba trụ cột lần lượt là bao nhiêu?": a figure in every item
            if names_asked and not all(_is_a_name(_item_text(qa, hit, a, b)) for a, b in items):
                continue  # "những đơn vị nào", "những tỉnh nào": every item is a name, not "công chức, viên chức"
            coverage, _ = _fit(qa, q, hit, max(0, items[0][0]), min(len(hit.sentence), items[-1][1]))
            if coverage > 0 or q.english:  # how well it fits is the verifier's call (its coverage features)
                found.append((coverage * 2 + 1.0 / hit.rank + 0.1 * min(len(items), 5), items, hit))
    if not found:
        return _not_found(q, [], _missing_text(q))
    score, items, h = max(found, key=lambda x: (x[0], -x[2].rank))
    text = "; ".join(_item_text(qa, h, a, b) for a, b in items)
    inside = [(a, b) for a, b in items if 0 <= a and b <= len(h.sentence)] or [(0, len(h.sentence))]
    cite = Citation(h.doc_id, h.title, h.url, h.sentence, h.start, h.end, h.start + inside[0][0], h.start + inside[-1][1],
                    h.source, h.date)
    return Answer(q.text, True, text, None, "", "list", [cite], [], f"**{text}**" + _cite_line(cite), False,
                  min(0.95, score / 5.0), analysis=q)


def _listed(qa, h: Hit) -> tuple[list, list]:
    """What a hit lists: the enumerations its sentence states, and the run of bullet (or "label: value") lines
    its sentence belongs to or introduces (empty when none)."""
    stated = lists.enumerations(h.sentence, candidates.name_spans(h.sentence))
    sentences = qa.sentences(h.doc_id)
    if h.sentence_index >= len(sentences):
        return stated, []
    run = lists.bullet_run(candidates.sentence_texts(qa, h.doc_id), h.sentence_index)
    return stated, sentences[run[0]:run[1] + 1] if run else []


# "những đơn vị nào", "các tỉnh nào", "which agencies": a list of names is asked (the words of data/name_heads.tsv).
_NAMED_KINDS = ("agency", "place", "company", "institution", "association")  # names, unlike products or goods
_NAMES_ASKED = re.compile(r"\b(?:nhung|cac)\s+(?:" + "|".join(sorted({fold(w) for w, k in name_kinds().items() if k in _NAMED_KINDS}
                                                                     | {"tinh", "dia phuong", "don vi"}, key=len, reverse=True))
                          + r")\b[^?]{0,40}\bnao\b"
                          r"|\bwhich (?:provinces|agencies|ministries|units|companies|districts|organi[sz]ations)\b")


def _is_a_name(item: str) -> bool:
    """Whether a listed item names something: a province or a capitalised name ("huyện Kiên Hải", "PCI 2024")."""
    return bool(provinces.find(item, folded=False)) or bool(candidates.name_spans(item)) \
        or bool(re.match(r"[A-ZĐ][\w-]*\b", item) and not re.match(r"[A-ZĐ][a-zà-ỹđ]+\s+[a-zà-ỹđ]", item))


def _item_text(qa, h: Hit, a: int, b: int) -> str:
    """An item's words, at offsets relative to the hit's sentence (a bullet line's may lie past it)."""
    text = qa.article(h.doc_id).text
    return " ".join(text[h.start + a:h.start + b].split())


def _best(qa, q: Question, candidates: list[_Candidate]) -> Answer:
    """The best candidate as an Answer, citing every sentence that states the same."""
    if not candidates:
        return _not_found(q, [], _missing_text(q))
    candidates.sort(key=lambda c: (-c.score, c.hit.rank, c.start))
    best = candidates[0]
    citations = []
    for c in [best] + [c for c in candidates[1:] if c.text == best.text]:
        if any(x.doc_id == c.hit.doc_id and x.start == c.hit.start for x in citations):
            continue
        citations.append(Citation(c.hit.doc_id, c.hit.title, c.hit.url, c.hit.sentence, c.hit.start, c.hit.end,
                                  c.start, c.end, c.hit.source, c.hit.date))
    message = f"**{best.text}**" + _cite_line(citations[0])
    return Answer(q.text, True, best.text, best.value, best.unit, q.kind, citations, [], message, False,
                  min(0.95, best.score / 5.0), analysis=q)


def _missing_text(q: Question, refused: list | None = None) -> str:
    what = KIND_VI.get(q.kind, "thông tin")
    who = f" của {', '.join(q.districts or q.provinces)}" if q.districts or q.provinces else ""
    when = f" năm {q.year}" if q.year else ""
    said = f"không tìm thấy câu nào nêu {what}{who}{when} khớp với câu hỏi"
    years = sorted({r.year for r in refused or () if r.reason == "year" and r.year})
    places = sorted({r.province for r in refused or () if r.reason == "province" and r.province})
    if years and q.year:
        said += f" (các câu tìm được nói về năm {', '.join(map(str, years[:4]))})"
    elif places and q.provinces:
        said += f" (các câu tìm được nói về {', '.join(places[:4])})"
    return said


def _answer_id(qa, q: Question, hits: list[Hit]) -> Answer:
    """"Nghị quyết số mấy?": the number of a document of the type asked."""
    kind = re.search(_DOC_TYPES, q.text.lower())
    pattern = re.compile(rf"\b({kind.group(0) if kind else _DOC_TYPES})\s+(?:số\s+)?(\d+[\w/-]*)", re.IGNORECASE)
    candidates = []
    for h in hits:
        for m in pattern.finditer(h.sentence):
            coverage, close = _fit(qa, q, h, m.start(), m.end())
            if _acceptable(q, h, coverage):
                digits = re.match(r"\d+", m.group(2)).group(0)
                candidates.append(_Candidate(coverage * 2 + close + 1.0 / h.rank, m.group(0), float(digits), "", h,
                                             h.start + m.start(), h.start + m.end()))
    return _best(qa, q, candidates)


def _answer_province(qa, q: Question, hits: list[Hit]) -> Answer:
    """"Tỉnh nào là tỉnh đầu tiên có Ngày chuyển đổi số?": the province the best-fitting sentence is about.

    For "những tỉnh nào ...", every province that sentence names.
    """
    candidates = []
    for h in hits[:10]:
        if q.region and not _in_region(q.region, h.sentence):
            continue  # "dẫn đầu vùng Tây Nguyên": the sentence must be about that region
        ctx, _, extra = _contexts(qa, h.doc_id)
        named = [p for p in provinces.find(h.sentence, folded=False, extra=extra) if p.name not in q.provinces]
        place = ctx[h.sentence_index] if h.sentence_index < len(ctx) else ""
        spans = [(p.start, p.end, p.name) for p in named] or ([(0, 0, place)] if place and place not in q.provinces else [])
        for s, e, name in spans:
            coverage, close = _fit(qa, q, h, s, e)
            if coverage >= 0.6 or (q.english and h.rank <= 2):
                candidates.append(_Candidate(coverage * 2 + 1.0 / h.rank, name, None, "", h, h.start + s, h.start + e))
    if q.kind == "list" and candidates:
        best = max(candidates, key=lambda c: (c.score, -c.hit.rank))
        same = [c for c in candidates if c.hit.row == best.hit.row]
        names = list(dict.fromkeys(c.text for c in sorted(same, key=lambda c: c.start)))
        candidates = [replace(best, text=", ".join(names), score=best.score + 1)]
    return _best(qa, q, candidates)


def _answer_regional_rank(qa, q: Question) -> Answer:
    """"Trong khu vực Đông Nam Bộ, Đồng Nai đứng thứ mấy?": a rank within the region, never the national one."""
    pool = [f for f in qa.index.facts if f.province == q.provinces[0] and f.kind == "rank" and f.ranking == "other"
            and not f.target and (q.year is None or f.year == q.year) and _in_region(q.region, f.sentence)]
    if not pool:
        return _not_found(q, [], f"không có bài viết nào nêu thứ hạng của {q.provinces[0]} trong vùng được hỏi")
    best = pool[0]
    citations = _fact_citations(qa, [best])
    text = _rank_text(best)
    message = f"{q.provinces[0]} xếp thứ **{text}** trong vùng, theo câu trích dẫn." + _cite_line(citations[0])
    return Answer(q.text, True, text, best.value, "hạng", q.kind, citations, [], message, False, 0.8, analysis=q)


def _in_region(region: str, sentence: str) -> bool:
    """The sentence names the region: "vùng/khu vực/miền/phía Bắc", or a name of several words as it is."""
    f = fold(sentence.lower())
    if re.search(rf"\b(vung|khu vuc|mien|phia)\s+{re.escape(region)}\b", f):
        return True
    return " " in region and re.search(rf"\b{re.escape(region)}\b", f) is not None


_POSTED = re.compile(r"\b(dang ngay|dang luc|ngay dang|cap nhat|xuat ban|published|posted|updated)\b")


def _answer_meta(qa, q: Question, hits: list[Hit]) -> Answer:
    """Author, source or date of the article the question is about (the best-matching title)."""
    field = q.kind.removeprefix("meta_")
    terms = set(q.terms)
    scores: dict[str, float] = {}
    for h in hits[:10]:
        scores[h.doc_id] = scores.get(h.doc_id, 0.0) + 1.0 / h.rank
    for doc_id in scores:
        a = qa.article(doc_id)
        lead = " ".join(s.text for s in qa.sentences(doc_id)[:2])  # a page without a headline starts with its lead
        scores[doc_id] += len(terms & {w for w, _, _ in _words(fold((a.title + " " + lead).lower()))})
        if q.provinces:  # an article mostly about the province asked
            named = [p.name for p in provinces.find(a.text, folded=False)]
            scores[doc_id] += 2.0 * sum(n in q.provinces for n in named) / max(1, len(named))
    if not scores:
        return _not_found(q, [], "không tìm thấy bài viết nào khớp với câu hỏi")
    a = qa.article(max(scores, key=lambda d: (scores[d], d)))
    value = {"author": a.author, "source": a.source or a.url, "date": a.date}[field]
    if not value:
        # No date or author in the article's metadata: what its text says ("Đăng ngày 02/4/2026", "Tác giả: …")
        read = {"date": lambda: _answer_number(qa, replace(q, kind="date"), hits),
                "author": lambda: _answer_number(qa, replace(q, kind="person"), hits)}.get(field)
        said = read() if read else None
        if said is not None and said.found and (field != "date" or (said.citations and _POSTED.search(
                fold(said.citations[0].sentence.lower())))):
            return replace(said, kind=q.kind)  # a date only where the text says it is the posting's
        return _not_found(q, [], f"bài “{a.title}” không ghi {KIND_VI[q.kind]}")
    c = Citation(a.doc_id, a.title, a.url, a.title, 0, len(a.title), 0, 0, a.source, a.date)
    message = f"{KIND_VI[q.kind].capitalize()} của bài “{a.title}”: **{value}**."
    return Answer(q.text, True, value, None, "", q.kind, [c], [], message, False, 0.8, analysis=q)


# ------------------------------------------------------------------ claims, comparisons, superlatives
VERDICTS = ("đúng", "sai", "không đủ thông tin")
_CLAIM_KIND = {"rank": "rank", "prev_rank": "rank", "rank_change": "rank_change", "top": "rank", "percent": "percent",
               "count": "count", "score": "score", "amount": "amount"}
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


def _claimed(q: Question):
    """The figure a claim states, as (kind, value, is_top, text, counted noun), from the question's own numbers."""
    places = provinces.find(q.text)
    m = _ORDINAL.search(q.text)
    if m:
        return "rank", float(m.group(1)), False, m.group(0), ""
    mentions = sentence_mentions(q.text, places[0].name if places else "")
    for mention in mentions:
        kind = _CLAIM_KIND.get(mention.role)
        if kind:
            noun = _noun_after(q.text, mention.end) if kind == "count" else ""
            return kind, mention.value, mention.role == "top", mention.text, noun
    if q.kind in ("score", "percent", "amount"):  # "Điểm DTI có vượt mức 0,68 không?": the figure the question asks of
        bare = [m for m in mentions if m.role not in ("year", "date")]
        if len(bare) == 1:
            return q.kind, bare[0].value, False, bare[0].text, ""
    lead = re.search(r"\b(dan dau|dung dau|xep dau|dung thu nhat|xep thu nhat|quan quan)\b", fold(q.text.lower()))
    if lead and q.kind in ("rank", "text", "entity"):  # "Hà Nội dẫn đầu DTI năm 2022, đúng không?": rank 1
        return "rank", 1.0, False, q.text[lead.start(): lead.end()], ""
    return None


# What a claim's figure bounds, from the words right before it: "vượt mức 0,68" (more than), "đạt chỉ tiêu 90%" (at
# least), "dưới 50%" (less than), "không quá 10 ngày" (at most); otherwise the figure itself is claimed.
_CLAIM_BOUNDS = (  # on the lower-cased question as written: folded, "đạt" (reach) would be "đặt" (set) too
    ("ge", re.compile(r"\b(đạt (được )?(chỉ tiêu|mục tiêu|mức|ngưỡng)|ít nhất|tối thiểu|reach(ed)? (the )?(target|goal|threshold)"
                      r"|meet|met|at least)\s*$")),
    ("gt", re.compile(r"\b(vượt( qua)?( mức| ngưỡng)?|trên( mức| hạng| vị trí| thứ)?|cao hơn( mức)?|hơn|nhiều hơn|exceed(ed)?|above|over"
                      r"|more than|higher than)\s*$")),
    ("le", re.compile(r"\b(không quá|tối đa|at most|no more than)\s*$")),
    ("lt", re.compile(r"\b(dưới( mức| hạng| vị trí| thứ)?|thấp hơn( mức)?|chưa (đến|tới|đạt)|ít hơn|below|under|less than|fewer than"
                      r"|lower than)\s*$")),
)


def _claim_bound(before: str) -> str:
    """"gt", "ge", "lt" or "le" when the (lower-cased) words before a claim's figure bound it; "" when they state it."""
    return next((op for op, rx in _CLAIM_BOUNDS if rx.search(before)), "")


# A claimed direction of a rank: "tụt hạng", "thứ hạng … tăng", "giữ nguyên thứ hạng", "climbed".
_RANK_NOUN = r"(thu hang|hang|vi tri|bac)"
_DIRECTIONS = (
    (0, re.compile(rf"\b(giu nguyen|khong (thay )?doi|duy tri) {_RANK_NOUN}\b|\b{_RANK_NOUN}\b[^,.;]{{0,20}}\b(giu nguyen|khong (thay )?doi)\b"
                   r"|\b(kept|held|maintained) its (rank|position|place)\b|\bunchanged\b")),
    (-1, re.compile(rf"\b(giam|tut|lui|sut|xuong|mat) {_RANK_NOUN}\b|\b{_RANK_NOUN}\b[^,.;]{{0,20}}\b(giam|tut|lui|sut|di xuong)\b"
                    r"|\b(fell|dropped|slipped|declined|lost)\b")),
    (1, re.compile(rf"\b(tang|thang|len|nang|cai thien) {_RANK_NOUN}\b|\b{_RANK_NOUN}\b[^,.;]{{0,20}}\b(tang|cai thien|di len)\b"
                   r"|\b(rose|climbed|improved|moved up|gained)\b")),
)
# A claimed direction of the score ("vì điểm số giảm", "dù điểm tăng"), checked against the two editions' scores.
_SCORE_DIRECTION = re.compile(r"\b(diem|score)\w*\b[^,.;]{0,25}\b(tang|giam|rose|fell|increased|decreased)\b")


def _sign(x: float) -> int:
    return 0 if x == 0 else (1 if x > 0 else -1)


def _direction_claim(qa, q: Question, hits: list[Hit]) -> Answer | None:
    """"Hòa Bình giữ nguyên thứ hạng năm 2024, đúng không?", "A tụt hạng vì điểm số giảm": each claimed
    direction (of the rank, of the score) against the stated or derived change. False when one part is; true
    when every part is; None (not enough information) when the claim states no direction or a part is unknown."""
    f = fold(q.text.lower())
    score = _SCORE_DIRECTION.search(f)
    rank_part = _SCORE_DIRECTION.sub(" ", f)
    claimed = next((d for d, rx in _DIRECTIONS if rx.search(rank_part)), None)
    if (claimed is None and not score) or len(q.provinces) != 1:
        return None
    checked = []  # (claimed sign, answer, words for the stated figure)
    if claimed is not None:
        ans = _dispatch(qa, replace(q, claim=False, kind="rank_change"), hits)
        if ans.found and ans.value is not None:
            stated = _sign(ans.value)
            words = {0: "giữ nguyên thứ hạng", 1: f"tăng {abs(int(ans.value))} bậc", -1: f"giảm {abs(int(ans.value))} bậc"}
            checked.append((claimed, ans, words[stated]))
        else:
            checked.append((claimed, None, ""))
    if score:
        year = q.year
        ans = _dispatch(qa, replace(q, claim=False, compare=True, kind="score", year=year,
                                    base_year=(year - 1) if year else None), hits) if year else None
        want = -1 if score.group(2) in ("giam", "fell", "decreased") else 1
        if ans is not None and ans.found and ans.comparison and len(ans.comparison.get("values", {})) == 2:
            (_, old), (_, new) = sorted(ans.comparison["values"].items())
            checked.append((want, replace(ans, value=new - old), f"điểm {'tăng' if new > old else 'giảm'} từ "
                            f"{_vi_number(old)} {'lên' if new > old else 'xuống'} {_vi_number(new)}" if new != old else "điểm không đổi"))
        else:
            checked.append((want, None, ""))
    wrong = [(c, a, w) for c, a, w in checked if a is not None and _sign(a.value) != c]
    if wrong:
        _, ans, words = wrong[0]
        return replace(ans, verdict=VERDICTS[1], text=words, message=f"**Sai:** bài viết ghi **{words}**. {ans.message}")
    if any(a is None for _, a, _ in checked):
        return None
    _, ans, words = checked[0]
    citations = [c for _, a, _ in checked for c in a.citations[:1]]
    return replace(ans, verdict=VERDICTS[0], text="; ".join(w for _, _, w in checked), citations=citations,
                   message="**Đúng.** " + " ".join(a.message for _, a, _ in checked))


def _answer_claim(qa, q: Question, hits: list[Hit]) -> Answer:
    """"Bình Phước đứng thứ 5 năm 2021 đúng không?": a verdict from the corpus's own figure."""
    claimed = _claimed(q)
    if claimed is None:
        direction = _direction_claim(qa, q, hits)
        if direction is not None:
            return direction
        return replace(_not_found(q, [], "câu hỏi không nêu con số nào để kiểm tra"), verdict=VERDICTS[2])
    kind, value, is_top, said, noun = claimed
    whole = re.search(rf"(?<![\d.,]){re.escape(said)}(?![\d])", q.text)  # "20", not the "20" of "2024"
    at = whole.start() if whole else -1
    digit = re.search(r"\d", said)  # "dưới 70%": a mention may hold the words that bound it
    bound = _claim_bound(q.text[:at + (digit.start() if digit else 0)].lower()) if at >= 0 and not is_top else ""
    digits = {w for w, _, _ in _words(fold(said.lower()))}
    checked = replace(q, claim=False, kind=kind, noun=noun, terms=tuple(t for t in q.terms if t not in digits),
                      text=q.text.replace(said, " "))  # the figure to check is not one the question asks about
    if q.target and (bound or re.search(r"\b(da|achieved|reached|met|hit)\b", fold(q.text.lower()))):
        checked = replace(checked, target=False)  # "đã đạt mục tiêu vào top 8": what was reached, against the target
    ans = _dispatch(qa, checked, hits)
    if not ans.found or ans.value is None:
        why = ans.message.removeprefix("Không tìm thấy câu trả lời trong kho bài viết: ")
        return replace(ans, verdict=VERDICTS[2], found=False,
                       message=f"**Không đủ thông tin** để kiểm tra “{said}”: {why}")
    if ans.unit == "top" and not (is_top and ans.value <= value):
        # The article says only "trong top 10": that neither confirms nor refutes "top 5" or "thứ 3".
        return replace(ans, verdict=VERDICTS[2], found=False,
                       message=f"**Không đủ thông tin** để kiểm tra “{said}”: {ans.message}")
    if is_top:
        true = ans.value <= value  # "trong top 10": any rank up to 10
    elif bound:  # "có vượt mức 0,68 không?", "có đạt chỉ tiêu 90% không?": a bound, not a value
        if kind == "rank":  # "xếp trên hạng 20", "ranked above 20th": a better rank is a smaller number
            bound = {"gt": "lt", "ge": "le", "lt": "gt", "le": "ge"}[bound]
        true = {"gt": ans.value > value, "ge": ans.value >= value, "lt": ans.value < value, "le": ans.value <= value}[bound]
    else:  # a change is signed on both sides ("giảm 3 bậc" is -3)
        true = abs(ans.value - value) <= 1e-6 * max(1.0, abs(value))
    verdict = VERDICTS[0] if true else VERDICTS[1]
    stated = _signed_change(ans) if kind == "rank_change" else ans.text
    lead = ("**Đúng.**" if true else f"**Sai:** bài viết ghi **{stated}**, không phải {said}." if not bound
            else f"**Sai:** bài viết ghi **{stated}**.")
    return replace(ans, verdict=verdict, kind=kind, message=f"{lead} {ans.message}")


# "còn thiếu bao nhiêu so với mục tiêu?", "để đạt mục tiêu … cần nâng thêm bao nhiêu?", "must still grow to meet its
# target": what is left to reach a target.
_GAP_WORDS = r"(con thieu|thieu|chua dat|con cach|cach|con phai|can them|them|hut|still|short of|shortfall|more)"
_GAP_TO_TARGET = re.compile(rf"\b{_GAP_WORDS}\b.*\b(muc tieu|chi tieu|ke hoach|target|goal)\b"
                            rf"|\b(muc tieu|chi tieu|target|goal)\b.*\b{_GAP_WORDS}\b")


def _answer_gap_to_target(qa, q: Question, hits: list[Hit]) -> Answer:
    """"Hà Tĩnh còn thiếu bao nhiêu doanh nghiệp so với mục tiêu?": the target and what was reached, each read by the
    scorer as its own question, and their difference; both from one article, in one unit."""
    aim = _answer_number(qa, replace(q, target=True, side=True), hits)
    done = _reached(qa, q, hits, aim) if aim.found and aim.value is not None else None
    if done is None:
        return _not_found(q, [], "không tìm thấy cả mục tiêu và kết quả đạt được trong cùng một bài để so sánh")
    if done.value >= aim.value:
        return _not_found(q, [], f"bài viết cho thấy mục tiêu {aim.text} đã đạt ({done.text}): không còn khoảng cách")
    gap = abs(aim.value - done.value)
    unit = _difference_unit(aim.unit)
    figure = f"{_vi_number(gap)} {unit}".strip()
    text = f"{figure} (mục tiêu {aim.text}; đạt {done.text})"
    citations = list({(c.doc_id, c.start): c for c in aim.citations[:1] + done.citations[:1]}.values())
    message = (f"Còn **{figure}** để đạt mục tiêu: mục tiêu {aim.text}, đạt {done.text}."
               + "".join(_cite_line(c) for c in citations))
    return Answer(q.text, True, text, gap, aim.unit, q.kind, citations, [], message, True,
                  min(aim.confidence, done.confidence), analysis=q)


def _reached(qa, q: Question, hits: list[Hit], aim: Answer) -> Answer | None:
    """What was reached against a target `aim`: the most confident figure of the same article and unit that is not
    the target's own. "Để đạt mục tiêu năm 2025": the year may be the target's, so a figure of any year is tried too;
    where the target's sentence outranks every other, the other sentences are tried without it."""
    stated = aim.citations[0]
    others = [h for h in hits if not (h.doc_id == stated.doc_id and h.start == stated.start)]
    tried = []
    for year in dict.fromkeys((q.year, None)):
        side = replace(q, target=False, side=True, year=year, base_year=q.base_year if year else None)
        for pool in (hits, others):
            done = _answer_number(qa, side, pool)
            if (done.found and done.value is not None and done.value != aim.value and done.unit == aim.unit
                    and done.citations[0].doc_id == stated.doc_id):
                tried.append(done)
    return max(tried, key=lambda a: a.confidence, default=None)


def _answer_compare(qa, q: Question, hits: list[Hit]) -> Answer:
    """Two provinces (or two years of one) on one figure: which is higher, by how much, both cited.

    On a rank, higher ("cao hơn", "tốt hơn") is the smaller number.
    """
    if len(q.provinces) >= 2:
        sides = [(p, replace(q, compare=False, side=True, provinces=(p,))) for p in q.provinces[:2]]
    else:
        years = sorted({int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", q.text)})[-2:]
        if len(years) < 2 and q.year and q.base_year and q.base_year != q.year:
            years = sorted({q.base_year, q.year})
        sides = [(f"{q.provinces[0]} năm {y}", replace(q, compare=False, side=True, year=y, base_year=None)) for y in years]
    answers = [(name, _dispatch(qa, side, hits)) for name, side in sides]
    known = [(n, a) for n, a in answers if a.found and a.value is not None]
    citations = [c for _, a in known for c in a.citations]
    values = {n: a.value for n, a in known}
    if len(known) < 2:
        missing = [n for n, a in answers if not (a.found and a.value is not None)]
        shown = "; ".join(f"{n}: **{a.text}**" for n, a in known)
        message = (f"Không so sánh được: kho bài viết không có số liệu của {', '.join(missing)}."
                   + (f" Số liệu đã biết — {shown}." if shown else "")
                   + (_cite_line(citations[0]) if citations else ""))
        return Answer(q.text, False, "", None, "", q.kind, citations, [], message, False, 0.0, analysis=q,
                      comparison={"values": values, "better": None, "difference": None, "missing": missing})
    (n1, a1), (n2, a2) = known
    if a1.citations and a2.citations and (a1.citations[0].doc_id, a1.citations[0].answer_start) == \
            (a2.citations[0].doc_id, a2.citations[0].answer_start):
        # Both sides read the very same figure ("mục tiêu năm 2026: 7,5 triệu" for the target and for 2025's actual
        # count): one figure compares with nothing.
        message = (f"Không so sánh được: cùng một số liệu ({a1.text}) được đọc cho cả {n1} và {n2}."
                   + _cite_line(a1.citations[0]))
        return Answer(q.text, False, "", None, "", q.kind, a1.citations[:1], [], message, False, 0.0, analysis=q,
                      comparison={"values": values, "better": None, "difference": None}, reasons=("same_figure",))
    lower_is_better = q.kind == "rank"
    if a1.value == a2.value:
        better, text = None, f"ngang nhau ({n1}: {a1.text}; {n2}: {a2.text})"
    else:
        first = (a1.value < a2.value) if lower_is_better else (a1.value > a2.value)
        better = n1 if first else n2
        # The short answer carries both figures: "Bình Định (14/63; Phú Yên: 38/63)"
        (_, won), (loser, lost) = ((n1, a1), (n2, a2)) if first else ((n2, a2), (n1, a1))
        text = f"{better} ({won.text}; {loser}: {lost.text})"
    diff = abs(a1.value - a2.value)
    unit = "bậc" if q.kind in ("rank", "rank_change") else _difference_unit(a1.unit)
    detail = f"{n1}: {_bold_rank(a1.text, a1.value)}; {n2}: {_bold_rank(a2.text, a2.value)}"
    diff_text = f"{_vi_number(diff)} {unit}".strip()
    how_much = bool(re.search(r"\b(bao nhieu|may|how (many|much))\b", fold(q.text.lower())))
    if better is None:
        message = f"Hai bên ngang nhau ({detail})."
    else:
        worse = n2 if better == n1 else n1
        message = f"**{better}** cao hơn {worse} ({detail}; chênh {diff_text})."
        if how_much:  # "A hơn B bao nhiêu bậc?": the gap is the answer, with the two figures it comes from
            text = f"{diff_text} ({n1}: {a1.text}; {n2}: {a2.text})"
            message = f"**{diff_text}**: {better} cao hơn {worse} ({detail})."
    message += "".join(_cite_line(c) for c in citations[:2])
    computed = a1.computed or a2.computed
    return Answer(q.text, True, text, diff, unit, q.kind, citations, [], message, computed, min(a1.confidence, a2.confidence),
                  analysis=q, comparison={"values": values, "better": better, "difference": diff})


# "từ 81,2% lên 90%", "from 0.5874 to 0.6288": a figure's move, between two quantities.
_FROM_TO = re.compile(r"^\s*(?:len|xuong|toi|den|to)\s*$")  # on folded text
_FROM = re.compile(r"\b(?:tu|from)\s*$")
_FALL_ASKED = re.compile(r"\b(giam|tut|sut|xuong|fell|fall|drop\w*|decreas\w*|declin\w*)\b")


def _answer_from_to(qa, q: Question, hits: list[Hit]) -> Answer:
    """A difference asked ("tăng thêm bao nhiêu?") that a sentence states as a move from one figure to another of the
    asked kind ("từ 81,2% lên 90%"): the second less the first, citing that sentence."""
    unit_of = {"percent": "%"}
    for h in hits[:5]:
        qs = [x for x in quantities(h.sentence) if not re.fullmatch(r"(19|20)\d\d", x.text.strip())]
        for a, b in zip(qs, qs[1:]):
            if not (_FROM.search(fold(h.sentence[max(0, a.start - 6):a.start].lower()))
                    and _FROM_TO.match(fold(h.sentence[a.end:b.start].lower()))):
                continue
            if a.unit != b.unit or (q.kind in unit_of and a.unit != unit_of[q.kind]) or a.out_of or b.out_of:
                continue
            if not q.target and TARGET_WORDS_RE.search(fold(h.sentence[:a.start].lower())):
                continue  # "Mục tiêu: nâng tỷ lệ từ 81,2% lên 90%": a plan, not what moved
            coverage, _ = _fit(qa, q, h, a.start, b.end)
            if not _acceptable(q, h, coverage):
                continue
            diff = b.value - a.value
            asked_fall = bool(_FALL_ASKED.search(fold(q.text.lower())))
            if diff == 0 or (diff < 0) != asked_fall:
                continue  # "giảm từ 70% xuống 65%" does not answer "tăng bao nhiêu?"
            unit = _difference_unit(b.unit)
            text = f"{_vi_number(abs(diff))} {unit}".strip() + f" (từ {a.text} {'xuống' if diff < 0 else 'lên'} {b.text})"
            cite = Citation(h.doc_id, h.title, h.url, h.sentence, h.start, h.end, h.start + a.start, h.start + b.end,
                            h.source, h.date)
            return Answer(q.text, True, text, abs(diff), unit, q.kind, [cite], [], f"**{text}**" + _cite_line(cite), True,
                          min(0.95, (coverage * 2 + 1.0 / h.rank) / 5.0), analysis=q)
    return _not_found(q, [], _missing_text(q))


# What is left ("còn bao nhiêu … chưa", "cần thêm bao nhiêu để đạt", "tiết kiệm bao nhiêu", "how much is left").
_REMAINDER = re.compile(r"\b(con (lai|thieu|can|phai|bao nhieu)|chua (duoc|dat|ket noi|hoan thanh)|can (them|gom them)"
                        r"|tiet kiem|re hon|remain\w*|left|still need\w*|short of|save\w*|cheaper)\b")


_MONEY = re.compile(r"(?i)đồng|₫|usd|vnd|\$")
# The second figure is what the first is measured against: a target, a plan, a total, a quota.
_WHOLE_CUE = re.compile(r"\b(muc tieu|chi tieu|ke hoach|tong|target|goal|total|quota|du toan)\b")
_SAVING = re.compile(r"\b(tiet kiem|re hon|save\w*|cheaper)\b")


def _answer_two_figures(qa, q: Question, hits: list[Hit]) -> Answer:
    """What is left (or saved), asked of a sentence that states exactly two figures of one unit ("Đã đạt
    186.400.000 ₫ / mục tiêu 300.000.000 ₫", "30.000 đồng/người (vé điện tử: 27.000 đồng)") or a part of a whole
    ("45/98 bộ dữ liệu" when what is not yet done is asked): their difference, citing the sentence."""
    for h in hits[:3]:
        figures = [x for x in quantities(h.sentence) if not re.fullmatch(r"(19|20)\d\d", x.text.strip())
                   and (x.unit == "%") == (q.kind == "percent") and (q.kind != "amount" or _MONEY.search(x.unit or ""))]
        coverage, _ = _fit(qa, q, h, 0, len(h.sentence))
        if not figures or not _acceptable(q, h, coverage):
            continue
        whole = [x for x in figures if x.out_of and x.out_of not in (63, 34) and x.value < x.out_of]
        if len(figures) == 1 and whole and _REMAINDER.search(fold(q.text.lower())):
            x = whole[0]
            a_value, b_value, a_text, b_text, unit, at = x.value, x.out_of, x.text, x.text, "", (x.start, x.end)
        elif len(figures) == 2 and figures[0].unit == figures[1].unit and not any(x.out_of for x in figures) \
                and (_WHOLE_CUE.search(fold(h.sentence.lower())) or _SAVING.search(fold(q.text.lower()))):
            a, b = figures
            a_value, b_value, a_text, b_text, unit, at = a.value, b.value, a.text, b.text, a.unit, (a.start, b.end)
        else:
            continue
        diff = abs(b_value - a_value)
        unit = _difference_unit(unit)
        text = f"{_vi_number(diff)} {unit}".strip() + (f" ({a_text}; {b_text})" if a_text != b_text else f" ({a_text})")
        cite = Citation(h.doc_id, h.title, h.url, h.sentence, h.start, h.end, h.start + at[0], h.start + at[1],
                        h.source, h.date)
        return Answer(q.text, True, text, diff, unit, q.kind, [cite], [], f"**{text}**" + _cite_line(cite), True,
                      min(0.95, (coverage * 2 + 1.0 / h.rank) / 5.0), analysis=q)
    return _not_found(q, [], _missing_text(q))


def _difference_unit(unit: str) -> str:
    """The unit of a difference of two figures: two rates differ by percentage points."""
    return "điểm phần trăm" if unit == "%" else unit


def _vi_number(x: float) -> str:
    """A computed number as Vietnamese writes it: "23", "1.240", "0,0374" (at most four decimals)."""
    whole, _, decimals = f"{round(x, 4):.4f}".rstrip("0").rstrip(".").partition(".")
    whole = f"{int(whole):,}".replace(",", ".")
    return f"{whole},{decimals}" if decimals else whole


def _derived_changes(qa, q: Question, stated: set[str]) -> list[Fact]:
    """Changes in year Y of provinces with no stated change but stated ranks in Y and Y-1 (as computed facts)."""
    ranks: dict[tuple[str, int], Fact] = {}
    for f in qa.index.facts:
        if (f.kind == "rank" and f.ranking == q.ranking and f.pillar == q.pillar and not f.target and not f.computed
                and f.year in (q.year, q.year - 1) and f.province not in stated):
            ranks.setdefault((f.province, f.year), f)
    out = []
    for (province, year), new in ranks.items():
        old = ranks.get((province, year - 1)) if year == q.year else None
        if old is not None:
            out.append(replace(new, kind="rank_change", value=old.value - new.value, computed=True,
                               text=f"{int(abs(old.value - new.value))}", basis=(old.sentence_index, new.sentence_index)))
    return out


def _extreme(q: Question, known: list[tuple[str, Answer]]) -> tuple[list[str], Answer]:
    """The best (or worst) of labelled figures, with every label tied with it: on a rank the best is the
    smallest number, on anything else the largest."""
    smaller_is_better = q.kind == "rank"
    ordered = sorted(known, key=lambda la: la[1].value if smaller_is_better else -la[1].value)
    _, pick = ordered[0] if q.superlative == "best" else ordered[-1]
    return [label for label, a in known if a.value == pick.value], pick


def _signed_change(ans: Answer) -> str:
    """A rank change as words say it: "tăng 9 bậc", "giảm 5 bậc", "giữ nguyên"."""
    if ans.value is None or not ans.text[:1].isdigit():
        return ans.text
    return "giữ nguyên" if ans.value == 0 else f"{'giảm' if ans.value < 0 else 'tăng'} {abs(int(ans.value))} bậc"


def _answer_group_superlative(qa, q: Question, hits: list[Hit], size: int | None = None) -> Answer:
    """"Giữa A, B và C, tỉnh nào xếp cao nhất?": each named province's figure, the best (or worst) of them.

    On a rank the best is the smallest number; on anything else the largest. Every province must have its
    figure: with one unknown, which is highest cannot be said, and the known figures are listed instead.
    """
    sides = [(p, _dispatch(qa, replace(q, superlative="", side=True, provinces=(p,)), hits)) for p in q.provinces]
    known = [(p, a) for p, a in sides if a.found and a.value is not None]
    missing = [p for p, a in sides if not (a.found and a.value is not None)]
    detail = "; ".join(f"{p}: {_bold_rank(a.text, a.value)}" for p, a in known)
    citations = [c for _, a in known for c in a.citations[:1]]
    values = {p: a.value for p, a in known}
    if missing and not (size and len(known) == size):  # "the five provinces": the five the corpus has figures for
        message = (f"Không xác định được: kho bài viết không có số liệu của {', '.join(missing)}."
                   + (f" Số liệu đã biết — {detail}." if detail else "")
                   + (_cite_line(citations[0]) if citations else ""))
        return Answer(q.text, False, "", None, "", q.kind, citations, [], message, False, 0.0, analysis=q,
                      comparison={"values": values, "better": None, "difference": None, "missing": missing})
    ties, ans = _extreme(q, known)
    best = ", ".join(ties)
    message = f"**{best}** ({detail})." + "".join(_cite_line(c) for c in citations[:3])
    confidence = min(a.confidence for _, a in known)
    return Answer(q.text, True, f"{best} ({_signed_change(ans) if q.kind == 'rank_change' else ans.text})", ans.value, ans.unit, "entity", citations, [], message,
                  any(a.computed for _, a in known), confidence, analysis=q,
                  comparison={"values": values, "better": best, "difference": None})


def _article_group(qa, q: Question, hits: list[Hit]) -> tuple[tuple[str, ...], int | None, int | None]:
    """The provinces of "the 15 provinces" a question means (those the best-matching article gives figures for),
    the number the question says the group has, and the edition most of the article's figures are for."""
    m = ARTICLE_GROUP_RE.search(fold(q.text.lower()))
    size = m.group(2) if m and m.group(2) else next(iter(re.findall(r"\bnhom (\d{1,2})\b", fold(q.text.lower()))), None)
    size = (int(size) if size.isdigit() else _GROUP_SIZES.get(size)) if size else None
    docs = list(dict.fromkeys(h.doc_id for h in hits[:20]))
    named: dict[str, dict[str, None]] = {d: {} for d in docs}  # each article's provinces with figures, in order
    years: dict[str, Counter] = {d: Counter() for d in docs}
    for f in qa.index.facts:  # one pass over the facts table
        if f.doc_id in named and f.province and not f.target:
            named[f.doc_id][f.province] = None
            if f.year and not f.computed:
                years[f.doc_id][f.year] += 1
    groups = [(abs(len(named[d]) - size) if size else 0, d) for d in docs if len(named[d]) >= 2]
    if not groups:
        return (), size, None
    _, doc = min(groups, key=lambda g: g[0])  # the first of those nearest the size asked
    edition = years[doc].most_common(1)[0][0] if years[doc] else None
    return tuple(named[doc]), size, edition


_GROUP_SIZES = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi lam": 15,
                "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "fifteen": 15}
# A list's condition on each province's figure: "vượt 0,65", "từ 4 hạng trở lên", "nằm trong top 20", "tăng hạng".
_AT_LEAST = re.compile(r"\b(?:vuot|tren|hon|qua|over|above|exceed\w*|more than|at least|tu)\s+(\d+(?:[.,]\d+)?)"
                       r"(?:\s*(?:hang|bac|diem|%|places|points))?(?:\s+tro len)?\b")
_RISE, _FALL = re.compile(r"\b(tang hang|thang hang|len hang|tang \w* bac|rose|climbed|improved)\b"), \
    re.compile(r"\b(giam hang|tut|roi|xuong hang|giam \w* bac|fell|dropped|slipped)\b")


def _answer_article_group(qa, q: Question, hits: list[Hit]) -> Answer:
    """"Trong nhóm 15 tỉnh, nơi nào tăng hạng nhiều nhất?", "Những tỉnh nào trong năm tỉnh nằm trong top 20?": the
    provinces the best-matching article gives figures for, each one's figure, then the best (or worst) of them or
    those meeting the condition the question states."""
    group, size, edition = _article_group(qa, q, hits)
    if not group:
        return _not_found(q, [], "không xác định được nhóm tỉnh mà câu hỏi nói tới")
    year = q.year if q.year is not None else edition  # the group's edition is its article's
    base = replace(q, provinces=group, in_article=False, top=None, rank_value=None, region="", year=year)
    if q.superlative:
        return _answer_group_superlative(qa, base, hits, size)
    f = fold(q.text.lower())
    top = q.top if q.top is not None and q.top != size and re.search(rf"\btop {q.top}\b", f) else None
    if top is not None:  # "nằm trong top 20" (not "trong nhóm 15", the group itself)
        kind, keep = "rank", (lambda v, n=top: v <= n)
    elif _RISE.search(f) or _FALL.search(f):
        m = _AT_LEAST.search(f)
        n = float(m.group(1).replace(",", ".")) if m else 1.0
        kind = "rank_change"
        keep = (lambda v, n=n: v >= n) if _RISE.search(f) else (lambda v, n=n: v <= -n)
    else:
        m = _AT_LEAST.search(f)
        if not m or q.kind != "list":
            return _not_found(q, [], "câu hỏi không nêu điều kiện để lọc nhóm tỉnh")
        n = float(m.group(1).replace(",", "."))
        kind = "score" if re.search(r"\b(diem|score\w*|points?)\b", f) or n < 1 else \
            ("percent" if "%" in q.text or "phan tram" in f else "rank")
        keep = (lambda v, n=n: v > n) if kind != "rank" else (lambda v, n=n: v <= n)
    sides = [(p, _dispatch(qa, replace(base, kind=kind, provinces=(p,), side=True), hits)) for p in group]
    known = [(p, a) for p, a in sides if a.found and a.value is not None]
    if len(known) < 2:
        return _not_found(q, [], "kho bài viết không nêu đủ số liệu của nhóm tỉnh để lọc")
    chosen = [(p, a) for p, a in known if keep(a.value)]
    if not chosen:
        return _not_found(q, [], "không tỉnh nào trong nhóm thỏa điều kiện của câu hỏi")
    text = ", ".join(f"{p} ({_signed_change(a) if kind == 'rank_change' else a.text})" for p, a in chosen)
    citations = list({(c.doc_id, c.start): c for _, a in chosen for c in a.citations[:1]}.values())
    message = f"**{text}**." + "".join(_cite_line(c) for c in citations[:3])
    return Answer(q.text, True, text, None, "", "list", citations, [], message, any(a.computed for _, a in chosen),
                  min(a.confidence for _, a in chosen), analysis=q,
                  comparison={"values": {p: a.value for p, a in known}, "better": None, "difference": None})


_MAIN_PILLARS = tuple(PILLARS)[:3]  # chính quyền số, kinh tế số, xã hội số
_PILLAR_WORD = re.compile(r"\b(tru cot|pillars?)\b")


def _answer_superlative_within(qa, q: Question, hits: list[Hit]) -> Answer:
    """"Trụ cột nào của A xếp thấp nhất năm 2023?", "A đạt hạng cao nhất vào năm nào?": the province's figure
    for each pillar (or each edition) the corpus states, and the best or worst of them.

    On a rank the best is the smallest number; on anything else the largest. Only what the corpus states is
    weighed, and the reply lists it, so a reader sees what the superlative is taken over.
    """
    province = q.provinces[0]
    base = replace(q, superlative="", over="", among=(), side=True)
    if q.over == "pillar":
        # "trụ cột nào", "which pillar": the three pillars, not the foundation indices (hạ tầng số, an toàn thông tin …)
        main = _MAIN_PILLARS if _PILLAR_WORD.search(fold(q.text.lower())) else tuple(PILLARS)
        options = [(name[:1].upper() + name[1:], replace(base, pillar=name)) for name in q.among or main]
    else:  # the span the question names ("từ 2020 đến 2024"), else every edition the facts hold for the province
        span = [int(y) for y in re.findall(r"(?:19|20)\d\d", q.year_span)]  # "giai đoạn 2020–2024"
        years = (range(q.base_year, q.year + 1) if q.base_year and q.year and q.base_year < q.year else
                 sorted({f.year for f in qa.index.facts if f.province == province and f.ranking == q.ranking
                         and f.pillar == q.pillar and not f.target and f.year
                         and (len(span) < 2 or span[0] <= f.year <= span[1])}))
        options = [(f"năm {y}", replace(base, year=y, base_year=None, latest=False)) for y in years]
    known, sides = [], {}
    for label, side in options:
        ans = _dispatch(qa, side, hits)
        if ans.found and ans.value is not None and (q.kind != "rank" or ans.unit != "top"):
            known.append((label, ans))
            sides[label] = side
    over_vi = "trụ cột" if q.over == "pillar" else "năm"
    if len(known) < 2:
        return _not_found(q, [], f"kho bài viết không nêu đủ số liệu của {province} theo từng {over_vi} để so sánh")
    ties, pick = _extreme(q, known)
    label = ", ".join(ties)
    detail = "; ".join(f"{lb}: {_bold_rank(a.text, a.value)}" for lb, a in known)
    citations = list({(c.doc_id, c.start): c for _, a in known for c in a.citations[:1]}.values())  # a sentence once
    figure = f"hạng {pick.text}" if q.kind == "rank" and pick.text[:1].isdigit() else pick.text
    if q.kind == "rank" and len(ties) == 1:
        figure += _score_beside(qa, q, hits, province, sides[label].pillar, sides[label].year)
    message = (f"**{label}** ({figure}). Các {over_vi} kho bài viết nêu cho {province} — {detail}."
               + "".join(_cite_line(c) for c in citations[:3]))
    if q.among:  # "chính quyền số hay kinh tế số?": the other side's figure beside the winner's
        figure += "".join(f"; {lb}: {a.text}" for lb, a in known if lb not in ties)
    return Answer(q.text, True, f"{label} ({figure})", pick.value, pick.unit, "entity", citations, [], message,
                  any(a.computed for _, a in known), min(a.confidence for _, a in known), analysis=q,
                  comparison={"values": {lb: a.value for lb, a in known}, "better": label, "difference": None})


def _score_beside(qa, q: Question, hits: list[Hit], province: str, pillar: str, year: int | None) -> str:
    """", 0,4402 điểm": the score of a rank a superlative picked, when the scorer is sure of it; else ""."""
    # Asked on its own, as a user would ask it, so its search and its words are a score's.
    what = f"trụ cột {pillar}" if pillar else "DTI"
    when = f" năm {year}" if year else ""
    side = question_of(qa, f"Điểm {what} của {province}{when} là bao nhiêu?")
    ans = _answer_number(qa, side, with_replies(qa, qa.search(_search_text(side), k=K_SEARCH)))
    if not ans.found or ans.value is None or ans.confidence < scorer.default().threshold:
        return ""
    return f", {ans.text}" if "điểm" in ans.text else f", {ans.text} điểm"


# A superlative that picks a place ("tỉnh nào", "which province"): the facts' provinces, not a sentence's listed items.
_PLACE_ASKED = re.compile(r"\b(tinh|thanh pho|dia phuong|don vi|huyen|xa|phuong|province\w*|cit(y|ies)|localit\w*|district\w*"
                          r"|region\w*|vung|khu vuc)\b")
_PICK_ASKED = re.compile(r"\b(nao|gi|which|what)\b")  # "mục nào …", "which line …": one of several is picked
# The direction a superlative's word asks, whatever the figure: high ("cao nhất", "largest") or low ("thấp nhất").
_LOW_WORDS = re.compile(r"\b(thap nhat|it nhat|nho nhat|kem nhat|yeu nhat|lowest|smallest|least|fewest|worst|weakest)\b")
_RANKED = re.compile(r"(?:\bhang\s*$|\bthu\s*$|\bvi tri\s*$)")


def _item_values(text: str) -> list[tuple[float, str, bool, str]]:
    """(value, as written, whether it is a rank, unit) of each figure of an item that is no year."""
    out = []
    for qn in quantities(text):
        if re.fullmatch(r"(19|20)\d\d", qn.text.strip()):
            continue
        rank = qn.out_of in (63, 34) or bool(re.match(r"(st|nd|rd|th)\b", text[qn.num_end:qn.num_end + 2])) \
            or bool(_RANKED.search(fold(text[max(0, qn.start - 8):qn.start].lower())))
        fell = bool(_FALL_ASKED.search(fold(text[max(0, qn.start - 12):qn.start].lower())))  # "giảm 3 bậc": -3
        out.append((-qn.value if fell else qn.value, qn.text, rank, qn.unit))
    return out


def _answer_extreme_item(qa, q: Question, hits: list[Hit]) -> Answer:
    """The highest or lowest of the items a sentence (or a run of bullet lines) lists with one figure each:
    "digital government 0.7604, digital economy 0.6532 and digital society 0.7011" -> "digital government (0.7604)".
    On ranks the best is the smallest number."""
    found = []
    pillars = _MAIN_PILLARS if _PILLAR_WORD.search(fold(q.text.lower())) else tuple(PILLARS)
    for h in hits[:5]:
        stated, lines = _listed(qa, h)
        options = [list(e.items) for e in stated]
        if lines:
            options.append([(s.start - h.start, s.end - h.start) for s in lines])
        for items in options:
            texts = [_item_text(qa, h, a, b) for a, b in items]
            values = [_item_values(t) for t in texts]
            if sum(map(bool, values)) < max(2, len(items) / 2):
                continue  # most items state a figure: an item's first is what the items are ranked by
            unit = Counter(v[0][3] for v in values if v).most_common(1)[0][0]  # "30.000 đồng" beside "0,7604": not alike
            items, texts, values = zip(*[(i, t, v) for i, t, v in zip(items, texts, values) if v and v[0][3] == unit])
            if len(items) < 2:
                continue
            if q.over == "pillar" and not all(any(PILLAR_RES[p].search(fold(t.lower())) for p in pillars) for t in texts):
                continue  # "Trụ cột nào yếu nhất?": items that are pillars
            coverage, _ = _fit(qa, q, h, max(0, items[0][0]), min(len(h.sentence), items[-1][1]))
            if coverage > 0 or q.english:
                found.append((coverage * 2 + 1.0 / h.rank, items, texts, [v[0] for v in values], h))
    if not found:
        return _not_found(q, [], _missing_text(q))
    score, items, texts, values, h = max(found, key=lambda x: (x[0], -x[4].rank))
    low = bool(_LOW_WORDS.search(fold(q.text.lower())))
    ranks = all(r for _, _, r, _ in values)
    pick_low = low != ranks  # the lowest figure, or on ranks the best (smallest) unless the worst is asked
    i = (min if pick_low else max)(range(len(values)), key=lambda j: values[j][0])
    head, colon, _ = texts[i].partition(":")
    label = head if colon and values[i][1] not in head else re.sub(re.escape(values[i][1]), " ", texts[i]).replace("()", " ")
    label = " ".join(re.sub(r"^\s*(?:[-•+*▪–—]|\d{1,2}[.)])\s+", "", label).split()).strip(" :–-,;.")
    text = f"{label} ({values[i][1]})" if label else values[i][1]
    a, b = items[i]
    inside = 0 <= a and b <= len(h.sentence)
    cite = Citation(h.doc_id, h.title, h.url, h.sentence, h.start, h.end, h.start + (a if inside else 0),
                    h.start + (b if inside else len(h.sentence)), h.source, h.date)
    return Answer(q.text, True, text, values[i][0], "", "entity", [cite], [], f"**{text}**" + _cite_line(cite), False,
                  min(0.95, score / 5.0), analysis=q)


def _answer_superlative(qa, q: Question, hits: list[Hit]) -> Answer:
    """"Tỉnh nào tăng hạng nhiều nhất năm 2021?" over the provinces the corpus reports; "… trong khu vực
    Tây Bắc" over the provinces the articles that name the region report (their own list of its members)."""
    kind = "rank" if q.kind == "rank" else "rank_change"
    facts = [f for f in qa.index.facts if f.kind == kind and f.ranking == q.ranking and f.pillar == q.pillar
             and not f.target and not f.computed and (q.year is None or f.year == q.year)]
    if q.region:
        docs = {h.doc_id for h in hits if _in_region(q.region, h.sentence) or _in_region(q.region, h.title)}
        members = {f.province for f in facts if f.doc_id in docs}
        facts = [f for f in facts if f.province in members]
    if not facts:
        when = f" năm {q.year}" if q.year else ""
        return _not_found(q, [], f"không có bài viết nào nêu {KIND_VI[kind]} của tỉnh nào{when}")
    if kind == "rank_change" and q.year is not None:
        facts += _derived_changes(qa, q, {f.province for f in facts})
    best_per: dict[str, Fact] = {}
    for f in facts:
        cur = best_per.get(f.province)
        if cur is None or (f.year or 0) > (cur.year or 0):
            best_per[f.province] = f
    # On a rank the best is the smallest number; on a change, the largest rise.
    sign = 1 if kind == "rank" else -1
    ordered = sorted(best_per.values(), key=lambda f: (sign * f.value, f.province))
    pick = ordered[0] if q.superlative == "best" else ordered[-1]
    citations = _fact_citations(qa, [pick])
    scope = f"Trong {len(best_per)} tỉnh, thành phố mà kho bài viết nêu ({', '.join(sorted(best_per))}), "
    message = scope + _rank_message(pick, _rank_text(pick)) + _cite_line(citations[0])
    figure = _rank_text(pick) if kind == "rank" else f"{'giảm' if pick.value < 0 else 'tăng'} {abs(int(pick.value))} bậc"
    if kind == "rank":  # "Lai Châu (hạng 61, 0,4021 điểm)": the winner with its figures
        figure = f"hạng {figure}" + _score_beside(qa, q, hits, pick.province, pick.pillar, pick.year)
    return Answer(q.text, True, f"{pick.province} ({figure})", float(pick.value), "", "entity", citations, [], message, False, 0.7,
                  analysis=q)


# ------------------------------------------------------------------ messages
def _cite_line(c: Citation) -> str:
    parts = [p for p in (c.source, c.date, f"trang {c.page}, dòng {c.line}" if c.page else "") if p]
    where = f" ({', '.join(parts)})" if parts else ""
    return f"\nNguồn: bài “{c.title}”{where} — “{c.sentence}”"


def _not_found(q: Question, hits: list[Hit], why: str, reasons: tuple[str, ...] = ()) -> Answer:
    message = f"Không tìm thấy câu trả lời trong kho bài viết: {why}. Các đoạn gần nhất được liệt kê bên dưới."
    return Answer(q.text, False, "", None, "", q.kind, [], hits, message, False, 0.0, analysis=q,
                  reasons=reasons or ("no_candidate",))
