"""The gazetteer: province names as people write them, and the 1 July 2025 merger."""
import pytest

import dtiqa
from dtiqa import provinces
from dtiqa.provinces import canonical, find, members, successor

from conftest import Extracted, HashEmbedder


@pytest.mark.parametrize("form, name", [
    ("Bình Phước", "Bình Phước"), ("binh phuoc", "Bình Phước"), ("BÌNH PHƯỚC", "Bình Phước"), ("BINH PHUOC", "Bình Phước"),
    ("tỉnh Bình Phước", "Bình Phước"), ("TP.HCM", "Hồ Chí Minh"), ("TPHCM", "Hồ Chí Minh"), ("tphcm", "Hồ Chí Minh"),
    ("TP HCM", "Hồ Chí Minh"), ("TP. Hồ Chí Minh", "Hồ Chí Minh"), ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("HCM", "Hồ Chí Minh"), ("Sài Gòn", "Hồ Chí Minh"), ("sai gon", "Hồ Chí Minh"), ("Huế", "Huế"), ("hue", "Huế"),
    ("Thừa Thiên Huế", "Huế"), ("TT-Huế", "Huế"), ("BR-VT", "Bà Rịa - Vũng Tàu"), ("BRVT", "Bà Rịa - Vũng Tàu"),
    ("Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("Đắk Lắk", "Đắk Lắk"),
    ("Dak Lak", "Đắk Lắk"), ("Daklak", "Đắk Lắk"), ("Đắc Lắc", "Đắk Lắk"), ("Đắk Nông", "Đắk Nông"),
    ("Hoà Bình", "Hòa Bình"), ("Hòa Bình", "Hòa Bình"), ("hoa binh", "Hòa Bình"), ("Thanh Hoá", "Thanh Hóa"),
    ("thanh hoa", "Thanh Hóa"), ("Khánh Hoà", "Khánh Hòa"), ("Bắc Cạn", "Bắc Kạn"), ("Bắc Kạn", "Bắc Kạn"),
    ("Kon Tum", "Kon Tum"), ("Kontum", "Kon Tum"), ("Hà Nội", "Hà Nội"), ("HN", "Hà Nội"), ("ha noi", "Hà Nội"),
    ("TP Cần Thơ", "Cần Thơ"), ("Đà Nẵng", "Đà Nẵng"), ("da nang", "Đà Nẵng"), ("Đồng Nai", "Đồng Nai"),
    ("Phú Thọ", "Phú Thọ"), ("Yên Bái", "Yên Bái"), ("Quảng Nam", "Quảng Nam"),
])
def test_name_forms_map_to_the_canonical_province(form, name):
    assert canonical(form) == name


@pytest.mark.parametrize("text", ["Nguyễn Thị Huệ phát biểu", "hn là viết tắt", "chuyển đổi số", "long an toàn"])
def test_words_that_only_look_like_provinces_are_not_provinces_in_articles(text):
    assert find(text, folded=False) == []


def test_the_63_former_units_and_the_2025_merger():
    assert len(provinces.names()) == 63
    assert successor("Bình Phước") == "Đồng Nai"
    assert successor("Vĩnh Phúc") == "Phú Thọ" and successor("Yên Bái") == "Lào Cai"
    assert successor("Trà Vinh") == "Vĩnh Long" and successor("Hà Nội") == "Hà Nội"
    assert set(members("Phú Thọ")) == {"Hòa Bình", "Phú Thọ", "Vĩnh Phúc"}
    assert set(members("Thái Nguyên")) == {"Bắc Kạn", "Thái Nguyên"}
    assert len(set(successor(n) for n in provinces.names())) == 34


@pytest.mark.parametrize("alias", [
    line.split("\t")[0] for line in
    (provinces.resources.files("dtiqa").joinpath("data/province_aliases.tsv").read_text(encoding="utf-8").splitlines())
    if line.strip() and not line.startswith(("#", "alias\t"))
])
def test_each_extra_alias_is_one_the_library_misses(alias):
    keywords = {kw for unit in provinces._library_data("parser_legacy.json").values()
                for kw in unit["provinceKeywords"]}
    assert provinces._squash(alias) not in keywords
    assert canonical(alias) is not None


def test_library_tables_are_read_whole_without_importing_the_library():
    import json
    import subprocess
    import sys

    for name in ("parser_legacy.json", "parser_from_2025.json", "converter_2025.json"):
        path = provinces.Path(provinces.importlib.util.find_spec("vietnamadminunits").submodule_search_locations[0])
        assert provinces._library_data(name) == json.loads((path / "data" / name).read_text())["DICT_PROVINCE"]
    code = "import sys; from dtiqa import provinces; provinces.find('Huế'); print('vietnamadminunits' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


MY_LAM = """\
Tỉnh Mỹ Lâm và Bình Phước bứt phá
Năm 2022, Bình Phước xếp thứ 11/63 về chỉ số chuyển đổi số, còn Đồng Nai xếp thứ 20/63.
Năm 2022, Thái Nguyên xếp thứ 6/63 về chuyển đổi số.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    root = tmp_path_factory.mktemp("merger")
    (root / "c").mkdir()
    (root / "c" / "a.txt").write_text(MY_LAM, encoding="utf-8")
    return Extracted(dtiqa.load(root / "c", root / "i", HashEmbedder()))  # the note, whatever the verifier decides


def test_former_province_answer_notes_its_new_unit_once(qa):
    ans = qa.ask("Bình Phước xếp thứ mấy năm 2022?")
    assert ans.text == "11/63"
    assert ans.message.count("nay thuộc tỉnh Đồng Nai") == 1


def test_unit_whose_name_did_not_change_says_which_unit_the_figure_is_for(qa):
    ans = qa.ask("Thái Nguyên xếp thứ mấy năm 2022?")
    assert ans.text == "6/63" and "trước khi hợp nhất với Bắc Kạn" in ans.message


def test_new_unit_answers_with_each_former_province(qa):
    ans = qa.ask("Đồng Nai mới xếp thứ mấy năm 2022?")
    assert ans.found and ans.value is None
    assert "Bình Phước (cũ): 11/63" in ans.text and "Đồng Nai (cũ): 20/63" in ans.text
    assert "không có một thứ hạng chung" in ans.message
    assert {c.doc_id for c in ans.citations} == {"a.txt"} and len(ans.citations) >= 1


def test_new_unit_with_no_data_for_any_former_province(qa):
    ans = qa.ask("Tỉnh Lâm Đồng sau sáp nhập xếp thứ mấy năm 2022?")
    assert not ans.found and "không có số liệu của tỉnh cũ nào" in ans.message


def test_facts_rows_carry_written_canonical_and_2025_names(qa):
    rows = qa.facts(province="binh phuoc")
    assert rows and all(r.province == "Bình Phước" and r.unit_2025 == "Đồng Nai" for r in rows)
    assert rows[0].province_written == "Bình Phước"
    assert {r.province for r in qa.facts(province="Đồng Nai mới")} == {"Bình Phước", "Đồng Nai"}


def test_an_unknown_province_name_does_not_run_across_a_paragraph_break():
    text = ("Tỉnh Hoa Mai tăng 5 bậc. Lãnh đạo tỉnh Hoa Mai cho biết thành công của tỉnh\n\n"
            "Năm 2022, tỉnh đứng thứ 9. Đó là nỗ lực của cả tỉnh\nNăm nay sẽ khác.")
    assert provinces.named_in(text) == {"Hoa Mai"}


def test_a_new_units_own_rank_is_not_answered_with_its_former_provinces(qa):
    ans = qa.ask("Đồng Nai mới xếp thứ mấy trong 34 tỉnh, thành về DTI?")
    assert not ans.found and ans.reasons == ("new_unit",)
    assert "Bình Phước (cũ): 11/63" in ans.suggestion and "Trước sáp nhập" in ans.message


def test_a_new_units_own_figures_answer_questions_about_it(tmp_path_factory):
    from conftest import qa_of

    qa = qa_of(tmp_path_factory, "new_unit_own", {"dn.txt": "Đồng Nai mới sau sáp nhập\n"
                                                  "Tỉnh Đồng Nai mới có 95 xã, phường sau khi hợp nhất với Bình Phước.\n"})
    from dtiqa.answering import answer_question

    assert answer_question(qa, "Tỉnh Đồng Nai mới có bao nhiêu xã, phường?", [], verify=False).value == 95
