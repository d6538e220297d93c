"""The page's HTML: every text escaped, highlights at the right offsets, links only to the web."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from dtiqa.answer import Answer, Citation
from dtiqa.article import Article
from dtiqa.facts import Fact
from dtiqa.hits import Hit
from dtiqa import render

ATTACKS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
]
TITLE = "Bình Phước trong top 10 tỉnh, thành dẫn đầu về chuyển đổi số"
URL = "https://baobinhphuoc.com.vn/news/502/135872/binh-phuoc"
SENTENCE = "Và chỉ số DTI năm 2021 vừa được công bố, Bình Phước đứng thứ 9/63 tỉnh, thành."


def visible_text(html: str) -> str:
    """What a browser shows: tags dropped, character references decoded."""
    import html as h

    return h.unescape(re.sub(r"<[^>]+>", "", html))


SAFE_TAGS = {"div", "p", "b", "strong", "mark", "br", "small", "span", "code", "a", "ol", "ul", "li", "blockquote",
             "details", "summary", "h4", "button", "svg", "line", "text", "polyline", "g", "title", "circle"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs


def no_live_markup(html: str) -> bool:
    """True when every element is one the renderer makes, with no event handler or script link."""
    parser = _Tags()
    parser.feed(html)
    return (set(parser.tags) <= SAFE_TAGS and not any(k.startswith("on") for k, _ in parser.attrs)
            and not any(k == "href" and not v.lower().startswith("http") for k, v in parser.attrs))


def citation(sentence: str = SENTENCE, start: int = 100, answer: str = "9/63", url: str = URL,
             title: str = TITLE) -> Citation:
    a0 = start + sentence.index(answer)
    return Citation("002.txt", title, url, sentence, start, start + len(sentence), a0, a0 + len(answer),
                    "baobinhphuoc.com.vn", "2022-08-11")


def hit(text: str = "Câu trước. " + SENTENCE + " Câu sau.", sentence: str = SENTENCE) -> Hit:
    s = text.index(sentence)
    return Hit("002.txt", TITLE, URL, "baobinhphuoc.com.vn", "", text, sentence, 500 + s, 500 + s + len(sentence),
               500, 500 + len(text), 3, 42, 1, 0.0325, 7.1234, 1, 0.8766, 2)


def answer(**kw) -> Answer:
    base = dict(question="Bình Phước xếp thứ mấy về DTI năm 2021?", found=True, text="9/63", value=9.0, unit="hạng",
                kind="rank", citations=[citation()], hits=[hit()],
                message=f"Bình Phước xếp thứ **9/63** về chỉ số chuyển đổi số (DTI) năm 2021.\nNguồn: bài “{TITLE}”")
    base.update(kw)
    return Answer(**base)


# ------------------------------------------------------------------ escaping
@pytest.mark.parametrize("attack", ATTACKS)
def test_esc_leaves_no_markup_and_shows_the_text(attack):
    out = render.esc(attack)
    assert "<" not in out and '"' not in out
    assert visible_text(out) == attack


@pytest.mark.parametrize("text", ["*đậm*", "_nghiêng_", "`mã`", "[liên kết](http://x)", "$x^2$", "{{v}}", "${value}",
                                  "a|b", "~~gạch~~", "# tiêu đề"])
def test_esc_makes_markdown_and_template_syntax_inert(text):
    out = render.esc(text)
    assert not re.search(r"[*_`\[\]$|~{}#]", out.replace("&#", ""))  # only character references remain
    assert visible_text(out) == text


@pytest.mark.parametrize("attack", ATTACKS)
def test_question_is_shown_as_typed(attack):
    q = f"Bình Phước {attack} xếp thứ mấy?"
    out = render.question_html(q)
    assert no_live_markup(out)
    assert visible_text(out) == q


@pytest.mark.parametrize("attack", ATTACKS)
def test_article_text_title_and_metadata_are_escaped(attack):
    a = Article("x.txt", f"Tiêu đề {attack}", f"Tiêu đề {attack}\nCâu một {attack}. Câu hai.",
                source=f"nguồn {attack}", url="https://a.vn/x", date="2024-01-02", author=f"Tác giả {attack}")
    start = a.text.index("Câu một")
    out = render.article_html(a, start, start + 10)
    assert no_live_markup(out)
    assert attack in visible_text(out)


def test_chat_reply_has_no_blank_line_so_markdown_leaves_it_alone():
    out = render.answer_html(answer(citations=[citation(sentence="Dòng một.\n\nDòng hai 9/63.")]))
    assert "\n" not in out
    assert out.startswith("<div") and out.endswith("</div>")


def test_answer_with_attack_in_every_field_stays_inert():
    attack = ATTACKS[1]
    c = citation(sentence=f"Bình Phước {attack} đứng thứ 9/63.", title=f"Bài {attack}")
    ans = answer(text=f"9/63 {attack}", citations=[c], message=f"**9/63** {attack}\nNguồn: bài “{attack}”",
                 hits=[hit(text=f"{attack} " + SENTENCE)])
    for html in (render.answer_html(ans), render.sources_html(ans)):
        assert no_live_markup(html)
        assert attack in visible_text(html)


# ------------------------------------------------------------------ highlighting at offsets
@pytest.mark.parametrize("text,start,end,marked", [
    ("Câu một. Câu hai. Câu ba.", 9, 17, "Câu hai."),
    ("Câu một. Câu hai.", 0, 8, "Câu một."),
    ("Câu một. Câu hai.", 9, 99, "Câu hai."),  # clipped to the text
    ("Hà Nội <đứng> thứ 1.", 7, 13, "<đứng>"),
])
def test_highlight_marks_exactly_the_span(text, start, end, marked):
    out = render.highlight(text, start, end)
    inner = re.search(r'<mark class="dtiqa-cited">(.*?)</mark>', out).group(1)
    assert visible_text(inner) == marked
    assert visible_text(out) == text


def test_highlight_of_empty_span_marks_nothing():
    assert "<mark" not in render.highlight("Câu một.", 3, 3)


def test_highlight_puts_the_answer_inside_the_sentence():
    text = "Trước. " + SENTENCE + " Sau."
    s = text.index(SENTENCE)
    a = text.index("9/63")
    out = render.highlight(text, s, s + len(SENTENCE), a, a + 4)
    assert re.search(r'<mark class="dtiqa-cited">Và chỉ số.*<strong class="dtiqa-answer-span">9/63</strong>'
                     r" tỉnh, thành\.</mark>", out)
    assert visible_text(out) == text


def test_highlight_turns_line_breaks_into_br():
    assert render.highlight("Dòng một\nDòng hai", 0, 3) == '<mark class="dtiqa-cited">Dòn</mark>g một<br>Dòng hai'


def test_evidence_highlights_the_answer_span_of_the_citation():
    out = render.evidence_html(citation())
    assert re.search(r'<mark class="dtiqa-cited">9/63</mark>', out)
    assert visible_text(out) == SENTENCE


def test_passage_marks_its_cited_sentence():
    out = render.passage_html(hit())
    assert visible_text(re.search(r"<mark[^>]*>(.*?)</mark>", out).group(1)) == SENTENCE
    assert visible_text(out).startswith("Câu trước.")


def test_article_view_marks_cited_sentence_and_answer():
    text = f"{TITLE}\nĐoạn đầu.\n{SENTENCE}\nĐoạn cuối."
    a = Article("002.txt", TITLE, text, source="baobinhphuoc.com.vn", url=URL)
    s = text.index(SENTENCE)
    out = render.article_html(a, s, s + len(SENTENCE), text.index("9/63"), text.index("9/63") + 4)
    assert visible_text(re.search(r"<mark[^>]*>(.*?)</mark>", out).group(1)) == SENTENCE
    assert '<strong class="dtiqa-answer-span">9/63</strong>' in out


# ------------------------------------------------------------------ links
@pytest.mark.parametrize("url,linked", [
    ("https://baobinhphuoc.com.vn/news/1", True),
    ("http://vov.vn/a?b=1&c=2", True),
    ("HTTPS://VOV.VN/", True),
    ("javascript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vov.vn/a", False),
    ("//evil.example/x", False),
    ('https://a.vn/" onmouseover="alert(1)', False),
    ("", False),
])
def test_source_is_a_link_only_for_http_urls(url, linked):
    out = render.source_html(TITLE, url, "VOV.VN", "2022-08-11")
    assert ("<a " in out) == linked
    assert no_live_markup(out)
    assert "VOV.VN" in out and "2022-08-11" in out and TITLE in visible_text(out)


def test_link_keeps_its_query_string_escaped():
    out = render.source_html("t", "http://vov.vn/a?b=1&c=2", "", "")
    assert 'href="http://vov.vn/a?b=1&amp;c=2"' in out


def test_source_without_url_shows_the_publisher_as_text():
    out = render.source_html(TITLE, "", "VOV.VN", "")
    assert "<a " not in out and "VOV.VN" in out


# ------------------------------------------------------------------ replies
def test_reply_leads_with_short_answer_then_evidence_then_citation():
    out = render.answer_html(answer())
    short, evidence, cite = (out.index('class="dtiqa-short"'), out.index('class="dtiqa-evidence"'),
                             out.index('class="dtiqa-cite"'))
    assert short < evidence < cite
    assert '<p class="dtiqa-short"><b>9/63</b></p>' in out
    assert 'href="https://baobinhphuoc.com.vn/news/502/135872/binh-phuoc"' in out
    assert TITLE in visible_text(out) and "2022-08-11" in out
    assert "Nguồn: bài" not in out  # the message's own source line is replaced by the rendered citation


def test_reply_keeps_notes_after_the_source_line():
    ans = answer(message="Bình Phước xếp thứ **9/63**.\nNguồn: bài “x”\nLưu ý: nay thuộc tỉnh Đồng Nai.")
    assert "Lưu ý: nay thuộc tỉnh Đồng Nai." in visible_text(render.answer_html(ans))


@pytest.mark.parametrize("text,unit,lead", [("9/63", "hạng", "9/63"), ("4", "bậc", "4 bậc"), ("8", "hạng", "thứ 8"),
                                            ("68,72%", "%", "68,72%"), ("2.255 tổ", "tổ", "2.255 tổ")])
def test_short_answer_says_a_bare_number_with_its_unit(text, unit, lead):
    assert render.short_answer(answer(text=text, unit=unit)) == lead


@pytest.mark.parametrize("value, lead", [(4.0, "tăng 4 bậc"), (-2.0, "giảm 2 bậc")])
def test_short_answer_says_which_way_a_rank_changed(value, lead):
    assert render.short_answer(answer(text=lead.split()[1], unit="bậc", kind="rank_change", value=value)) == lead


def test_not_found_reply_says_so_and_lists_closest_passages():
    hits = [hit(), hit(text="Một câu khác. " + SENTENCE), hit(text=SENTENCE + " Hết."), hit()]
    ans = answer(found=False, text="", citations=[], hits=hits,
                 message="Không tìm thấy câu trả lời trong kho bài viết: không có bài viết nào nêu thứ hạng.")
    out = render.answer_html(ans)
    assert "Không tìm thấy câu trả lời" in out
    assert "dtiqa-short" not in out
    closest = re.search(r'<ol class="dtiqa-closest">(.*)</ol>', out).group(1)
    assert closest.count("<li>") == render.N_CLOSEST
    assert "<mark" in closest and TITLE in visible_text(closest)


def test_not_found_without_message_still_says_not_found():
    out = render.answer_html(answer(found=False, text="", citations=[], hits=[], message=""))
    assert "Không tìm thấy" in out


def test_error_reply_is_escaped():
    out = render.error_html("question is empty <b>")
    assert "&lt;b&gt;" in out


# ------------------------------------------------------------------ sources panel
def test_sources_panel_lists_citations_then_passages_with_all_scores():
    out = render.sources_html(answer())
    assert out.index("Câu trích dẫn") < out.index("Các đoạn tìm được")
    assert "hợp nhất 0.0325" in out and "BM25 7.12 (#1)" in out and "ngữ nghĩa 0.877 (#2)" in out
    assert out.count("Xem bài gốc") == 2
    assert 'data-doc="002.txt" data-start="100"' in out


def test_sources_panel_shows_a_missing_retriever_as_a_dash():
    h = hit()
    h = Hit(**{**h.to_dict(), "bm25_score": None, "bm25_rank": None})
    assert "BM25 —" in render.scores_html(h)


def test_empty_sources_panel_says_where_sources_will_appear():
    assert "dtiqa-empty" in render.sources_html()


# ------------------------------------------------------------------ chart and tables
def fact(year, value, kind="rank", computed=False, pillar="", doc="002.txt", text=None, target=False):
    return Fact("Bình Phước", year, "dti", pillar, kind, float(value), text or f"{value}/63", 63.0, doc, 1,
                10, 60, 40, 44, f"Bình Phước đứng thứ {value}/63 năm {year}.", computed=computed, target=target)


def test_rank_series_keeps_one_stated_rank_a_year_in_order():
    facts = [fact(2021, 9), fact(2020, 25, computed=True), fact(2021, 9), fact(2021, 8), fact(2020, 24),
             fact(2021, 14, pillar="kinh tế số"), fact(2021, 16, kind="rank_change"), fact(2025, 5, target=True),
             fact(None, 3)]
    series = render.rank_series(facts)
    assert [(f.year, f.value, f.computed) for f in series] == [(2020, 24.0, False), (2021, 9.0, False)]


def test_rank_series_prefers_a_rank_stated_out_of_the_total():
    bare = Fact("Hoa Mai", 2023, "dti", "", "rank", 7.0, "7", None, "h.txt", 0, 0, 10, 5, 6, "Thứ 7.")
    assert render.rank_series([bare, fact(2023, 7)])[0].text == "7/63"


def test_rank_series_falls_back_to_computed_ranks():
    assert [f.value for f in render.rank_series([fact(2020, 25, computed=True)])] == [25.0]


def test_rank_chart_puts_rank_one_on_top_and_cites_each_point():
    points = [fact(2020, 25, computed=True), fact(2021, 9)]
    out = render.rank_chart_html("Bình Phước", points, {"002.txt": f"Bài {ATTACKS[0]}"})
    assert no_live_markup(out)
    cy = [float(v) for v in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', out)]
    assert cy[1] < cy[0]  # rank 9 drawn above rank 25: the axis is inverted
    cx = [float(v) for v in re.findall(r'<circle cx="([\d.]+)"', out)]
    assert cx[0] < cx[1]  # 2020 left of 2021
    titles = re.findall(r"<title>(.*?)</title>", out)
    assert len(titles) == 2 and all(ATTACKS[0] in visible_text(t) for t in titles)
    assert "tính từ" in visible_text(titles[0])
    assert out.count('data-doc="002.txt"') == 4  # each point and its note open the article


def test_rank_chart_without_points_says_so():
    out = render.rank_chart_html("Hoa Mai", [], {})
    assert "chưa nêu" in out and "<svg" not in out


def test_facts_rows_and_csv_round_trip():
    rows = render.facts_rows([fact(2021, 9), fact(2020, 25, computed=True)], {"002.txt": "Bài, có \"ngoặc\""})
    assert rows[0][:6] == ["Bình Phước", 2020, "DTI", "tổng thể", "thứ hạng", 25]
    assert rows[0][-2] == "có" and rows[1][-2] == ""
    back = list(csv.reader(io.StringIO(render.to_csv(render.FACT_HEADERS, rows))))
    assert back[0] == render.FACT_HEADERS
    assert back[2][8] == "Bài, có \"ngoặc\""
    assert len(back) == 3


def test_articles_rows_count_sentences():
    a = Article("b.txt", "Bài B", "Bài B\nx", source="VOV.VN", date="2022-01-01")
    b = Article("a.txt", "Bài A", "Bài A\nx", url="https://a.vn/x")
    rows = render.articles_rows([a, b], {"a.txt": 3, "b.txt": 5})
    assert rows == [["Bài A", "https://a.vn/x", "không rõ ngày", 3, "a.txt"], ["Bài B", "VOV.VN", "2022-01-01", 5, "b.txt"]]


# ------------------------------------------------------------------ uploads
@pytest.mark.parametrize("reason,vi", [
    ("x.txt: binary file, not a text article", "tệp nhị phân"),
    ("x.txt: empty file", "tệp rỗng"),
    ("x.txt: not UTF-8 (byte 3); save the article as UTF-8 text", "không phải văn bản UTF-8"),
    ("x.doc: only .txt, PDF reports (.pdf) and saved web pages (.html, .htm) can be added", "chỉ nhận tệp văn bản .txt"),
    ("x.html: not an HTML page (no markup): save it as .txt", "tệp .html không phải trang web"),
    ("x.html: no article text found in the page", "không còn nội dung bài viết"),
    ("x.txt: 6000000 bytes is over the 5000000-byte limit for one article", "tệp quá lớn"),
])
def test_upload_refusals_are_explained_in_vietnamese(reason, vi):
    assert render.upload_reason_vi(reason).startswith(vi)


def test_upload_report_lists_added_and_refused_files_escaped():
    out = render.upload_report_html(["hoa_mai.txt"], {"<img src=x onerror=1>.txt": "x: empty file"})
    assert "hoa_mai" in visible_text(out) and "Không nhận 1 tệp" in out
    assert no_live_markup(out)


def test_facts_rows_group_by_the_2025_unit():
    a = replace(fact(2021, 9), province="Bình Phước", unit_2025="Đồng Nai")
    b = replace(fact(2021, 12), province="Vĩnh Phúc", unit_2025="Phú Thọ")
    c = replace(fact(2021, 20), province="Đồng Nai", unit_2025="Đồng Nai")
    assert [r[0] for r in render.facts_rows([a, b, c], {})] == ["Bình Phước", "Vĩnh Phúc", "Đồng Nai"]
    grouped = render.facts_rows([a, b, c], {}, by_unit=True)
    assert [r[-1] for r in grouped] == ["Đồng Nai", "Đồng Nai", "Phú Thọ"]


def test_a_checked_claim_leads_with_its_verdict():
    ans = Answer("Bình Phước đứng thứ 5 năm 2021 đúng không?", True, "9/63", 9.0, "hạng", "rank", [], [],
                 "**Sai:** bài viết ghi **9/63**, không phải 5.", verdict="sai")
    assert render.short_answer(ans) == "Sai — 9/63"
    assert '<p class="dtiqa-short"><b>Sai — 9/63</b></p>' in render.answer_html(ans)


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd"])
def test_csv_cells_that_would_run_as_formulas_are_shown_as_text(cell):
    out = render.to_csv(["tỉnh", "câu"], [["Hà Nam", cell], ["Sao Mai", 7]])
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][1] == "'" + cell and rows[2] == ["Sao Mai", "7"]


def test_a_citation_of_a_pdf_report_names_its_page_and_line():
    from dtiqa.answer import Citation

    c = Citation("r.pdf", "Báo cáo DTI 2022", "", "40 | Phú Yên | 0,5000", 10, 30, 10, 12, page=2, line=7)
    assert "trang 2, dòng 7" in visible_text(render.cited_source_html(c))
    assert "trang" not in visible_text(render.cited_source_html(Citation("a.txt", "Bài", "", "x", 0, 1, 0, 1)))


# ------------------------------------------------------------------ plain text: copies, citation markers, links, export
def plain_of(html: str) -> list[str]:
    """The plain texts a "copy" button takes, as the browser's textContent gives them."""
    import html as h

    return [h.unescape(x) for x in re.findall(r'<span class="dtiqa-plain">(.*?)</span>', html)]


