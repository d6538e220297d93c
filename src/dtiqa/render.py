"""HTML for the chat page: answers, evidence, sources, articles, rank charts and tables.

Every text that comes from an article, a file or a user goes through `esc`, which
escapes HTML and also the characters Markdown and LaTeX act on, so a reply shown
by the chat's Markdown renderer prints them as typed. Chat replies are one
`<div>` with no blank line inside: Markdown leaves such an HTML block alone.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from html import escape
from urllib.parse import urlencode, urlsplit

from .answer import Answer, Citation
from .article import Article
from .facts import Fact
from .hits import Hit
from .text import fold

# Characters that Markdown (emphasis, code, links, tables, strikethrough) or LaTeX ($) act on,
# written as character references: the browser shows the character, no renderer sees syntax.
_INERT = {c: f"&#{ord(c)};" for c in "*_`[]\\$~|#!{}"}
_INERT_RE = re.compile("[" + re.escape("".join(_INERT)) + "]")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
N_CLOSEST = 3  # passages listed in a "not found" reply
N_EXTRA_CITATIONS = 3  # further supporting sentences listed under the main one

NO_DATE = "không rõ ngày"  # an article whose page gave no publication date

SHORT_FORMAT = {"bậc": "{} bậc", "hạng": "thứ {}"}  # a bare number's unit, as a reply's lead says it
KIND_VI = {"rank": "thứ hạng", "rank_change": "thay đổi bậc", "top": "nhóm dẫn đầu"}
RANKING_VI = {"dti": "DTI", "ict": "Vietnam ICT Index", "other": "khác"}

# What an upload refusal means, in Vietnamese, keyed by a piece of the library's reason (article.py, qa.py).
UPLOAD_REASONS = [
    ("only .txt", "chỉ nhận tệp văn bản .txt, báo cáo PDF hoặc trang web đã lưu (.html, .htm)"),
    ("encrypted PDF", "tệp PDF có mật khẩu — hãy lưu bản không khóa"),
    ("no text in the PDF", "PDF chỉ có ảnh (bản quét), không có chữ để đọc"),
    ("not a PDF file", "tệp .pdf không phải PDF"),
    ("not a readable PDF", "tệp PDF bị hỏng hoặc không đọc được"),
    ("not an HTML page", "tệp .html không phải trang web — hãy lưu dưới dạng .txt"),
    ("empty file", "tệp rỗng"),
    ("binary file", "tệp nhị phân, không phải bài viết dạng văn bản"),
    ("not UTF-8", "không phải văn bản UTF-8 — hãy lưu bài dưới dạng UTF-8"),
    ("not valid UTF-16", "mã hóa UTF-16 bị hỏng — hãy lưu bài dưới dạng UTF-8"),
    ("limit", "tệp quá lớn"),
    ("no article text", "không còn nội dung bài viết sau khi bỏ các phần thừa của trang"),
]


def esc(text: object) -> str:
    """`text` as inert HTML: tags, quotes and Markdown/LaTeX syntax characters escaped."""
    return _INERT_RE.sub(lambda m: _INERT[m.group(0)], escape(str(text), quote=True))


def is_web_url(url: str) -> bool:
    """Whether `url` may become a link: http(s) only, never javascript: or data:."""
    return bool(re.match(r"https?://[^\s\"'<>]+$", (url or "").strip(), re.IGNORECASE))


def bold_markdown(text: str) -> str:
    """Escaped `text` with the library's **bold** markup turned into <b>."""
    parts = _BOLD.split(text)  # odd items were inside ** **
    return "".join(f"<b>{esc(p)}</b>" if i % 2 else esc(p) for i, p in enumerate(parts))


