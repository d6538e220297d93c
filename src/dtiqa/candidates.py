"""Candidates: every number, date and digit-bearing token of the retrieved sentences, typed and checked.

A candidate is one span that may answer a question: its role ("rank", "percent", "count", ...),
its province, year and index as its sentence (or article) gives them, and the features the fitted
scorer reads. `check` is the one constraint test: a candidate whose province or year contradicts
the question is refused with a reason (the "not found" message says what the corpus has instead);
everything softer is a feature, weighed by the model in `dtiqa.scorer`, never by a constant here.
"""
from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from . import provinces, tables
from .facts import _years, article_context, clause_turn, date_mentions, regional_scope, sentence_mentions
from .numbers import ordinals, parse_number
from .question import DIFFERENCE_ASKED, TARGET_RE, TARGET_WORDS_RE, provisional_at
from .hits import Hit
from .question import Question
from .text import abbreviations, fold, name_kinds, name_words, unify_tones
from .tokens import segment

# The roles a question's answer type accepts (the types of `Question.kind`); a kind missing here
# (text, entity, ...) accepts any role, and the scorer learns from `role_*` features what fits.
EXPECTED_ROLES = {"rank": ("rank",), "rank_change": ("rank_change",), "percent": ("percent",),
                  "amount": ("amount",), "score": ("score",), "count": ("count", "number"),
                  "duration": ("count",), "date": ("date",), "name": ("name",), "names": ("name",),
                  "person": ("person",)}
NAME_KINDS = ("name", "names")  # a name that is no province or person: "cơ quan nào", "những đơn vị nào"
GENERIC_ROLES = ("number", "token")
TIME_UNITS = {"ngay", "thang", "nam", "tuan", "gio", "phut", "giay", "hoc ky", "ky"}
UNIT_OF_KIND = {"rank": "hạng", "rank_change": "bậc", "percent": "%", "score": "điểm"}
# A token holding a digit that no number reading covers: "JLPT_N3", "B1", "TOEIC_450", "4.0".
_TOKEN = re.compile(r"[^\s,;:()“”\"']*\d[^\s,;:()“”\"']*")

# Constraints read from wording alone (a counted noun, a plan word, a label, a change cue) or from what a
# span does not say (no province, no pillar of its own): they misfire on phrasings nobody tuned them on, so a
# span breaking only these stays a candidate, each broken one a feature whose weight the scorer learns.
# A plan ("phấn đấu đến năm 2025 đạt 75%") and a level where a difference is asked stay hard: given as an
# answer, they are the confident wrong answers users fear most, and the training data holds too few to weigh.
# A span whose context gives it another province (its article's headline, its paragraph) in an article that names
# the asked province elsewhere ("Bảo tàng tỉnh Tuyên Quang … Hà Giang cũ … toàn tỉnh có 312 trạm") is
# "province_context": how near the asked province was last named is a feature, and the scorer weighs both.
# Likewise a count, amount, percent or date whose year comes from its paragraph or article, not its own words
# ("Số cử tri tham dự: 138 người" under a heading of another year) is "year_context"; a year the span's
# sentence states, and every index rank or score, stay hard.
SOFT = ("unit", "change_level", "province_unstated", "pillar_unstated", "provisional", "province_context",
        "year_context")
_EDITION_ROLES = ("rank", "rank_change", "score")  # what a DTI edition's year decides


FEATURES = (
    "recip_rank", "fused_rel", "bm25_rel", "coverage", "near", "role_expected", "role_generic",
    "role_year", "role_id", "role_other", "kind_open", "noun_match", "province_stated", "province_context",
    "year_stated", "year_paragraph", "target_mismatch", "ranking_mismatch", "pillar_mismatch",
    "digits_after", "numbers_in_sentence", "english", "term_distance", "agreement",
    "expected_x_coverage", "open_x_coverage", "expected_x_closeness", "dense_rel", "bm25_recip_rank",
    "dense_recip_rank", "window_overlap", "next_word_asked", "earlier_parts", "right", "elsewhere", "clause",
    "starting_value", "difference", "year_asked_x_role_year", "mention_province", "province_nearest",
    "mention_year", "year_nearest", "year_unstated", "target_cue_not_asked", "target_cue_asked",
    "average_cue_not_asked", "average_cue_asked", "left_words", "right_words", "gap_cue_not_asked",
    "open_x_asks_which", "name_kind", "asked_province_recency", *(f"soft_{r}" for r in SOFT),
)
# "chênh lệch 0,0880 điểm", "cao hơn 28%": a difference between two figures, not either of them.
_GAP = re.compile(r"\b(chenh lech|chenh|cach biet|khoang cach|cao hon|thap hon|nhieu hon|it hon|gap|difference|higher than|lower than)\b")
QUANTITIES = ("count", "number", "percent", "amount", "score", "rank", "rank_change", "top", "year")
# A question about what was reached, which a plan cannot answer.
_ACHIEVED = re.compile(r"\b(da dat|dat duoc|thuc te|thuc hien duoc|da co|achieved|actual|reached)\b")
# A change stated right before a number ("tăng 0,0211 điểm"); "tăng lên 99,90%" states the new level.
_CHANGE_LEAD = re.compile(r"\b(tang|giam|tang them|giam di|giam them|them|tut|increased by|rose by|fell by|up by|down by)\s*$")
_CHANGE_LEAD_ASKED = re.compile(r"\b(tang|giam|them|tut|chenh|change|increase|decrease|rise|rose|fell|drop|gain)")
# What stands before a figure that is a difference: "tăng 0,0211", "cao hơn 0,0374", "thêm 67.000", "up 3".
_DIFFERENCE_BEFORE = re.compile(r"\b(tang|giam|them|hon|chenh lech|chenh|vuot|tut|kem|thieu|up|down|rose|fell|increase\w*"
                                r"|decrease\w*|gain\w*|more|by)\b[^.;]{0,40}$")
# "tăng từ 54,3% lên 68,9%": the two levels of a move, neither of them its size.
_LEVEL_OF_A_MOVE = re.compile(r"\b(tu|len|xuong|from|to)\s*(muc\s*)?$")
# "Tỉnh nào …", "cơ quan nào …", "who …": a name is asked, which a number rarely is.
_WHICH = re.compile(r"\b(nao|ai|which|who|whom)\b")
# "Điểm DTI bình quân của cả nước là 0,4457": the country's (or a group's) figure, not the province's.
_AVERAGE = re.compile(r"\b(binh quan|trung binh|ca nuoc|toan quoc|average|national)\b")
_RANKED_BEFORE = re.compile(r"\b(rank(ed)?|plac(ed|e)|came|finish(ed)?|stood|position|was|at|to)\s+(the\s+)?$")
# A letter outside the Latin scripts Vietnamese and English are written in: "Сколько", "чуyển", "多少".
_FOREIGN = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_ASKS_YEAR = re.compile(r"\b(nam nao|what year|which year|tu nam|since when)\b")
WINDOW = 40  # characters either side of a span whose words are compared with the question's