def three_citations() -> Answer:
    sentences = [SENTENCE, "Năm 2021, Bình Phước xếp thứ 9/63 về DTI.", "Bình Phước đạt hạng 9/63 trong năm 2021."]
    return answer(citations=[citation(sentence=s, start=100 * i) for i, s in enumerate(sentences, 1)])


def test_citation_text_is_the_answer_the_quoted_sentence_and_its_source():
    assert render.citation_text(answer(), 0).splitlines() == [
        "Bình Phước xếp thứ 9/63 về chỉ số chuyển đổi số (DTI) năm 2021.", f"“{SENTENCE}”",
        f"Nguồn: “{TITLE}”, baobinhphuoc.com.vn, 2022-08-11, {URL}"]


@pytest.mark.parametrize("url, source, expected", [
    ("", "", "Nguồn: “T”, không rõ ngày"),
    ("https://tin.example.vn/a?b=1", "", "Nguồn: “T”, tin.example.vn, không rõ ngày, https://tin.example.vn/a?b=1"),
    ("javascript:alert(1)", "VOV.VN", "Nguồn: “T”, VOV.VN, không rõ ngày"),
])
def test_source_text_gives_site_date_and_only_a_web_address(url, source, expected):
    assert render.source_text("T", url, source, "") == expected


def test_a_pdf_citation_gives_its_page_and_line():
    c = replace(citation(), page=3, line=12)
    assert ", trang 3, dòng 12, 2022-08-11," in render.cited_source_text(c)