def highlight(text: str, start: int, end: int, answer_start: int | None = None,
              answer_end: int | None = None) -> str:
    """Escaped `text` with [start, end) in <mark> and the answer span inside it in <strong>.

    Offsets index `text`; spans out of range are clipped, an empty one is not marked.
    Line breaks become <br>.
    """
    n = len(text)
    s, e = max(0, min(start, n)), max(0, min(end, n))
    if e <= s:
        return _lines(text)
    a0, a1 = answer_start, answer_end
    inner = _lines(text[s:e])
    if a0 is not None and a1 is not None:
        a0, a1 = max(s, min(a0, e)), max(s, min(a1, e))
        if a1 > a0 and not (a0 == s and a1 == e):
            inner = (f"{_lines(text[s:a0])}<strong class=\"dtiqa-answer-span\">{_lines(text[a0:a1])}</strong>"
                     f"{_lines(text[a1:e])}")
    return f'{_lines(text[:s])}<mark class="dtiqa-cited">{inner}</mark>{_lines(text[e:])}'


def _lines(text: str) -> str:
    return esc(text).replace("\n", "<br>")


def _data_attrs(doc_id: str, start: int, end: int, answer_start: int | None = None,
                answer_end: int | None = None) -> str:
    """Attributes the page's click handler reads to open an article at a sentence."""
    a0 = start if answer_start is None else answer_start
    a1 = start if answer_end is None else answer_end
    return (f'data-doc="{esc(doc_id)}" data-start="{int(start)}" data-end="{int(end)}" '
            f'data-as="{int(a0)}" data-ae="{int(a1)}"')


# ------------------------------------------------------------------ citations and answers
def source_html(title: str, url: str = "", source: str = "", date: str = "") -> str:
    """Title, source (a link only when the URL is http(s)) and date of an article."""
    parts = [f'<span class="dtiqa-title">“{esc(title)}”</span>']
    if is_web_url(url):
        parts.append(f'<a href="{esc(url.strip())}" target="_blank" rel="noopener noreferrer nofollow">'
                     f"{esc(source or url.strip())}</a>")
    elif source:
        parts.append(esc(source))
    parts.append(esc(date or NO_DATE))
    return " · ".join(parts)


def cited_source_html(c: Citation) -> str:
    """A citation's article, and for a PDF report the page and line it stands on."""
    where = f" · trang {c.page}, dòng {c.line}" if c.page else ""
    return source_html(c.title, c.url, c.source, c.date) + esc(where)


def evidence_html(c: Citation) -> str:
    """The cited sentence with the answer's span highlighted."""
    n = len(c.sentence)
    a0, a1 = c.answer_start - c.start, c.answer_end - c.start
    if 0 <= a0 < a1 <= n:
        return highlight(c.sentence, a0, a1)
    return f'<mark class="dtiqa-cited">{_lines(c.sentence)}</mark>'


def question_html(question: str) -> str:
    """A user's question for the chat, shown exactly as typed."""
    return f'<div class="dtiqa-question">{_lines(question)}</div>'


def short_answer(ans: Answer) -> str:
    """The answer as the reply's lead: the text as the article states it, a bare number with its unit.

    A checked claim leads with its verdict: "Sai — 9/63".
    """
    text = ans.text.strip()
    if (re.fullmatch(r"[\d.,]+", text) and ans.kind == "rank_change" and ans.unit == "bậc" and ans.value
            and ans.comparison is None):  # a change says which way: "tăng 4 bậc"
        text = f"{'giảm' if ans.value < 0 else 'tăng'} {text} bậc"
    elif re.fullmatch(r"[\d.,]+", text) and ans.unit in SHORT_FORMAT:
        text = SHORT_FORMAT[ans.unit].format(text)
    if ans.verdict:
        return f"{ans.verdict[:1].upper()}{ans.verdict[1:]} — {text}" if text else ans.verdict.capitalize()
    return text


