"""The app as people and programs reach it: `python app.py` on a loopback port over articles the test writes.

A program calls the JSON endpoints with gradio_client (the README's example, run as written); a person, in
headless Chromium, copies a reply and a citation, follows a shared link and exports the conversation.
Screenshots land in tests/artifacts/.
"""
from __future__ import annotations

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

from conftest import ROOT
from test_api import ANSWER_FIELDS, ARTICLES, FOLLOW_UP, RANK

gradio_client = pytest.importorskip("gradio_client", reason="gradio_client comes with gradio: pip install -e .")

ARTIFACTS = ROOT / "tests" / "artifacts"
START_TIMEOUT = 300  # seconds: loading the embedder and indexing two short articles
WAIT = 60_000  # ms
SAO_VANG_RANK = "Sao Vàng xếp thứ mấy về DTI năm 2022?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`python app.py` on a free loopback port over the test's two articles; stopped after the module."""
    d = tmp_path_factory.mktemp("live")
    (d / "corpus").mkdir()
    for name, text in ARTICLES.items():
        (d / "corpus" / name).write_text(text, encoding="utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log_path = ARTIFACTS / "app-live.log"
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port), "--corpus",
                                 str(d / "corpus"), "--index", str(d / "index")],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
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
            time.sleep(0.5)
        yield type("Server", (), {"url": url, "corpus": d / "corpus"})
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def client(server):
    return gradio_client.Client(server.url, verbose=False)


