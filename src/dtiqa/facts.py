"""Facts: the numbers of a sentence with their roles, and the rank facts of an article.

A sentence like "Xếp hạng DTI năm 2021, Bình Phước đứng thứ 9/63, tăng 16 bậc
so với năm 2020" holds a rank (9 of 63), a rank change (+16) and two years in
other roles. Each number gets a role from the words around it, and a
province, year, pillar and ranking from its sentence, or, where the sentence
leaves them implicit, from its context (heading, previous sentence, article).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from . import provinces, tables
from .article import Article
from .numbers import CARDINAL_WORDS, DateMention, Quantity, cardinal_value, dates, ordinals, quantities
from .question import LATEST_RE, PILLAR_RES, RANKINGS, TARGET_RE, TARGET_WORDS_RE, YEAR_SPAN_RE, provisional_at
from .sentences import Sentence
from .signals import ROLES as SIGNAL_ROLES, Signals
from .text import english_regions, fold

FACTS_VERSION = 56  # bump when extraction changes: stored facts are then re-extracted

# Cue regexes run on the folded, lower-cased text just before (L) or after (R) a number.
_RANK_BEFORE = re.compile(r"(?:\b(?:xep|dung|vi tri|hang|len|giu|xep hang|o|dat|tai|vao|thu)\s*(?:o\s*)?(?:vi tri\s*)?(?:thu|so)?\s*)$")
_NOT_RANK_BEFORE = re.compile(r"\b(lan|khoa|ky|phien|dot|lop|buoc|giai doan|nhiem ky|hoi nghi|ngay|thang|nam|quy|tuan|so)\s+thu\s*$")
_PILLAR_THU = re.compile(r"\b(the che|ha tang|nhan luc|kinh te|xa hoi|nhan thuc|chinh quyen) so\s+thu\s*$")  # "hạ tầng số thứ 55"
_PREV_RANK_BEFORE = re.compile(r"\b(?:tu|from)\s+(?:vi tri\s*)?(?:thu\s*|so\s*)?$")
# "tăng 6 bậc", "tăng tới 25 bậc", "tụt liền 3 bậc", "nâng được thêm 2 bậc": a change and its modifiers
_CHANGE_BEFORE = re.compile(r"\b(tang|nang|vuot|thang|tut|giam|lui|xuong|cai thien|tang truong|but pha"
                            r"|climb\w*|rose|rise|rising|jump\w*|gain\w*|advanc\w*|mov\w* up|improv\w*|fell|fall\w*"
                            r"|dropp?\w*|slipp?\w*|slid\w*|declin\w*|lost|los\w*|tumbl\w*|went (?:up|down))\s*"
                            r"(?:(?:them|duoc|toi|den|tan|manh|vot|lien|ngay|hon|gan|khoang|nhanh|nhe|ca|mot mach|lien tiep"
                            r"|by|up|down|a further|another)\s*){0,2}$")
_SIGNED_CHANGE = re.compile(r"\b(?:thay doi|tang giam|bien dong|change)\b(?!\s+(?:diem|score))[^;.]{0,25}?\s([+\-−])\s*$")
_CHANGE_AFTER = re.compile(r"^\s*(bac|hang|vi tri|bac xep hang|places?|spots?|positions?|ranks?|notch(?:es)?|rungs?)\b")
_DOWN = re.compile(r"\b(tut|giam|lui|xuong|fell|fall\w*|dropp?\w*|slipp?\w*|slid\w*|declin\w*|lost|los\w*|tumbl\w*|down)\b")
# What follows "52/63" when it is a rank: what is ranked, or a word that begins the rest of the clause ("52/63 in PAPI
# 2023", "46/63 năm 2023", "28/63 và 0,4412 điểm"), not a noun it counts ("59/63 chỉ tiêu").
_RANKED_UNITS = re.compile(r"^\s*(tinh|thanh pho|dia phuong|ca nuoc|toan quoc|don vi|bo|nganh|trong|tren|ve|cua|nam|va|voi|o|tai"
                           r"|sau|khi|in|on|among|of|for|with|and|at|nationally|overall|while|after|but)\b")
_TOP_BEFORE = re.compile(r"\b(top|nhom)\s*$")
_NEAR_TOP = re.compile(r"\b(tiem can|gan|tien gan|tien toi|huong toi|chua|ngoai|sat)\b[^,;.]{0,25}$")  # not (yet) in it
_ID_BEFORE = re.compile(r"\b(so|hieu|ke hoach|nghi quyet|quyet dinh|de an|thong tu|nghi dinh|chi thi|cong van|chuong trinh"
                        r"|lan thu|khoa|phien|lop|muc|dieu|khoan|phu luc)\s*$")
_SCORE_AFTER = re.compile(r"^\s*diem\b(?!\s+(\d|wi-?fi|thanh toan|giao dich|ban|du lich|truy cap|phat|cung cap|den|tham quan|sang|nong|cau|danh gia|di tich|danh thang|ho tro|kiem tra|ket noi))")
_SCORE_BEFORE = re.compile(r"\bdiem(?: so| trung binh| binh quan| dti)?\b[^,;.()]{0,50}\b(dat|la|:)\s*$")
_SCORE_RIGHT_BEFORE = re.compile(r"\b(?:tong|so|muc) diem(?: so| trung binh| binh quan| dti)?\s*:?\s*$")  # "tổng điểm 0,4127"
_HOPE_AFTER = re.compile(r"\b(la (hoan toan )?kha thi|co the dat duoc|hy vong|mong muon)\b")  # "vào top 10 là khả thi"
_COUNTED_AFTER = re.compile(r"^\s*(luot|nguoi|khach|ho|thue bao|tai khoan|doanh nghiep|ho so|giao dich|tan|cay|con|km|ha)\b")
_MONEY_BEFORE = re.compile(r"\b(doanh thu|von|kinh phi|gia tri|dau tu|ngan sach|tien|chi phi|tong thu|nop|thu ngan sach|tri gia)\b")
# "so với vị trí thứ 14 của năm 2023", "from 0.5512 in 2023": a comparison's base a few words back, in its clause.
_BASE_LEAD = re.compile(r"\b(so voi|compared (?:with|to)|from)\b[^,;()]*$"
                        r"|\bgap\b(?:[^,;()]|(?<=\d),(?=\d))*\blan\s*(?:nam\s*)?$")  # "gấp 1,4 lần năm 2023": 2023 is the base
# "giữ nguyên vị trí thứ 28 như năm 2021" (not "nếu như năm 2020 …": if)
_BASE_YEAR_BEFORE = re.compile(r"\b(so voi|so voi cung ky|tu|truoc|(?<!neu )nhu)\s*(nam\s*)?$")
_YEAR_BEFORE = re.compile(r"\b(nam|dti|index|ky|edition|in)\s*$")
# Ordinals in words after a rank word: "vị trí thứ hai", "xếp hạng nhất", "đứng thứ ba". With the rank
# word only: alone, "thứ hai" / "thứ năm" are also weekdays.
_ORDINALS = {"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
             "chín": 9, "mười": 10}
_WORD_RANK = re.compile(r"\b(?:(?:vị trí|xếp|đứng|giữ|xếp hạng|hạng)\s+(?:ở\s+)?(?:vị trí\s+)?(?:thứ\s+)?"
                        r"|(?:về|ở|giành|chiếm)\s+(?:vị trí\s+)?thứ\s+)"
                        rf"(nhất|nhì|tư|{CARDINAL_WORDS})\b(?!\s*\d)")
# Ranks said in words; matched with diacritics ("đội sổ" folds to the same letters as "đổi số").
_EN_RANKED_BEFORE = re.compile(r"\b(rank(ed|s)?|plac(ed|es)|came|finish(ed|es)?|stood|stands|was|is|at|to|in)\s+(the\s+)?$")
_EN_RANK_AFTER = re.compile(r"\s*(place|position|spot|nationally|in the country|out of|among|of (the )?(63|34))\b")
_EN_NOT_RANK_AFTER = re.compile(r"\s*(industrial|session|plenum|congress|edition|time|times|anniversary|quarter|round|century"
                                r"|consecutive|straight|year|day|month|floor|grade)\b")
_OWNER_BETWEEN = re.compile(r"\s*(?:(?:diem|points?|%)\s*)?(?:for|of|by|cua|thuoc ve)\s+(?:(?:tinh|thanh pho|province)\s+)?")
_FIRST = re.compile(r"(?<!người )\b(đứng đầu|dẫn đầu cả nước|xếp thứ nhất|vị trí đầu tiên|quán quân)\b")
_LAST = re.compile(r"(?<!gần )\b(đội sổ|cuối bảng|xếp cuối|chót bảng|xếp chót|đứng chót|bét bảng)\b")
_NEXT_WORD_RANK = re.compile(rf"\s*(?:,|và)\s*(?:thứ\s+)(nhì|tư|{CARDINAL_WORDS})\b(?!\s*\d)")
# A numbered line of a ranking table: "2. Quảng Ninh – 0,5987 điểm" (the province must follow the number).
_LIST_RANK = re.compile(r"(?:^|(?<=[:;]\s))(\d{1,2})\.\s")
_WORD_CHANGE = re.compile(rf"\b(tăng|giảm|tụt|lên|xuống|thăng|nâng|cải thiện)\s+(?:thêm\s+)?({CARDINAL_WORDS})"
                          r"\s+(bậc|hạng)\b")
# "Hòa Bình giữ nguyên thứ hạng", "vị trí không thay đổi", "kept its rank": a change of zero
_KEPT = re.compile(r"\b(giữ nguyên|không thay đổi|không đổi|duy trì)\s+(thứ hạng|vị trí|hạng)\b"
                   r"|\b(thứ hạng|vị trí)\s+(được\s+)?(giữ nguyên|không thay đổi|không đổi)\b|\b(kept|held|maintained) its (rank|position|place)\b"
                   r"|\b(rank|position) (was )?unchanged\b"
                   r"|(?:(?<=\| )|(?<=\|)|(?<=; ))(giữ nguyên|không đổi|không thay đổi)(?=\s*(?:[|;.]|$))")  # a table's change cell: "| giữ nguyên"
_GROUP_BEFORE = re.compile(r"\b(top|nhom|nhung|cac|tinh|thanh|thanh pho)\b[^.;]{0,30}$")
# The year written after a rank: "thứ 12 năm 2021", "thứ 7/63 tỉnh, thành phố về chỉ số chuyển đổi số năm 2023"
# (no other number, no ";" and no "so với" in between).
# The year written after a number: "thứ 12 năm 2021", "thứ 12 (năm 2021)"; not a bracket's own
# clause: "giảm 3 hạng (năm 2020 tỉnh xếp thứ 9/63)".
_YEAR_AFTER = re.compile(r"^(?:/\s*\d+)?(?:(?:(?!\b(?:thi|trong khi|whereas|while)\b)[^;(\d]){0,60}?|[^;(\d]{0,20}?\(\s*(?=nam\s+\d{4}\s*\)))"
                         r"(?<!so voi )(?<!nhu )\b(?:nam|in(?: the)?|(?:(?:in|trong|cua)\s+)?(?:dti|pci|papi|par index|sipas|ict index))"
                         r"\s+(19[89]\d|20\d\d)\b")  # "46/63 in DTI 2023", "52/63 trong PAPI 2023"
_COMPARED = re.compile(r"\b(xep tren|xep duoi|xep sau|xep truoc|vuot|hon|so voi)\s*$")
_GROUP_OF = re.compile(r"\b(hai|ba|bon|nam|sau|bay|tam|chin|muoi|\d+|cac|nhung|nhom)\s+(tinh|dia phuong|don vi|tinh thanh|tinh, thanh pho)\b[^.;]{0,15}$")
# A ministry or other central body as a rank's subject: "Ngân hàng Nhà nước xếp thứ 2, Bộ Tư pháp xếp thứ 3".
# A ministry is "Bộ Tư pháp", "Bộ, ngành" in the text itself: folded, "bo" is also "bố trí", "toàn bộ", "công bố".
_MINISTRY = re.compile(r"\bBộ(?:\s+[A-ZĐ]|,\s*ngành)")
_ORGAN = re.compile(r"\b(ngan hang|thanh tra chinh phu|van phong|uy ban dan toc|dai truyen hinh|dai tieng noi|thong tan xa"
                    r"|kiem toan nha nuoc|toa an|vien kiem sat|bao hiem xa hoi|co quan ngang bo|cap bo|bo, nganh)\b")
# "Điểm DTI bình quân của cả nước là 0,4457": the country's figure, not the article's province's.
_NATIONAL_BEFORE = re.compile(r"\b(binh quan|trung binh|ca nuoc|toan quoc|chung cua|(cua|toan|ca|trong) (khu vuc|vung))\b")  # "của khu vực": the region's
_PROVINCE_WORD = re.compile(r"\b(tinh|thanh pho|dia phuong)\b")
_TOTAL_BEFORE = re.compile(r"\b(tren|trong (tong so )?|out of|of)\s*$")
_RESPECTIVELY = re.compile(r"\blan luot\b")
# Asides between dashes or in brackets: "DTI 2023 – kỳ đánh giá được dùng làm cơ sở xây dựng kế hoạch – tỉnh xếp
# thứ 12" (their plan words are not the rank's).
_ASIDES = re.compile(r"\s[–—-]\s[^–—;]{1,150}?\s[–—-]\s|\([^()]{1,150}\)")
# "Lâm Đồng, now the largest province after absorbing Đắk Nông and Bình Thuận, lands at 9/34", "Gia Lai, sau khi hợp
# nhất với Bình Định, đạt …": an aside between commas whose provinces are not the subject (on folded text)
_COMMA_ASIDE = re.compile(r",\s(?:now|after|which|having|sau khi|nay|von la|tung la)\b[^,;]{1,150},\s")
_YEAR_BEFORE_NOW = re.compile(r"\s*\)?\s*(?:cua\s+)?(nam truoc|nam ngoai|nam lien truoc|ky truoc|ky danh gia truoc)\b")
# A paragraph that opens on its year ("Năm 2021 – …", "2022: …", "Trong năm 2023, …") dates the sentences after it.
_LEAD_YEAR = re.compile(r"^\s*(?:(?:trong |het |den |cuoi )?nam\s+)?((?:19|20)\d\d)\s*(?:[-–—:,.]|$)")
_THIS_YEAR = re.compile(r"\b(nam nay|hien nay|hien tai|ky nay|lan nay)\b")
# "so với năm 2021 (xếp thứ 30/63)": a bracket right after a year is about that year.
_YEAR_BRACKET = re.compile(r"\b((?:19|20)\d\d)\s*\([^()]{0,30}$")
# "thứ 5/63 về kinh tế số", "thứ 8/34 ở trụ cột chính quyền số", "ranked 11th in digital government"; with .match(text, pos)
_PILLAR_AFTER = re.compile(r"[^;\d()]{0,30}?\b(?:ve|o tru cot|tai tru cot|trong tru cot|in|on|for)\s+(?:(?:the|its)\s+)?")
_LIST_AFTER_TOP = re.compile(r"\b(la|gom|bao gom|gom co|:)\s*")
_CLAUSE = re.compile(r"[;()]|, |\bva\b|\bnhung\b")
# "sau ba năm tăng 24 bậc", "over three years": a change that spans several editions, counted back from its year.
_SPAN_OF_YEARS = re.compile(rf"(?i)\b(?:sau|trong|qua|over|in|after)\s+({CARDINAL_WORDS}|\d|two|three|four|five)\s+(?:năm|years)\b")
_ENGLISH_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
# "năm đó", "cùng năm", "that year": the year the text last stated.
# (On the lower-cased text: folded, "cùng năm" would be "cũng nằm".)
_SAME_YEAR = re.compile(r"\b(năm đó|năm ấy|cùng năm|that year|the same year)\b")
# "một năm sau", "the following year": the year after the one the text last stated (not "ba năm sau đó").
_NEXT_YEAR = re.compile(r"\b(một năm sau|(?<!\w )năm sau đó|năm tiếp theo|sang năm sau|(?<!\w )(?:one|a) year later"
                        r"|the following year|the next year)\b")
_FROM_BEFORE = re.compile(r"\b(tu|from)\s+(?:muc\s+)?$")
_TO_AFTER = re.compile(r"\s*(?:%|diem|points?)?\s*(?:len|xuong|to|con)\s+(?:muc\s+)?\d")
_PUBLISHED_BEFORE = re.compile(r"\b(cong bo|published|ban hanh)\b")
_EDITION_WORDS = re.compile(r"\b(dti|chi so chuyen doi so|xep hang|bang xep hang|tru cot|ky danh gia)\b")
_DTI_WORDS = re.compile(r"\b(dti|chuyen doi so|xep hang|chi so)\b")



@dataclass(frozen=True)
class Mention:
    """A number (or a rank said in words: "đứng đầu") in a sentence, with its role and attributes."""

    role: str
    value: float
    text: str  # as the sentence states it, qualifier included: "9/63", "hơn 1,2 triệu", "87,5%"
    unit: str
    start: int  # span in the sentence
    end: int
    out_of: float | None = None
    province: str = ""
    province_implicit: bool = False  # taken from the context, not the sentence
    province_written: str = ""  # as the sentence writes it
    year: int | None = None
    year_implicit: bool = False
    base_year: int | None = None  # "so với năm 2020"
    latest: bool = False
    pillar: str = ""
    ranking: str = "dti"
    target: bool = False
    year_stated: bool = False  # the year is written right after the number: "thứ 12 năm 2021"
    national: bool = False  # the country's, a region's or a ministry's figure ("bình quân cả nước"), no province's
    provisional: bool = False  # a preliminary or self-assessed result, a draft, a conditional estimate


@dataclass(frozen=True, slots=True)
class Fact:
    """A row of the facts table: one province's rank (or change, or top-N membership) in one edition."""

    province: str
    year: int | None
    ranking: str
    pillar: str
    kind: str  # rank, rank_change, top
    value: float
    text: str
    out_of: float | None
    doc_id: str
    sentence_index: int
    start: int  # sentence offsets in the article text
    end: int
    answer_start: int
    answer_end: int
    sentence: str
    latest: bool = False
    target: bool = False
    computed: bool = False  # derived: a rank from another rank and a change
    province_written: str = ""  # the province as the article names it ("TP. Hồ Chí Minh", "Tỉnh")
    unit_2025: str = ""  # the unit the province belongs to since 1 July 2025
    basis: tuple[int, ...] = ()  # sentence indexes a computed fact stands on
    derived_from: tuple[float, ...] = ()  # a computed rank's stated rank, its year, and the change between them
    provisional: bool = False  # "theo kết quả sơ bộ, … xếp thứ 38/63": not the final result

    def to_dict(self) -> dict:
        d = asdict(self)
        d["basis"] = list(self.basis)
        d["derived_from"] = list(self.derived_from)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Fact":
        d = dict(d)
        d["basis"] = tuple(d.get("basis", ()))
        d["derived_from"] = tuple(d.get("derived_from", ()))
        return cls(**d)