def test_reply_markers_match_the_numbered_sources_panel():
    ans = three_citations()
    reply, panel = render.answer_html(ans), render.sources_html(ans)
    in_reply = re.findall(r'<span class="dtiqa-marker">\[(\d)\]</span> (.*?)(?:</blockquote>|<br>)', reply)
    in_panel = re.findall(r'<div><span class="dtiqa-marker">\[(\d)\]</span> (.*?)</div>', panel)
    assert [n for n, _ in in_reply] == ["1", "2", "3"] and in_reply == in_panel
    plain = plain_of(reply)[0]
    assert [line[:3] for line in plain.splitlines() if line.startswith("[")] == ["[1]", "[2]", "[3]"]


def test_each_cited_source_copies_its_own_citation():
    ans = three_citations()
    copies = plain_of(render.sources_html(ans))
    assert copies == [render.citation_text(ans, i) for i in range(3)]
    assert render.sources_html(ans).count("Sao chép trích dẫn") == 3


@pytest.mark.parametrize("attack", ATTACKS)
def test_plain_copies_stay_inert_and_give_the_text_back(attack):
    c = citation(sentence=f"Bình Phước {attack} đứng thứ 9/63.", title=f"Bài {attack}")
    ans = answer(citations=[c], message=f"**9/63** {attack}\nNguồn: bài “{attack}”")
    for html in (render.answer_html(ans), render.sources_html(ans)):
        assert no_live_markup(html) and "\n" not in html
    assert plain_of(render.answer_html(ans)) == [render.reply_text(ans)]
    assert attack in render.reply_text(ans) and "**" not in render.reply_text(ans)