# ------------------------------------------------------------------ programs: the JSON endpoints
def readme_example() -> str:
    """The README's gradio_client example, as written."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## JSON API", 1)[1]
    return re.search(r"```python\n(from gradio_client.*?)```", section, re.S).group(1)


def test_readme_example_runs_against_the_live_app(server, capsys):
    code = readme_example().replace("http://127.0.0.1:7860/", server.url)
    assert server.url in code
    names: dict = {}
    exec(compile(code, "README.md", "exec"), names)  # noqa: S102 - the documentation's own example
    for key, kind in ANSWER_FIELDS.items():
        assert isinstance(names["answer"][key], kind), key
    assert {"province", "year", "index", "pillar", "value"} <= names["answer"].keys()
    assert [t["question"] for t in names["history"]][-1] == names["follow_up"]["question"]
    assert len(names["history"]) == 2
    assert isinstance(names["hits"], list) and isinstance(names["facts"], list)
    assert {a["doc_id"] for a in names["articles"]} == set(ARTICLES) and names["text"]


def test_only_the_four_json_endpoints_are_offered(client):
    info = client.view_api(print_info=False, return_format="dict")
    assert set(info["named_endpoints"]) == {"/answer", "/search", "/facts", "/articles"}
    assert not info["unnamed_endpoints"]
    params = [p["parameter_name"] for p in info["named_endpoints"]["/answer"]["parameters"]]
    assert params == ["question", "history", "k"]


def test_answer_endpoint_gives_typed_json_and_takes_the_conversation_back(client, server):
    answer, history = client.predict(RANK, [], api_name="/answer")
    assert (answer["value"], answer["unit"], answer["province"], answer["year"]) == (7.0, "hạng", "Hoa Mai", 2023)
    c = answer["citations"][0]
    assert c["url"].startswith("https://") and c["sentence"] in ARTICLES[c["doc_id"]]
    follow_up, history = client.predict(FOLLOW_UP, history, api_name="/answer")
    assert follow_up["text"].startswith("28/63") and follow_up["year"] == 2022 and len(history) == 2
    fresh, history = client.predict(FOLLOW_UP, [], api_name="/answer")
    assert not fresh["text"].startswith("28/63") and len(history) == 1


def test_bad_input_comes_back_as_an_error_with_the_reason(client):
    with pytest.raises(Exception, match="empty"):
        client.predict("  ", [], api_name="/answer")
    with pytest.raises(Exception, match="nope.txt"):
        client.predict("nope.txt", api_name="/articles")


# ------------------------------------------------------------------ people: copy, share, export
@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'")
    chromium = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and os.path.exists(p)), None)
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN", accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
    pg = context.new_page()
    pg.set_default_timeout(WAIT)
    expect.set_options(timeout=WAIT)
    pg.goto(server.url)
    expect(pg.locator("#question textarea")).to_be_visible()
    yield pg
    context.close()


def ask(page, question: str):
    from playwright.sync_api import expect

    replies = page.locator("#chat .dtiqa-reply")
    n = replies.count()
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    expect(replies).to_have_count(n + 1)
    return replies.nth(n)


def copied(page, button) -> str:
    """Click a copy button; what the clipboard then holds."""
    page.evaluate("navigator.clipboard.writeText('')")
    button.click()
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)")
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_gives_the_reply_as_plain_text_with_its_citation(page, server):
    from playwright.sync_api import expect

    reply = ask(page, RANK)
    expect(reply.locator(".dtiqa-short b")).to_have_text("7/63")
    text = copied(page, reply.get_by_role("button", name="Sao chép"))
    title = ARTICLES["hoa_mai.txt"].splitlines()[5]
    lines = text.splitlines()
    assert "7/63" in lines[0] and "<" not in text and "**" not in text
    assert re.fullmatch(r"\[1\] “[^”]*7/63[^”]*”", lines[1])
    assert lines[2] == f"Nguồn: “{title}”, hoamai.example.vn, 2024-09-03, https://hoamai.example.vn/tin-tuc/hoa-mai-thu-7"
    page.screenshot(path=str(ARTIFACTS / "5a-copy-reply.png"))


def test_each_cited_source_copies_its_citation_and_says_when_the_date_is_unknown(page):
    from playwright.sync_api import expect

    ask(page, SAO_VANG_RANK)
    source = page.locator("#dtiqa-sources li.dtiqa-cited-source").first
    expect(source.locator(".dtiqa-marker")).to_have_text("[1]")
    text = copied(page, source.get_by_role("button", name="Sao chép trích dẫn"))
    lines = text.splitlines()
    assert len(lines) == 3 and "12/63" in lines[0] and lines[1].startswith("“") and "12/63" in lines[1]
    assert lines[2] == "Nguồn: “Sao Vàng tăng tốc chuyển đổi số”, không rõ ngày"
    page.screenshot(path=str(ARTIFACTS / "5b-copy-citation.png"))


def test_citation_numbers_in_the_reply_match_the_sources_panel(page):
    reply = ask(page, RANK)
    in_reply = reply.locator(".dtiqa-evidence, .dtiqa-more li")
    panel = page.locator("#dtiqa-sources li.dtiqa-cited-source > div")
    assert in_reply.count() >= 1 and panel.count() >= in_reply.count()
    for i in range(in_reply.count()):
        mine = in_reply.nth(i).evaluate("e => e.textContent")
        theirs = panel.nth(i).inner_text()
        assert mine.startswith(f"[{i + 1}]") and " ".join(theirs.split()) in " ".join(mine.split())


def test_a_shared_link_reopens_the_conversation(page, server):
    from playwright.sync_api import expect

    ask(page, RANK)
    reply = ask(page, FOLLOW_UP)
    href = reply.locator("a.dtiqa-share").get_attribute("href")
    assert href.startswith("?q=")
    other = page.context.new_page()
    other.goto(server.url + href)
    replies = other.locator("#chat .dtiqa-reply")
    expect(replies).to_have_count(2)
    expect(replies.nth(1).locator(".dtiqa-short b")).to_have_text(re.compile(r"^28/63"))
    expect(other.locator("#chat .dtiqa-question").first).to_have_text(RANK)
    other.screenshot(path=str(ARTIFACTS / "5c-shared-link.png"))
    other.close()


def test_the_conversation_downloads_as_markdown_with_its_citations(page):
    ask(page, RANK)
    ask(page, FOLLOW_UP)
    with page.expect_download() as dl:
        page.locator("#export").click()
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    assert text.index(f"## 1. {RANK}") < text.index(f"## 2. {FOLLOW_UP}")
    assert "> [1] “" in text and "<https://hoamai.example.vn/tin-tuc/hoa-mai-thu-7>" in text
    assert dl.value.suggested_filename.endswith(".md")