# ------------------------------------------------------------------ mentions
_NAMED_BEFORE = re.compile(r"(?<=\w )[A-ZĐ][^\W\d_]*\s$")


# The index a figure belongs to, when named right after it: "đứng thứ 14 ở PAPI 2024", "thứ ba về DTI".
_INDEX_AFTER = re.compile(r"\s*(?:/\s*\d+\s*)?(?:tinh,?\s*(?:thanh(?: pho)?)?\s*|dia phuong\s*|diem\s*)?"
                          r"(?:o|trong|tai|ve|theo|cua|in|on|of|for)\s+(?:(?:bang\s+)?xep hang\s+|(?:bo\s+)?chi so\s+|the\s+)?")
_DTI_NAMED = re.compile(r"\bdti\b|\bchuyen doi so\b|\bdigital transformation\b")
# "từ hạng 16 đến hạng 63", "các vị trí từ 6 đến 10": the bounds of a range of places.
_RANGE_FROM = re.compile(r"\btu\s+(?:hang|vi tri|thu)?\s*(?:thu\s*)?$")
_RANGE_TO = re.compile(r"\s*(?:/\s*\d+\s*)?(?:den|toi|-|–)\s*(?:hang|vi tri|thu)?\s*\d")
_RANGE_UNTIL = re.compile(r"\btu\s+(?:hang|vi tri|thu)?\s*\d+\s*(?:den|toi)\s+(?:hang|vi tri|thu)?\s*$")