def answer_html(ans: Answer, link: str = "") -> str:
    """A chat reply: the short answer in bold, the evidence sentences numbered as in the sources panel ([1], [2],
    ...), the citation, and a "copy" button for the reply as plain text (`reply_text`). `link` (`share_query`)
    adds a link that reopens the question.

    A "not found" reply says so and lists the closest passages.
    """
    # The message's "Nguồn: ..." line is shown as the evidence and citation below; its other lines stay.
    lines = [x.strip() for x in ans.message.splitlines() if x.strip() and not x.strip().startswith("Nguồn:")]
    if not ans.found:
        lines = lines or ["Không tìm thấy câu trả lời trong kho bài viết."]
        out = [f'<p class="dtiqa-notfound">{bold_markdown(x)}</p>' for x in lines]
        if ans.hits:
            items = "".join(f"<li>{passage_html(h)}<br><small>{source_html(h.title, h.url, h.source, h.date)}"
                            f"</small></li>" for h in ans.hits[:N_CLOSEST])
            out.append(f'<p>Các đoạn gần nhất:</p><ol class="dtiqa-closest">{items}</ol>')
        out.append(_actions(reply_text(ans), link))
        return _reply(out, "dtiqa-reply dtiqa-reply-notfound")
    short = short_answer(ans)
    out = [f'<p class="dtiqa-short"><b>{esc(short)}</b></p>']
    out += [f"<p>{bold_markdown(x)}</p>" for x in lines if _BOLD.sub(r"\1", x).strip(" .") != short]
    if ans.citations:
        c = ans.citations[0]
        out.append(f'<blockquote class="dtiqa-evidence">{marker_html(1)}{evidence_html(c)}</blockquote>')
        out.append(f'<p class="dtiqa-cite">Nguồn: {cited_source_html(c)}</p>')
        more = ans.citations[1:1 + N_EXTRA_CITATIONS]
        if more:
            items = "".join(f"<li>{marker_html(i)}{evidence_html(x)}<br><small>"
                            f"{source_html(x.title, x.url, x.source, x.date)}</small></li>"
                            for i, x in enumerate(more, 2))
            out.append(f'<details class="dtiqa-more"><summary>Các câu khác cùng nêu ({len(more)})</summary>'
                       f"<ul>{items}</ul></details>")
    out.append(_actions(reply_text(ans), link))
    return _reply(out, "dtiqa-reply")


def marker_html(n: int) -> str:
    """A citation's number, the same in the reply and in the sources panel."""
    return f'<span class="dtiqa-marker">[{int(n)}]</span> '


def _plain_html(text: str) -> str:
    """Plain text kept (hidden) beside its "copy" button; line breaks as character references, so the chat's
    Markdown sees one line and the browser's textContent gives them back."""
    return f'<span class="dtiqa-plain">{esc(text).replace(chr(10), "&#10;")}</span>'


def _actions(text: str, link: str = "") -> str:
    share = (f' <a class="dtiqa-share" href="{esc(link)}" title="Mở lại câu hỏi này trên trang">Liên kết câu hỏi</a>'
             if link.startswith("?") else "")
    return (f'<p class="dtiqa-actions"><button type="button" class="dtiqa-copy" title="Chép câu trả lời và nguồn dạng '
            f'văn bản thường">Sao chép</button>{share}</p>{_plain_html(text)}')


def error_html(message: str) -> str:
    """A reply for a question that cannot be asked (empty, unreadable)."""
    return _reply([f'<p class="dtiqa-error">{esc(message)}</p>'], "dtiqa-reply dtiqa-reply-error")


def _reply(parts: list[str], cls: str) -> str:
    # No newline inside: a blank line would end the HTML block and hand the rest to Markdown.
    return f'<div class="{cls}">' + "".join(parts) + "</div>"


# ------------------------------------------------------------------ plain text: copies, citations, export
def source_text(title: str, url: str = "", source: str = "", date: str = "", page: int | None = None,
                line: int | None = None) -> str:
    """"Nguồn: “title”, site, date, URL": the site is the publisher (else the URL's host), the date "không rõ ngày"
    when the article gives none, the URL only when it is http(s); a PDF report's page and line after the site."""
    url = (url or "").strip()
    web = is_web_url(url)
    parts = [f"“{title}”"]
    site = source or (urlsplit(url).hostname or "" if web else "")
    if site:
        parts.append(site)
    if page:
        parts.append(f"trang {page}, dòng {line}")
    parts.append(date or NO_DATE)
    if web:
        parts.append(url)
    return "Nguồn: " + ", ".join(parts)


