"""PDF reports as articles: page text and ranking tables read with pdfplumber, cited by page and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from dtiqa import provinces
from dtiqa.article import ArticleError, from_bytes

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian's fonts-dejavu-core: Vietnamese glyphs
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs a TrueType font with Vietnamese letters")

NAMES = sorted(provinces.names())  # a made-up ranking of the 63 provinces: row i holds NAMES[i - 1]


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    return "DejaVu"


def ranking_report(path: Path) -> Path:
    """A ministry-style report: a title, a paragraph and a 63-row ranking table over two pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    style = ParagraphStyle("vi", fontName=_font(), fontSize=10)
    rows = [["Hạng", "Tỉnh, thành phố", "Điểm DTI", "Hạng chính quyền số", "Điểm kinh tế số"]]
    for i, name in enumerate(NAMES, 1):
        rows.append([str(i), name, f"0,{7000 - 50 * i:04d}", str(64 - i), f"0,{6000 - 40 * i:04d}"])
    table = Table(rows, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "DejaVu"), ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("Báo cáo Chỉ số chuyển đổi số cấp tỉnh năm 2022", style), Spacer(1, 12),
        Paragraph("Bảng 1 xếp hạng 63 tỉnh, thành phố theo Chỉ số chuyển đổi số (DTI) năm 2022.", style),
        Spacer(1, 12), table])
    return path


@pytest.fixture(scope="module")
def report_qa(tmp_path_factory):
    pdf = ranking_report(tmp_path_factory.mktemp("pdf") / "bao_cao_dti_2022.pdf")
    return _qa_with(tmp_path_factory, pdf)


def _qa_with(tmp_path_factory, pdf: Path):
    """What the strategies extract from a corpus of the report (whether to give it is the verifier's call)."""
    import dtiqa
    from conftest import Extracted, shipped_embedder

    root = tmp_path_factory.mktemp("pdf-qa")
    (root / "corpus").mkdir()
    (root / "corpus" / pdf.name).write_bytes(pdf.read_bytes())
    return Extracted(dtiqa.load(root / "corpus", root / "index", shipped_embedder()))


def test_a_ranking_table_is_read_row_by_row_under_its_headings(tmp_path):
    a = from_bytes("r.pdf", ranking_report(tmp_path / "r.pdf").read_bytes())
    assert a.title == "Báo cáo Chỉ số chuyển đổi số cấp tỉnh năm 2022" and len(a.pages) >= 2
    rows = [line for line in a.text.splitlines() if line.count("|") == 4 and line[0].isdigit()]
    assert len(rows) == 63 and rows[39].startswith(f"40 | {NAMES[39]} |")
    # the table goes on over the next page: its heading row is repeated there, so those rows read like the first
    assert a.text.count("Hạng | Tỉnh, thành phố | Điểm DTI") == len(a.pages)


def test_questions_on_a_pdf_table_are_answered_and_cite_page_and_line(report_qa):
    ans = report_qa.ask(f"{NAMES[4]} xếp thứ mấy về DTI năm 2022?")
    assert ans.found and ans.value == 5, (ans.text, ans.message)
    c = ans.citations[0]
    assert c.doc_id == "bao_cao_dti_2022.pdf" and c.page == 1 and c.line >= 3
    late = report_qa.ask(f"{NAMES[59]} xếp thứ mấy về DTI năm 2022?")
    assert late.found and late.value == 60 and late.citations[0].page == 2


def test_a_score_in_a_pdf_table_is_answered(report_qa):
    ans = report_qa.ask(f"Điểm DTI năm 2022 của {NAMES[9]} là bao nhiêu?")
    assert ans.found and ans.text.startswith("0,6500"), (ans.text, ans.message)


def test_a_province_at_a_rank_in_a_pdf_table_is_answered(report_qa):
    ans = report_qa.ask("Năm 2022 tỉnh nào đứng thứ 40 về DTI?")
    assert ans.found and NAMES[39] in ans.text, (ans.text, ans.message)


def _encrypted(path: Path) -> bytes:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt="secret")
    c.setFont(_font(), 12)
    c.drawString(72, 720, "Báo cáo mật")
    c.save()
    return path.read_bytes()


def _scanned(path: Path) -> bytes:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(72, 72, 400, 600, fill=1)  # a page that is a picture: no text to read
    c.save()
    return path.read_bytes()


@pytest.mark.parametrize("make,why", [
    (_encrypted, "encrypted PDF"),
    (_scanned, "no text in the PDF"),
    (lambda p: b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "not a PDF file"),
])
def test_a_pdf_that_cannot_be_read_is_refused_with_its_reason(tmp_path, make, why):
    with pytest.raises(ArticleError, match=why):
        from_bytes("x.pdf", make(tmp_path / "x.pdf"))
