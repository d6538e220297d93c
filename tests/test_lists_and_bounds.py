"""Lists a sentence enumerates, tables headed by years, editions named beside a figure, and claims that bound a
figure ("có vượt mức 0,68 không?"), on an article the test writes."""
import pytest

import dtiqa
from dtiqa import lists, tables
from dtiqa.answering import answer_question
from dtiqa.candidates import name_spans
from dtiqa.facts import sentence_mentions

from conftest import shipped_embedder

DOSSIER = """\
Hồ sơ đề cử giải thưởng chuyển đổi số của tỉnh Hoa Mai

Đơn vị lập hồ sơ: Sở Văn hoá, Thể thao và Du lịch tỉnh Hoa Mai.
Hoa Mai (cũ) đi từ hạng 45/63 ở DTI 2021 lên 38/63 (DTI 2022), 30/63 (DTI 2023) rồi 21/63 (DTI 2024) – sau ba năm tăng 24 bậc.
Ứng dụng du lịch của tỉnh có bản điện tử bằng 3 ngôn ngữ: Việt, Anh, Nhật.

| Chỉ tiêu | Năm 2023 | Năm 2024 |
|---|---|---|
| Điểm DTI | 0,5512 | 0,6807 |
| Tỷ lệ hồ sơ trực tuyến toàn trình | 54,3% | 68,9% |

CÁC CHỈ SỐ KHÁC THAM KHẢO
- PCI 2024: Hoa Mai xếp 19/63.
- PAR INDEX 2024: Hoa Mai xếp 25/63.
- SIPAS 2024: mức độ hài lòng đạt 82,15%.

Trong các tỉnh Tây Nguyên, Hoa Mai đứng thứ ba về chuyển đổi số năm 2025.
Nhìn lại DTI 2023, tỉnh Hoa Mai đứng thứ 30/63. Còn Lào Cai năm đó ở vị trí 44/63.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    root = tmp_path_factory.mktemp("dossier")
    (root / "c").mkdir()
    (root / "c" / "ho_so.txt").write_text(DOSSIER, encoding="utf-8")
    return dtiqa.load(root / "c", root / "i", shipped_embedder())


@pytest.mark.parametrize("sentence, items", [
    ("Bản điện tử có 4 ngôn ngữ: Việt, Anh, Trung, Hàn.", ["Việt", "Anh", "Trung", "Hàn"]),
    ("Wi-Fi miễn phí tại các điểm công cộng, gồm quảng trường Tân Trào, phố cổ Đồng Văn và bến thuyền Na Hang.",
     ["quảng trường Tân Trào", "phố cổ Đồng Văn", "bến thuyền Na Hang"]),  # the list starts at "gồm"
    ("Giải nhì: TP Rạch Giá (89,7 điểm) và huyện Châu Thành (88,1 điểm).",
     ["TP Rạch Giá (89,7 điểm)", "huyện Châu Thành (88,1 điểm)"]),  # a decimal comma separates nothing
    ("Một số huyện miền núi (An Lão, Vĩnh Thạnh, Vân Canh) còn thôn chưa có sóng.", ["An Lão", "Vĩnh Thạnh", "Vân Canh"]),
])
def test_a_sentence_enumerates_its_items(sentence, items):
    assert [e.texts(sentence) for e in lists.enumerations(sentence)][-1] == items


def test_a_sentence_without_a_list_enumerates_nothing():
    assert lists.enumerations("Tỉnh xếp thứ 9/63 về chỉ số chuyển đổi số năm 2021.") == []


def test_bullet_lines_are_a_list_of_their_labels():
    lines = ["CÁC CHỈ SỐ KHÁC", "- PCI 2024: tỉnh xếp 19/63.", "- PAR INDEX 2024: xếp 25/63.", "Ghi chú cuối."]
    assert lists.bullet_run(lines, 0) == (1, 2)  # the heading introduces the run
    assert lists.bullet_run(lines, 2) == (1, 2)
    assert lists.bullet_run(lines, 3) is None
    assert [lines[i][slice(*lists.item_of_line(lines[i]))] for i in (1, 2)] == ["PCI 2024", "PAR INDEX 2024"]


@pytest.mark.parametrize("question, items", [
    ("Ứng dụng du lịch của Hoa Mai có bản điện tử bằng những ngôn ngữ nào?", ["Việt", "Anh", "Nhật"]),
    ("Hồ sơ liệt kê những chỉ số tham khảo nào khác?", ["PCI 2024", "PAR INDEX 2024", "SIPAS 2024"]),
])
def test_a_list_question_is_answered_with_the_items_listed(qa, question, items):
    ans = answer_question(qa, question, [], verify=False)
    assert ans.found and ans.kind == "list" and all(i in ans.text for i in items), ans.text
    assert ans.citations[0].doc_id == "ho_so.txt"


def test_a_table_headed_by_years_dates_its_columns(qa):
    lines = ["| Chỉ tiêu | Năm 2023 | Năm 2024 |", "|---|---|---|", "| Điểm DTI | 0,5512 | 0,6807 |"]
    assert tables.headings(lines) == {2: lines[0]}
    ans = answer_question(qa, "Điểm DTI năm 2024 của Hoa Mai là bao nhiêu?", [], verify=False)
    assert ans.found and ans.text == "0,6807", ans.message
    ans = answer_question(qa, "Năm 2023, tỷ lệ hồ sơ trực tuyến toàn trình của Hoa Mai là bao nhiêu?", [], verify=False)
    assert ans.found and ans.text == "54,3%", ans.message


def test_an_edition_named_after_a_figure_dates_it():
    got = {(m.role, m.value, m.year) for m in sentence_mentions(DOSSIER.splitlines()[3], "Hoa Mai", 2026)}
    assert {("rank", 45, 2021), ("rank", 38, 2022), ("rank", 30, 2023), ("rank", 21, 2024)} <= got


def test_a_change_over_several_years_counts_back_that_many(qa):
    change = next(m for m in sentence_mentions(DOSSIER.splitlines()[3], "Hoa Mai", 2026) if m.role == "rank_change")
    assert (change.value, change.year, change.base_year) == (24, 2024, 2021)
    computed = [f for f in qa.index.facts if f.computed and f.province == "Hoa Mai" and f.kind == "rank"]
    assert all(f.year != 2023 or f.value == 30 for f in computed)  # never "2023: 45" from a three-year change


def test_that_year_is_the_year_last_stated(qa):
    ans = answer_question(qa, "Lào Cai xếp thứ mấy về DTI năm 2023?", [], verify=False)
    assert ans.found and ans.value == 44, ans.message


@pytest.mark.parametrize("question, verdict", [
    ("Điểm DTI 2024 của Hoa Mai có vượt mức 0,68 không?", "đúng"),  # 0,6807 is above 0,68, though not equal
    ("Điểm DTI 2024 của Hoa Mai có vượt mức 0,69 không?", "sai"),
    ("Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình của Hoa Mai có đạt chỉ tiêu 70% không?", "sai"),  # 68,9%
    ("Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình của Hoa Mai có dưới 70% không?", "đúng"),
])
def test_a_claim_can_bound_a_figure(qa, question, verdict):
    ans = answer_question(qa, question, [], verify=False)
    assert ans.verdict == verdict, ans.message


def test_names_keep_an_agencys_fields_and_old_tone_placement():
    s = "Tờ gấp do Sở Văn hoá, Thể thao và Du lịch phát hành."
    assert [s[a:b] for a, b in name_spans(s)] == ["Sở Văn hoá, Thể thao và Du lịch"]
    s = "Giải thưởng thuộc về huyện Pác Nặm, Ba Bể và Chợ Đồn."
    assert [s[a:b] for a, b in name_spans(s)] == ["huyện Pác Nặm", "Ba Bể", "Chợ Đồn"]  # places stay apart


def test_a_rank_within_a_region_is_no_national_rank(qa):
    ans = answer_question(qa, "Hoa Mai có nằm trong top 5 DTI năm 2025 không?", [], verify=False)
    assert ans.verdict != "đúng", ans.message  # "thứ ba" among the Tây Nguyên provinces says nothing of the country
    ans = answer_question(qa, "Hoa Mai xếp thứ mấy về DTI năm 2025?", [], verify=False)
    assert not ans.found or ans.value != 3, ans.message


PRICES = """\
Tờ gấp du lịch tỉnh Hoa Mai 2026