def _index_of(f: str, start: int, end: int) -> tuple[str, bool]:
    """The index a number belongs to and whether it is named right after it ("thứ 14 ở PAPI"); else the one
    named last before it (a DTI named after a PCI sets the DTI back), else the DTI."""
    after = _INDEX_AFTER.match(f, end)
    if after:
        for name, rx in [*RANKINGS.items(), ("dti", _DTI_NAMED)]:
            if rx.match(f, after.end()):
                return name, True
    last, ranking = -1, "dti"
    for name, rx in [*RANKINGS.items(), ("dti", _DTI_NAMED)]:
        for m in rx.finditer(f, 0, start):
            if m.start() > last:
                last, ranking = m.start(), name
    return ranking, False


def _role(q: Quantity, f: str, text: str) -> tuple[str, float]:
    """The role of a number from the folded sentence `f` around it, and its signed value."""
    L, R = f[max(0, q.num_start - 40): q.num_start], f[q.end: q.end + 40]
    if L.endswith("(") and R.startswith(")"):
        R = R[1:]  # "Ba trăm năm mươi hai (352) hợp tác xã": the digits restate the words before them
    digits = f[q.num_start: q.num_end]
    if q.unit == "%":
        return "percent", q.value
    if q.unit in ("đồng", "USD", "VND", "EUR") or (q.unit in ("triệu", "tỷ", "tỉ", "nghìn", "ngàn", "nghìn tỷ") and _MONEY_BEFORE.search(f[max(0, q.num_start - 80): q.num_start])
                                                     and not _COUNTED_AFTER.match(R)):
        return "amount", q.value
    if re.fullmatch(r"(19[89]\d|20\d\d)", digits) and q.out_of is None:
        return "year", q.value
    if _CHANGE_AFTER.match(R) and _CHANGE_BEFORE.search(L):
        return "rank_change", -q.value if _DOWN.search(L[-20:]) else q.value
    signed = _SIGNED_CHANGE.search(L)
    if signed and q.value == int(q.value) and q.value < 63 and not _SCORE_AFTER.match(R):
        # a table's "Thay đổi so với 2022 | +8" (or "-2"): a signed rank change
        return "rank_change", -q.value if signed.group(1) in "-−" else q.value
    if _TOP_BEFORE.search(L):
        return "top", q.value
    if _PREV_RANK_BEFORE.search(L) and q.value == int(q.value) and re.match(r"^\s*(?:/\s*\d+\s*)?(?:\S+\s*){0,4}\b(?:len|to)\s+(?:vi tri\s*|thu\s*|hang\s*)*\d", R):
        return "prev_rank", q.value
    if q.out_of is not None and 10 <= q.out_of <= 100 and q.value <= q.out_of and q.value == int(q.value):
        # "9/63 tỉnh" is a rank; "59/68 hệ thống thông tin" counts 59 systems of 68.
        if _RANK_BEFORE.search(L) or _EN_RANKED_BEFORE.search(L) or not re.match(r"^\s*[^\W\d_]", R) or _RANKED_UNITS.match(R):
            return "rank", q.value
        return "count", q.value
    if _RANK_BEFORE.search(L) and (not _NOT_RANK_BEFORE.search(L) or _PILLAR_THU.search(L)) and q.value == int(q.value) and q.value <= 100 and not q.unit:
        if re.search(r"\bthu\s*$|vi tri\s*(thu|so)?\s*$|\bhang\s*$", L):
            return "rank", q.value
    if (_SCORE_AFTER.match(R) or (_SCORE_BEFORE.search(f[max(0, q.num_start - 70): q.num_start]) and not re.match(r"^\s*[^\W\d_]", R) and not q.unit)
            or (_SCORE_RIGHT_BEFORE.search(L) and re.search(r"\d[.,]\d", digits) and not q.unit)):
        return "score", q.value  # "đạt 0,4521 điểm", "Điểm trung bình ... đạt 0,5014"
    if re.fullmatch(r"0[.,]\d{3,4}", digits) and not q.unit:
        return "score", q.value  # "Dien Bien was 62nd with 0.3947": a fraction of one, written to the ten-thousandth
    if re.match(r"0\d", digits) or _ID_BEFORE.search(L) or _NAMED_BEFORE.search(text[:q.num_start]):
        return "id", q.value  # "Kế hoạch số 80", "Đề án 06", "Chợ 4.0": a name, not a quantity
    if q.unit in ("triệu", "tỷ", "tỉ", "nghìn", "ngàn") and not re.match(r"^\s*[a-z]", R):
        return "amount", q.value
    if re.match(r"^\s*[^\W\d_]", R):
        return "count", q.value
    return "number", q.value


