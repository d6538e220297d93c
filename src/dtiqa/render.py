"""HTML for the page: hits with the cited sentence highlighted. Every text is escaped."""
from __future__ import annotations

from html import escape

from .hits import Hit


def source_html(hit: Hit) -> str:
    """Title, source (a link when it is a URL) and date of a hit's article."""
    title = escape(hit.title)
    parts = [f"<b>{title}</b>"]
    if hit.url.startswith(("http://", "https://")):
        parts.append(f'<a href="{escape(hit.url, quote=True)}" target="_blank" rel="noopener noreferrer">'
                     f"{escape(hit.source or hit.url)}</a>")
    elif hit.source:
        parts.append(escape(hit.source))
    if hit.date:
        parts.append(escape(hit.date))
    parts.append(f"<code>{escape(hit.doc_id)}</code>")
    return " · ".join(parts)


def passage_html(hit: Hit) -> str:
    """The passage with its cited sentence in <mark>."""
    s, e = hit.start - hit.passage_start, hit.end - hit.passage_start
    t = hit.text
    return f"{escape(t[:s])}<mark>{escape(t[s:e])}</mark>{escape(t[e:])}"


def hits_html(hits: list[Hit], query: str, error: str = "") -> str:
    """A ranked list of hits, or a plain message when there are none."""
    if error:
        return f'<p class="dtiqa-error">{escape(error)}</p>'
    if not hits:
        return f"<p>Không tìm thấy đoạn nào cho câu hỏi: <i>{escape(query)}</i></p>"
    items = []
    for h in hits:
        scores = f"hợp nhất {h.score:.4f}"
        if h.bm25_score is not None:
            scores += f" · BM25 {h.bm25_score:.2f} (#{h.bm25_rank})"
        if h.dense_score is not None:
            scores += f" · ngữ nghĩa {h.dense_score:.3f} (#{h.dense_rank})"
        items.append(f'<li class="dtiqa-hit"><p>{passage_html(h)}</p><p><small>{source_html(h)}'
                     f"<br>{scores}</small></p></li>")
    return '<ol class="dtiqa-hits">' + "".join(items) + "</ol>"