@dataclass(frozen=True)
class Candidate:
    """A span of a retrieved sentence that may answer the question, with the scorer's features."""

    text: str  # as the sentence states it, with the counted noun: "2.255 tổ", "87,5%"
    value: float | None
    unit: str
    role: str  # rank, rank_change, percent, count, amount, score, number, year, id, date, token, ...
    hit: Hit
    start: int  # span in the article text
    end: int
    features: tuple[float, ...]


@dataclass(frozen=True)
class Refusal:
    """A candidate the constraint check refused, and why ("province", "year", "pillar", "span")."""

    reason: str
    text: str
    province: str
    year: int | None
    hit: Hit


# ------------------------------------------------------------------ how a span fits the question
_article_cache: OrderedDict = OrderedDict()
_article_cache_lock = threading.Lock()


def _per_article(qa, doc_id: str, what: str, compute):
    """`compute()` for one article of `qa`'s index, kept for the last 512 (article version, what) pairs; safe
    for questions answered at once on several threads (the page, the API)."""
    key = (str(qa.index.path), doc_id, qa.article(doc_id).sha256, what)
    with _article_cache_lock:
        if key in _article_cache:
            return _article_cache[key]
    value = compute()
    with _article_cache_lock:
        _article_cache[key] = value
        if len(_article_cache) > 512:
            _article_cache.popitem(last=False)
    return value


def _contexts(qa, doc_id: str):
    """Per-sentence context province and DTI edition, and the article's extra province names (cached)."""
    return _per_article(qa, doc_id, "context", lambda: article_context(qa.article(doc_id), qa.sentences(doc_id)))


def _headings(qa, doc_id: str) -> dict[int, str]:
    """The heading line of each table row of an article, by sentence index (cached)."""
    return _per_article(qa, doc_id, "headings", lambda: tables.headings([s.text for s in qa.sentences(doc_id)]))


def sentence_texts(qa, doc_id: str) -> tuple[str, ...]:
    """The texts of an article's sentences (cached)."""
    return _per_article(qa, doc_id, "texts", lambda: tuple(s.text for s in qa.sentences(doc_id)))


def _named_places(qa, doc_id: str) -> tuple[frozenset, ...]:
    """The provinces each sentence of an article names (cached)."""
    def compute():
        extra = _contexts(qa, doc_id)[2]
        return tuple(frozenset(p.name for p in provinces.find(s.text, folded=False, extra=extra))
                     for s in qa.sentences(doc_id))
    return _per_article(qa, doc_id, "named", compute)


def asked_recency(named: tuple[frozenset, ...], i: int, asked: tuple[str, ...]) -> float:
    """1 / (1 + sentences back to the last one naming an asked province), 0 where none before `i` does."""
    want = set(asked)
    for d in range(0, i + 1):
        if named[i - d] & want:
            return 1.0 / (1.0 + d)
    return 0.0


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[a-z0-9]+", text)]


@dataclass(frozen=True)
class Fit:
    """How the question's words sit around a span: the parts the scorer weighs (none is combined here)."""

    coverage: float  # share (rare words weigh more) of the question's words and word pairs the span's context holds
    near: float  # question words of the span's ';' part, weighted by nearness to the span
    earlier_parts: float  # question words in the ';' parts before the span's
    right: float  # question words just after the span ("725 dịch vụ công mức độ 4")
    elsewhere: float  # question words only in another clause (their number is another one)
    clause: float  # share of the question's words in the span's own clause
    starting_value: float  # "từ 49,94% tăng lên ...": a starting value, when the question does not ask for one
    difference: float  # "cao hơn 28% so với": a difference, when the question does not ask for one

    @property
    def closeness(self) -> float:
        """The legacy single figure (person, document-number and province answers still rank by it)."""
        return self.near + 0.2 * self.earlier_parts + self.right - 3.0 * self.elsewhere \
            - 2.0 * (self.starting_value + self.difference)


