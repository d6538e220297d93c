"""Table rows read with their column headings: roles, pillars and citations of the cells."""
from __future__ import annotations

from conftest import qa_of

from dtiqa import tables
from dtiqa.facts import sentence_mentions

HEADING = "Địa phương | Xếp hạng | DTI | Chính quyền số | Kinh tế số"
ROW = "Hoa Mai | 17 | 0,6120 | 0,6844 | 0,5297"

ARTICLE = (
    "Bảng điểm chuyển đổi số năm 2024 của bốn địa phương\n\n"
    "Bộ Khoa học và Công nghệ công bố Chỉ số chuyển đổi số cấp tỉnh năm 2024. Bảng dưới đây tóm tắt kết quả "
    "của bốn địa phương trong nhóm nghiên cứu.\n\n"
    f"{HEADING}\n"
    "Lam Sơn | 5 | 0,7012 | 0,7450 | 0,6633\n"
    f"{ROW}\n"
    "Ngọc Khê | 41 | 0,5208 | 0,5730 | 0,4411\n\n"
    "Theo nhóm tác giả, khoảng cách giữa hai trụ cột vẫn còn lớn ở nhiều tỉnh.\n"
)


def test_a_row_is_read_with_its_headings_and_mapped_back_to_its_cells():
    rd = tables.reading(ROW, HEADING)
    assert rd.text == "Hoa Mai; Xếp hạng 17; DTI 0,6120; Chính quyền số 0,6844; Kinh tế số 0,5297."
    cells = {}
    for m in sentence_mentions(rd.text, "", 2024):
        cells[ROW[rd.back(m.start):rd.back(m.end)]] = (m.role, m.pillar)
    assert cells["17"][0] == "rank"
    assert cells["0,6120"] == ("score", "")
    assert cells["0,6844"] == ("score", "chính quyền số")
    assert cells["0,5297"] == ("score", "kinh tế số")


def test_only_rows_under_a_heading_of_the_same_width_are_read_as_table_rows():
    lines = ["Một câu văn.", HEADING, ROW, "A | 1 | 2", "Câu khác.", ROW]
    assert tables.headings(lines) == {2: HEADING}
    assert tables.reading("Một câu văn có số 0,61.").text == "Một câu văn có số 0,61."
    assert tables.reading(ROW, "A | B").pieces == ()  # a heading of another width is not this row's
    assert tables.is_heading(HEADING) and not tables.is_heading(ROW)


def test_a_pillar_score_is_answered_from_a_table_row_and_the_row_is_cited(tmp_path_factory):
    qa = qa_of(tmp_path_factory, "tables", {"bang_diem.txt": ARTICLE})
    ans = qa.ask("Điểm kinh tế số năm 2024 của Hoa Mai là bao nhiêu?")
    got = ans.text if ans.found else ans.suggestion
    assert got == "0,5297"
    cite = ans.citations[0]
    assert cite.sentence == ROW
    article = qa.article("bang_diem.txt").text
    assert article[cite.answer_start:cite.answer_end] == "0,5297"


def test_a_markdown_rule_under_the_heading_is_no_heading():
    lines = ["| Địa phương | Xếp hạng | DTI |", "|---|:---:|---|", "| Nghệ An | 30 | 0,5712 |"]
    assert tables.is_rule(lines[1]) and tables.headings(lines) == {2: lines[0]}


def test_a_table_whose_columns_are_provinces_reads_each_figure_after_its_province_and_row_label():
    from dtiqa.facts import sentence_mentions

    heading, row = "| Chỉ tiêu | Hà Giang | Cao Bằng |", "| Xã hội số | 0,4905 | 0,4511 |"
    r = tables.reading(row, heading)
    assert r.text == "Xã hội số; Hà Giang: Xã hội số 0,4905; Cao Bằng: Xã hội số 0,4511."
    assert row[r.back(r.text.index("0,4511")):].startswith("0,4511")
    scores = {(m.province, m.pillar, m.text) for m in sentence_mentions(r.text, "", 2024) if m.role == "score"}
    assert scores == {("Hà Giang", "xã hội số", "0,4905"), ("Cao Bằng", "xã hội số", "0,4511")}


def test_a_rows_label_names_what_each_of_its_figures_measures():
    rd = tables.reading("Hạ tầng số | 0,6120 | Giỏi", "Môn học | Điểm | Xếp loại")
    assert rd.text == "Hạ tầng số; Điểm Hạ tầng số 0,6120; Giỏi."
    assert tables.reading("1 | Tỷ lệ hồ sơ toàn trình | 28,6%", "STT | Chỉ tiêu | Sơ bộ").text == \
        "STT 1; Tỷ lệ hồ sơ toàn trình; Sơ bộ Tỷ lệ hồ sơ toàn trình 28,6%."