def _segments(f: str) -> list[tuple[int, int]]:
    """Spans of the ';'-separated parts of a sentence (where a pillar's scope ends)."""
    out, start = [], 0
    for m in re.finditer(r";", f):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(f)))
    return out


_DTI_AFTER = re.compile(r"(chuyen doi so|chi so (danh gia )?chuyen doi so|(chi so )?dti|xep hang chuyen doi so|bang xep hang"
                        r"|chi so (nay|tren)|bang xep hang (nay|tren))\b")  # "về chỉ số này": the one the sentence ranks on
_NATIONAL_AFTER = re.compile(r"(?:/63)?\s*(?:tinh, thanh( pho)?\s*)?(toan quoc|ca nuoc|tren ca nuoc)\b")
_INDICATOR = re.compile(r"\b(ty le|ti le)\b")
_CONTRAST = re.compile(r"(?i),\s*còn\b|\btrong khi\b|\bwhile\b|\bwhereas\b")  # on the original text
_SCOPE = re.compile(r"\b(khu vuc|trong vung|cua vung|mien (bac|trung|nam|nui)|trong \d+ (huyen|tinh|dia phuong|don vi|xa))\b")
# A district, ward or department named as the subject ("UBND huyện Yên Lạc", "Sở Y tế"): on the original text.
_LEVEL_BELOW = re.compile(r"\b(cap huyen|cap xa|cap so|cap co so|district-level|commune-level)\b")
_SUB_UNIT = re.compile(r"\b(huyện|thị xã|quận|phường|Sở|thành phố)\s+[A-ZĐ]|\b(cấp huyện|cấp xã|cấp sở)\b")


@lru_cache(maxsize=1)
def _region_scope_re() -> re.Pattern:
    names = sorted(set(english_regions().values()), key=len, reverse=True)
    return re.compile(r"\b(?:trong|among|within|in|giua)\b[^;.:]{0,30}?\b(?:vung|khu vuc|mien (?:bac|trung|nam|tay|dong|nui)"
                      r"|region\w*|" + "|".join(re.escape(n) for n in names) + r")\b")


def regional_scope(folded: str, start: int, begin: int = 0) -> bool:
    """Whether the clause before a rank (in a folded sentence, from `begin`) scopes it to a region ("trong các tỉnh
    Tây Nguyên", "among the Mekong provinces"): a place within that region, not in the country."""
    clause = folded[max(folded.rfind(";", 0, start), folded.rfind(". ", 0, start), begin, 0):start]
    return bool(_region_scope_re().search(clause))


def clause_turn(text: str, start: int) -> int:
    """Where the clause of the figure at `start` begins after a contrast (", còn", "while"); 0 if none."""
    return max([0, *(m.end() for m in _CONTRAST.finditer(text, 0, start))])


def _ranking_of(f: str, text: str, start: int, end: int, implicit_place: bool) -> str | None:
    """A ranking other than the province's DTI this rank belongs to ("other"), or None if none is said.

    "xếp thứ 8/63 về hệ thống giải quyết thủ tục hành chính" ranks a system, "tỷ lệ hộ ... đạt 81,7%,
    xếp hạng 15" ranks an indicator, "thứ 2 là UBND huyện Yên Lạc" ranks a district.
    """
    after = _PILLAR_AFTER.match(f, end) if end < len(f) else None
    if after and not any(rx.match(f, after.end()) for rx in PILLAR_RES.values()) and not _DTI_AFTER.match(f, after.end()):
        return "other"
    seg = next((s for s in _segments(f) if s[0] <= start <= s[1]), (0, len(f)))
    turns = [m.end() for m in _CONTRAST.finditer(text, seg[0], start)]
    seg = (max([seg[0], *turns]), seg[1])  # "A đứng thứ tư khu vực, còn B … xếp thứ 24": B's clause is its own
    if _INDICATOR.search(f, seg[0], start):
        return "other"  # an indicator's rank
    # "xếp thứ 2 trong khu vực" scopes the rank; "tăng 6 bậc và tiếp tục dẫn đầu khu vực" is another clause
    stop = re.search(r",|\bva\b", f[end:end + 40])
    clause_end = end + stop.start() if stop else min(len(f), end + 40)
    if ((_SCOPE.search(f, seg[0], clause_end) or regional_scope(f, start, seg[0])) and not _NATIONAL_AFTER.match(f, end)
            and not re.search(r"/\s*(63|34)\b", f[start:end])):
        return "other"  # a rank within a region or among districts, unless "... thứ 6 toàn quốc" or "38/63"
    if implicit_place and _SUB_UNIT.search(text, seg[0], seg[1]):
        return "other"
    out_of = re.search(r"/\s*(\d+)\s*$", f[start:end])
    if out_of and out_of.group(1) not in ("63", "34"):
        return "other"  # "xếp thứ 3/10 huyện, thị xã": a rank among ten units, not among the provinces
    if _LEVEL_BELOW.search(f, seg[0], start) and not out_of:
        return "other"  # "chỉ số chuyển đổi số cấp huyện …, huyện Lục Ngạn xếp thứ 3": a district ranking
    return None


_PILLAR_TOPIC = re.compile(r"\W*(?:o|ve|trong|tai|doi voi|xet (?:ve|o))\s+(?:tru cot|chi so thanh phan|chi so)?\s*([a-z ]{5,40}?)\s*,")


def _pillar_before(f: str, pos: int) -> str:
    """The pillar of a rank at `pos`: "thứ 5/63 về kinh tế số", or named shortly before in its ';'
    segment ("kinh tế số cấp tỉnh xếp thứ 14/63"), unless it is one of a list of pillars."""
    seg = next((s for s in _segments(f) if s[0] <= pos <= s[1]), (0, len(f)))
    lo = max(seg[0], pos - 70)
    end = pos
    while end < len(f) and (f[end].isdigit() or f[end] in "/.,"):
        end += 1
    if re.match(r"\s*(?:/\d+\s*)?(?:chung cuoc|tong the|xep hang chung|overall)\b", f[end:]):
        return ""  # "đứng thứ 15 chung cuộc": the overall rank, whatever pillar came before
    after = _PILLAR_AFTER.match(f, end) if end < len(f) else None
    if after:
        for name, rx in PILLAR_RES.items():
            if rx.match(f, after.end()):
                return name
    best, best_at = "", -1
    for name, rx in PILLAR_RES.items():
        for m in rx.finditer(f, lo, pos):
            if m.start() > best_at:
                best, best_at, best_end = name, m.start(), m.end()
    if not best:
        # "Ở trụ cột chính quyền số, …; riêng Lào Cai … hạng 7": a sentence that opens on a pillar is about it
        topic = _PILLAR_TOPIC.match(f)
        return next((name for name, rx in PILLAR_RES.items() if topic and rx.fullmatch(topic.group(1))), "")
    # "chính quyền số, kinh tế số và xã hội số": a list of pillars names none in particular.
    before, after = f[max(0, best_at - 30): best_at], f[best_end: best_end + 30]
    for rx in PILLAR_RES.values():
        if re.search(rf"(?:{rx.pattern})\s*(?:,|\bva\b)\s*$", before) or re.match(rf"\s*(?:,|\bva\b)\s*(?:{rx.pattern})", after):
            return ""
    return best