def fit_of(qa, q: Question, h: Hit, start: int, end: int) -> Fit:
    """The question's words around a span of a hit's sentence.

    A span in the ';' part of a sentence can use the words of that part, of the parts before it
    ("tỷ lệ ... cấp tỉnh đạt 99,93%; cấp huyện ... 99,90%") and of the sentence before; the title
    frames every sentence.
    """
    terms = list(dict.fromkeys(q.terms))
    if not terms:
        return Fit(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    weight = {t: qa.index.idf(t) for t in terms}
    mean = sum(weight.values()) / len(weight) or 1.0
    weight = {t: w / mean for t, w in weight.items()}
    total = sum(weight.values()) or 1.0
    f = fold(h.sentence.lower())
    seg_start = f.rfind(";", 0, start) + 1
    seg_end = f.find(";", end)
    seg_end = len(f) if seg_end < 0 else seg_end
    clause_end = next((m.start() for m in re.finditer(r"[,;.:()]", f) if m.start() >= end), len(f))
    clause_start = max([m.end() for m in re.finditer(r"[,;.:()]", f[:start])], default=0)
    before = fold((h.title + " | " + h.text[: h.start - h.passage_start]).lower())
    usable_text = before + " | " + f[:seg_end]
    available = {w for w, _, _ in _words(usable_text)}
    for short, full in _abbreviated(h.text):  # "Sở TT&TT" holds the words of "Thông tin và Truyền thông"
        available |= {w for w, _, _ in _words(fold(full.lower()))}
    if "chuyen doi so" in usable_text:  # the index's name said in full: "chỉ số chuyển đổi số" is the DTI
        available.add("dti")
    coverage = sum(weight[t] for t in terms if t in available) / total
    pairs = list(zip(terms, terms[1:]))
    if pairs:
        joined = " ".join(w for w, _, _ in _words(usable_text))
        coverage = 0.5 * coverage + 0.5 * sum(f"{a} {b}" in joined for a, b in pairs) / len(pairs)
    near = earlier = 0.0
    for w, s, e in _words(f[:seg_end]):
        if w in weight:
            if s < seg_start:
                earlier += weight[w]
            else:
                d = start - e if e <= start else max(0, s - end)
                near += weight[w] / (1.0 + d / 25.0)
    right_words = [w for w, _, _ in _words(f[end:clause_end])][:5]
    right = sum(weight[w] for w in right_words if w in weight)
    first_end = f.find(";")
    # Not when this part has a subject of its own, as the first: "tỷ lệ A đạt 9,6%; tỷ lệ B đạt 12,4%".
    head = [w for w, _, _ in _words(f[seg_start:clause_end])][:2]
    parallel = len(head) == 2 and f" {head[0]} {head[1]} " in f" {' '.join(w for w, _, _ in _words(f[:first_end]))} "
    first = {w for w, _, _ in _words(f[:first_end])} if 0 <= first_end < seg_start and not parallel else set()
    own = {w for w, _, _ in _words(f[seg_start:clause_end])} | first
    outside = {w for w, _, _ in _words(f[clause_end:])} | {w for w, _, _ in _words(f[:seg_start])}
    framed = {x for x, _, _ in _words(before)}
    elsewhere = sum(weight[w] for w in outside if w in weight and w not in own and w not in framed)
    in_clause = {w for w, _, _ in _words(f[clause_start:clause_end])}
    clause = sum(weight[t] for t in terms if t in in_clause) / total
    lead = f[max(0, start - 12):start]
    asks = fold(q.text.lower())
    starting = float(bool(re.search(r"\btu\s*$", lead)) and not re.search(r"\btu bao nhieu\b", asks))
    difference = float(bool(re.search(r"\b(cao hon|thap hon|hon|vuot|tang|giam)\s*$", lead))
                       and bool(re.match(r"\s*so voi\b", f[end:])) and not re.search(r"\b(hon|so voi|chenh)\b", asks))
    return Fit(coverage, near, earlier, right, elsewhere, clause, starting, difference)


def _fit(qa, q: Question, h: Hit, start: int, end: int) -> tuple[float, float]:
    """(coverage, closeness): the legacy pair the person, id and province answers still rank by."""
    fit = fit_of(qa, q, h, start, end)
    return fit.coverage, fit.closeness


def _abbreviated(text: str) -> list[tuple[str, str]]:
    return [(a, full) for a, full in abbreviations().items() if a in text
            and re.search(rf"(?<![\w&]){re.escape(a)}(?![\w&])", text)]


def _paragraph_years(qa, h: Hit) -> set[int]:
    """Years stated in the hit's sentence and the sentences before it in its paragraph (and in the
    question the paragraph replies to, in an interview or a Q&A page)."""
    idx, years, r = qa.index, set(), h.row
    while r >= 0 and idx.doc[r] == idx.doc[h.row] and idx.paragraph[r] == idx.paragraph[h.row]:
        years |= {y for _, y, base in _years(fold(idx.sentence(r).text.lower())) if not base}
        r -= 1
    if r >= 0 and idx.doc[r] == idx.doc[h.row] and idx.sentence(r).text.rstrip().endswith("?"):
        years |= {y for _, y, base in _years(fold(idx.sentence(r).text.lower())) if not base}
    return years


def _earlier_in_paragraph(qa, h: Hit):
    """The texts of the sentences before the hit's in its paragraph, nearest first."""
    idx, r = qa.index, h.row - 1
    while r >= 0 and idx.doc[r] == idx.doc[h.row] and idx.paragraph[r] == idx.paragraph[h.row]:
        yield idx.sentence(r).text
        r -= 1


def _around(qa, h: Hit) -> str:
    """The article's title and the sentences before the hit's in its paragraph."""
    return " ".join([h.title, *_earlier_in_paragraph(qa, h)])


def _continues_a_plan(qa, h: Hit) -> bool:
    """Whether the hit's sentence continues an enumeration of targets: "Mục tiêu đến năm 2025, tỉnh phấn đấu …;
    kinh tế số chiếm 15% GRDP;" then "80% dân số … có tài khoản": the earlier sentences of its paragraph end in ";"
    or ":" back to one that states a plan."""
    for text in _earlier_in_paragraph(qa, h):
        if not text.rstrip().endswith((";", ":")):
            return False
        if TARGET_RE.search(fold(text.lower())):
            return True
    return False


def _names_district(qa, h: Hit, names: tuple[str, ...]) -> bool:
    """Whether a hit's sentence, the sentence before it in its paragraph, or its title names the district."""
    idx = qa.index
    text = h.sentence + " " + h.title
    if h.row > 0 and idx.doc[h.row - 1] == idx.doc[h.row] and idx.paragraph[h.row - 1] == idx.paragraph[h.row]:
        text += " " + idx.sentence(h.row - 1).text
    folded = fold(text.lower())
    return any(re.search(rf"\b{re.escape(fold(n.lower()))}\b", folded) for n in names)


def _place_ok(q: Question, province: str, sentence: str, extra: frozenset) -> bool:
    if not q.provinces:
        return True
    if province in q.provinces:
        return True
    return any(p.name in q.provinces for p in provinces.find(sentence, folded=False, extra=extra))


@lru_cache(maxsize=256)
def _asked_noun_words(question: str) -> tuple[str, ...]:
    return tuple(fold(w.lower()) for w in segment(question))


def _counted(q: Question, sentence: str, end: int) -> str:
    """The counted noun after a number, as long as the question's own words after "bao nhiêu" go ("tín chỉ")."""
    words = _asked_noun_words(q.text)
    asked = next((words[i + 1] for i, w in enumerate(words[:-1]) if w in ("bao nhieu", "bao nhiu", "may")), "")
    want = asked.split()
    said = re.findall(r"[^\W\d_]+", sentence[end: end + 40])
    if len(want) >= 2 and [fold(w.lower()) for w in said[: len(want)]] == want:
        return " ".join(said[: len(want)])  # a compound the question names: "tín chỉ"
    return _noun_after(sentence, end)


def _noun_after(sentence: str, end: int) -> str:
    """The word a count counts: "tổ" in "446 tổ chuyển đổi số", "thành viên" in "2.439 thành viên".

    An abbreviation is given in full: "6.700 DN" counts "doanh nghiệp".
    """
    rest = sentence[end: end + 40].strip()
    if rest.startswith(")") and sentence[:end].rstrip("0123456789.,").endswith("("):
        rest = rest[1:].strip()  # "(352) hợp tác xã"
    if not rest or not rest[0].isalpha():
        return ""
    first = rest.split()[0].strip(",.;:")
    if first in abbreviations():
        return abbreviations()[first]
    words = segment(rest)
    return words[0] if words else ""




def _dashes(text: str) -> str:
    return re.sub(r"\s", "", text).replace("–", "-").replace("—", "-")


def check(q: Question, sentence: str, place: str, extra: frozenset, paragraph_years: set[int], around: str = "") -> str:
    """"" when a sentence may hold `q`'s answer, else the constraint it breaks: province, year or span. `around` is
    what dates the sentence beside it: its paragraph and its article's title."""
    if q.provinces and not _place_ok(q, place, sentence, extra):
        return "province"  # about other provinces only (its own, its paragraph's and its article's)
    if q.year is not None and paragraph_years and q.year not in paragraph_years:
        return "year"  # its paragraph states years, not the one asked
    if q.year_span and _dashes(q.year_span) not in _dashes(sentence + " " + around):
        return "span"  # "năm học 2018-2019" asked: the sentence, its paragraph or its article's title must say it
    return ""


@dataclass(frozen=True)
class Asks:
    """What the wording of a question asks for, read once per question (folded text and cue flags)."""

    folded: str
    numbers: frozenset  # numbers the question states ("mức độ 4"): what it asks about, not its answer
    year: bool  # "năm nào", "since when"
    average: bool
    gap: bool
    which: bool  # a name: "tỉnh nào", "who"
    change: bool
    reached: bool  # "đã đạt", "thực tế"
    difference: bool = False  # "tăng bao nhiêu", "kém bao nhiêu điểm": a difference, not a level

    @classmethod
    def of(cls, q: Question) -> "Asks":
        f = fold(q.text.lower())
        year = bool(_ASKS_YEAR.search(f))
        return cls(f, frozenset({parse_number(x) for x in re.findall(r"\d+(?:[.,]\d+)*", q.text)} - {None}), year,
                   bool(_AVERAGE.search(f)), bool(_GAP.search(f)), bool(_WHICH.search(f)) and not year,
                   bool(_CHANGE_LEAD_ASKED.search(f)), bool(_ACHIEVED.search(f)),
                   bool(DIFFERENCE_ASKED.search(f)) and not q.side)


@lru_cache(maxsize=4096)
def _names_a_province(sentence: str, extra: frozenset) -> bool:
    return bool(provinces.find(sentence, folded=False, extra=extra))


# A question about the whole country: "bình quân cả nước", "trung bình toàn quốc", "national average".
_COUNTRY_ASKED = re.compile(r"\b(ca nuoc|toan quoc|nationwide|national average|cac tinh, thanh|63 tinh|34 tinh)\b")


_REGION_CUE = re.compile(r"\b(vung|khu vuc|mien (bac|trung|nam|tay|dong)|region\w*)\b")


def broken(q: Question, asks: Asks, s: "_Span", noun: str, sentence: str, folded: str, extra: frozenset,
           paragraph_years: set[int], planned: bool = False, named_elsewhere: bool = False):
    """The constraints a span breaks, in order: type, province, year, index, pillar, target, change, unit,
    level or asked (the hard ones) and those in SOFT. Everything softer is a feature for the scorer.

    `folded` is the sentence folded and lower-cased (same offsets); `named_elsewhere`: the span's article names
    an asked province in some other sentence."""
    expected = EXPECTED_ROLES.get(q.kind, ())
    if expected and s.role not in expected and not ((asks.year or q.kind == "date") and s.role == "year"):
        yield "type"  # ("Khi nào eBay ra mắt?" is answered by a year as well as by a date: the scorer weighs which)
    if q.provinces and s.attributed and s.province not in q.provinces \
            and (not s.implicit or not _place_ok(q, "", sentence, extra)):
        # "Hà Nội ... 0,7012, trong khi Quảng Ninh ... 0,6811": each number has its province; a national
        # average or a ministry's figure has none; a span with no province of its own is only doubtful.
        # A sentence that names provinces but none for this number has left it unpaired on purpose
        # ("A và B lần lượt đứng thứ 4, 5 và 6"): as hard as another province's.
        if s.implicit and named_elsewhere and not _names_a_province(sentence, extra):
            yield "province_context"  # its context's province, in an article that also speaks of the asked one
        else:
            yield "province" if s.province or s.national or _names_a_province(sentence, extra) else "province_unstated"
    if not q.provinces and not q.districts and _COUNTRY_ASKED.search(asks.folded) and s.attributed and s.province \
            and not s.implicit and not s.national:
        yield "province"  # "Điểm DTI bình quân của cả nước?": a figure a sentence gives a province is not the country's
    elif not q.provinces and _COUNTRY_ASKED.search(asks.folded) and s.national:
        part = folded[max(folded.rfind(", ", 0, s.start), folded.rfind(";", 0, s.start), 0):s.start]
        if _REGION_CUE.search(part) and not _COUNTRY_ASKED.search(part):
            yield "province"  # "bình quân của 13 địa phương trong vùng đạt 0,5028": a region's, not the country's
    if s.role == "rank" and not q.region and not re.match(r"\s*/\s*(63|34)\b", sentence[s.end:s.end + 6]) \
            and not re.search(r"/\s*(63|34)\b", s.text) and regional_scope(folded, s.start, clause_turn(sentence, s.start)):
        yield "region"  # "Trong các tỉnh Duyên hải Nam Trung Bộ, Bình Định đứng thứ ba": not the national rank asked
    if q.year is not None and s.year is not None and s.year != q.year \
            and (q.year not in paragraph_years or s.year_stated and s.role in ("rank", "rank_change")):
        # its paragraph may name the year asked; a rank's own sentence says another
        yield "year_context" if not s.year_stated and _undated(q, s, folded) else "year"
    if s.role in ("rank", "rank_change", "score"):
        if s.ranking != q.ranking:
            yield "index"  # a PCI or PAPI rank is not the DTI's
        if s.role == "score" and q.kind == "score" and s.pillar != q.pillar:
            yield "pillar"  # "kinh tế số đạt 0,3208 điểm" is not the province's overall score
        if s.role != "score" and s.target != q.target:
            yield "target"  # "phấn đấu vào top 10" is not a rank achieved
        if s.role != "score" and s.pillar != q.pillar:
            yield "pillar" if s.pillar or not q.pillar else "pillar_unstated"  # the rank in one pillar is not the overall one, nor another pillar's
    # "bao nhiêu tổ" is not answered by "9.870 thành viên"; an English question's noun ("how many teams")
    # cannot be matched word for word against a Vietnamese sentence, so it is left to the scorer.
    counted = [w for w, _, _ in _words(folded[s.end:s.end + 30])][:2]
    if q.noun and noun and not q.english and _noun_match(q, noun) < 0 \
            and fold(noun.lower()).split()[0] not in _asked_after(asks.folded) \
            and not (counted[:1] and counted[0] in _classifiers() and counted[1:] == fold(q.noun.lower()).split()[:1]):
        # ("312 điểm di tích" answers "bao nhiêu di tích": a classifier before the noun asked)
        yield "unit"  # ("bao nhiêu bộ hồ sơ" is answered by "186.540 hồ sơ": a classifier may go unsaid)
    if q.noun and s.role == "number" and not q.english \
            and fold(q.noun.lower()) not in fold(sentence[max(0, s.start - 60):s.start].lower()):
        yield "unit"
    if q.kind == "duration" and fold(noun.lower()).split()[:1] not in ([u] for u in TIME_UNITS):
        yield "unit"
    # its clause: from the last stop, comma or "và đã" ("đặt mục tiêu … và đã bố trí 27 tỷ đồng": done, not aimed at)
    clause = folded[max([m.end() for m in re.finditer(r"[;:()]|, |\bva (?:da|dang)\b", folded[:s.start])], default=0):s.start]
    clause_years = {y for _, y, base in _years(clause) if not base}
    if q.year is not None and clause_years and q.year not in clause_years and s.year != q.year:
        yield "year"  # "năm 2023 tỉnh đạt 52%" does not answer for 2025, whatever else its sentence says
    label = re.match(r"[^:;,.]{0,40}:", folded[:s.start])  # "Mục tiêu phụ: tỷ lệ … đạt 50%": a line's label governs it
    if s.role not in ("rank", "rank_change") and not q.target \
            and (TARGET_WORDS_RE.search(clause) or (label and TARGET_WORDS_RE.search(label.group(0))) or planned) \
            and (q.year is not None or asks.reached):
        yield "target"  # "phấn đấu đến năm 2025 đạt 75%" does not say what 2025 reached
    if s.role not in ("rank", "rank_change") and q.target and not s.target and not planned \
            and not TARGET_WORDS_RE.search(folded[:s.start] + re.split(r"[;,.]", folded[s.end:], maxsplit=1)[0]):
        yield "target"  # "đạt 64%, thấp hơn mục tiêu 80%": the result does not answer "chỉ tiêu là bao nhiêu?"
    if asks.difference and s.role not in ("rank", "rank_change", "year", "date") \
            and (not _DIFFERENCE_BEFORE.search(folded[max(0, s.start - 40):s.start])
                 or _LEVEL_OF_A_MOVE.search(folded[max(0, s.start - 8):s.start])):
        yield "change"  # "By how much did the score rise?" is not answered by the score, 0,6112
    if _CHANGE_LEAD.search(folded[max(0, s.start - 15):s.start]) and not asks.change:
        yield "change_level"  # "tăng 0,0211 điểm": a change, when the level is asked (soft: cue words misfire)
    if s.role in QUANTITIES and provisional_at(folded, s.start) != q.provisional:
        yield "provisional"  # "theo kết quả sơ bộ … 0,4915", "nếu … có thể đạt 29/63": not the final result (soft)
    if not expected and asks.which and s.role in QUANTITIES:
        yield "type"  # "Xã nào dẫn đầu …?" asks a name: "188 xã" is not one
    if _other_level(q, sentence, s.end) or _a_label(asks.folded, folded, s.start):
        yield "level"  # "149 dịch vụ công mức độ 3" does not answer "bao nhiêu dịch vụ công mức độ 4"
    if s.value is not None and s.value in asks.numbers and s.role != "year":
        yield "asked"  # "mức độ 4" in the question: its 4 is what is asked about, not the answer


def _undated(q: Question, s: "_Span", folded: str) -> bool:
    """Whether a span of a figure that no edition dates has no year of its own in its sentence."""
    return q.kind not in _EDITION_ROLES and s.role not in _EDITION_ROLES and not _years(folded)


def _asked_after(folded_question: str) -> tuple[str, ...]:
    """The (up to three) words after "bao nhiêu"/"mấy" in a folded question."""
    m = re.search(r"\b(?:bao nhieu|bao nhiu|may)\s+([a-z]+(?:\s+[a-z]+){0,2})", folded_question)
    return tuple(m.group(1).split()) if m else ()


def _a_label(asked: str, folded: str, start: int) -> bool:
    """Whether a span is the value of a label the (folded) question itself uses with a number: the "4" of
    "mức độ 4" when the question says "mức độ 3" (a level, not a quantity)."""
    before = [w for w, _, _ in _words(folded[max(0, start - 30):start])][-2:]
    if len(before) < 2:
        return False
    return bool(re.search(rf"\b{before[0]} {before[1]} (?!(?:19|20)\d\d\b)\d+\b", asked))  # "Điểm DTI 2025": a year


def _other_level(q: Question, sentence: str, end: int) -> bool:
    """Whether the words right after a span, in its clause, name another level or grade than the question:
    the question's label with another digit ("mức độ 3" after the span, "mức độ 4" asked); years do not count."""
    asked = [(w, i) for i, (w, _, _) in enumerate(_words(fold(q.text.lower())))]
    labels = {asked[i - 1][0] for w, i in asked if i and w.isdigit() and not re.fullmatch(r"(19|20)\d\d", w)}
    if not labels:
        return False
    digits = {w for w, _ in asked if w.isdigit()}
    tail = re.split(r"[,;:.()]|\bva\b|\band\b", fold(sentence[end:end + 60].lower()), maxsplit=1)[0]
    words = [w for w, _, _ in _words(tail)][:7]
    return any(w.isdigit() and i and words[i - 1] in labels and w not in digits for i, w in enumerate(words))


@dataclass(frozen=True)
class _Span:
    role: str
    value: float | None
    text: str
    unit: str
    start: int  # in the sentence
    end: int
    province: str = ""
    implicit: bool = False
    year: int | None = None
    pillar: str = ""
    ranking: str = "dti"
    target: bool = False
    iso: str = ""
    attributed: bool = False  # a province was sought for it (a number read by dtiqa.facts): "" then means none
    national: bool = False  # the country's, a region's or an organ's figure: no province's
    year_stated: bool = False  # its year is its own sentence's ("PCI 2023 … thứ 33"), not its paragraph's


def _spans(sentence: str, place: str, edition: int | None, extra: frozenset) -> list[_Span]:
    """Every number (with its role), date and digit-bearing token of a sentence, each once."""
    out = [_Span(m.role, m.value, m.text, m.unit, m.start, m.end, m.province, m.province_implicit, m.year, m.pillar,
                 m.ranking, m.target, attributed=True, national=m.national,
                 year_stated=m.year is not None and not m.year_implicit)
           for m in sentence_mentions(sentence, place, edition, extra)]
    for d in date_mentions(sentence):
        out = [s for s in out if s.end <= d.start or s.start >= d.end]
        out.append(_Span("date", None, d.text, "", d.start, d.end, iso=d.iso))
    for start, end, value in ordinals(sentence):
        if not any(x.start < end and start < x.end for x in out):
            role = "rank" if _RANKED_BEFORE.search(sentence[max(0, start - 30):start].lower()) else "number"
            out.append(_Span(role, float(value), sentence[start:end], "", start, end))
    for m in _TOKEN.finditer(sentence):
        if not any(s.start < m.end() and m.start() < s.end for s in out):
            out.append(_Span("token", None, m.group(0).rstrip("."), "", m.start(), m.start() + len(m.group(0).rstrip("."))))
    return sorted(out, key=lambda s: s.start)


@lru_cache(maxsize=1)
def _surnames() -> frozenset:
    text = resources.files("dtiqa").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    names = {ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}
    # English text writes them without diacritics ("Tran Minh Khoa"), but not those that are English words too
    return frozenset(names | {fold(n) for n in names if fold(n).lower() not in _ENGLISH_WORDS})


_ENGLISH_WORDS = frozenset({"do", "to", "an", "ha", "ho", "la", "hi", "ta", "mai", "van", "ban", "lam", "ma"})


def person_names(sentence: str) -> list[tuple[int, int, str]]:
    """Person names in a sentence: 2-4 capitalised words starting with a Vietnamese family name."""
    words = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", sentence)]
    places = [(p.start, p.end) for p in provinces.find(sentence, folded=False)]
    out, i = [], 0
    while i < len(words):
        w, s, _ = words[i]
        if w in _surnames() and not any(ps <= s < pe for ps, pe in places):
            j = i + 1
            while j < len(words) and j - i < 4 and words[j][0][:1].isupper() and words[j][1] - words[j - 1][2] == 1:
                j += 1
            if w in ("Ông", "Bà") and j - i >= 3 and words[i + 1][0] in _surnames():
                i += 1  # "Ông Nguyễn Như Khôi": the title, then the name
                s = words[i][1]
            if j - i >= 2 and not (w in ("Ông", "Bà") and j - i == 2):  # "Ông Khôi" refers back to a name
                out.append((s, words[j - 1][2], sentence[s: words[j - 1][2]]))
                i = j
                continue
        i += 1
    return out


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and any(c.isalpha() for c in token)


def _a_field(token: str) -> bool:
    """A field an agency's name lists ("Thể thao", "Du lịch"): a word of several syllables, only its first capitalised
    (not a brand or an acronym: "Tập đoàn Viettel, VNPT và FPT" are three names)."""
    return _capitalised(token) and " " in token and not token.isupper()


# Words that "số" (digital) makes a term of inside a unit's name: "Phòng Chuyển đổi số", "Trung tâm Dữ liệu số".
_DIGITAL_STEMS = frozenset({"chuyen doi", "kinh te", "xa hoi", "chinh quyen", "chinh sach", "ha tang", "du lieu",
                            "cong nghe", "nhan luc", "noi dung", "van hoa", "thu vien", "ban do"})


# Heads of places, whose names a comma separates ("huyện Pác Nặm, Ba Bể và Chợ Đồn": three districts), unlike an
# agency's, whose name may list its fields ("Sở Văn hóa, Thể thao và Du lịch").
_PLACE_HEAD = re.compile(r"(?i)(huyện|quận|thị xã|thị trấn|xã|phường|thành phố|tp\.?|tỉnh|thôn|bản|làng)\b")


@lru_cache(maxsize=4096)
def name_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The names a sentence gives to organisations, units, places or products, as (start, end): a head word
    and the capitalised words after it ("Sở Tư pháp", "huyện Châu Thành", "Văn phòng UBND tỉnh"), or a run of
    capitalised words that does not merely open the sentence ("trên Postmart", "Liên Hợp Quốc", "UNDP")."""
    heads = name_words()[0]
    tokens, pos = [], 0
    unified = unify_tones(sentence)  # the segmenter writes "Văn hoá" as "Văn hóa" (same length)
    for t in segment(sentence):
        at = unified.find(t, pos) if len(unified) == len(sentence) else sentence.find(t, pos)
        if at >= 0:
            tokens.append((at, at + len(t), t))
            pos = at + len(t)
    out, i = [], 0
    while i < len(tokens):
        low = tokens[i][2].lower()
        head = low in heads
        named = not head and any(low.startswith(h + " ") and _capitalised(tokens[i][2][len(h) + 1:]) for h in heads)
        head = head or named  # "Bộ Tư pháp" segmented as one word: a head and its name
        j = k = i + 1 if head else i
        while k < len(tokens) and tokens[k][0] - tokens[k - 1][1] <= 1 and (k == j or tokens[k][2].lower() not in heads):
            if _capitalised(tokens[k][2]):
                k += 1
            elif (head and (k > j or named) and tokens[k][2] in ("và", "&", "–", "-") and k + 1 < len(tokens)
                  and _capitalised(tokens[k + 1][2])):
                k += 2  # "Sở Thông tin và Truyền thông", "Đài Phát thanh và Truyền hình", "Phòng Bưu chính – Viễn thông"
            elif head and (k > j or named) and tokens[k][2] == "số" and fold(tokens[k - 1][2].lower()) in _DIGITAL_STEMS:
                k += 1  # "Phòng Chuyển đổi số", "Trung tâm Tư vấn Chính sách số Mỹ Tho"
            elif head and (k > j or named) and tokens[k][2] == "," and not _PLACE_HEAD.match(tokens[i][2]):
                m = k + 1
                while m < len(tokens) and _a_field(tokens[m][2]) and tokens[m][2].lower() not in heads:
                    m += 1
                if m > k + 1 and m + 1 < len(tokens) and tokens[m][2] in ("và", "&") and _a_field(tokens[m + 1][2]):
                    k = m + 2  # "Sở Văn hóa, Thể thao và Du lịch": a department's name lists its fields
                else:
                    break
            else:
                break
        if head and k > j and k < len(tokens) and tokens[k][2].lower() in ("tỉnh", "thành phố"):
            k += 1  # "Văn phòng UBND tỉnh", "Bệnh viện Đa khoa tỉnh"
        # "…: Kết quả", "– Theo": a clause's first word; after a comma a capital is a name ("Pác Nặm, Ba Bể")
        opens = i == 0 or (not any(c.isalnum() for c in tokens[i - 1][2]) and tokens[i - 1][2] not in (",", ";"))
        if (k > j or named) and (head or k - j >= 2 or not opens or tokens[i][2].isupper()):
            out.append((tokens[i][0], tokens[k - 1][1]))
            i = k
            continue
        i += 1
    return tuple(out)


def _term_distance(q: Question, sentence: str, start: int, end: int) -> float:
    f = fold(sentence.lower())
    terms = set(q.terms)
    gaps = [start - e if e <= start else max(0, s - end) for w, s, e in _words(f) if w in terms]
    return math.log1p(min(gaps) if gaps else 200.0)


def _digits_after(q: Question, sentence: str, end: int) -> float:
    """+1 when the digits the question asks for ("mức độ 4") follow the span, -1 when other digits do."""
    asked = set(re.findall(r"\d+", q.text))  # single digits too: "mức độ 4" (not among the terms)
    if not asked:
        return 0.0
    right = [w for w, _, _ in _words(fold(sentence[end:end + 40].lower()))][:8]
    digits = [w for w in right if w.isdigit()]
    if not digits:
        return 0.0
    return 1.0 if asked & set(digits) else -1.0


def _window(q: Question, sentence: str, start: int, end: int) -> tuple[float, float]:
    """(share of the question's words within WINDOW characters of the span, whether the word right after it
    is one of the question's: "50 tín chỉ" for "bao nhiêu tín chỉ")."""
    terms = set(q.terms)
    if not terms:
        return 0.0, 0.0
    near = {w for w, _, _ in _words(fold(sentence[max(0, start - WINDOW): end + WINDOW].lower()))}
    after = _words(fold(sentence[end: end + 20].lower()))
    return len(terms & near) / len(terms), float(bool(after) and after[0][0] in terms)


def _beside(q: Question, sentence: str, start: int, end: int, n: int = 4) -> tuple[float, float]:
    """Shares of the `n` words just before and just after a span that are the question's words."""
    terms = set(q.terms)
    if not terms:
        return 0.0, 0.0
    left = [w for w, _, _ in _words(fold(sentence[max(0, start - 60):start].lower()))][-n:]
    right = [w for w, _, _ in _words(fold(sentence[end:end + 60].lower()))][:n]
    return (sum(w in terms for w in left) / n, sum(w in terms for w in right) / n)


def _nearest(found: list[tuple[int, object]], pos: int) -> object:
    """The last item before `pos` (else the first after it) of (offset, item) pairs; None when there is none."""
    before = [x for at, x in found if at < pos]
    if before:
        return before[-1]
    after = [x for at, x in found if at > pos]
    return after[0] if after else None


@lru_cache(maxsize=1)
def _kind_words() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(name_kinds().items(), key=lambda kv: -len(kv[0])))


# How English names close a company's name: "Song Hau Digital JSC", "Tay Bac Equipment Co., Ltd".
_COMPANY_TAIL = re.compile(r"(?i)\b(jsc|ltd\.?|co\.|corp\.?|corporation|company|group|bank|plc|inc\.?)$")


def asked_name_kind(question: str) -> str:
    """The kind of name a question asks for ("doanh nghiệp nào", "which company": "company"), or ""."""
    low = question.lower()
    for word, kind in _kind_words():
        w = re.escape(word)
        if re.search(rf"(?<!\w){w}\s+nào\b", low) or re.search(rf"\b(?:which|what)\s+(?:\w+\s+)?{w}s?\b", low):
            return kind
    return ""


def _name_kind_fit(asked: str, text: str, role: str) -> float:
    """+1 when a name is of the kind the question asks for ("Công ty TNHH X" for "doanh nghiệp nào"), -1 when it is
    of another or of none ("Điện Biên", "DTI"), 0 when no kind is asked or the span is no name."""
    if not asked or role != "name":
        return 0.0
    low = text.lower()
    kind = next((k for w, k in _kind_words() if low.startswith(w + " ")), "")
    if not kind and _COMPANY_TAIL.search(text.strip()):
        kind = "company"
    if not kind and provinces.find(text, folded=False):
        kind = "place"
    return 1.0 if kind == asked else -1.0


def _agrees(asked: tuple, stated: object) -> float:
    """+1 when what a span is about is what the question asks, -1 when it is something else, 0 when unknown."""
    if not asked or stated in (None, ""):
        return 0.0
    return 1.0 if stated in asked else -1.0


@lru_cache(maxsize=1)
def _classifiers() -> frozenset:
    text = resources.files("dtiqa").joinpath("data/classifiers.txt").read_text(encoding="utf-8")
    return frozenset(fold(ln.strip()) for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def _noun_match(q: Question, noun: str) -> float:
    if not q.noun or not noun:
        return 0.0
    if fold(noun.lower()).split()[:1] == fold(q.noun.lower()).split()[:1]:
        return 1.0
    if fold(noun.lower()).split()[0] in _classifiers() and fold(q.noun.lower()).split()[0] in _classifiers():
        return 0.0  # "đợt tấn công" asked, "cuộc tấn công" counted: classifiers of the same events
    return -1.0


def generate(qa, q: Question, hits: list[Hit]) -> tuple[list[Candidate], list[Refusal]]:
    """The candidates of `hits` for `q`, with features; and those the constraint check refused."""
    expected = EXPECTED_ROLES.get(q.kind, ())
    top_score = hits[0].score if hits and hits[0].score else 1.0
    top_bm25 = max((h.bm25_score or 0.0 for h in hits), default=0.0) or 1.0
    top_dense = max((h.dense_score or 0.0 for h in hits), default=0.0) or 1.0
    asks = Asks.of(q)
    rows: list[tuple] = []
    refused: list[Refusal] = []
    if not q.terms and not q.provinces and q.year is None:
        return [], [Refusal("no_terms", "", "", None, h) for h in hits[:1]]  # nothing the evidence could match
    if _FOREIGN.search(q.text):
        return [], [Refusal("language", "", "", None, h) for h in hits[:1]]  # words no Vietnamese text can match
    asked = list(_asked_after(asks.folded))  # "mấy chỉ số chính": the words a count's noun must be
    asked_kind = asked_name_kind(q.text)
    counts_phrase = len(asked) >= 2 and not q.english
    for cited in hits:
        ctx, editions, extra = _contexts(qa, cited.doc_id)
        edition = editions[cited.sentence_index] if cited.sentence_index < len(editions) else None
        place = ctx[cited.sentence_index] if cited.sentence_index < len(ctx) else ""
        rd = tables.reading(cited.sentence, _headings(qa, cited.doc_id).get(cited.sentence_index, ""))
        h = replace(cited, sentence=rd.text) if rd.pieces else cited  # a table row is read with its headings
        para_years = _paragraph_years(qa, h) if q.year is not None else set()
        reason = "district" if q.districts and not _names_district(qa, cited, q.districts) else \
            check(q, h.sentence, place, extra, para_years, _around(qa, cited) if q.year_span else "")
        spans = _spans(h.sentence, place, edition, extra)
        planned = _continues_a_plan(qa, cited)
        if q.kind in NAME_KINDS:
            asked = fold(q.text.lower())
            spans = sorted(spans + [_Span("name", None, h.sentence[a:b], "", a, b) for a, b in name_spans(h.sentence)
                                    if fold(h.sentence[a:b].lower()) not in asked], key=lambda x: x.start)
        elif q.kind == "person":
            asked = fold(q.text.lower())
            spans = sorted(spans + [_Span("person", None, name, "", a, b) for a, b, name in person_names(h.sentence)
                                    if fold(name.lower()) not in asked], key=lambda x: x.start)
        named = _named_places(qa, cited.doc_id)
        elsewhere = bool(q.provinces) and any(set(q.provinces) & n for n in named)
        recency = asked_recency(named, cited.sentence_index, q.provinces) \
            if q.provinces and cited.sentence_index < len(named) else 0.0
        context_only = reason == "province" and elsewhere and not _names_a_province(h.sentence, extra)
        if context_only:
            reason = ""  # its context names another province, its article the asked one: the scorer weighs it
        year_only = reason == "year" and q.kind not in _EDITION_ROLES and not _years(fold(h.sentence.lower()))
        if year_only:
            reason = ""  # its paragraph speaks of other years, the sentence of none: the scorer weighs it
        if reason:
            refused += [Refusal(reason, s.text, s.province or place, s.year, cited) for s in spans]
            continue
        places_at = [(p.start, p.name) for p in provinces.find(h.sentence, folded=False, extra=extra)]
        f_sentence = fold(h.sentence.lower())
        years_at = [(m.start(), int(m.group(0))) for m in re.finditer(r"(?<!\d)(?:19[89]\d|20\d\d)(?!\d)", f_sentence)]
        stated_places = {name for _, name in places_at}
        stated_years = {y for _, y, base in _years(f_sentence) if not base}
        n_numbers = math.log1p(len(spans))
        read = []
        for s in spans:
            text, unit, noun = s.text, s.unit or UNIT_OF_KIND.get(s.role, ""), ""
            if s.role in ("count", "number") and (not expected or s.role in expected):
                noun = _counted(q, h.sentence, s.end)
                if noun and s.role == "count":
                    text, unit = f"{s.text} {noun}", noun
            reasons = set(broken(q, asks, s, noun, h.sentence, f_sentence, extra, para_years, planned, elsewhere))
            if context_only:
                reasons = (reasons - {"province", "province_unstated"}) | {"province_context"}
            if year_only and s.role not in _EDITION_ROLES:
                reasons = (reasons - {"year"}) | {"year_context"}
            elif year_only:
                reasons.add("year")
            read.append((s, text, unit, noun, reasons))
        # "đạt 0,5120, tăng 0,0211 điểm": where the sentence states the level itself, the change beside it is no
        # candidate for the level (the cue is soft only where it is all the sentence offers).
        level_stated = any(s.role in expected and not reasons for s, _, _, _, reasons in read)
        # "9 chỉ số chính và 98 chỉ số thành phần": where one number is followed by all the words the question counts
        # ("mấy chỉ số chính"), another followed by only the first of them counts something else.
        after = {id(s): [w for w, _, _ in _words(re.split(r"[,.;:()]", f_sentence[s.end:s.end + 40], maxsplit=1)[0])][:len(asked)]
                 for s, *_ in read} if counts_phrase else {}
        counted_exactly = counts_phrase and any(after[id(s)] == asked for s, *_ in read)
        for s, text, unit, noun, reasons in read:
            if counted_exactly and len(after[id(s)]) == len(asked) and after[id(s)][:1] == asked[:1] \
                    and after[id(s)] != asked:
                refused.append(Refusal("unit", s.text, s.province, s.year, cited))
                continue
            hard = [r for r in reasons if r not in SOFT or (r == "change_level" and level_stated)]
            if hard:
                refused.append(Refusal(hard[0], s.text, s.province, s.year, cited))
                continue
            fit = fit_of(qa, q, h, s.start, s.end)
            coverage, close = fit.coverage, fit.near
            role_expected = float(s.role in expected)
            open_kind = float(not expected)
            x = (
                1.0 / h.rank, (h.score or 0.0) / top_score, (h.bm25_score or 0.0) / top_bm25,
                coverage, max(-10.0, min(10.0, close)), role_expected, float(s.role in GENERIC_ROLES),
                float(s.role == "year"), float(s.role == "id"),
                float(bool(expected) and s.role not in expected and s.role not in GENERIC_ROLES),
                open_kind, _noun_match(q, noun),
                float(bool(q.provinces) and bool(stated_places & set(q.provinces))),
                float(bool(q.provinces) and not stated_places & set(q.provinces)),
                float(q.year is not None and q.year in stated_years),
                float(q.year is not None and q.year not in stated_years and q.year in para_years),
                float((s.target or planned) != q.target), float(s.role in ("rank", "rank_change") and s.ranking != q.ranking),
                float(s.role in ("rank", "rank_change", "score") and s.pillar != q.pillar),
                _digits_after(q, h.sentence, s.end),
                n_numbers, float(q.english), _term_distance(q, h.sentence, s.start, s.end), 0.0,
                role_expected * coverage, open_kind * coverage, role_expected * max(-10.0, min(10.0, close)),
                (h.dense_score or 0.0) / top_dense, 1.0 / h.bm25_rank if h.bm25_rank else 0.0,
                1.0 / h.dense_rank if h.dense_rank else 0.0, *_window(q, h.sentence, s.start, s.end),
                fit.earlier_parts, fit.right, fit.elsewhere, fit.clause, fit.starting_value, fit.difference,
                float(asks.year and s.role == "year"),
                _agrees(q.provinces, s.province if not s.implicit else ""), _agrees(q.provinces, _nearest(places_at, s.start)),
                _agrees((q.year,) if q.year else (), s.year if not s.role == "year" else None),
                _agrees((q.year,) if q.year else (), _nearest([(a, y) for a, y in years_at if not s.start <= a < s.end], s.start)),
                float(q.year is not None and not para_years),
                float(bool(TARGET_WORDS_RE.search(f_sentence[max(0, s.start - 50):s.start])) and not q.target),
                float(bool(TARGET_WORDS_RE.search(f_sentence[max(0, s.start - 50):s.start])) and q.target),
                float(bool(_AVERAGE.search(f_sentence[max(0, s.start - 50):s.start])) and not asks.average),
                float(bool(_AVERAGE.search(f_sentence[max(0, s.start - 50):s.start])) and asks.average),
                *_beside(q, h.sentence, s.start, s.end),
                float(bool(_GAP.search(f_sentence[max(0, s.start - 30):s.start])) and not asks.gap),
                float(not expected and asks.which), _name_kind_fit(asked_kind, text, s.role), recency,
                *(float(r in reasons) for r in SOFT),
            )
            start, end = (rd.back(s.start), rd.back(s.end)) if rd.pieces else (s.start, s.start + len(text))
            rows.append((text, s.value, unit, s.role, cited, cited.start + start, cited.start + end, x))
    agree = {}
    for r in rows:  # how many retrieved sentences state the same value: agreement across sources
        agree[r[1] if r[1] is not None else r[0]] = agree.get(r[1] if r[1] is not None else r[0], 0) + 1
    i = FEATURES.index("agreement")
    out = []
    for text, value, unit, role, h, start, end, x in rows:
        x = x[:i] + (math.log(agree[value if value is not None else text]),) + x[i + 1:]
        out.append(Candidate(text, value, unit, role, h, start, end, x))
    return out, refused


