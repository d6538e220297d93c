import pytest

from dtiqa.article import ArticleError, decode, parse_article, read_article
from dtiqa.sentences import split_sentences

from conftest import MADE_UP_ARTICLE, SEEDS

FURNITURE = ["Đang online", "Đã truy cập", "POWERED BY", "Có thể bạn quan tâm", "Thống kê", "Liên kết website",
             "Tin liên quan", "Bình luận", "Mã xác thực", "Đánh giá:", "lượt đánh giá", ">>", "Online:"]

SEED_METADATA = {
    "000_fd7d3cc850b6caff.txt": ("Nhiều địa phương thay đổi đáng kể thứ hạng chuyển đổi số", "VOV.VN", "", ""),
    "001_06c1a2118a100d75.txt": ("Bằng việc kịp thời ban hành các cơ chế, chính sách tạo hành lang pháp lý và tăng…",
                                 "vinhphuc.gov.vn", "", ""),
    "002_25963bf893440a23.txt": ("Bình Phước trong top 10 tỉnh, thành dẫn đầu về chuyển đổi số: Ngược dòng để bứt phá",
                                 "baobinhphuoc.com.vn", "", "Ngân Hà"),
    "003_46c34877ebc259b5.txt": ("Thái Nguyên tăng 4 bậc, đứng thứ 8 cả nước về chuyển đổi số", "", "2022-08-11", "KIM DUNG"),
    "004_8002a27eda6e1061.txt": ("Động lực để chuyển đổi số mạnh mẽ hơn", "baothanhhoa.vn", "", ""),
}


@pytest.fixture(scope="module")
def seed_articles():
    return {p.name: read_article(p) for p in sorted(SEEDS.glob("*.txt"))}


def test_seed_titles_sources_dates_and_authors(seed_articles):
    got = {d: (a.title, a.source, a.date, a.author) for d, a in seed_articles.items()}
    assert got == SEED_METADATA
    assert seed_articles["002_25963bf893440a23.txt"].url.startswith("https://baobinhphuoc.com.vn/news/502/135872/")


def test_no_indexed_sentence_contains_site_furniture(seed_articles):
    for a in seed_articles.values():
        for s in split_sentences(a):
            for junk in FURNITURE:
                assert junk not in s.text, (a.doc_id, s.text)


def test_footer_date_is_not_the_article_date(seed_articles):
    # 001 ends with a comment widget dated "Ngày 14/5/2020"; the article gives no date of its own.
    assert seed_articles["001_06c1a2118a100d75.txt"].date == ""
    assert "14/5/2020" not in seed_articles["001_06c1a2118a100d75.txt"].text


def test_repeated_image_captions_are_dropped(seed_articles):
    text = seed_articles["002_25963bf893440a23.txt"].text
    assert "Bình Phước đứng thứ 9 cả nước về chỉ số DTI" not in text
    assert "Trung tâm điều hành thông tin, VNPT Bình Phước" not in text


def test_headline_is_its_own_sentence(seed_articles):
    for a in seed_articles.values():
        first = split_sentences(a)[0]
        if a.doc_id.startswith("001"):
            continue  # this page has no headline, only a lead paragraph
        assert first.text == a.title and first.heading


def test_offsets_slice_back_to_the_sentence(seed_articles):
    for a in seed_articles.values():
        sents = split_sentences(a)
        assert len(sents) > 3
        for s in sents:
            assert a.text[s.start:s.end] == s.text


def test_nbsp_and_tone_placement_are_normalised(seed_articles):
    for a in seed_articles.values():
        assert "\u00a0" not in a.text
        assert "hoá" not in a.text and "xoá" not in a.text


def test_made_up_article_is_cleaned_with_general_rules():
    a = parse_article("hoa_mai.txt", MADE_UP_ARTICLE)
    assert a.title == "Tỉnh Hoa Mai vươn lên thứ 7 về chuyển đổi số"
    assert a.url == "https://hoamai.example.vn/tin-tuc/hoa-mai-thu-7"
    assert a.source == "hoamai.example.vn"
    assert a.date == "2024-09-03"
    assert a.author == "TRẦN VĂN AN"
    lines = a.text.split("\n")
    assert lines == [
        "Tỉnh Hoa Mai vươn lên thứ 7 về chuyển đổi số",
        "Tỉnh Hoa Mai vừa được công bố đứng thứ 7/63 tỉnh, thành phố về chỉ số chuyển đổi số năm 2023, "
        "tăng 21 bậc so với năm 2022.",
        "Theo Sở Khoa học và Công nghệ, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 87,5%, "
        "với 1.240 tổ công nghệ số cộng đồng đang hoạt động.",
    ]


def test_headline_without_period_is_not_glued_to_the_next_sentence():
    a = parse_article("x.txt", "Hoa Mai tăng hạng\nNăm nay tỉnh đứng thứ 5. Tỉnh tăng 3 bậc.\n")
    assert [s.text for s in split_sentences(a)] == ["Hoa Mai tăng hạng", "Năm nay tỉnh đứng thứ 5.", "Tỉnh tăng 3 bậc."]


def test_html_and_scripts_are_stripped():
    a = parse_article("h.txt", "<h1>Tiêu đề &amp; tin</h1><script>alert('x')</script><p>Tỉnh đạt 90% dịch vụ công trực tuyến trong năm nay.</p>")
    assert a.title == "Tiêu đề & tin"
    assert "alert" not in a.text and "<" not in a.text


def test_utf8_with_bom_is_read():
    assert decode("\ufeffTin tức".encode("utf-8")) == "Tin tức"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Tỉnh Hoa Mai đạt hạng cao".encode("utf-16-le"), "binary"),
    ("Hoa Mai tăng hạng".encode("latin-1", "replace") + b"\xe9\xe0 caf\xe9", "not UTF-8"),
])
def test_bad_files_are_refused_with_a_reason(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(ArticleError, match=reason):
        read_article(p)


def test_article_of_only_furniture_is_refused():
    with pytest.raises(ArticleError, match="no article text"):
        parse_article("junk.txt", "Đang online: 3\nĐã truy cập: 100\nPOWERED BY X\n")
