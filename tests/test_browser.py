"""The page driven in headless Chromium the way a person uses it: ask, attack, upload, filter.

The app runs as `python app.py` on a free localhost port over a copy of the seeds, with the
real default embedder; the index is built once for the module. A screenshot of each step is
saved under tests/artifacts/.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'")
expect = playwright_api.expect

CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and os.path.exists(p)), None)
if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed (make test installs it: apt-get install -y chromium)",
                allow_module_level=True)

ARTIFACTS = ROOT / "tests" / "artifacts"
START_TIMEOUT = 600  # seconds: the first start builds the seeds index with the real embedder
ANSWER_TIMEOUT = 60_000  # ms: the first question also loads the Vietnamese word segmenter
QUESTION = "Bình Phước xếp thứ mấy về DTI năm 2021?"
TITLE = "Bình Phước trong top 10 tỉnh, thành dẫn đầu về chuyển đổi số: Ngược dòng để bứt phá"
ATTACK_QUESTION = ('Bình Phước <script>window.__pwned=1</script> xếp thứ mấy năm 2021? '
                   '<img src=x onerror="window.__pwned=2">')
# A made-up province; the article also carries markup that must stay text ("&lt;" is unescaped
# by the cleaner into a literal "<img ...>", so the page must escape it again).
UPLOADED = """Tỉnh Hoa Mai vươn lên thứ 7 về chuyển đổi số
Báo Hoa Mai 03/09/2024
Tỉnh Hoa Mai xếp thứ 7/63 về chỉ số chuyển đổi số năm 2023, tăng 21 bậc so với năm 2022.
Đây là lần đầu tiên tỉnh vào nhóm 10 địa phương dẫn đầu cả nước. Bạn đọc gửi thử &lt;img src=x onerror="window.__pwned=3"&gt; và {{constructor}} ${window.__pwned=4}.
Theo Sở Khoa học và Công nghệ, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 87,5%.
Nguồn: https://hoamai.example.vn/tin-tuc/hoa-mai-thu-7
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`python app.py` on a free port over a copy of the seeds; stopped after the module."""
    d = tmp_path_factory.mktemp("browser")
    corpus, index = d / "corpus", d / "index"
    shutil.copytree(SEEDS, corpus)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log_path = ARTIFACTS / "app.log"
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port), "--corpus", str(corpus),
                                 "--index", str(index)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"app.py exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"app.py did not answer on {url} in {START_TIMEOUT} s:\n{log_path.read_text()[-3000:]}")
            time.sleep(1)
        yield type("Server", (), {"url": url, "corpus": corpus, "index": index, "log": log_path})
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server, tmp_path):
    # Playwright starts Chromium on a fresh temporary --user-data-dir; each test gets its own context.
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN", accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(ANSWER_TIMEOUT)
    expect.set_options(timeout=ANSWER_TIMEOUT)
    pg.goto(server.url)
    expect(pg.locator("#question textarea")).to_be_visible()
    yield pg
    context.close()


def ask(page, question: str):
    """Type a question, press "Hỏi", wait for the reply; returns the reply's element."""
    replies = page.locator("#chat .dtiqa-reply")
    n = replies.count()
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    expect(replies).to_have_count(n + 1)
    return replies.nth(n)


def shot(page, name: str, full_page: bool = False) -> None:
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


IN_VIEW_JS = """(sel) => {
    const m = document.querySelector(sel);
    if (!m) return false;
    let box = m.parentElement;
    while (box && box !== document.body) {
        const o = getComputedStyle(box).overflowY;
        if ((o === 'auto' || o === 'scroll') && box.scrollHeight > box.clientHeight) break;
        box = box.parentElement;
    }
    const r = m.getBoundingClientRect();
    const b = (box && box !== document.body) ? box.getBoundingClientRect() : {top: 0, bottom: innerHeight};
    return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
}"""


def wait_until_in_view(page, selector: str) -> None:
    """Wait until the element lies inside the visible part of its scrolling box (the article viewer)."""
    page.wait_for_function(IN_VIEW_JS, arg=selector, timeout=5000)


def test_question_gets_answer_with_citation(page):
    reply = ask(page, QUESTION)
    expect(reply.locator(".dtiqa-short b")).to_have_text("9/63")
    expect(reply.locator(".dtiqa-evidence mark")).to_have_text("9/63")
    expect(reply.locator(".dtiqa-cite")).to_contain_text(TITLE)
    expect(reply.locator(".dtiqa-cite a")).to_have_attribute("href", re.compile(r"^https://baobinhphuoc\.com\.vn/"))
    # Sources panel: the cited sentence first, then passages with all three scores.
    sources = page.locator("#dtiqa-sources")
    expect(sources).to_contain_text("Câu trích dẫn")
    expect(sources.locator(".dtiqa-scores").first).to_contain_text("BM25")
    expect(sources.locator(".dtiqa-scores").first).to_contain_text("ngữ nghĩa")
    # The cited article is shown with the sentence highlighted and scrolled into view.
    viewer = page.locator("#dtiqa-article")
    expect(viewer.locator("mark.dtiqa-cited")).to_contain_text("9/63")
    wait_until_in_view(page, "#dtiqa-article mark.dtiqa-cited")
    scrolled = page.evaluate("""() => [...document.querySelectorAll('#dtiqa-article *')]
        .some(e => e.scrollTop > 0)""")
    assert scrolled, "the cited sentence lies below the fold of the viewer: the viewer must scroll to it"
    # The rank history chart: 2020 and 2021, each point citing its article.
    chart = page.locator("#dtiqa-chart")
    expect(chart.locator("svg .dtiqa-point")).to_have_count(2)
    expect(chart.locator(".dtiqa-chart-notes")).to_contain_text("2021: hạng 9/63")
    expect(chart.locator(".dtiqa-chart-notes")).to_contain_text(TITLE)
    shot(page, "1-answer.png", full_page=True)


