"""Saved web pages (.html) as articles: main text and the page's own metadata, never its furniture or scripts."""
from __future__ import annotations

import pytest
from conftest import qa_of

from dtiqa.article import ArticleError, from_bytes

NEWS_SITE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Hoa Mai tăng 7 bậc chuyển đổi số | Báo Hoa Mai điện tử</title>
<meta property="og:title" content="Hoa Mai tăng 7 bậc về chuyển đổi số">
<meta property="article:published_time" content="2024-07-26T08:00:00+07:00">
<meta name="author" content="Nguyễn Văn An">
<meta property="og:site_name" content="Báo Hoa Mai">
<link rel="canonical" href="https://baohoamai.vn/hoa-mai-tang-7-bac-dti-2024.html">
<script>var tracking = "Hoa Mai xếp thứ 1/63 về DTI";</script><style>.menu { color: red }</style></head>
<body><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/kinh-te">Kinh tế</a></li><li><a href="/dang-nhap">Đăng nhập</a></li></ul></nav>
<main><article><h1>Hoa Mai tăng 7 bậc về chuyển đổi số</h1>
<p>Năm 2024, tỉnh Hoa Mai xếp thứ 12/63 về Chỉ số chuyển đổi số (DTI), tăng 7 bậc so với năm 2023.</p>
<p>Tổng điểm của tỉnh đạt 0,5123 điểm; trụ cột kinh tế số xếp thứ 9/63.</p>
<p>Theo Sở Khoa học và Công nghệ, tỉnh đặt mục tiêu vào nhóm 10 địa phương dẫn đầu năm 2025.</p>
</article></main>
<!-- Hoa Mai xếp thứ 2/63 (bản nháp) -->
<section class="comments"><h3>Bình luận</h3><p>Bạn đọc: tỉnh tôi xếp thứ 3/63 cơ mà!</p></section>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/lam-son">Lam Sơn xếp thứ 20/63 về DTI</a></li></ul></aside>
<footer>© 2025 Báo Hoa Mai. Cập nhật lúc 01/01/2025 10:00</footer></body></html>"""

PORTAL = """<html><head><title>Cổng thông tin điện tử tỉnh Lam Sơn</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Lam Sơn công bố kết quả chuyển đổi số năm 2023", "datePublished": "2024-03-15",
"author": {"@type": "Person", "name": "Trần Thị Bình"}}</script></head>
<body><div id="header"><a href="/login">Đăng nhập</a> | <a href="/sitemap">Sơ đồ trang</a></div>
<div id="menu">Giới thiệu · Tin tức · Văn bản · Thủ tục hành chính · Liên hệ</div>
<div id="content"><h2 class="title">Lam Sơn công bố kết quả chuyển đổi số năm 2023</h2>
<div class="body"><p>Theo kết quả Chỉ số chuyển đổi số cấp tỉnh năm 2023, tỉnh Lam Sơn đạt 0,4710 điểm, xếp thứ 31/63.</p>
<p>Tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 48,5%, cao hơn năm trước.</p>
<p>Tỉnh đang triển khai 126 nền tảng số phục vụ người dân và doanh nghiệp trên địa bàn.</p></div></div>
<div id="counter">Đang truy cập: 125 · Tổng lượt truy cập: 1.234.567</div>
<div id="footer">Bản quyền thuộc UBND tỉnh Lam Sơn. Cập nhật: 02/02/2025</div></body></html>"""


def test_a_news_page_keeps_its_text_and_its_own_metadata():
    a = from_bytes("hoa_mai.html", NEWS_SITE.encode("utf-8"))
    assert a.title == "Hoa Mai tăng 7 bậc về chuyển đổi số"
    assert a.date == "2024-07-26" and a.author == "Nguyễn Văn An" and a.source == "Báo Hoa Mai"
    assert a.url == "https://baohoamai.vn/hoa-mai-tang-7-bac-dti-2024.html"
    assert "xếp thứ 12/63" in a.text
    for furniture in ("tracking", "thứ 1/63", "thứ 2/63", "thứ 3/63", "Lam Sơn", "Đăng nhập", "color: red", "Bản quyền", "Thời sự"):
        assert furniture not in a.text


def test_a_portal_page_takes_its_headline_and_date_from_json_ld_not_the_footer():
    a = from_bytes("lam_son.htm", PORTAL.encode("utf-8"))
    assert a.title == "Lam Sơn công bố kết quả chuyển đổi số năm 2023"
    assert a.date == "2024-03-15" and a.date != "2025-02-02"
    assert "31/63" in a.text and "truy cập" not in a.text and "Đăng nhập" not in a.text


@pytest.mark.parametrize("data,why", [
    ("Chỉ là văn bản, không có thẻ nào.".encode("utf-8"), "not an HTML page"),
    (b"<html><head><script>var a = 1;</script></head><body><script>show()</script></body></html>", "no article text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
])
def test_a_page_that_is_no_article_is_refused_with_its_reason(data, why):
    with pytest.raises(ArticleError, match=why):
        from_bytes("x.html", data)


def test_questions_on_saved_pages_are_answered_with_their_citation(tmp_path_factory):
    qa = qa_of(tmp_path_factory, "html", {"hoa_mai.html": NEWS_SITE, "lam_son.htm": PORTAL})
    assert {a.doc_id for a in qa.articles} == {"hoa_mai.html", "lam_son.htm"}
    ans = qa.ask("Lam Sơn xếp thứ mấy về DTI năm 2023?")
    assert ans.found and ans.value == 31 and ans.citations[0].doc_id == "lam_son.htm"
    assert not any("tracking" in h.sentence for h in qa.search("Hoa Mai xếp thứ 1/63", k=10))