def test_share_link_reopens_the_questions_and_stays_on_the_page():
    from urllib.parse import parse_qs

    questions = ["Bình Phước & Thái Nguyên?", f"Còn {ATTACKS[0]}?"]
    link = render.share_query(questions)
    assert link.startswith("?") and parse_qs(link[1:])["q"] == questions
    out = render.answer_html(answer(), link)
    href = re.search(r'class="dtiqa-share" href="([^"]*)"', out).group(1)
    import html

    assert html.unescape(href) == link and "<" not in href
    assert "dtiqa-share" not in render.answer_html(answer(), "javascript:alert(1)")
    assert render.share_query([" "]) == ""


def test_not_found_copy_lists_the_closest_passages():
    ans = answer(found=False, text="", citations=[], hits=[hit()] * 4, message="Không tìm thấy câu trả lời.")
    lines = render.reply_text(ans).splitlines()
    assert lines[0] == "Không tìm thấy câu trả lời." and lines.count(f"- “{SENTENCE}”") == render.N_CLOSEST
    assert f"  Nguồn: “{TITLE}”, baobinhphuoc.com.vn, không rõ ngày, {URL}" in lines


def test_markdown_export_escapes_syntax_and_links_the_source():
    ans = answer(citations=[citation(sentence="Bình Phước *đứng* thứ 9/63 [tạm].", title="Bài #1 | x")])
    text = render.conversation_markdown([render.turn_markdown(1, "Bình Phước `xếp` thứ mấy?", ans)])
    assert text.startswith("# ") and "## 1. Bình Phước \\`xếp\\` thứ mấy?" in text
    assert "> [1] “Bình Phước \\*đứng\\* thứ 9/63 \\[tạm\\].”" in text
    assert f"> Nguồn: “Bài \\#1 \\| x”, baobinhphuoc.com.vn, 2022-08-11, <{URL}>" in text
    assert "Chưa có câu hỏi" in render.conversation_markdown([])
