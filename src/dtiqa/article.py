"""Article: read a scraped news page, strip site furniture, extract metadata.

The rules are general (patterns of Vietnamese news sites), never per file:
an article nobody has seen must come out clean too.
"""
from __future__ import annotations

import hashlib
import html
import io
import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from . import tables
from .text import fold, normalize_line

MAX_ARTICLE_BYTES = 5_000_000  # a text or a saved web page
MAX_PDF_BYTES = 30_000_000  # a report


class ArticleError(ValueError):
    """A file that cannot be read as an article (binary, not UTF-8, empty)."""


@dataclass(frozen=True)
class Article:
    """A cleaned article. `text` holds one paragraph a line; the title is line one."""

    doc_id: str
    title: str
    text: str
    source: str = ""  # publisher or site: "VOV.VN", "baothanhhoa.vn"
    url: str = ""  # the article's address when it gives one
    date: str = ""  # publication date, ISO "2022-08-11", when the article gives one
    author: str = ""
    sha256: str = ""  # of the file's bytes: what the index compares to see a change
    pages: tuple[int, ...] = ()  # a PDF's: the text offset where each page begins

    def to_dict(self) -> dict:
        return dict(self.__dict__) | {"pages": list(self.pages)}

    @classmethod
    def from_dict(cls, d: dict) -> "Article":
        return cls(**(d | {"pages": tuple(d.get("pages", ()))}))

    def page_line(self, offset: int) -> tuple[int, int] | None:
        """(page, line on the page), both from 1, of a text offset in a PDF article; None for other articles."""
        if not self.pages:
            return None
        page = max(1, bisect_right(self.pages, offset))
        return page, self.text.count("\n", self.pages[page - 1], offset) + 1


# ---------------------------------------------------------------- furniture
# Patterns seen on Vietnamese news and provincial portal pages (CMS widgets).
# They are matched against a line folded to lower-case ASCII, bullets removed.

# A whole line that is a widget, a counter or a button.
_FURNITURE_LINES = [
    r"lien ket (website|web)",
    r"thong ke( truy cap)?(: ?[\d.,]+)?",
    r"(dang online|online|dang truy cap|hom nay|hom qua|tuan nay|thang nay|trong tuan|trong thang"
    r"|tat ca|tong( so)?( luot)?( truy cap)?|da truy cap|luot truy cap|luot xem|so luot truy cap"
    r"|khach|thanh vien)\s*:?\s*[\d.,]+",
    r"ma xac thuc( khong dung)?\.?",
    r"(nhap )?ma (xac nhan|bao ve)\.?",
    r"powered by\b.*",
    r"(copyright|ban quyen)\b.*",
    r"©.*",
    r"luot danh gia\s*:.*",
    r"(chia se|in bai|in trang|gui email|gui bai|quay lai|len dau trang|tro ve|ve dau trang|facebook|zalo|twitter|email|print)",
    r"(\(\d+\)\s*)?(gui )?binh luan\s*(\(\d+\))?:?",
    r"\d+\s*(binh luan|luot xem)",
]

# A line that opens a block of related links, comments or ratings: the block
# runs until the next line of article prose.
_BLOCK_MARKERS = [
    r"tin lien quan",
    r"bai viet lien quan",
    r"co the ban quan tam",
    r"ban co the quan tam",
    r"tin cung chuyen muc",
    r"(cac )?tin (khac|moi|moi nhat|noi bat|da dua)",
    r"(xem|doc) them",
    r"(\(\d+\)\s*)?(gui )?binh luan\s*(\(\d+\))?",
    r"y kien ban doc",
    r"danh gia",
    r"noi bat",
    r"moi nhat",
    r"tags?",
    r"tu khoa",
]

_FURNITURE_RE = re.compile(r"^(?:" + "|".join(_FURNITURE_LINES) + r")$")
_BLOCK_RE = re.compile(r"^(?:" + "|".join(_BLOCK_MARKERS) + r")\s*:?$")
_CROSS_LINK_RE = re.compile(r"^(>{2,}|»|xem them\s*:|doc them\s*:|>>>)")
_BULLETS = "•·▪►▶◆◇■□○●–-*+ "

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?"
_DATE = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
_DATE_RE = re.compile(_DATE)
_TIMESTAMP_RE = re.compile(
    rf"^(?:(?:thu \w+|chu nhat)\s*,?\s*)?(?:ngay\s*)?(?:{_TIME}\s*,?\s*)?{_DATE}(?:\s*,?\s*{_TIME})?(?:\s*\(?gmt[+\d:]*\)?)?$"
)