GIÁ VÉ THAM KHẢO (áp dụng từ 01/01/2026)
• Khu di tích Đồi Chè: 30.000 đồng/người (vé điện tử: 27.000 đồng).
• Bảo tàng tỉnh: miễn phí.
• Thuyền du ngoạn hồ Sông Bạc: 1.200.000 đồng/thuyền 12 chỗ.
• Cáp treo núi Mây: 250.000 đồng/người.
Trong DTI 2025, điểm ba trụ cột của tỉnh lần lượt là: chính quyền số 0,7604, kinh tế số 0,6532 và xã hội số 0,7011.
"""


@pytest.fixture(scope="module")
def brochure(tmp_path_factory):
    root = tmp_path_factory.mktemp("brochure")
    (root / "c").mkdir()
    (root / "c" / "to_gap.txt").write_text(PRICES, encoding="utf-8")
    return dtiqa.load(root / "c", root / "i", shipped_embedder())


@pytest.mark.parametrize("question, name, figure", [
    ("Trong bảng giá vé của tờ gấp Hoa Mai, mục nào có giá niêm yết cao nhất?", "Thuyền du ngoạn hồ Sông Bạc", "1.200.000"),
    ("Trong bảng giá vé của tờ gấp Hoa Mai, mục nào có giá thấp nhất?", "Khu di tích Đồi Chè", "30.000"),
    ("Trụ cột nào của Hoa Mai có điểm cao nhất trong DTI 2025?", "chính quyền số", "0,7604"),
])
def test_a_superlative_picks_among_the_items_a_text_lists(brochure, question, name, figure):
    ans = answer_question(brochure, question, [], verify=False)
    assert ans.found and name in ans.text and figure in ans.text, ans.message


def test_one_figure_read_for_both_sides_compares_with_nothing(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "du_lich.txt").write_text(
        "Du lịch số tỉnh Hoa Mai\n\nMục tiêu năm 2026: tỉnh Hoa Mai đón 7,5 triệu lượt khách.\n", encoding="utf-8")
    qa = dtiqa.load(tmp_path / "c", tmp_path / "i", shipped_embedder())
    ans = answer_question(qa, "Chỉ tiêu khách du lịch năm 2026 của Hoa Mai cao hơn lượng khách thực tế năm 2025 bao nhiêu?",
                          [], verify=False)
    assert not ans.found or "ngang nhau" not in ans.text, ans.message


@pytest.mark.parametrize("sentence, context_year, expected", [
    # the year of a move's starting figure does not date what it moved to
    ("Từ vị trí 40 năm 2022, Lâm Đồng vươn lên thứ 22 với 0,5268 điểm.", 2023,
     {("Lâm Đồng", "rank", 22, 2023), ("Lâm Đồng", "score", 0.5268, 2023)}),
    # "còn B …" opens B's own clause: A's "khu vực" does not make B's rank regional
    ("Vĩnh Long đứng thứ tư khu vực, hạng 19 cả nước, còn Tiền Giang xếp thứ 24 với 0,5245 điểm.", 2023,
     {("Tiền Giang", "rank", 24, 2023)}),
    # the provinces of an aside between commas are not the subject
    ("Lâm Đồng, now the largest province after absorbing Đắk Nông and Bình Thuận, lands at 9/34 with 0.6341 points.", 2025,
     {("Lâm Đồng", "rank", 9, 2025), ("Lâm Đồng", "score", 0.6341, 2025)}),
])
def test_whose_figure_and_which_edition(sentence, context_year, expected):
    got = {(m.province, m.role, m.value, m.year) for m in sentence_mentions(sentence, "", context_year)
           if m.ranking == "dti"}
    assert expected <= got, got


def test_one_year_later_is_the_year_after_the_one_stated(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "oped.txt").write_text(
        "Reading the DTI\n\nNow consider Hai Phong. The port city ranked 31st in the 2020 index. "
        "One year later it climbed 20 places to 11th.\n", encoding="utf-8")
    qa = dtiqa.load(tmp_path / "c", tmp_path / "i", shipped_embedder())
    assert any(f.province == "Hải Phòng" and f.year == 2021 and f.value == 11 for f in qa.index.facts)


def test_a_classifier_does_not_tell_a_counts_noun_apart(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "an_ninh.txt").write_text(
        "An toàn thông tin tỉnh Hoa Mai\n\nNăm 2025, hệ thống giám sát của tỉnh Hoa Mai đã chặn 1.240 cuộc tấn công mạng.\n"
        "Toàn tỉnh có 312 điểm di tích được gắn mã QR thuyết minh.\n", encoding="utf-8")
    qa = dtiqa.load(tmp_path / "c", tmp_path / "i", shipped_embedder())
    ans = answer_question(qa, "Năm 2025 hệ thống của Hoa Mai chặn được bao nhiêu đợt tấn công mạng?", [], verify=False)
    assert ans.found and ans.value == 1240, ans.message
    assert [m.role for m in sentence_mentions("Toàn tỉnh có 312 điểm di tích được gắn mã QR.", "Hoa Mai")] == ["count"]


def test_what_is_left_is_the_whole_less_the_part(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "du_lieu.txt").write_text(
        "Dữ liệu dùng chung tỉnh Hoa Mai\n\nĐến cuối năm 2025, tỉnh Hoa Mai đã kết nối, chia sẻ 45/98 bộ dữ liệu dùng chung.\n",
        encoding="utf-8")
    qa = dtiqa.load(tmp_path / "c", tmp_path / "i", shipped_embedder())
    ans = answer_question(qa, "Hoa Mai còn bao nhiêu bộ dữ liệu dùng chung chưa được kết nối, chia sẻ?", [], verify=False)
    assert ans.found and ans.value == 53, ans.message


def test_a_currency_sign_after_a_number_is_its_unit():
    from dtiqa.numbers import quantities
    assert [(x.value, x.unit) for x in quantities("Đã đạt 186.400.000 ₫ / mục tiêu 300.000.000 ₫")] == \
        [(186400000, "đồng"), (300000000, "đồng")]


REVIEWED = """\
Chuyển đổi số tỉnh Lào Cai năm 2024