_PERIOD_BEFORE = re.compile(r"\b(quy [ivx1-4]{1,3}|thang \d{1,2})/$")


_MOVE_START = re.compile(r"\btu\s+(?:vi tri|hang|muc|thu|vi tri thu)?\s*\d[\d.,/]*\s*(?:diem|%)?\s*(?:o |vao |trong )?nam\s*$")


def _years(f: str) -> list[tuple[int, int, bool]]:
    """(position, year, is_base) of each year in a folded sentence; a base year follows "so với".

    Years in a span ("giai đoạn 2021-2025") are left out: they date a plan, not a ranking.
    """
    out = []
    spans = [(m.start(), m.end()) for m in re.finditer(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d", f)]
    for m in re.finditer(r"(?<![\d.,-])(19[89]\d|20\d\d)(?![\d/])", f):
        if any(s <= m.start() < e for s, e in spans) or f[m.start() - 1: m.start()] == "/" \
                and not _PERIOD_BEFORE.search(f[max(0, m.start() - 12): m.start()]):
            continue  # "12/7/2023" is a day (of publication, of a meeting); "quý I/2024" dates the figure
        before = f[max(0, m.start() - 45): m.start()]
        bracket = bool(re.search(r"\(\s*(?:nam\s+)?$", before) and re.match(r"\s*[:=]", f[m.end():]))  # "(năm 2023: 18/63)"
        lead = _BASE_LEAD.search(before)
        if lead and lead.group(1):  # "so với 2022", not "from 0.5874 in 2022 to 0.6288": that "from" opens a range
            clause = re.match(r"[^,;()]*", f[m.start() - len(before) + lead.end(1):]).group(0)
            lead = None if re.search(r"\b(len|to|den)\b", clause) else lead
        # "Từ vị trí 40 năm 2022, Lâm Đồng vươn lên thứ 22": the year of a move's starting figure, not of what it
        # moved to (which its edition dates)
        rest = f[m.end():]
        start_of_move = bool(_MOVE_START.search(before)) and bool(re.match(r"[^0-9]*?\b(len|xuong)\b", rest))
        out.append((m.start(), int(m.group(1)), bool(_BASE_YEAR_BEFORE.search(before[-20:]) or lead)
                    or bracket or start_of_move))
    return out


def _clause_of(f: str, pos: int) -> tuple[int, int]:
    starts = [0] + [m.end() for m in _CLAUSE.finditer(f) if m.end() <= pos]
    ends = [m.start() for m in _CLAUSE.finditer(f) if m.start() >= pos] + [len(f)]
    return max(starts), min(ends)


def sentence_mentions(text: str, context_province: str = "", context_year: int | None = None,
                      extra_places: frozenset = frozenset()) -> list[Mention]:
    """Every number of a sentence with its role, province, year, pillar, ranking and target flag."""
    low = text.lower()
    f = fold(low)
    places = provinces.find(text, folded=False, extra=extra_places)
    districts = provinces.districts_in(text) if context_province and not places else []
    years = _years(f)
    out: list[Mention] = []
    found = [(q.start, q) for q in quantities(text)]
    asides = list(_ASIDES.finditer(f)) + list(_COMMA_ASIDE.finditer(f))
    for m in _FIRST.finditer(low):
        if not _GROUP_BEFORE.search(f[max(0, m.start() - 40): m.start()]):
            found.append((m.start(), Quantity(m.start(), m.end(), text[m.start():m.end()], 1.0, "", None, "", m.start(), m.end())))
    for m in _WORD_RANK.finditer(low):
        if m.group(1) == "năm" and re.match(r"\s*(19|20)\d\d", low[m.end():]):
            continue  # "xếp hạng năm 2022": a year
        words = [m]
        while True:  # "lần lượt đứng thứ hai và thứ ba": the next ones of a list
            nxt = _NEXT_WORD_RANK.match(low, words[-1].end())
            if not nxt:
                break
            words.append(nxt)
        for w in words:  # "thứ mười một", "hạng hai mươi ba": compounds read as cardinals
            value = _ORDINALS.get(w.group(1)) or cardinal_value(w.group(1))
            found.append((w.start(1), Quantity(w.start(1), w.end(1), text[w.start(1):w.end(1)], float(value),
                                               "", None, "", w.start(1), w.end(1))))
    # "2. Quảng Ninh – 0,5987 điểm", "Nhóm cuối bảng: 61. Lai Châu; 62. Hà Giang": number -> the province after it.
    lines = [(m, p) for m in _LIST_RANK.finditer(text) for p in places if p.start == m.end()]
    list_lines = {m.start(1): p for m, p in lines}
    for m, _ in lines:
        found = [(at, x) for at, x in found if x.num_start != m.start(1)]
        found.append((m.start(1), Quantity(m.start(1), m.end(1), m.group(1), float(m.group(1)), "", None, "",
                                           m.start(1), m.end(1))))
    en_ranks = set()  # "ranked 27th", "climbed to 11th place", "fifth nationally": an English ordinal is a rank
    for start, end, value in ordinals(text):
        if not text[start].isdigit() and not (_EN_RANKED_BEFORE.search(low, max(0, start - 25), start)
                                              or _EN_RANK_AFTER.match(low, end)):
            continue  # "the fifth time": a word ordinal is a rank only beside ranking words
        if _EN_NOT_RANK_AFTER.match(low, end):
            continue  # "the 4th industrial revolution", "the 15th session"
        found = [(at, x) for at, x in found if not (start <= x.num_start < end)]
        found.append((start, Quantity(start, end, text[start:end], float(value), "", None, "", start, end)))
        en_ranks.add(start)
    word_changes = {}  # "tăng hai bậc", "giảm một bậc": a rank change in words
    for m in _WORD_CHANGE.finditer(low):
        value = float(cardinal_value(m.group(2))) * (-1 if m.group(1) in ("giảm", "tụt", "xuống") else 1)
        word_changes[m.start(2)] = value
        found.append((m.start(2), Quantity(m.start(2), m.end(2), text[m.start(2):m.end(2)], abs(value), "", None, "",
                                           m.start(2), m.end(2))))
    for m in _KEPT.finditer(low):
        word_changes[m.start()] = 0.0
        found.append((m.start(), Quantity(m.start(), m.end(), text[m.start():m.end()], 0.0, "", None, "", m.start(), m.end())))
    for m in _LAST.finditer(low):
        if _GROUP_OF.search(f[max(0, m.start() - 40): m.start()]) or re.search(r"\bnhom\s*$", f[:m.start()]) \
                or re.search(r"\b(dau|nhat|dan dau)\s+(va|den|voi)\s*$|\b(giua|chenh lech|khoang cach)\b", f[max(0, m.start() - 40):m.start()]):
            continue  # "ba địa phương đứng cuối bảng", "nhóm cuối bảng", "giữa đầu và cuối bảng": no one's rank
        found.append((m.start(), Quantity(m.start(), m.end(), text[m.start():m.end()], -1.0, "", None, "", m.start(), m.end())))
    for _, q in sorted(found, key=lambda x: x[0]):
        if q.num_start in word_changes:
            role, value = "rank_change", word_changes[q.num_start]
        elif q.num_start in en_ranks:
            # "moved from 5th to 4th": the first is the earlier edition's rank
            earlier = _PREV_RANK_BEFORE.search(f[max(0, q.num_start - 20):q.num_start]) \
                and re.match(r"\s*(?:place\s*)?to\s+(?:the\s+)?\d", f[q.end:])
            role, value = ("prev_rank" if earlier else "rank"), q.value
        elif not text[q.num_start:q.num_end][:1].isdigit():
            role, value = "rank", q.value  # said in words: 1 for "đứng đầu", -1 (the last) for "đội sổ"
        else:
            role, value = _role(q, f, text)
        before = [p for p in places if p.end <= q.num_start and not any(a.start() < p.start and p.end <= a.end() <= q.num_start
                                                                        for a in asides)]
        if not before:  # "Hà Giang – nay thuộc tỉnh Tuyên Quang – thứ 63": a province in an aside is not the subject
            before = [p for p in places if p.end <= q.num_start]
        if q.num_start in list_lines and q.num_end == q.end:
            before, role, value = [list_lines[q.num_start]], "rank", q.value  # a numbered line: "2. Quảng Ninh"
        # "Tuyên Quang xếp trên Hà Giang 6 bậc, đứng thứ 35": the province compared with is not the subject.
        while len(before) > 1 and _COMPARED.search(fold(text[before[-2].end:before[-1].start].lower())):
            before.pop()
        after_same_clause = [p for p in places if p.start >= q.end and p.start < _clause_of(f, q.end)[1]]
        province, implicit, written = "", False, ""
        owner = next((p for p in places if p.start > q.end and _OWNER_BETWEEN.fullmatch(f[q.end:p.start])), None)
        if owner:  # "0.5233 for Nghe An", "0,4120 điểm của Nghệ An": the province the figure is given for
            before = [owner]
        part = max(f.rfind(", ", 0, q.num_start), f.rfind(";", 0, q.num_start)) + 1  # its subject's part
        # "Điểm bình quân của cả nước là 0,4457", "Bộ Tư pháp đạt …": the country's, a region's or an organ's figure
        # "Điểm số của tỉnh cao hơn mức bình quân chung cả nước là 0,4525": the cue nearest the figure decides
        national_at = max((m.end() for m in _NATIONAL_BEFORE.finditer(f, part, q.num_start)), default=-1)
        province_at = max((m.end() for m in _PROVINCE_WORD.finditer(f, part, q.num_start)), default=-1)
        national = (not before and not after_same_clause
                    and (bool(_ORGAN.search(f, part, q.num_start) or _MINISTRY.search(text, part, q.num_start))
                         and province_at < 0 or national_at > province_at))
        if before:
            province, written = before[-1].name, text[before[-1].start:before[-1].end]
        elif after_same_clause:
            p = after_same_clause[0]
            province, written = p.name, text[p.start:p.end]
        elif context_province and not national and not any(d.start < q.num_start for d in districts):
            # "Huyện Diễn Châu xếp thứ hai": a district's figure, not its province's
            province, implicit, written = context_province, True, context_province
        c0, c1 = _clause_of(f, q.num_start)
        cues = [m.start() for m in LATEST_RE.finditer(f, 0, c1)]
        latest = bool(cues) and (cues[-1] >= c0 or not any(cues[-1] < p < q.num_start for p, _, _ in years))
        right = _YEAR_AFTER.match(f[q.end:])
        if right and any(not b and p < q.num_start for p, _, b in years) and re.search(r",\s|\bva\b", f[q.end:q.end + right.start(1)]):
            right = None  # "năm 2020 đứng thứ 58, năm 2021 lên thứ 52": past a comma, a year opens the next clause
        elif right and re.match(r"\s*\(\s*nam\s+\d{4}\s*[:=]", f[q.end:]):
            right = None  # "12/63 (năm 2023: 18/63)": the bracket dates the figure inside it, not this one
        elif right and re.search(r",\s+(?:\S+\s+){4,}", f[q.end:q.end + right.start(1)]):
            right = None  # "hạng 30, đây là điểm nghẽn cần khắc phục trong năm 2024": another clause's year
        own = [y for p, y, base in years if not base and c0 <= p < q.num_start]
        own_after = [y for p, y, base in years if not base and q.end <= p < c1
                     and f.count("(", q.end, p) <= f.count(")", q.end, p)]  # not "12/63 (năm 2023: 18/63)"
        prior = [y for p, y, base in years if not base and p < q.num_start]
        base = [y for p, y, b in years if b]
        year, y_implicit = None, False
        bracket = _YEAR_BRACKET.search(f, max(0, q.num_start - 40), q.num_start)
        year_before = _YEAR_BEFORE_NOW.match(f, q.end)
        now = prior[-1] if prior else context_year
        dated_after = re.match(r"\s*\(\s*(?:nam\s+|in\s+|dti\s+)?((?:19|20)\d\d)\s*\)", f[q.end:])
        if bracket and role != "year":
            year = int(bracket.group(1))
        elif dated_after and role != "year":
            year, right = int(dated_after.group(1)), dated_after  # "lên 31/63 (2022), 28/63 (DTI 2023)"
        elif year_before and role in ("rank", "prev_rank") and now is not None:
            year, right = now - 1, year_before  # "vươn lên từ vị trí thứ 31 năm trước"
        elif right and role != "year":
            year = int(right.group(1))
        elif latest:
            year = None
        elif own:
            year = own[-1]
        elif own_after and role in ("top", "rank", "prev_rank", "rank_change"):
            year = own_after[0]  # "vào Top 20 trong bảng xếp hạng ... năm 2022"
        elif prior:
            year = prior[-1]
        elif context_year is not None:
            year, y_implicit = context_year, True
        if (role in ("score", "percent", "count", "amount", "number") and year is not None and not bracket and not right
                and _FROM_BEFORE.search(f, max(0, q.num_start - 12), q.num_start) and _TO_AFTER.match(f, q.end)):
            # "điểm tăng từ 0,4105 lên 0,4198": the first figure is the earlier edition's
            year = base[0] if base and base[0] < year else year - 1
        if role == "rank_change" and base and year is not None and year <= base[0]:
            # "so với năm 2020, ... giảm 3 hạng": the change is of a later edition than its base.
            right = None
            year, y_implicit = (context_year, True) if context_year and context_year > base[0] else (None, False)
        if role == "rank_change" and not base and year is not None:
            span = [m for m in _SPAN_OF_YEARS.finditer(text, c0, c1) if abs(m.start() - q.num_start) < 40]
            if span:
                n = span[0].group(1).lower()
                n = int(n) if n.isdigit() else _ENGLISH_COUNTS.get(n) or cardinal_value(n)
                base = [year - n] if 1 < n < 10 else base
        ranking, named_after = _index_of(f, q.num_start, q.end)
        if role == "rank" and (_RANGE_FROM.search(f, max(0, q.num_start - 20), q.num_start)
                               and _RANGE_TO.match(f, q.end) or _RANGE_UNTIL.search(f, max(0, q.num_start - 40), q.num_start)):
            role = "number"  # "từ hạng 16 đến hạng 63": the bounds of a range of places, no one's rank
        if role in ("rank", "prev_rank", "rank_change", "top") and not named_after:
            ranking = _ranking_of(f, text, q.num_start, q.end, implicit) or ranking
        elif role == "rank" and regional_scope(f, q.num_start, clause_turn(text, q.num_start)) \
                and not re.search(r"/\s*(63|34)\b", f[q.num_start:q.end]):
            ranking = "other"  # "Trong các tỉnh Tây Nguyên, X đứng thứ ba về chuyển đổi số": a place in the region
        plain = YEAR_SPAN_RE.sub(lambda m: " " * len(m.group(0)), f)
        plain = _ASIDES.sub(lambda m: " " * len(m.group(0)) if m.end() <= q.num_start else m.group(0), plain)
        target = bool(TARGET_RE.search(plain, 0, q.num_start) or _HOPE_AFTER.search(f, q.end))
        out.append(Mention(role, value, q.text, q.unit, q.start, q.end, q.out_of, province, implicit, written, year, y_implicit,
                           base[0] if base else None, latest, _pillar_before(f, q.num_start), ranking, target,
                           bool(right), national, provisional_at(f, q.num_start)))
    return _pair_respectively(text, places, out)


def _pair_respectively(text: str, places: list, mentions: list[Mention]) -> list[Mention]:
    """"Lào Cai, Yên Bái và Lai Châu lần lượt đứng thứ 15, 22 và 60": the n-th number goes with the n-th
    province; "ba trụ cột chính quyền số, kinh tế số, xã hội số lần lượt xếp thứ 20, 25 và 32": with the
    n-th pillar."""
    f = fold(text.lower())
    cue = _RESPECTIVELY.search(f)
    if not cue:
        return mentions
    # not the total ranked: "lần lượt xếp thứ 28, 46, 52 và 57 trên 63 tỉnh, thành phố"
    after = [i for i, m in enumerate(mentions) if m.start >= cue.end() and m.role not in ("year", "id")
             and not (m.value in (63, 34) and (_TOTAL_BEFORE.search(f, max(0, m.start - 20), m.start)
                                                or re.match(r"(tren|out of)\s", f[m.start:])))]  # "trên 63" as read
    # The provinces listed right before the cue: "Lào Cai, Yên Bái và Lai Châu lần lượt ..." (not an earlier subject).
    named, edge = [], cue.start()
    for p in reversed([p for p in places if p.end <= cue.start()]):
        if not re.fullmatch(r"\s*(?:,|va|,\s*va|cung|deu)?\s*", f[p.end:edge]):
            break
        named.insert(0, p)
        edge = p.start
    if len(named) >= 2 and after and len(after) % len(named):
        # A list that does not pair up: no number is given to the nearest name by default.
        return [replace(m, province="", province_written="") if i in after else m for i, m in enumerate(mentions)]
    if len(named) >= 2:
        fields = [dict(province=p.name, province_written=text[p.start:p.end], province_implicit=False) for p in named]
    else:
        fields = [dict(pillar=name) for name in _pillars_listed(f, cue.start())]
    if len(fields) < 2 or not after or len(after) % len(fields):
        return mentions
    out = list(mentions)
    # "lần lượt xếp thứ 2, 3 và 4, với số điểm tương ứng 0,61; 0,59 và 0,58": one list per quantity.
    for lo in range(0, len(after), len(fields)):
        group = after[lo: lo + len(fields)]
        role = mentions[group[0]].role  # "thứ 15, 22 và 60": all three are ranks
        for changes, i in zip(fields, group):
            out[i] = replace(out[i], role=role, **changes)
    return out


def _pillars_listed(f: str, end: int) -> list[str]:
    """The pillars a folded sentence names before `end`, in order (none twice, none inside another)."""
    found = sorted((m.start(), -m.end(), name) for name, rx in PILLAR_RES.items() for m in rx.finditer(f, 0, end))
    out, reach = [], -1
    for start, neg_end, name in found:
        if start >= reach and name not in out:
            out.append(name)
            reach = -neg_end
    return out


def date_mentions(text: str) -> list[DateMention]:
    """The dates of a sentence (for "ngày nào / khi nào" questions)."""
    return dates(text)


# ------------------------------------------------------------------ context
def article_context(article: Article, sentences: list[Sentence]) -> tuple[list[str], list[int | None], frozenset]:
    """For each sentence, the province it is about when it does not say, and the DTI edition it reports.

    A sentence's context province is the last province named earlier in its
    paragraph, else the one its section heading names, else the article's main
    province (the title's, else the most named). The edition is the year most
    named in ranking sentences, when one year clearly leads; a section heading that names one edition
    ("DTI 2023 (công bố ngày 26/7/2024)") dates its section instead. Also returns the
    provinces the article names as "tỉnh X" that the data file does not list.
    """
    extra = frozenset(provinces.named_in(article.text))
    counts = Counter(p.name for p in provinces.find(article.text, folded=False, extra=extra))
    title_places = [p.name for p in provinces.find(article.title, folded=False, extra=extra)]
    main = title_places[0] if title_places else (counts.most_common(1)[0][0] if counts and
                                                  counts.most_common(1)[0][1] >= 0.5 * sum(counts.values()) else "")
    out, heading_place, last_para, para_place = [], "", -1, ""
    for s in sentences:
        named = provinces.find(s.text, folded=False, extra=extra)
        if s.heading and s.index > 0:
            heading_place = named[-1].name if named else ""
            para_place = ""
        if s.paragraph != last_para:
            last_para, para_place = s.paragraph, ""
        out.append(para_place or heading_place or main)
        if named:
            para_place = named[-1].name
    years = Counter()
    for s in sentences:
        f = fold(s.text.lower())
        if _DTI_WORDS.search(f) and not TARGET_RE.search(_ASIDES.sub(" ", f)):
            for _, y, base in _years(f):
                if not base:
                    years[y] += 2 if s.index == 0 else 1  # the headline names the edition it reports
    ranked = years.most_common(2)
    edition = None
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        edition = ranked[0][0]
    editions, section = [], None
    per_paragraph = Counter(s.paragraph for s in sentences)
    for s in sentences:
        # A heading, or a short line of its own ending in a bracket: "DTI 2023 (công bố ngày 26/7/2024)"
        heading = s.heading or (per_paragraph[s.paragraph] == 1 and len(s.text) <= 80 and s.text.rstrip().endswith(")"))
        if heading and s.index > 0:
            f = fold(s.text.lower())
            stated = {y for _, y, base in _years(f) if not base and not _PUBLISHED_BEFORE.search(f[:f.find(str(y))])}
            section = stated.pop() if len(stated) == 1 and _EDITION_WORDS.search(f) else None
        editions.append(section or edition)
    return out, editions, extra


def extract_facts(article: Article, sentences: list[Sentence]) -> list[Fact]:
    """The rank facts of an article: ranks, rank changes, top-N memberships, and derived earlier ranks."""
    return extract_with_signals(article, sentences)[0]


def _main_place(article: Article, extra: frozenset) -> str:
    """The article's province: the headline's, else the one it names most."""
    title = provinces.find(article.title, folded=False, extra=extra)
    if title:
        return title[0].name
    counts = Counter(p.name for p in provinces.find(article.text, folded=False, extra=extra))
    return counts.most_common(1)[0][0] if counts else ""


def extract_with_signals(article: Article, sentences: list[Sentence]) -> tuple[list[Fact], list[Signals]]:
    """The article's rank facts (`extract_facts`) and, for each sentence, its `Signals`: its context province
    and edition, and the kinds, pillars and rankings of the figures it states."""
    ctx, editions, extra = article_context(article, sentences)
    main = _main_place(article, extra)
    signals: list[Signals] = []
    published = int(article.date[:4]) if article.date[:4].isdigit() else None
    facts: list[Fact] = []
    lone: list[tuple[Fact, Sentence]] = []  # stated ranks with no change in their sentence
    changes: list[tuple[Mention, Sentence]] = []
    para_year: dict[int, int] = {}  # the year the paragraph's last ranking sentence stated
    last_year: int | None = None  # the year the article's last ranking sentence stated, which "năm đó" refers to
    heads = tables.headings([s.text for s in sentences])
    for s, place in zip(sentences, ctx):
        # "Năm 2022, Hải Phòng xếp thứ 6/63. Trong đó, trụ cột chính quyền số xếp thứ 4": the paragraph's year
        # dates a sentence that states none ("năm nay" is the edition's).
        now = _THIS_YEAR.search(fold(s.text.lower()))
        lead = _LEAD_YEAR.match(fold(s.text.lower()))
        if lead and s.paragraph not in para_year:  # "Năm 2021 – Chuyển sang thang điểm 0–1.": a timeline's entry
            para_year[s.paragraph] = int(lead.group(1))
        rd = tables.reading(s.text, heads.get(s.index, ""))  # a table row, read with its headings
        edition = editions[s.index] if s.index < len(editions) else None
        context = edition if now else para_year.get(s.paragraph, edition)
        told = para_year.get(s.paragraph, last_year)
        if told is not None and not now and not _years(fold(s.text.lower())):
            if _SAME_YEAR.search(s.text.lower()):
                context = told  # "Nhìn lại DTI 2024, Hưng Yên đứng 18/63. … Còn Thái Bình năm đó ở vị trí 31/63."
            elif _NEXT_YEAR.search(s.text.lower()):
                context = told + 1  # "The port city ranked 31st in the 2020 index. One year later it climbed to 11th"
        mentions = sentence_mentions(rd.text, place, context, extra)
        if rd.pieces:
            mentions = [replace(m, start=rd.back(m.start), end=rd.back(m.end)) for m in mentions]
        figures = [m for m in mentions if m.role in ("rank", "rank_change", "score")]
        signals.append(Signals(place, main, edition, frozenset({m.role for m in mentions} & set(SIGNAL_ROLES))
                               | ({"date"} if date_mentions(s.text) else frozenset()),
                               frozenset(m.pillar for m in mentions if m.pillar), frozenset(m.ranking for m in figures)))
        ranks = [m for m in mentions if m.role in ("rank", "prev_rank", "rank_change", "top") and m.province]
        for m in ranks:
            if m.year is not None and not m.year_implicit and not m.target and m.base_year != m.year:
                para_year[s.paragraph] = last_year = m.year
        if not ranks:  # "Biểu đồ 2 tách riêng ba trụ cột của DTI 2024.": the edition the next sentences rank in
            f = fold(s.text.lower())
            stated = {y for _, y, base in _years(f) if not base}
            if len(stated) == 1 and _EDITION_WORDS.search(f) and not TARGET_RE.search(_ASIDES.sub(" ", f)):
                para_year[s.paragraph] = stated.pop()
        for m in ranks:
            if m.role == "top" and _NEAR_TOP.search(fold(s.text[:m.start].lower())):
                continue
            if published and m.year and m.year > published and not m.target:
                m = replace(m, target=True)  # a rank for a year after the article was written is a plan
            elif published and m.target and m.year and m.year < published and not TARGET_WORDS_RE.search(fold(s.text.lower())):
                m = replace(m, target=False)  # "Đến năm 2023, tỉnh ... đứng thứ 12", written in 2024: done
            value, out_of = m.value, m.out_of
            if value < 0 and m.role == "rank":  # "đội sổ": the last of the ranking
                # 63 provinces were ranked up to the 2024 edition, 34 units after the 2025 merger.
                total = next((x.out_of for x in mentions if x.out_of), None) or (34 if m.year and m.year > 2024 else 63)
                value, out_of = total, total
            year = m.year
            if year is not None and not m.target and out_of in (63, 34) and (out_of == 63) != (year <= 2024):
                # 63 provinces were ranked up to DTI 2024 and 34 units from DTI 2025 on: "Vĩnh Long (cũ) 24/63" in an
                # article about DTI 2025 is another edition's rank, whatever year the context suggests.
                year = None
            kind = "rank" if m.role in ("rank", "prev_rank") else m.role
            computed = False
            if m.role == "prev_rank" and not m.year_stated:  # "từ vị trí 40 lên 27" in the 2021 edition: 2020
                if year is None:
                    continue
                year, computed = year - 1, True
            fact = Fact(m.province, year, m.ranking, m.pillar, kind, value, m.text, out_of, article.doc_id, s.index,
                        s.start, s.end, s.start + m.start, s.start + m.end, s.text, m.latest, m.target, computed,
                        province_written=m.province_written, unit_2025=provinces.successor(m.province),
                        basis=(s.index,) if computed else (), provisional=m.provisional)
            facts.append(fact)
            # "đứng thứ 9/63, tăng 16 bậc so với năm 2020": the 2020 rank was 25.
            if m.role == "rank" and not m.target and year is not None:
                change = next((c for c in mentions if c.role == "rank_change" and c.province == m.province
                               and c.pillar == m.pillar and c.year == m.year), None)
                if change is not None:
                    derived = _earlier_rank(fact, change, s, s)
                    facts += [derived] if derived else []
                else:
                    lone.append((fact, s))
            if m.role == "rank_change" and not m.target and year is not None:
                changes.append((m, s))
        # "top 10 là A, B, C": each listed province is in the top N.
        for m in mentions:
            if m.role != "top" or m.target:
                continue
            tail = s.text[m.end:]
            cue = _LIST_AFTER_TOP.search(fold(tail.lower()))
            if not cue or cue.start() > 30:
                continue
            for p in provinces.find(tail[cue.end():], folded=False, extra=extra):
                facts.append(Fact(p.name, m.year, m.ranking, m.pillar, "top", m.value, m.text, None, article.doc_id,
                                  s.index, s.start, s.end, s.start + m.end + cue.end() + p.start,
                                  s.start + m.end + cue.end() + p.end, s.text, m.latest, False,
                                  province_written=tail[cue.end():][p.start:p.end],
                                  unit_2025=provinces.successor(p.name)))
    # "... xếp thứ 31/63. So với năm 2021, chỉ số của tỉnh tăng 8 bậc.": the change a nearby sentence of the
    # same paragraph states, when it is the only one that fits.
    for fact, s in lone:
        near = [(c, cs) for c, cs in changes if c.province == fact.province and c.pillar == fact.pillar
                and c.ranking == fact.ranking and c.year == fact.year and cs.paragraph == s.paragraph
                and 0 < abs(cs.index - s.index) <= 2]
        if not near:  # "- Tỉnh Lào Cai: hạng 18" … "So với năm 2023, Lào Cai tăng 6 bậc": the article's only pair
            near = [(c, cs) for c, cs in changes if c.province == fact.province and c.pillar == fact.pillar
                    and c.ranking == fact.ranking and c.year == fact.year]
            if sum(f.province == fact.province and f.pillar == fact.pillar and f.ranking == fact.ranking
                   and f.year == fact.year for f, _ in lone) != 1:
                near = []
            elif near and any(f.kind == "rank" and not f.computed and f.province == fact.province and f.pillar == fact.pillar
                              and f.ranking == fact.ranking and f.year == (near[0][0].base_year or fact.year - 1)
                              for f in facts):
                near = []  # the earlier rank is stated: nothing to compute
        if len(near) == 1:
            derived = _earlier_rank(fact, *near[0], s)
            facts += [derived] if derived else []
    # "Năm 2020 tỉnh đứng thứ 41. Sang năm 2021, tỉnh tăng 11 bậc": 2021's rank is 30, if no sentence states it.
    stated: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.kind == "rank" and not f.computed and not f.target:
            stated.setdefault((f.province, f.pillar, f.ranking, f.year), []).append(f)
    for c, cs in changes:
        key = (c.province, c.pillar, c.ranking)
        base = c.base_year or c.year - 1
        before = {f.value for f in stated.get(key + (base,), [])}
        if stated.get(key + (c.year,)) or len(before) != 1:
            continue
        old = stated[key + (base,)][0]
        value = old.value - c.value
        if 1 <= value <= (old.out_of or 63):
            facts.append(replace(old, year=c.year, value=value, text=str(int(value)), computed=True,
                                 derived_from=(old.value, float(old.year), c.value),
                                 basis=tuple(sorted({old.sentence_index, cs.index})), sentence_index=cs.index,
                                 start=cs.start, end=cs.end, sentence=cs.text, answer_start=cs.start + c.start,
                                 answer_end=cs.start + c.end, latest=False))
    return facts, signals


def _earlier_rank(fact: Fact, change: Mention, change_sentence: Sentence, rank_sentence: Sentence) -> Fact | None:
    """The rank of the base year: "đứng thứ 9/63, tăng 16 bậc so với năm 2020" puts 2020 at 25."""
    base = change.base_year or fact.year - 1
    value = fact.value + change.value
    if base >= fact.year or not 1 <= value <= (fact.out_of or 63):
        return None
    cs = change_sentence
    return replace(fact, year=base, value=value, text=str(int(value)), computed=True,
                   derived_from=(fact.value, float(fact.year), change.value),
                   basis=tuple(sorted({rank_sentence.index, cs.index})), sentence_index=cs.index, start=cs.start,
                   end=cs.end, sentence=cs.text, answer_start=cs.start + change.start, answer_end=cs.start + change.end)