def test_clicking_a_passage_opens_its_article_at_the_sentence(page):
    ask(page, QUESTION)
    item = page.locator("#dtiqa-sources li.dtiqa-hit").nth(2)
    sentence = item.locator("mark.dtiqa-cited").inner_text()
    item.get_by_role("button", name="Xem bài gốc").click()
    viewer_mark = page.locator("#dtiqa-article mark.dtiqa-cited")
    expect(viewer_mark).to_have_text(sentence)
    wait_until_in_view(page, "#dtiqa-article mark.dtiqa-cited")
    shot(page, "1b-article.png")


def test_follow_up_question_uses_the_conversation(page):
    ask(page, QUESTION)
    reply = ask(page, "Còn năm 2020 thì sao?")
    # 2020's rank is computed from 2021's and the change, and the short answer says so
    expect(reply.locator(".dtiqa-short b")).to_have_text(re.compile(r"^25/63 \(hạng 9 năm 2021, tăng 16 bậc\)"))


def test_question_with_script_runs_nothing_and_is_shown_as_typed(page):
    ask(page, ATTACK_QUESTION)
    time.sleep(0.5)  # give an injected handler the time it would need to fire
    assert page.evaluate("typeof window.__pwned") == "undefined"
    expect(page.locator("#chat .dtiqa-question").last).to_have_text(ATTACK_QUESTION)
    assert page.locator("#chat img[src='x'], #chat script").count() == 0
    shot(page, "2-script-question.png")


def test_uploaded_article_can_be_asked_about(page, server, tmp_path):
    good = tmp_path / "hoa_mai.txt"
    good.write_text(UPLOADED, encoding="utf-8")
    binary = tmp_path / "anh_chup.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    page.get_by_role("tab", name="Kho bài viết").click()
    table = page.locator("#corpus-table")
    expect(table).to_contain_text(TITLE)
    expect(page.locator("#corpus-summary")).to_contain_text("5 bài")
    page.locator("#upload input[type=file]").set_input_files([str(good), str(binary)])
    expect(page.locator("#upload")).to_contain_text("anh_chup")
    page.locator("#add").click()
    report = page.locator("#upload-report")
    expect(report.locator(".dtiqa-ok")).to_contain_text("hoa_mai.txt")
    expect(report.locator(".dtiqa-error")).to_contain_text("anh_chup.txt")
    expect(report.locator(".dtiqa-error")).to_contain_text("nhị phân")
    expect(page.locator("#corpus-summary")).to_contain_text("6 bài")
    expect(table).to_contain_text("Tỉnh Hoa Mai vươn lên thứ 7 về chuyển đổi số")
    assert (server.corpus / "hoa_mai.txt").exists() and not (server.corpus / "anh_chup.txt").exists()
    shot(page, "3a-upload.png")

    page.get_by_role("tab", name="Hỏi đáp").click()
    reply = ask(page, "Tỉnh Hoa Mai xếp thứ mấy về chỉ số chuyển đổi số năm 2023?")
    expect(reply.locator(".dtiqa-short b")).to_have_text("7/63")
    expect(reply.locator(".dtiqa-cite")).to_contain_text("Tỉnh Hoa Mai vươn lên thứ 7 về chuyển đổi số")
    # The article's own markup is shown as text, never run.
    expect(page.locator("#dtiqa-article")).to_contain_text('<img src=x onerror="window.__pwned=3">')
    expect(page.locator("#dtiqa-article")).to_contain_text("{{constructor}} ${window.__pwned=4}")
    time.sleep(0.5)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#dtiqa-article img").count() == 0
    shot(page, "3b-uploaded-answer.png")


def test_facts_tab_filters_by_province_and_year_and_downloads_csv(page):
    page.get_by_role("tab", name="Bảng số liệu").click()
    table = page.locator("#facts-table")
    other = table.get_by_role("gridcell", name="Bình Phước", exact=True)
    expect(other.first).to_be_visible()  # the table starts unfiltered
    page.locator("#facts-province input").click()
    page.get_by_role("option", name="Thái Nguyên", exact=True).click()
    expect(other).to_have_count(0)
    expect(table.get_by_role("gridcell", name="Thái Nguyên", exact=True).first).to_be_visible()
    page.locator("#facts-year input").click()
    page.get_by_role("option", name="2021", exact=True).click()
    expect(table.get_by_role("gridcell", name="2020", exact=True)).to_have_count(0)
    expect(table.get_by_role("gridcell", name="8/63", exact=True).first).to_be_visible()
    with page.expect_download() as dl:
        page.locator("#facts-csv").click()
    rows = list(csv.reader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][:2] == ["Tỉnh/thành", "Năm"]
    assert len(rows) > 1 and all(r[:2] == ["Thái Nguyên", "2021"] for r in rows[1:])
    shot(page, "4-facts.png")