Năm 2024, tỉnh Lào Cai đạt 0,7012 điểm DTI, xếp thứ 5/63 cả nước.
Tỷ lệ hồ sơ giấy của tỉnh Lào Cai năm 2024 giảm từ 70% xuống 65%.
Ứng dụng du lịch thông minh của tỉnh ra mắt năm 2023, đã có hơn 20.000 lượt tải, được du khách đánh giá cao.
Tập đoàn Viettel, VNPT và FPT cùng triển khai hạ tầng số tại tỉnh.
"""


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    root = tmp_path_factory.mktemp("reviewed")
    (root / "c").mkdir()
    (root / "c" / "lao_cai.txt").write_text(REVIEWED, encoding="utf-8")
    return dtiqa.load(root / "c", root / "i", shipped_embedder())


def test_a_fall_does_not_answer_how_much_it_rose(reviewed):
    ans = answer_question(reviewed, "Tỷ lệ hồ sơ giấy của Lào Cai năm 2024 tăng bao nhiêu điểm phần trăm?", [], verify=False)
    assert not ans.found or ans.value != 5, ans.message


@pytest.mark.parametrize("question, verdict", [
    ("Năm 2024 Lào Cai đạt 0,68 điểm DTI, đúng không?", "sai"),  # a plain "đạt" states a figure, it bounds nothing
    ("Năm 2024 Lào Cai xếp trên hạng 20 về DTI, đúng không?", "đúng"),  # above the 20th is a smaller number
    ("Năm 2024 Lào Cai xếp dưới hạng 3 về DTI, đúng không?", "đúng"),
])
def test_claim_bounds_read_the_figure_the_right_way(reviewed, question, verdict):
    assert answer_question(reviewed, question, [], verify=False).verdict == verdict


def test_the_clauses_of_a_sentence_are_no_list(reviewed):
    ans = answer_question(reviewed, "Ứng dụng du lịch của Lào Cai hỗ trợ những ngôn ngữ nào?", [], verify=False)
    assert not ans.found or "ra mắt" not in ans.text, ans.text


def test_brands_after_a_head_are_separate_names():
    s = "Tập đoàn Viettel, VNPT và FPT cùng triển khai hạ tầng số."
    assert [s[a:b] for a, b in name_spans(s)] != ["Tập đoàn Viettel, VNPT và FPT"]


@pytest.mark.parametrize("text, year", [
    ("Năm 2022, tỉnh Hà Giang xếp thứ 40/63.\nTỉnh Cao Bằng cũng nằm trong nhóm cuối, xếp thứ 60/63.", 2024),  # "cũng nằm"
    ("Năm 2021, tỉnh Lào Cai xếp thứ 20/63.\nBa năm sau đó, tỉnh Lào Cai vươn lên thứ 10/63.", 2024),  # not "năm sau đó"
])
def test_words_like_that_year_are_read_with_their_diacritics(tmp_path, text, year):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(f"Chuyển đổi số DTI {year}\n\n{text}\n", encoding="utf-8")
    qa = dtiqa.load(tmp_path / "c", tmp_path / "i", shipped_embedder())
    last = text.rsplit("\n", 1)[1]
    assert all(f.year != 2022 and f.year != 2023 for f in qa.index.facts if f.sentence.startswith(last[:20])), \
        [(f.year, f.value) for f in qa.index.facts]