def cited_source_text(c: Citation) -> str:
    return source_text(c.title, c.url, c.source, c.date, c.page, c.line)


def quoted(sentence: str) -> str:
    """A sentence in quotation marks, on one line."""
    return f"“{' '.join(sentence.split())}”"


def answer_lines(ans: Answer) -> list[str]:
    """The reply's own sentences as plain text: the answer, then its notes; sources are given apart."""
    lines = [_BOLD.sub(r"\1", x).strip() for x in ans.message.splitlines()
             if x.strip() and not x.strip().startswith("Nguồn:")]
    if not lines:
        lines = [short_answer(ans)] if ans.found else ["Không tìm thấy câu trả lời trong kho bài viết."]
    return lines


def citation_text(ans: Answer, i: int) -> str:
    """One citation to paste: the answer, the quoted sentence (citation `i`, from 0), its source."""
    c = ans.citations[i]
    return "\n".join([answer_lines(ans)[0], quoted(c.sentence), cited_source_text(c)])


def reply_text(ans: Answer) -> str:
    """A reply as plain text: the answer and its notes, then each cited sentence with its number and source
    (for "not found", the closest passages)."""
    out = answer_lines(ans)
    for i, c in enumerate(ans.citations[:1 + N_EXTRA_CITATIONS], 1):
        out += [f"[{i}] {quoted(c.sentence)}", cited_source_text(c)]
    if not ans.found and not ans.citations and ans.hits:
        out.append("Các đoạn gần nhất:")
        for h in ans.hits[:N_CLOSEST]:
            out += [f"- {quoted(h.sentence)}", f"  {source_text(h.title, h.url, h.source, h.date)}"]
    return "\n".join(out)


def share_query(questions: list[str]) -> str:
    """The page's address part that reopens a conversation: "?q=…" once per question, in order."""
    return "?" + urlencode([("q", q) for q in questions if q.strip()]) if any(q.strip() for q in questions) else ""


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")


def md(text: str) -> str:
    """`text` for Markdown, shown as written: its syntax characters backslash-escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def turn_markdown(n: int, question: str, ans: Answer) -> str:
    """Turn `n` of an exported conversation: the question, the reply, its numbered citations with their sources."""
    out = [f"## {n}. {md(question)}", ""]
    lead = short_answer(ans)
    if ans.found and lead:
        out += [f"**{md(lead)}**", ""]
    out += [f"{md(x)}  " for x in answer_lines(ans)]
    cited = ans.citations[:1 + N_EXTRA_CITATIONS]
    if cited:
        out.append("")
    for i, c in enumerate(cited, 1):
        out += [f"> [{i}] {md(quoted(c.sentence))}  ", f"> {_md_source(c)}", ""]
    return "\n".join(out).rstrip() + "\n"


def _md_source(c: Citation) -> str:
    """A citation's source line for Markdown, its URL as a link (written as is)."""
    text, url = cited_source_text(c), (c.url or "").strip()
    if is_web_url(url) and text.endswith(url):
        return f"{md(text[:-len(url)])} <{url}>"
    return md(text)


def conversation_markdown(turns: list[str]) -> str:
    """An exported conversation: a heading, then its turns (`turn_markdown`)."""
    head = "# dtiqa — hội thoại về Chỉ số chuyển đổi số (DTI)\n"
    return "\n".join([head] + turns) if turns else head + "\n_Chưa có câu hỏi nào._\n"


# ------------------------------------------------------------------ sources panel
def passage_html(hit: Hit) -> str:
    """The passage with its cited sentence in <mark>."""
    return highlight(hit.text, hit.start - hit.passage_start, hit.end - hit.passage_start)