# ------------------------------------------------------------------ metadata
_SOURCE_LINE_RE = re.compile(r"^Nguồn\b([^:]{0,40}):\s*(.+)$", re.IGNORECASE)
_THEO_RE = re.compile(r"^Theo\s+(.{2,60})$")
_URL_RE = re.compile(r"https?://[^\s<>\"')]+")
_DOMAIN_RE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|info|edu)(?:\.vn)?$", re.IGNORECASE)
# "VOV.VN - ", "(Dân trí) - ", "TTXVN - " opening the first paragraph.
_DATELINE_RE = re.compile(r"^\(?([A-ZĐ][\w.]*\.(?:VN|vn|COM|com|NET|net)|[A-ZĐ]{2,10}|Dân trí|Chinhphu\.vn)\)?\s*[-–—]\s+(?=\S)")
_SENTENCE_END = tuple(".!?…:;\"”»)")


def _key(line: str) -> str:
    """The form furniture patterns are matched on: folded, lower-case, no bullets."""
    return fold(line.lower()).strip(_BULLETS).strip()


def _is_prose(line: str) -> bool:
    return len(line) >= 60 and len(line.split()) >= 10 and line.rstrip().endswith(_SENTENCE_END)


def _is_name(text: str) -> bool:
    """A person's name as bylines write it: 2-5 capitalised words, no digits."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w.isalpha() for w in words)


_HTML_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_HTML_DROP_RE = re.compile(r"<(script|style|noscript|iframe)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_BREAK_RE = re.compile(r"<(?:br|/p|/div|/li|/h[1-6]|/tr|/figcaption)\b[^>]*>", re.IGNORECASE)


def strip_html(text: str) -> str:
    """Plain text from a page that kept its markup; scripts and styles go entirely."""
    if "<" not in text and "&" not in text:
        return text
    text = _HTML_DROP_RE.sub(" ", text)
    text = _HTML_BREAK_RE.sub("\n", text)
    text = _HTML_TAG_RE.sub(" ", text)
    return html.unescape(text)


def decode(data: bytes, name: str = "file") -> str:
    """Bytes to text: UTF-8 with or without BOM (UTF-16 with a BOM too); else ArticleError."""
    if not data.strip():
        raise ArticleError(f"{name}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise ArticleError(f"{name}: not valid UTF-16 ({e.reason})") from None
    if b"\x00" in data:
        raise ArticleError(f"{name}: binary file, not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ArticleError(f"{name}: not UTF-8 (byte {e.start}); save the article as UTF-8 text") from None


def _drop_furniture(lines: list[str]) -> list[str]:
    kept: list[str] = []
    skipping = False
    for line in lines:
        if not line:
            continue
        key = _key(line)
        if not key:
            continue
        if _BLOCK_RE.match(key):
            skipping = True
            continue
        if skipping and not _is_prose(line):
            continue
        skipping = False
        if _FURNITURE_RE.match(key) or _CROSS_LINK_RE.match(key) or _CROSS_LINK_RE.match(line):
            continue
        kept.append(line.lstrip("•·▪►▶◆◇■□○● ").strip())
    # An image caption is printed twice (alt text and figcaption): drop both copies.
    out: list[str] = []
    i = 0
    while i < len(kept):
        j = i
        while j + 1 < len(kept) and kept[j + 1] == kept[i]:
            j += 1
        if j == i:
            out.append(kept[i])
        i = j + 1
    return out


def _iso(m: re.Match) -> str:
    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if 1 <= d <= 31 and 1 <= mo <= 12 and 1900 <= y <= 2100:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return ""


def parse_article(doc_id: str, raw: str, sha256: str = "") -> Article:
    """Clean a raw article text and pull out its title, source, url, date and author."""
    lines = [normalize_line(line) for line in strip_html(raw).replace("\r", "\n").split("\n")]
    lines = _drop_furniture(lines)
    source = url = date = author = ""

    body: list[str] = []
    for line in lines:
        m = _SOURCE_LINE_RE.match(line)
        if m and len(line) < 300:
            value = m.group(2).strip()
            u = _URL_RE.search(value)
            if u:
                url = u.group(0).rstrip(".,")
                source = re.sub(r"^www\.", "", url.split("/")[2])
            else:
                source = value.rstrip(".")
            continue
        body.append(line)

    # Tail: "Theo baothanhhoa.vn", an author's name, a lone timestamp.
    while body:
        last = body[-1]
        m = _THEO_RE.match(last)
        if m and not _is_prose(last) and (_DOMAIN_RE.match(m.group(1)) or len(m.group(1).split()) <= 4):
            source = source or m.group(1).rstrip(".")
            body.pop()
        elif _is_name(last.rstrip(".")) and len(body) > 2:
            author = author or last.rstrip(".")
            body.pop()
        elif _TIMESTAMP_RE.match(_key(last)):
            body.pop()
        else:
            break

    # Head: a byline "KIM DUNG 11/08/2022 11:30" or a lone date under the headline.
    for i in range(1, min(4, len(body))):
        line = body[i]
        if _is_prose(line) or len(line) > 100:
            continue
        m = _DATE_RE.search(line)
        if not m:
            continue
        rest = re.sub(_TIME, " ", line[: m.start()] + " " + line[m.end():])
        rest = re.sub(r"(?i)\b(thứ \w+|chủ nhật|ngày|cập nhật|đăng|lúc|GMT[+\d:]*)\b|[,|()\-–:]", " ", rest).strip()
        if rest and not _is_name(rest):
            continue
        date = _iso(m)
        author = author or rest
        del body[i]
        break

    if not body:
        raise ArticleError(f"{doc_id}: no article text after removing page furniture")

    m = _DATELINE_RE.match(body[min(1, len(body) - 1)]) if len(body) > 1 else None
    if m:
        source = source or m.group(1)
        body[1] = body[1][m.end():]

    first = body[0]
    if first.endswith((".", "!", "?", "…")) and len(first) > 160:
        # No headline: the page starts with its lead. Title it by the lead's opening words.
        words = first.split()
        title = " ".join(words[:18]).rstrip(",;:") + ("…" if len(words) > 18 else "")
    else:
        title = first
    if not source and _DOMAIN_RE.match(doc_id.rsplit(".", 1)[0]):
        source = doc_id.rsplit(".", 1)[0]
    return Article(doc_id, title, "\n".join(body), source, url, date, author, sha256)


HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (".txt", ".pdf", *HTML_SUFFIXES)  # the files an article can come from


def is_html(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


def parse_html(doc_id: str, page: str, sha256: str = "") -> Article:
    """A saved web page as an article: its main text, without menus, scripts, comments or related links, read
    by trafilatura (made for news pages); the title, date, author, site and canonical URL the page's <meta> and
    JSON-LD give win over what the text would suggest."""
    import trafilatura

    if "<" not in page:
        raise ArticleError(f"{doc_id}: not an HTML page (no markup): save it as .txt")
    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=True)
    meta = doc.as_dict() if doc is not None else {}
    body = [line for line in (meta.get("text") or "").splitlines() if line.strip()]
    title = normalize_line(meta.get("title") or "")
    if body and title and normalize_line(body[0]) == title:
        body = body[1:]
    if not body:
        raise ArticleError(f"{doc_id}: no article text found in the page")
    art = parse_article(doc_id, "\n".join([title, *body]) if title else "\n".join(body), sha256)
    return Article(art.doc_id, art.title, art.text, normalize_line(meta.get("sitename") or meta.get("hostname") or "")
                   or art.source, meta.get("url") or art.url, (meta.get("date") or "")[:10] or art.date,
                   normalize_line(meta.get("author") or "") or art.author, sha256)


def _pdf_lines(region) -> list[str]:
    text = region.extract_text() if region is not None else ""
    return [normalize_line(line) for line in (text or "").splitlines() if line.strip()]


def _cropped(page, top: float, bottom: float):
    top, bottom = max(0.0, top), min(float(page.height), bottom)
    return page.crop((0, top, page.width, bottom)) if bottom - top > 1 else None


def parse_pdf(doc_id: str, data: bytes, sha256: str = "") -> Article:
    """A PDF report as an article, read by pdfplumber: each page's text in reading order, and each table as
    "cell | cell | …" lines under its heading row (repeated on the pages a table runs over), so a ranking table's
    rows become facts like any table's (`tables.py`). `pages` keeps where each page begins, for citations."""
    import pdfplumber

    if not data.startswith(b"%PDF"):
        raise ArticleError(f"{doc_id}: not a PDF file")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # noqa: B018 — opening is lazy: the page tree is where encryption and damage show
    except Exception as e:  # pdfminer's errors (wrapped by pdfplumber) for encrypted, damaged or unsupported files
        name = " ".join(type(x).__name__ for x in (e, *e.args, e.__context__) if x is not None)
        if "password" in name.lower() or "encrypt" in name.lower():
            raise ArticleError(f"{doc_id}: encrypted PDF: save an unprotected copy") from None
        raise ArticleError(f"{doc_id}: not a readable PDF ({type(e).__name__})") from None
    page_lines: list[list[str]] = []
    heading: list[str] = []
    with pdf:
        created = str((pdf.metadata or {}).get("CreationDate", ""))
        for page in pdf.pages:
            lines, top = [], 0.0
            for table in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
                lines += _pdf_lines(_cropped(page, top, table.bbox[1]))
                rows = [[normalize_line(c or "") or "–" for c in r] for r in table.extract()]
                rows = [r for r in rows if any(c != "–" for c in r)]
                if rows and tables.is_heading(" | ".join(rows[0])):
                    heading = rows[0]
                elif rows and len(heading) == len(rows[0]):
                    lines.append(" | ".join(heading))  # the table goes on from the page before: its headings again
                lines += [" | ".join(r) for r in rows]
                top = table.bbox[3]
            lines += _pdf_lines(_cropped(page, top, float(page.height)))
            page_lines.append(lines)
    if not any(page_lines):
        raise ArticleError(f"{doc_id}: no text in the PDF (scanned pages are images): use a PDF with text")
    art = parse_article(doc_id, "\n".join(line for lines in page_lines for line in lines), sha256)
    pages, at = [], 0
    for lines in page_lines:  # each page begins at its first line the cleaning kept, found after the page before
        first = None
        for line in lines:
            i = art.text.find(line, at)
            if i >= 0:
                first = i if first is None else first
                at = i + len(line)
        pages.append(at if first is None else first)
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})", created)
    date = art.date or (f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else "")
    return Article(art.doc_id, art.title, art.text, art.source, art.url, date, art.author, sha256, tuple(pages))


