"""Question analysis: the expected answer type and the constraints (province, year, pillar, ranking).

Cues are matched on the folded, lower-cased question, so "thứ mấy", "thu may"
and "THỨ MẤY" read alike; English cues cover the common question forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import provinces
from .kinds import asks, fitted_kind
from .text import abbreviations, english_regions, fold, looks_english, name_words, normalize_line

# Expected answer types, tried in this order; each cue is a regex on the folded question.
KIND_CUES: list[tuple[str, str]] = [
    # About the article itself: its author, publisher or date.
    ("meta_author", r"\b(tac gia|ai viet|phong vien nao|but danh|author|who wrote)\b"),
    ("meta_source", r"\b(nguon (tu )?(dau|nao)|lay nguon|theo nguon|bao nao|co quan bao chi|trang (web|tin|bao) nao|dang tren (bao|trang)"
                    r"|which (newspaper|outlet|site|source)|what (newspaper|outlet|site|source)|source of)\b"),
    ("meta_date", r"\b(dang (ngay|vao ngay|khi) nao|ngay dang|dang luc nao|xuat ban (ngay|khi) nao|published|publication date)\b"),
    ("id", r"\b(nghi quyet|ke hoach|quyet dinh|de an|chuong trinh|chi thi|thong tu|nghi dinh|van ban|cong van) so (may|bao nhieu|nao)\b"
           r"|\bso hieu\b"),
    # A name that is no province's nor a person's: "cơ quan nào", "những đơn vị nào", "which ministry" (the
    # words a question asks a name with are in data/name_heads.tsv).
    ("names", r"\b(nhung|cac) (?P<asked>ASKED)( [a-z]+){0,4} nao\b|\bwhich (two|three|four|five) (districts|localities|units|towns)\b"
              r"|\bwhich( [a-z-]+){0,2} (departments|ministries|agencies|organi[sz]ations|districts|platforms|companies|firms|products)\b"),
    ("name", r"\b(?P<asked>ASKED)( [a-z]+){0,3} nao\b|\bwhich( [a-z-]+)? (department|ministry|agency|organi[sz]ation|body|institution|district"
             r"|town|commune|ward|platform|company|firm|hospital|school|bank|app|system|decision|programme|program)\b"),
    ("list", r"\b(nhung|cac) (tinh|dia phuong|thanh pho|tinh thanh|don vi)(,? thanh( pho)?)?( [a-z]+){0,2} nao\b|\bwhich provinces\b|\blist\b|\bnhung ai\b"),
    ("rank_change", r"\b(tang hay giam|giam hay tang|len hay xuong|thang hay tut)\b|\b(bao nhieu|bao nhiu|may|so) (bac|hang|bac xep hang)\b|\bhow many (places|ranks|positions|spots|steps)\b"
                    r"|\b(tang|giam|nang|tut|thang|lui) (bao nhieu|bao nhiu|may)\b(?! (phan tram|%|diem|lan|ty|trieu|nghin|dong))|\b(thay doi|bien dong) (the nao|ra sao|bao nhieu)\b"
                    r"|\b(thay doi|bien dong|dich chuyen) (thu hang|vi tri|hang|xep hang)( \w+){0,3} (the nao|ra sao|nhu the nao|bao nhieu)\b"
                    r"|\bchang\w* by how (much|many)\b|\bhow (much|far) did\b.{0,40}\b(rise|fall|climb|drop|change|move)\b"
                    r"|\b(thu hang|xep hang|vi tri)\b.{0,40}\b(thay doi|bien dong|dich chuyen) (the nao|ra sao|nhu the nao)\b"
                    r"|\bhow did\b.{0,50}\b(position|rank|ranking|place|standing)\b.{0,30}\bchange\b"),
    ("person", r"\b(la ai|ai la|ai da|la nguoi nao|ten (la )?gi)\b|^ai\b|^\s*who\b|\bwho (is|was|are)\b"
               r"|\b(nguoi|ban doc|nhan vat|can bo|chuyen gia|tac gia|ong|ba|vi) nao\b"
               r"|\bwhich (analyst|official|reader|author|person|expert|journalist|leader|director|officer|speaker)s?\b"),
    ("entity", r"\b(tinh|dia phuong|thanh pho|tinh thanh) nao\b"
               r"|\bwhich (province|city|locality|unit)\b|\bwhat province\b"),
    ("date", r"\b(thoi han|han chot|ky han|moc thoi gian) nao\b|\btruoc (ngay|thoi han|han) nao\b|\bdeadline\b"),
    ("rank", r"\b(thu|hang|vi tri|vi tri thu|vi tri so|so|top|nhom|xep hang) (may|bao nhieu|bao nhiu|nao)\b"
             r"|\b(thu hang|vi tri|xep hang)\b.{0,60}\b(la|o) (bao nhieu|bao nhiu|may|gi|dau)\b"
             r"|\bxep hang (the nao|ra sao|nhu the nao)\b|\b(dung|xep) (may|bao nhieu|bao nhiu)\b"
             r"|\b(xep hang|xep thu|dung thu|dung hang)( dti| chuyen doi so| chi so [a-z]+( so)?)? (bao nhieu|bao nhiu|may)\b(?! (tinh|dia phuong|don vi|lan)\b)(?! nam(?! \d))"
             r"|\b(dung|xep|nam) o (dau|vi tri nao)\b|\branks?\b|\branked\b|\branking\b|\bposition\b|\bwhat place\b"
             r"|\bwhere did\b.{0,60}\b(place|rank|stand|finish)\b"),
    ("date", r"\b(ngay|thang|nam|thoi diem|thoi gian|luc|hom|dip) nao\b|\bkhi nao\b|\bbao gio\b|\bwhen\b|\bwhat (date|year|day)\b"),
    ("duration", r"\bbao lau\b|\bhow long\b|\b(may|bao nhieu) (ngay|thang|tuan|gio|phut|hoc ky)\b"),
    # "điểm trung bình tăng bao nhiêu phần trăm?"; satisfaction (SIPAS) is measured in per cent; "bao nhiêu điểm
    # phần trăm" (percentage points) is a difference of two rates, not a score
    ("percent", r"\b(bao nhieu|may) (diem )?(phan tram|%)|\bpercentage points?\b|\bwhat percent|\b(muc|chi so|ty le) (do )?hai long\b|\bsatisfaction\b"),
    ("score", r"\b(bao nhieu|may) diem\b(?! (phat song|giao dich|thanh toan|ban|du lich|truy cap|cung cap|tham quan|wifi|cau))|\bdiem (so|dti)\b|\btong diem\b|\bscore\b|(?<!percentage )\bpoints\b"
              r"|^\W*diem\b|\bdiem (trung binh|binh quan)\b"),
    ("percent", r"\b(bao nhieu|may) (phan tram|%)|\bty le\b|\bti le\b|\bty trong\b|\bti trong\b|\bpercent(age)?\b|\bshare\b|\brate\b|%"),
    ("amount", r"\b(bao nhieu|may) (tien|ty|trieu|nghin|dong|usd)\b|\bdoanh thu\b|\bkinh phi\b|\bngan sach\b|\bgia tri\b"
               r"|\b(hoc|muc|le|chi) phi\b"
               r"|\bvon dau tu\b|\b(bao nhieu|bao nhiu) von\b|\btong thu\b|\bhow much\b|\brevenue\b"
               r"|\b(dau tu|bo tri|phan bo|giai ngan) (khoang )?(bao nhieu|bao nhiu)\b(?! [a-z]+ (du an|cong trinh|hang muc))"
               r"|\b(spend|spent|invest\w*|allocat\w*|cost)\b"),
    ("count", r"\bbao (nhieu|nhiu)\b|\bmay [a-z]|\bhow many\b|\bnumber of\b|\btong so\b"),
]
_ASKED_MARKED = frozenset(name_words()[1])
_ASKED_NAMES = "|".join(sorted({fold(w) for w in _ASKED_MARKED}, key=len, reverse=True))
_KIND_RES = [(k, re.compile(p.replace("ASKED", _ASKED_NAMES))) for k, p in KIND_CUES]

# Sub-indexes (pillars) of the provincial DTI, folded; English names too.
PILLARS: dict[str, str] = {
    "chính quyền số": r"(hoat dong )?chinh quyen so|digital government",
    "kinh tế số": r"kinh te so|digital economy",
    "xã hội số": r"xa hoi so|digital society",
    "thể chế số": r"the che so|digital institution",
    "hạ tầng số": r"ha tang (va nen tang )?so|digital infrastructure",
    "nhận thức số": r"nhan thuc so|chuyen doi nhan thuc|digital awareness",
    "nhân lực số": r"nhan luc so|digital (human resources|workforce)",
    "an toàn thông tin": r"an toan thong tin( mang)?|cyber ?security|information security",
    "đô thị thông minh": r"do thi thong minh|smart cit(y|ies)",
    "dữ liệu số": r"du lieu so|digital data",
}
PILLAR_RES = {name: re.compile(rf"\b(?:{p})\b") for name, p in PILLARS.items()}

# Other indexes provinces are ranked on: a rank under one of these is not a DTI rank.
RANKINGS = {"ict": re.compile(r"\bict ?index\b|\bvietnam ict\b"),
            "pci": re.compile(r"\bpci\b|\bnang luc canh tranh\b"),
            "par": re.compile(r"\bpar ?index\b|\bcai cach hanh chinh\b"),
            "papi": re.compile(r"\bpapi\b|\bhieu qua quan tri va hanh chinh cong\b"),
            "sipas": re.compile(r"\bsipas\b|\bmuc do hai long\b"),
            "pgi": re.compile(r"\bpgi\b|\bchi so xanh\b"),
            "ddci": re.compile(r"\bddci\b"),
            "service": re.compile(r"\bphuc vu nguoi dan\b")}  # Bộ chỉ số phục vụ người dân, doanh nghiệp
# "giai đoạn 2021-2025", "từ năm 2020 đến năm 2021": spans of years, neither a year asked about nor a deadline.
YEAR_SPAN_RE = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b|\btu (?:nam )?(?:19|20)\d\d (?:den|toi) (?:nam )?(?:19|20)\d\d\b")
# Plans and hopes (not "Bộ Kế hoạch và Đầu tư"); "đến năm 2025" too, unless the year is past (see facts.py).
# "chỉ tiêu" (a quota) folds like "chi tiêu" (spending): not before the words that make it spending.
# A provisional figure: a preliminary or self-assessed result, a draft, a conditional estimate ("nếu … có thể đạt");
# "so với kết quả sơ bộ" refers to one and is not itself provisional. OFFICIAL_RE marks the final result.
PROVISIONAL_RE = re.compile(r"(?<!so voi )(?<!so voi ket qua )\b(so bo|tam tinh|du thao|tu cham|tu danh gia|preliminary|provisional"
                            r"|self-assess\w*|draft)\b|\bneu\b[^.;]{0,80}\b(co the|se dat|uoc)\b|\buoc (tang|giam|len|xuong)\b")
OFFICIAL_RE = re.compile(r"\b(chinh thuc|official\w*|final)\b")


def provisional_at(folded: str, start: int) -> bool:
    """Whether the figure at `start` of a folded sentence is provisional: the nearest provisional or official cue
    before it decides; with none before it, a provisional cue anywhere in the sentence (and no official one)."""
    cues = sorted([(m.start(), True) for m in PROVISIONAL_RE.finditer(folded)]
                  + [(m.start(), False) for m in OFFICIAL_RE.finditer(folded)])
    before = [c for c in cues if c[0] < start]
    if before:
        return before[-1][1]
    return bool(cues) and all(c[1] for c in cues)


TARGET_WORDS_RE = re.compile(r"\b(muc tieu|phan dau|(?<!bo )ke hoach|du kien|huong toi|co gang|quyet tam|ky vong|kha thi"
                             r"|chi tieu(?! (cho|cua|ngan sach|thuong xuyen|cong|tien|hang|ca nhan|gia dinh|tieu dung|bao nhieu))"
                             r"|se (dat|dung|xep|vao|nam)|targets?|targeted|goals?|aims?|aimed|aiming|plans? to|planned to"
                             r"|is to reach|to reach)\b")
# "đến năm 2025 đạt …" is a plan; "đến năm 2023 tỉnh đã vươn lên …" says what was done by then
TARGET_RE = re.compile(TARGET_WORDS_RE.pattern + r"|(?<!tinh )\bden nam 20\d\d(?![^,;.]{0,30}\bda\b)")
LATEST_RE = re.compile(r"\b(moi nhat|gan day nhat|moi day|latest|most recent)\b")
YEAR_RE = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
BASE_YEAR_RE = re.compile(r"\b(?:so voi|tu|since|compared (?:to|with)|from|between|giua)\s+(?:(?:nam|ky|dti|ky danh gia|the|ket qua|(?:bang )?xep hang"
                          r"|lan danh gia|its|the)\s+)*(19[89]\d|20\d\d)\b")
# "đội sổ" folds to the letters of "đổi số": without diacritics it counts only when not after "chuyen".
LAST_RE = re.compile(r"(?<!chuyen )\b(doi so|cuoi bang|xep cuoi|bet bang|chot bang|xep chot|dung chot|last|bottom)\b")
LAST_MARKED_RE = re.compile(r"\b(đội sổ|cuối bảng|xếp cuối|bét bảng|chót)\b")
RANK_VALUE_RE = re.compile(r"\b(?:thu|hang|vi tri(?: so| thu)?|top|no\.?|number|#)\s*(\d{1,2})(?:\s*/\s*(\d{2}))?\b|\b(\d{1,2})\s*/\s*(63|34)\b")
TOP_RE = re.compile(r"\b(?:top|nhom)\s*(\d{1,2})\b")
# "tỉnh nào xếp thứ hai": a rank said in words (not "thứ năm 2023", a year).
_WORD_RANK_VALUE = re.compile(r"\b(?:xep|dung|vi tri|hang)\s+(?:thu\s+|so\s+)?(nhat|nhi|mot|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi)\b(?!\s*\d)")
# "ba tỉnh dẫn đầu", "5 địa phương đứng đầu", "the three leading provinces", "top three provinces"
_LEADERS = re.compile(r"\b(?P<n>\d{1,2}|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (tinh|dia phuong|tinh thanh|thanh pho)"
                      r"(?: \w+){0,2} (dan dau|dung dau|xep dau|cao nhat|tot nhat)\b"
                      r"|\b(?:the |top )(?P<en>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (leading |top |best )?(provinces|localities)\b")
_EN_NUMBERS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_WORD_RANKS = {"nhat": 1, "mot": 1, "nhi": 2, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
               "muoi": 10}
# "vùng Đồng bằng sông Cửu Long", "khu vực Tây Nguyên": a region (its words, up to what the question says next).
REGION_RE = re.compile(r"\b(?:vung|khu vuc|mien)\s+((?!nao\b|nay\b|do\b)[a-z]+(?:\s+(?!ve\b|nam\b|trong\b|theo\b|co\b|xep\b|la\b|dung\b"
                       r"|tren\b|voi\b|thi\b)[a-z]+){0,5})")
# "Bình Thuận được sáp nhập vào tỉnh nào?", "Đồng Nai mới gồm những tỉnh nào?", "sau sáp nhập thuộc tỉnh nào?"
MERGER_ASKED_RE = re.compile(r"\b(sap nhap|hop nhat|nhap vao|sau sap xep|gop|hop thanh|tao thanh|merged|formed)\b"
                             r"|\b(tinh|thanh pho|tinh thanh) moi\b|\bmoi gom\b")
# A claim to check: "... đúng không?", "có phải ... không?", "... Đúng hay sai?", "Is it true that ...", "True or false: ...".
CLAIM_RE = re.compile(r"\b(dung khong|phai khong|dung chu|co dung (la )?.*khong|co phai .*khong|is it true|true that|correct that"
                      r"|is that (right|true|correct)|dung hay sai|sai hay dung|true or false|dung hay khong|chinh xac khong)\b")
# "Có đúng là …?", "Có phải X …?" (no closing "không"); "– thông tin này có chính xác?"
CLAIM_LEAD_RE = re.compile(r"\W*(co dung|co phai|phai chang|liec co phai|that khong)\b|.*\b(co chinh xac|co dung)\W*$")
# A question word: what a statement to check has none of ("Hà Nội là quán quân DTI 2024.").
_QUESTION_WORD = re.compile(r"\b(nao|gi|bao nhieu|bao nhiu|may|ai|o dau|vi sao|tai sao|ra sao|the nao|khong|chua|hay|what|which|who|whom|where|when"
                            r"|why|how|is|are|was|were|did|does|do|has|have)\b|^\W*(ke ten|liet ke|cho biet|neu|tim|sap xep"
                            r"|list|name|give|tell|show|compare|so sanh|rank|sort)\b")


def _a_statement(question: str, f: str) -> bool:
    """A sentence put to be checked ("Hà Nội là quán quân DTI 2024."): it ends with a full stop and asks nothing
    (a query typed as keywords has no full stop)."""
    return question.rstrip().endswith(".") and len(f.split()) >= 4 and not _QUESTION_WORD.search(f)


# "tăng bao nhiêu", "kém … bao nhiêu điểm", "by how much": a difference is asked, which a level never answers
# ("có hơn bao nhiêu nhà máy" is "more than how many": a count).
DIFFERENCE_ASKED = re.compile(r"\b(tang|giam|them|chenh lech|chenh|(?:cao|thap|nhieu|it|lon|nho|tot) hon|kem|vuot|thieu)\b(?! bao nhieu (tinh|dia phuong|don vi))"
                               r"[^?]{0,40}?\bbao nhieu\b|\bby how (much|many)\b|\bhow (much|many) (more|less|fewer|higher|lower)\b"
                               r"|\bhow (much|many)\b[^?]{0,90}\b(increase|rise|rose|grow|grew|fall|fell|drop|gain|improve)")
COMPARE_RE = re.compile(r"\b(hay|so voi|hon|or|than|compared|chenh lech|khoang cach|cach nhau|difference|gap|(xep|dung) (tren|duoi|truoc|sau)|above|below|ahead of|behind)\b")
# "trụ cột nào … thấp nhất", "đạt hạng cao nhất vào năm nào": one province's pillars (or editions) against each other.
OVER_PILLAR_RE = re.compile(r"\b(tru cot|chi so thanh phan|chi so con|chi so|linh vuc|mat)( dti| chuyen doi so)? nao\b"
                            r"|\bwhich (of )?([\w']+ ){0,5}(pillars?|sub-?ind\w+|components?|areas?)\b")
# "Trong nhóm 15 tỉnh", "trong năm tỉnh được so sánh", "trong bản điểm tin", "among the top 15 provinces": the
# provinces an article lists, not named one by one (never the 63 of the whole ranking).
ARTICLE_GROUP_RE = re.compile(r"\b(trong|giua|among|of)\s+(?:(?:nhom|so|cac|nhung|the|top|bang|danh sach)\s+)*"
                              r"(\d{1,2}|hai|ba|bon|nam|sau|bay|tam|chin|muoi(?: lam)?|two|three|four|five|six|ten|fifteen)?\s*"
                              r"(tinh|dia phuong|tinh thanh|don vi|noi|provinces|localities)\b"
                              r"|\btrong (bai|ban tin|ban diem tin|diem tin|phu luc|bang|nhom nay|nhom \d{1,2})\b"
                              r"|\bin the (table|article|report|list|appendix)\b")
_NATIONAL_GROUP = re.compile(r"\b(63|34|ca nuoc|toan quoc|nationwide|all provinces)\b")
# "điểm yếu", "điểm nghẽn": a weakness, not a score.
_NOT_A_SCORE = re.compile(r"\bdiem (yeu|manh|nghen|sang|tru|nong|han che)\b")
OVER_YEAR_RE = re.compile(r"\b(nam|ky|dot|lan|ky danh gia|phien ban) nao\b|\bwhich (year|edition)\b|\bin what year\b|\bwhen\b")
SUPERLATIVE_RE = re.compile(r"\b(nhieu nhat|cao nhat|thap nhat|it nhat|manh nhat|tot nhat|kem nhat|yeu nhat|lon nhat|sau nhat"
                            r"|the most|highest|lowest|biggest|largest|smallest|the top(?= score| scorer| spot| position| performer)"
                            r"|best|worst|weakest|strongest|most)\b")
# "Đồng Nai mới", "tỉnh Phú Thọ sau sáp nhập": the unit as it is since 1 July 2025, not the former province.
NEW_UNIT_AFTER = re.compile(r"^\s*(\(?moi\)?(?! nhat| day| duoc| cong bo| vua)|sau (khi )?sap nhap|hien nay|\(2025\)|after the merger|\(new\))")
NEW_UNIT_ANY = re.compile(r"\b(sau (khi )?sap nhap|sau hop nhat|after the (2025 )?merger|new province)\b")
FOLLOWUP_RE = re.compile(r"^(con|the con|vay con|vay|con ve|and|what about|how about)\b|\b(thi sao|the nao|ra sao)\s*\??$")
_STOP = set("""la co cua va o ve thi nao gi bao nhieu may thu hang tinh thanh pho nam duoc da dang den voi trong cho cac nhung
mot nhu the sao khi nhat ra tai tu bi boi vi theo ay do nay kia ai dau dang con vay dat len nhiu phan tram
dung khong phai chu true that right correct bai viet nhac den what which how many much the of in was is did does
a an to for and on at by its it rank ranked position place""".split())


@dataclass(frozen=True)
class Question:
    """What a question asks for and what the answer must satisfy."""

    text: str
    kind: str  # rank, rank_change, percent, count, duration, amount, score, date, entity, list, person, id, meta_*, text
    provinces: tuple[str, ...] = ()
    year: int | None = None
    latest: bool = False  # "bảng xếp hạng mới nhất": the newest edition the corpus reports
    pillar: str = ""  # "" is the overall index
    ranking: str = "dti"
    target: bool = False  # asks about a plan ("mục tiêu", "phấn đấu"), not an achievement
    provisional: bool = False  # asks for a preliminary or self-assessed result ("kết quả sơ bộ", "tự chấm")
    region: str = ""  # "dẫn đầu vùng Đồng bằng sông Cửu Long": the region a rank is within (folded words)
    merger: bool = False  # asks what the 2025 merger made of a province ("sáp nhập vào tỉnh nào?")
    base_year: int | None = None  # "so với năm 2020"
    year_span: str = ""  # "năm học 2018-2019": the span as written, which the answer's sentence must hold
    rank_value: int | None = None  # "tỉnh nào đứng thứ 8?": the rank asked about (-1: the last)
    top: int | None = None  # "trong top 10"
    noun: str = ""  # what a count counts: "tổ" in "bao nhiêu tổ"
    terms: tuple[str, ...] = ()  # folded content words, for matching a number's neighbourhood
    followup: bool = False
    english: bool = False
    asks_group: bool = False  # "top mấy", "nhóm nào": a top-N answer is what is asked
    ranking_stated: bool = False  # the question names its ranking ("DTI", "ICT Index")
    overall: bool = False  # "xếp hạng chung": the overall index, whatever pillar an earlier turn asked
    topic: tuple[str, ...] = ()  # what a rank is "về" when it is not the DTI or a pillar ("hệ thống giải quyết thủ tục")
    new_unit: str = ""  # a 2025 unit asked as such ("Đồng Nai mới"); `provinces` then holds its former provinces
    districts: tuple[str, ...] = ()  # units below the province the question names ("huyện Diễn Châu")
    claim: bool = False  # "... đúng không?": check a figure
    listing: bool = False  # several items are asked ("những ngôn ngữ nào", "lần lượt là bao nhiêu"): the fitted list model
    compare: bool = False  # two provinces (or two years) against each other
    superlative: str = ""  # "best" / "worst" province on the asked value, among those the corpus reports
    over: str = ""  # what a superlative ranges over when one province is named: "pillar" or "year"
    among: tuple[str, ...] = ()  # the pillars a comparison names ("chính quyền số hay kinh tế số"); () = every pillar
    side: bool = False  # one side of a comparison or group: its level is asked, whatever "hơn bao nhiêu" says
    in_article: bool = False  # "trong nhóm 15 tỉnh", "trong bản tin": a group of provinces an article lists, unnamed
    context: tuple[str, ...] = ()  # words of earlier turns, to search with (not to match answers on)
    inherited: tuple[str, ...] = field(default=(), compare=False)  # fields taken from earlier turns


_COUNTED = re.compile(r"\bbao (?:nhieu|nhiu) (?!diem|phan tram|tien|von|ty|trieu|nghin|dong|usd|bac|hang|lan\b|ngay|thang|tuan|gio"
                      r"|kinh phi|ngan sach|chi phi|doanh thu|gia tri|(?:cho|de|vao|trong|tu|o|la|khi|voi|tai|nam|hien nay)\b)([a-z]+)")


_NATIONAL_UNITS = re.compile(r"\b(dti|cap tinh|ca nuoc|toan quoc|63|34|tinh thanh)\b")


_WHEN_NAO = re.compile(r"\b(hom|ngay|thang|nam|luc|dip|tuan|quy|gio|thoi diem|thoi gian) nao$")


def _asks_a_name(m: re.Match, low: str) -> bool:
    """Whether the word a name cue matched is what the question wrote: folded, "bo" is "bộ" (a ministry) but
    also "bố" of "công bố"; a question typed without diacritics is trusted only with a word of two syllables."""
    if _WHEN_NAO.search(m.group(0)):
        return False  # "tổ chức hôm nào": when it is held, not which organisation
    if m.group("asked") is None:
        return True  # an English cue
    written = low[m.start("asked"): m.end("asked")]
    if fold(written) != written:
        return written in _ASKED_MARKED
    return " " in written


def _kind(f: str, low: str = "") -> str:
    low = low or f
    for kind, rx in _KIND_RES:
        m = rx.search(f)
        if m and kind in ("name", "names") and not _asks_a_name(m, low):
            m = next((x for x in rx.finditer(f) if _asks_a_name(x, low)), None)
        if m:
            if kind in ("score", "percent", "amount") and _COUNTED.search(f):
                return "count"  # "tổng điểm của bao nhiêu chỉ số?" counts indexes
            if kind == "rank_change" and not _RANK_WORDS.search(f):
                # "Điểm DTI tăng bao nhiêu?", "tỷ lệ tăng bao nhiêu?": the change of a score or a rate, not of a rank
                level = next((k for k, r in _KIND_RES if k in ("score", "percent", "amount") and r.search(f)), "")
                if level:
                    return level
            return kind
    return "text"


_RANK_WORDS = re.compile(r"\b(bac|hang|vi tri|xep|thu|places?|ranks?|ranked|positions?|spots?)\b")


def _noun(question: str, f: str) -> str:
    m = re.search(r"\b(?:bao nhieu|bao nhiu|may)\s+(\w+(?:\s+\w+)?)", f)
    if not m:
        m = re.search(r"\bhow many\s+(\w+)", f)
    if not m or _FUNCTION_WORD.match(m.group(1)):
        return ""  # "đầu tư bao nhiêu cho hạ tầng số": no noun is counted
    return question[m.start(1): m.end(1)].split()[0].lower()


_FUNCTION_WORD = re.compile(r"(cho|de|vao|trong|tu|o|la|khi|voi|tai|nam|hien nay|the|a|an|of|in|for|did|do|does|are|is|was|were)\b")


def analyze(question: str, places: frozenset = frozenset()) -> Question:
    """The expected answer type and constraints of one question (no history).

    `places`: province names beyond the data file's (those an indexed corpus names).
    """
    q = normalize_line(question)
    f = fold(q.lower())
    kind = _kind(f, q.lower())
    if kind == "count" and not _COUNTED.search(f):
        # Only the generic cue ("… là bao nhiêu?", "dự toán bao nhiêu cho …") said a figure is asked, without a
        # counted noun: which figure is the fitted model's call (eval/kinds.md).
        kind = fitted_kind(q, kind)
    found = provinces.find(q, extra=places)
    names = tuple(dict.fromkeys(p.name for p in found))
    if kind in ("name", "names") and re.search(r"\bdon vi\b", f) and _NATIONAL_UNITS.search(f) \
            and not re.search(r"\b(cap huyen|cap xa|khoi so|khoi bo|bo nganh|huyen|giai)\b", f):
        kind = "entity" if kind == "name" else "list"  # "Đơn vị nào đứng đầu DTI 2024?": a province
    new_unit = ""
    for p in found:
        if len(provinces.members(p.name)) > 1 and (NEW_UNIT_AFTER.match(f[p.end:]) or NEW_UNIT_ANY.search(f)):
            new_unit = p.name
            names = tuple(dict.fromkeys(n for n in names if n != p.name)) + provinces.members(p.name)
            break
    # A question that sets the scene first asks in its last part: "X đặt mục tiêu top 10 năm 2025; hiện nay X
    # xếp thứ mấy?": the target, its top-N and its year are the scene's.
    asking = f.rsplit(";", 1)[-1] if ";" in f.rstrip(" ;?") else f
    base_years = [int(y) for y in BASE_YEAR_RE.findall(asking)]
    years = [int(y) for y in YEAR_RE.findall(YEAR_SPAN_RE.sub(lambda m: m.group(0) if m.group(0).startswith("tu") else " ", asking))]
    years += [int(y) for y in re.findall(r"\bnam (\d{4,5})\b", asking) if not YEAR_RE.fullmatch(y)]  # "năm 1975": asked, not reported
    if base_years and len(years) > 1:
        years = [y for y in years if y not in base_years] or years
    elif base_years and (kind == "rank_change" or set(years) <= set(base_years)):
        years = []  # "so với năm 2021" alone: the year compared with, not the one asked
    pillar = next((name for name, rx in PILLAR_RES.items() if rx.search(f)), "")
    ranking = next((name for name, rx in RANKINGS.items() if rx.search(f)), "dti")
    if kind == "text" and (pillar or re.search(r"\b(dti|chi so chuyen doi so)\b", f)) and re.search(r"\bmuc (diem )?nao\b", f):
        kind = "score"  # "Chỉ số kinh tế số của X đạt mức nào?": a pillar's (or the index's) level is a score
    rank_value = top = None
    m = RANK_VALUE_RE.search(f)
    if m and kind in ("entity", "list"):
        rank_value = int(m.group(1) or m.group(3))
    elif kind in ("entity", "list") and _WORD_RANK_VALUE.search(f):
        rank_value = _WORD_RANKS[_WORD_RANK_VALUE.search(f).group(1)]
    t = TOP_RE.search(asking)
    if t:
        top = int(t.group(1))
        if rank_value == top:
            rank_value = None
    leaders = _LEADERS.search(f)
    if kind in ("entity", "list", "text") and rank_value is None and top is None and leaders and not names:
        n = leaders.group("n") or leaders.group("en")
        top = int(n) if n.isdigit() else _WORD_RANKS.get(n) or _EN_NUMBERS.get(n)  # "ba tỉnh dẫn đầu": the top 3
        kind = "list"
    if kind in ("entity", "list") and rank_value is None and top is None:
        if re.search(r"\b(dung dau|dan dau|first|top)\b", f):
            rank_value = 1
        elif (LAST_MARKED_RE.search(q.lower()) if fold(q) != q else LAST_RE.search(f)):
            rank_value = -1
    english = looks_english(q)
    # Words that say what is asked, minus question words, places and years.
    masked = f
    if kind == "date":  # "vào ngày nào": the date asked for, not a word its sentence must hold
        masked = re.sub(r"\b(vao )?(ngay|thang|nam|thoi diem|thoi gian|luc|hom|dip) nao\b", lambda m: " " * len(m.group(0)), masked)
    for p in found:
        masked = masked[: p.start] + " " * (p.end - p.start) + masked[p.end:]
    terms = tuple(w for w in re.findall(r"[a-z0-9]+", masked) if w not in _STOP and len(w) > 1 and not YEAR_RE.fullmatch(w))
    for short, full in abbreviations().items():  # "Bộ TT&TT": its sentence says "Thông tin và Truyền thông"
        if re.search(rf"(?<![\w&]){re.escape(short)}(?![\w&])", q):
            drop = set(re.findall(r"[a-z0-9]+", fold(short.lower())))
            terms = tuple(w for w in terms if w not in drop) + tuple(
                w for w in re.findall(r"[a-z0-9]+", fold(full.lower())) if w not in _STOP and len(w) > 1)
    topic: tuple[str, ...] = ()
    if kind == "rank" and not pillar and ranking == "dti":
        # "xếp thứ mấy về hệ thống giải quyết thủ tục hành chính", "tỷ lệ hộ có cáp quang ... xếp hạng mấy":
        # a ranking of something else than the DTI.
        about = re.search(r"\bve\s+(?!chuyen doi so|chi so|dti|xep hang)([a-z ]{6,})", f)
        if about:
            topic = tuple(w for w in about.group(1).split() if w not in _STOP)
        elif re.search(r"\b(ty le|ti le)\b", f):
            topic = tuple(w for w in terms if w not in ("xep", "hang", "toan", "quoc"))
        if topic:
            ranking = "other"
    target = bool(TARGET_RE.search(YEAR_SPAN_RE.sub(" ", asking)))
    region = REGION_RE.search(masked)  # not "Vũng Tàu" (folded: "vung tau")
    region_name = region.group(1) if region else next(  # "the six Northwest provinces": "tay bac"
        (vi for en, vi in english_regions().items() if re.search(rf"\b{en}(ern)?\b(?! asia)", masked)), "")
    if not region_name:  # "Địa phương nào ở Đồng bằng sông Cửu Long …": a region named without "vùng"
        region_name = next((vi for vi in sorted(set(english_regions().values()), key=len, reverse=True)
                            if re.search(rf"\b{vi}\b", masked)), "")
    claim = bool(CLAIM_RE.search(f) or CLAIM_LEAD_RE.match(f) or _a_statement(q, f)) or asks("claim", q)
    compare = not claim and not new_unit and len(names) >= 2 and bool(COMPARE_RE.search(f))
    compare = compare or (not claim and len(names) == 1 and len(set(years)) >= 2 and bool(re.search(r"\b(hay|so voi|or|than)\b", f))
                          and kind != "rank_change")
    if (not compare and not claim and len(names) == 1 and kind not in ("rank", "rank_change") and DIFFERENCE_ASKED.search(f)
            and len(set(YEAR_RE.findall(f))) >= 2):
        compare = True  # "Điểm của A tăng bao nhiêu từ 2022 đến 2023?": the difference of the two years' figures
        if kind in ("count", "text") and re.search(r"\b(diem|score\w*|points?)\b", f):
            kind = "score"
    if compare and len(names) >= 2 and kind == "rank_change" and not re.search(r"\b(tang|giam|thang|tut|lui|nang)\b", f):
        kind = "rank"  # "Bắc Ninh hơn Nghệ An bao nhiêu bậc?": the gap between two ranks
    if kind == "rank" and base_years and re.search(r"\bso voi\b", f):
        kind = "rank_change"  # "năm 2021 so với năm 2020 xếp hạng thế nào?"
    sup = SUPERLATIVE_RE.search(f)
    superlative = over = ""
    among = tuple(name for name, rx in PILLAR_RES.items() if rx.search(f))
    if len(names) == 1 and len(among) >= 2 and not claim and re.search(r"\b(hay|hon|or|than)\b", f):
        # "Ở Hà Tĩnh, chính quyền số hay kinh tế số được xếp hạng cao hơn?": the better of the two pillars
        compare, pillar = False, ""
        over = "pillar"
        superlative = "worst" if re.search(r"\b(thap hon|kem hon|yeu hon|lower|worse|weaker)\b", f) else "best"
        kind = "score" if re.search(r"\b(diem|score\w*|points?)\b", _NOT_A_SCORE.sub(" ", f)) and not _RANK_WORDS.search(f) \
            else "rank"
        sup = None
    else:
        among = ()
    group = len(names) >= 2 and not compare  # "Giữa A, B và C, tỉnh nào … cao nhất?": the best of a named group
    if sup and not claim and len(names) == 1 and not compare:
        over = "pillar" if OVER_PILLAR_RE.search(f) else "year" if OVER_YEAR_RE.search(f) else ""
    if sup and not claim and (not names or group or over):
        worst = sup.group(1) in ("thap nhat", "it nhat", "kem nhat", "yeu nhat", "lowest", "worst", "weakest")
        if kind in ("entity", "list", "text") or (over and kind == "date"):  # "vào năm nào": the year is the pick, not asked
            kind = "rank"
            if (group or over or ARTICLE_GROUP_RE.search(f)) and kind == "rank" \
                    and re.search(r"\b(diem|score\w*|points?)\b", _NOT_A_SCORE.sub(" ", f)):
                kind = "score"  # "tỉnh nào có điểm cao nhất?": the highest score
        elif over and kind in ("rank", "score") and _NOT_A_SCORE.search(f):
            kind = "rank"  # "trụ cột nào là điểm yếu nhất?": the worst ranked
        elif over and kind == "rank" and re.search(r"\b(diem|score\w*|points?)\b", f) and not _RANK_WORDS.search(f):
            kind = "score"  # "chỉ số nào có điểm thấp nhất?"
        unregioned = REGION_RE.sub(" ", masked)  # "khu vực Tây Bắc": "bắc" is no "bậc"
        if kind == "rank" and re.search(r"\b(tang|giam|thang|tut|roi|bac|buoc nhay|buoc tien|but pha|climb\w*|rose|rise|improv\w*|fell|drop\w*|places|jump\w*)\b",
                                        unregioned):
            kind = "rank_change"  # "tỉnh nào tăng nhiều bậc nhất?", "which one improved its ranking the most?"
        if kind == "rank_change" and re.search(r"\b(giam|tut|lui|roi|sut|fell|drop\w*)\b", f):
            worst = not worst  # "giảm nhiều nhất": the largest fall
        superlative = "worst" if worst else "best"
    if compare and kind in ("entity", "text", "list"):
        # "Bình Phước hay Thái Nguyên xếp cao hơn?"; "… tỉnh nào có điểm cao hơn?" compares scores
        kind = "score" if re.search(r"\b(diem|score\w*|points?)\b", f) else "rank"
    if compare and kind in ("rank", "entity", "text") and re.search(r"\b(tang|giam|thang|tut|len|xuong) (hang|bac)\b"
                                                             r"|\b(climb\w*|improv\w*|gain\w*) (more|most|further)\b", f):
        kind = "rank_change"  # "Nghệ An hay Lào Cai tăng hạng nhiều hơn?": the larger change
    if kind == "text" and target:
        kind = "rank"  # "Mục tiêu của tỉnh năm 2025 là gì?": the rank (or top-N) the province aims for
    return Question(
        text=q, kind=kind, provinces=names, year=years[-1] if years else None, base_year=base_years[0] if base_years else None,
        year_span=next((re.sub(r"\s", "", m.group(0)) for m in re.finditer(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b", f)), ""),
        latest=bool(LATEST_RE.search(f)), english=english,
        districts=tuple(dict.fromkeys(d.name for d in provinces.districts_in(q))),
        ranking_stated=ranking != "dti" or bool(re.search(r"\b(dti|chuyen doi so)\b", f)),
        claim=claim, listing=not claim and not compare and asks("list", q), compare=compare, superlative=superlative, over=over, among=among, new_unit=new_unit,
        in_article=not names and (bool(superlative) or kind == "list") and bool(ARTICLE_GROUP_RE.search(f))
        and not _NATIONAL_GROUP.search(f),
        overall=bool(re.search(r"\b(chung|tong the|tong hop|overall)\b", f)) and not pillar, topic=topic, asks_group=bool(re.search(r"\b(top|nhom)\b", f)),
        pillar=pillar, ranking=ranking, target=target, rank_value=rank_value, top=top,
        provisional=bool(PROVISIONAL_RE.search(f)),
        region=region_name, merger=(kind in ("entity", "list") or bool(new_unit) and kind == "text") and bool(MERGER_ASKED_RE.search(f)),
        noun=_noun(q, f) if kind in ("count", "duration") else "", terms=terms, followup=bool(FOLLOWUP_RE.search(f)),
    )


def with_history(q: Question, previous: Question | None) -> Question:
    """Fill what a follow-up leaves out ("Còn năm 2020 thì sao?") from the previous turn."""
    if previous is None:
        return q
    changes: dict = {}
    elliptical = q.kind == "text" or q.followup
    if q.kind == "text" and previous.kind != "text" and not previous.compare:
        changes.update(kind=previous.kind, noun=previous.noun, rank_value=previous.rank_value, top=previous.top)
        changes["terms"] = tuple(dict.fromkeys(q.terms + previous.terms))
    if not q.provinces and previous.provinces and q.kind not in ("entity", "list"):
        changes["provinces"] = previous.provinces
    if q.year is None and not q.latest and (previous.year is not None or previous.latest):
        changes.update(year=previous.year, latest=previous.latest)
    if elliptical or "provinces" in changes:
        changes["context"] = tuple(dict.fromkeys(previous.context + previous.terms))
    if elliptical and not q.pillar and not q.overall and previous.pillar and "kind" in changes:
        changes["pillar"] = previous.pillar
    if not q.ranking_stated and previous.ranking != "dti" and elliptical:
        changes["ranking"] = previous.ranking
    if not changes:
        return q
    return replace(q, inherited=tuple(changes), **changes)