def scores_html(hit: Hit) -> str:
    """Fused, BM25 and dense scores with each retriever's rank."""
    parts = [f"hợp nhất {hit.score:.4f}"]
    parts.append(f"BM25 {hit.bm25_score:.2f} (#{hit.bm25_rank})" if hit.bm25_score is not None else "BM25 —")
    parts.append(f"ngữ nghĩa {hit.dense_score:.3f} (#{hit.dense_rank})" if hit.dense_score is not None
                 else "ngữ nghĩa —")
    return " · ".join(parts)


def sources_html(ans: Answer | None = None, hits: list[Hit] | None = None) -> str:
    """The sources panel: the cited sentences, then the ranked passages with their scores.

    Every item carries data-* attributes so a click opens the article at that sentence.
    """
    if ans is None and not hits:
        return '<p class="dtiqa-empty">Các đoạn nguồn của câu trả lời sẽ hiện ở đây.</p>'
    hits = list(ans.hits if ans is not None else hits or [])
    out = []
    if ans is not None and ans.citations:
        items = "".join(
            f'<li class="dtiqa-source dtiqa-cited-source" '
            f'{_data_attrs(c.doc_id, c.start, c.end, c.answer_start, c.answer_end)}>'
            f"<div>{marker_html(i)}{evidence_html(c)}</div><small>{cited_source_html(c)}</small> "
            f'<button type="button" class="dtiqa-open">Xem bài gốc</button> '
            f'<button type="button" class="dtiqa-copy" title="Chép câu trả lời, câu trích dẫn và nguồn">Sao chép trích '
            f"dẫn</button>{_plain_html(citation_text(ans, i - 1))}</li>"
            for i, c in enumerate(ans.citations, 1))
        out.append(f'<h4>Câu trích dẫn</h4><ul class="dtiqa-sources dtiqa-numbered">{items}</ul>')
    if hits:
        items = "".join(
            f'<li class="dtiqa-source dtiqa-hit" {_data_attrs(h.doc_id, h.start, h.end)}>'
            f"<div>{passage_html(h)}</div><small>{source_html(h.title, h.url, h.source, h.date)}<br>"
            f'<span class="dtiqa-scores">{scores_html(h)}</span></small> '
            f'<button type="button" class="dtiqa-open">Xem bài gốc</button></li>'
            for h in hits)
        out.append(f'<h4>Các đoạn tìm được (xếp theo điểm hợp nhất)</h4><ol class="dtiqa-sources">{items}</ol>')
    return "".join(out) or '<p class="dtiqa-empty">Không có đoạn nguồn nào.</p>'


def article_html(article: Article, start: int | None = None, end: int | None = None,
                 answer_start: int | None = None, answer_end: int | None = None) -> str:
    """The cleaned article, its metadata, and the cited sentence highlighted (offsets in `article.text`)."""
    meta = source_html(article.title, article.url, article.source, article.date)
    if article.author:
        meta += f" · {esc(article.author)}"
    if start is None or end is None:
        body = _lines(article.text)
    else:
        body = highlight(article.text, start, end, answer_start, answer_end)
    return (f'<div class="dtiqa-article"><p class="dtiqa-article-meta">{meta} · <code>{esc(article.doc_id)}</code>'
            f'</p><div class="dtiqa-article-text">{body}</div></div>')


def article_placeholder() -> str:
    return '<p class="dtiqa-empty">Bấm vào một đoạn nguồn (hoặc “Xem bài gốc”) để đọc bài viết.</p>'


# ------------------------------------------------------------------ rank chart
def rank_series(facts: list[Fact], ranking: str = "dti", pillar: str = "") -> list[Fact]:
    """One rank a year for a province's chart: stated ranks before computed ones, the most cited value first."""
    by_year: dict[int, list[Fact]] = {}
    for f in facts:
        if f.kind == "rank" and f.ranking == ranking and f.pillar == pillar and not f.target and f.year:
            by_year.setdefault(f.year, []).append(f)
    series = []
    for year in sorted(by_year):
        pool = [f for f in by_year[year] if not f.computed] or by_year[year]
        votes = Counter(f.value for f in pool)
        top = [f for f in pool if votes[f.value] == max(votes.values())]
        series.append(next((f for f in top if f.out_of), top[0]))  # "7/63" tells more than "7"
    return series