def max_bytes_of(name: str) -> int:
    """The size limit of one article file of this name."""
    return MAX_PDF_BYTES if name.lower().endswith(".pdf") else MAX_ARTICLE_BYTES


def from_bytes(doc_id: str, data: bytes, max_bytes: int | None = None) -> Article:
    """An article from a file's bytes: a PDF report (.pdf), a saved web page (.html, .htm) or a text (any other
    name)."""
    max_bytes = max_bytes_of(doc_id) if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        raise ArticleError(f"{doc_id}: {len(data)} bytes is over the {max_bytes}-byte limit for one article")
    sha = hashlib.sha256(data).hexdigest()
    if doc_id.lower().endswith(".pdf"):
        return parse_pdf(doc_id, data, sha)
    text = decode(data, doc_id)
    return parse_html(doc_id, text, sha) if is_html(doc_id) else parse_article(doc_id, text, sha)


def read_article(path: str | Path, max_bytes: int | None = None) -> Article:
    """Read and clean one article file; the file name is the article's id."""
    path = Path(path)
    max_bytes = max_bytes_of(path.name) if max_bytes is None else max_bytes
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleError(f"{path.name}: {size} bytes is over the {max_bytes}-byte limit for one article")
    return from_bytes(path.name, path.read_bytes(), max_bytes)