def rank_chart_html(province: str, points: list[Fact], titles: dict[str, str], ranking: str = "dti",
                    pillar: str = "") -> str:
    """An SVG line chart of a province's rank by year; rank 1 at the top, each point citing its article."""
    what = f"về {pillar}" if pillar else RANKING_VI.get(ranking, ranking)
    heading = f"Thứ hạng {esc(what)} của {esc(province)} qua các năm"
    if not points:
        return (f'<div class="dtiqa-chart"><p><b>{heading}</b></p><p class="dtiqa-empty">Kho bài viết chưa nêu '
                f"thứ hạng nào theo năm của {esc(province)}.</p></div>")
    w, h, left, right, top, bottom, inset = 520, 240, 48, 24, 28, 36, 28  # inset: points clear of the axes
    worst = int(max([63.0] + [p.value for p in points] + [p.out_of or 0 for p in points]))
    years = [p.year for p in points]
    y0, y1 = min(years), max(years)

    def x(year: int) -> float:
        span = w - left - right - 2 * inset
        return left + inset + (span / 2 if y0 == y1 else (year - y0) * span / (y1 - y0))

    def y(rank: float) -> float:  # inverted: rank 1 at the top
        return top + (rank - 1) * (h - top - bottom) / max(worst - 1, 1)

    svg = [f'<svg class="dtiqa-rank-chart" viewBox="0 0 {w} {h}" width="100%" role="img" '
           f'aria-label="{heading}" xmlns="http://www.w3.org/2000/svg">']
    for r in sorted({1, 10, 20, 30, 40, 50, worst}):
        svg.append(f'<line x1="{left}" x2="{w - right}" y1="{y(r):.1f}" y2="{y(r):.1f}" class="dtiqa-grid"/>'
                   f'<text x="{left - 6}" y="{y(r) + 4:.1f}" text-anchor="end" class="dtiqa-tick">{r}</text>')
    for yr in range(y0, y1 + 1):
        svg.append(f'<text x="{x(yr):.1f}" y="{h - bottom + 18}" text-anchor="middle" class="dtiqa-tick">{yr}</text>')
    svg.append(f'<text x="12" y="{top - 12}" class="dtiqa-axis">Hạng (1 = cao nhất)</text>')
    svg.append('<polyline class="dtiqa-line" points="'
               + " ".join(f"{x(p.year):.1f},{y(p.value):.1f}" for p in points) + '"/>')
    notes = []
    for p in points:
        title = titles.get(p.doc_id, p.doc_id)
        label = _rank_label(p)
        tip = f"{p.year}: hạng {label} — bài “{title}”: “{p.sentence}”"
        if p.computed:
            tip += " (tính từ thứ hạng và mức tăng/giảm bậc bài viết nêu)"
        cls = "dtiqa-point dtiqa-computed" if p.computed else "dtiqa-point"
        svg.append(f'<g class="{cls}" {_data_attrs(p.doc_id, p.start, p.end, p.answer_start, p.answer_end)}>'
                   f'<title>{esc(tip)}</title><circle cx="{x(p.year):.1f}" cy="{y(p.value):.1f}" r="6"/>'
                   f'<text x="{x(p.year):.1f}" y="{y(p.value) - 10:.1f}" text-anchor="middle">{esc(label)}</text></g>')
        notes.append(f'<li {_data_attrs(p.doc_id, p.start, p.end, p.answer_start, p.answer_end)} class="dtiqa-source">'
                     f"<b>{p.year}</b>: hạng {esc(label)}{' (tính ra)' if p.computed else ''} — "
                     f"“{esc(title)}”</li>")
    svg.append("</svg>")
    return (f'<div class="dtiqa-chart"><p><b>{heading}</b></p>{"".join(svg)}'
            f'<ul class="dtiqa-chart-notes">{"".join(notes)}</ul></div>')


def _rank_label(f: Fact) -> str:
    if f.computed:
        return f"{int(f.value)}/{int(f.out_of)}" if f.out_of else str(int(f.value))
    return f.text or str(int(f.value))


def chart_placeholder() -> str:
    return '<p class="dtiqa-empty">Hỏi về thứ hạng của một tỉnh để xem biểu đồ thứ hạng qua các năm.</p>'


# ------------------------------------------------------------------ tables
FACT_HEADERS = ["Tỉnh/thành", "Năm", "Bảng xếp hạng", "Trụ cột", "Loại", "Giá trị", "Như bài viết ghi",
                "Câu trích dẫn", "Bài viết", "Tệp", "Tính ra", "Thuộc (từ 1/7/2025)"]
ARTICLE_HEADERS = ["Tiêu đề", "Nguồn", "Ngày", "Số câu", "Tệp"]


def facts_rows(facts: list[Fact], titles: dict[str, str], by_unit: bool = False) -> list[list]:
    """Rows of the facts table (plain values: the table widget shows them as text).

    `by_unit` groups the rows by the unit each province belongs to since 1 July 2025.
    """
    rows = []
    for f in sorted(facts, key=lambda f: ((fold(f.unit_2025).lower() if by_unit else ""), f.province, f.year or 0, f.ranking,
                                          f.pillar, f.kind, f.doc_id, f.sentence_index)):
        value = int(f.value) if float(f.value).is_integer() else f.value
        rows.append([f.province, f.year if f.year is not None else "", RANKING_VI.get(f.ranking, f.ranking),
                     f.pillar or "tổng thể", KIND_VI.get(f.kind, f.kind), value, f.text, f.sentence,
                     titles.get(f.doc_id, f.doc_id), f.doc_id, "có" if f.computed else "", f.unit_2025])
    return rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """A cell a spreadsheet will show, never run: text starting like a formula gets a leading apostrophe
    (OWASP's advice against CSV injection); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(headers: list[str], rows: list[list]) -> str:
    """CSV text (UTF-8 with BOM when written, so spreadsheet programs read the diacritics); cells that
    a spreadsheet would run as formulas are neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([_cell(h) for h in headers])
    w.writerows([[_cell(c) for c in row] for row in rows])
    return buf.getvalue()


def articles_rows(articles: list[Article], sentence_counts: dict[str, int]) -> list[list]:
    """Rows of the corpus table: title, source, date, sentences, file."""
    return [[a.title, a.source or a.url, a.date or NO_DATE, sentence_counts.get(a.doc_id, 0), a.doc_id]
            for a in sorted(articles, key=lambda a: a.doc_id)]


def upload_reason_vi(reason: str) -> str:
    """A Vietnamese explanation of why the library refused a file, with its own words kept."""
    for key, vi in UPLOAD_REASONS:
        if key in reason:
            return f"{vi} ({reason})"
    return reason


def upload_report_html(added: list[str], rejected: dict[str, str]) -> str:
    """What an upload did: the articles indexed, the files refused with why (nothing changed for them)."""
    out = []
    if added:
        out.append(f'<p class="dtiqa-ok">Đã thêm và lập chỉ mục {len(added)} bài: '
                   + ", ".join(f"<code>{esc(n)}</code>" for n in added) + ".</p>")
    if rejected:
        items = "".join(f"<li><code>{esc(n)}</code>: {esc(upload_reason_vi(r))}</li>" for n, r in rejected.items())
        out.append(f'<div class="dtiqa-error"><p>Không nhận {len(rejected)} tệp (kho bài viết không thay đổi vì '
                   f"chúng):</p><ul>{items}</ul></div>")
    return "".join(out) or '<p class="dtiqa-empty">Chưa chọn tệp nào.</p>'
