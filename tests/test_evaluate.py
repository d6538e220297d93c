"""Evaluation: metric functions on hand-made cases, the gold files, and `run` end to end on a fake embedder."""
from __future__ import annotations

import argparse
import json
import math
import os
from pathlib import Path

import pytest
from conftest import MADE_UP_ARTICLE, ROOT, SEEDS, HashEmbedder

import dtiqa
from dtiqa.answer import Answer, Citation
from dtiqa.article import read_article
from dtiqa.evaluate import (GoldItem, _parse_number, abstention, add_commands, answer_match, hit_at_k,
                            is_relevant, judge, load_followups, load_gold, ndcg_at_k, percentile,
                            reasons, reciprocal_rank, render, run, run_command, write_report)
from dtiqa.text import normalize_line

GOLD = ROOT / "eval" / "dev" / "gold.jsonl"
FOLLOWUPS = ROOT / "eval" / "dev" / "followups.jsonl"
XQUAD = Path(os.environ.get("DTIQA_XQUAD") or ROOT.parent / "shared" / "data" / "xquad")


# ------------------------------------------------------------------ retrieval metrics
@pytest.mark.parametrize("relevant, k, expected", [
    ([True], 1, 1.0),
    ([False, True], 1, 0.0),
    ([False, True], 3, 1.0),
    ([False] * 5 + [True], 5, 0.0),
    ([], 10, 0.0),
])
def test_hit_at_k(relevant, k, expected):
    assert hit_at_k(relevant, k) == expected


@pytest.mark.parametrize("relevant, expected", [
    ([True, False], 1.0),
    ([False, True], 0.5),
    ([False, False, True, True], 1 / 3),
    ([False, False], 0.0),
])
def test_reciprocal_rank_is_one_over_first_relevant_rank(relevant, expected):
    assert reciprocal_rank(relevant) == pytest.approx(expected)


@pytest.mark.parametrize("relevant, n_relevant, expected", [
    ([True], 1, 1.0),
    ([False, True], 1, 1 / math.log2(3)),
    ([True, False, True], 2, (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3))),
    ([False, True], 3, (1 / math.log2(3)) / (1 + 1 / math.log2(3) + 1 / math.log2(4))),  # two relevant never retrieved
    ([False, False], 1, 0.0),
    ([False, True], 0, 1 / math.log2(3)),  # the corpus count missed it: the retrieved one still counts
])
def test_ndcg_with_binary_relevance(relevant, n_relevant, expected):
    assert ndcg_at_k(relevant, 10, n_relevant) == pytest.approx(expected)


def test_percentile_interpolates_like_numpy():
    assert percentile([4, 1, 3, 2], 50) == pytest.approx(2.5)
    assert percentile([1, 2, 3, 4], 95) == pytest.approx(3.85)
    assert percentile([], 50) is None


@pytest.mark.parametrize("doc, sentence, evidence, expected", [
    ("a.txt", "Bình Phước đứng thứ 9/63 tỉnh, thành.", "Bình Phước đứng thứ 9/63", True),
    ("a.txt", "Tỉnh  Thanh Hoá xếp thứ 12/63.", "Thanh Hóa xếp thứ 12/63", True),  # tone placement, spaces
    ("b.txt", "Bình Phước đứng thứ 9/63 tỉnh, thành.", "Bình Phước đứng thứ 9/63", False),  # wrong article
    ("a.txt", "Tăng 16 bậc.", "Bình Phước đứng thứ 9/63", False),
    ("a.txt", "Xếp thứ 9/63 tỉnh, thành.", "Xếp thứ 9/63 tỉnh, thành. Tăng 16 bậc", True),  # evidence spans two
    ("a.txt", "Bình Phước", "Bình Phước đứng thứ 9/63 tỉnh, thành phố", False),  # a heading inside the evidence
])
def test_is_relevant(doc, sentence, evidence, expected):
    assert is_relevant(doc, sentence, ["a.txt"], evidence) is expected


# ------------------------------------------------------------------ answer metrics
@pytest.mark.parametrize("text, value", [
    ("9/63", 9), ("2.255", 2255), ("87,5%", 87.5), ("1,2 triệu", 1.2e6), ("213.750 triệu đồng", 213750e6),
    ("10 tỷ USD", 1e10), ("gần 1.400", 1400), ("hơn 700.000", 700000), ("631,25", 631.25), ("tăng 16 bậc", 16),
    ("nhóm 5", 5), ("Chợ 4.0", 4.0), ("5 tỉ đồng", 5e9), ("3 nghìn", 3000), ("không có số", None),
])
def test_parse_number(text, value):
    assert _parse_number(text) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize("expected, got, value, ok", [
    ("9/63", "9", None, True),
    ("9/63", "thứ 9/63", None, True),
    ("9/63", "", 9.0, True),
    ("9/63", "63/63", None, False),
    ("2.255", "2255 tổ", None, True),
    ("1,2 triệu", "1.200.000", None, True),
    ("1,2 triệu", "1,2", None, False),
    ("213.750 triệu động", "213.750 triệu đồng", None, True),
    ("10 tỷ USD", "khoảng 10 tỷ USD", None, True),
    ("87,5%", "87.5%", None, True),
    ("từ 87% lên 98,79%", "98,79%", None, False),
    ("từ 87% lên 98,79%", "từ 87% lên 98,79%", None, True),
    ("11/08/2022", "2022-08-11", None, True),
    ("11/08/2022", "12/08/2022", None, False),
    ("Tháng 11/2021", "ngày 5/11/2021", None, True),
    ("31-12", "31/12", None, True),
    ("Bình Phước", "tỉnh Bình Phước", None, True),
    ("Bình Phước", "binh phuoc", None, True),
    ("Bình Phước", "Bình Định", None, False),
    ("KIM DUNG", "Kim Dung", None, True),
    ("Khai thác dữ liệu để tạo ra giá trị", "khai thác dữ liệu", None, True),
    ("Vĩnh Phúc, Yên Bái, Ninh Thuận", "Vĩnh Phúc, Yên Bái và Ninh Thuận", None, True),
    ("Vĩnh Phúc, Yên Bái, Ninh Thuận", "Vĩnh Phúc", None, False),
    ("Bình Phước", "", None, False),
    ("", "anything", None, False),
    ("tăng bảy bậc", "7", 7.0, True),  # a number in words compares as a number
    ("tăng bảy bậc", "8", 8.0, False),
    ("nine places", "9", 9.0, True),
    ("second", "2/63", 2.0, True),
    ("mười hai nghìn", "12.000", None, True),
    ("Ba Ria-Vung Tau", "Bà Rịa - Vũng Tàu", None, True),  # a name that starts like a number word stays a name
    ("Ba Ria-Vung Tau", "3", 3.0, False),
])
def test_answer_match(expected, got, value, ok):
    assert answer_match(expected, got, value) is ok


def test_every_gold_answer_matches_itself():
    for item in load_gold(GOLD) + [t for turns in load_followups(FOLLOWUPS).values() for t in turns]:
        if item.answerable:
            assert answer_match(item.answer, item.answer), item.id


def test_judge_needs_the_answer_and_a_gold_citation():
    item = GoldItem("q", "?", "9/63", ("a.txt",), "", True, "rank")
    assert judge(item, True, "9/63", None, ["a.txt"]) == (True, True)
    assert judge(item, True, "9/63", None, ["b.txt"]) == (True, False)
    assert judge(item, False, "9/63", None, ["a.txt"]) == (False, False)
    unanswerable = GoldItem("u", "?", "", (), "", False, "unanswerable")
    assert judge(unanswerable, False, "", None, []) == (True, True)
    assert judge(unanswerable, True, "3", None, []) == (False, False)


def test_abstention_precision_and_recall():
    assert abstention([True, True, False, False], [True, False, True, False]) == (0.5, 0.5)
    assert abstention([True, False], [False, False]) == (None, 0.0)
    assert abstention([False, False], [True, False]) == (0.0, None)


# ------------------------------------------------------------------ gold files
def test_malformed_gold_line_is_named(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text('{"id": "a", "question": "Q?", "answerable": false}\n{"id": "b", "question": "Q?"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:2: missing field 'answerable'"):
        load_gold(p)


def test_every_gold_evidence_is_in_its_articles_after_ingestion():
    items = load_gold(GOLD) + [t for turns in load_followups(FOLLOWUPS).values() for t in turns]
    missing = []
    for item in (i for i in items if i.answerable):
        articles = [read_article(SEEDS / d) for d in item.doc_ids]
        if item.field:  # metadata the ingestion moves out of the text: compare with the stored value
            ok = any(getattr(a, item.field) == normalize_line(item.evidence) for a in articles)
        else:
            ok = any(normalize_line(item.evidence) in a.text for a in articles)
        if not ok:
            missing.append(item.id)
    assert not missing


# ------------------------------------------------------------------ end to end
class ScriptedQA:
    """A real QA for retrieval whose `ask` returns scripted answers and records the history it got."""

    def __init__(self, qa, answers: dict[str, Answer]):
        self._qa, self._answers, self.histories = qa, answers, []
        self.search, self.sentences, self.info = qa.search, qa.sentences, qa.info
        self.embedder, self.fusion = qa.embedder, qa.fusion

    def ask(self, question, history=None):
        self.histories.append((question, list(history or [])))
        return self._answers.get(question, Answer(question, False, ""))


def _citation(doc_id: str) -> Citation:
    return Citation(doc_id, "", "", "", 0, 0, 0, 0)


@pytest.fixture
def tiny(tmp_path):
    """A corpus of one made-up article, its index (fake embedder), a gold file and a follow-up file."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hoa_mai.txt").write_text(MADE_UP_ARTICLE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"id": "g1", "question": "Tỉnh Hoa Mai đứng thứ mấy về chuyển đổi số năm 2023?", "answer": "7/63",
         "doc_ids": ["hoa_mai.txt"], "evidence": "đứng thứ 7/63 tỉnh, thành phố", "answerable": True, "kind": "rank"},
        {"id": "g2", "question": "tỷ lệ hồ sơ trực tuyến toàn trình của hoa mai", "answer": "87,5%",
         "doc_ids": ["hoa_mai.txt"], "evidence": "đạt 87,5%", "answerable": True, "kind": "percent"},
        {"id": "g3", "question": "Ai viết bài về Hoa Mai?", "answer": "Trần Văn An", "doc_ids": ["hoa_mai.txt"],
         "evidence": "TRẦN VĂN AN", "answerable": True, "kind": "entity", "field": "author"},
        {"id": "g4", "question": "Hoa Mai xếp thứ mấy năm 2030?", "answer": "", "doc_ids": [], "evidence": "",
         "answerable": False, "kind": "unanswerable"},
    ]
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    followups = tmp_path / "followups.jsonl"
    followups.write_text(json.dumps({"id": "f1", "doc_ids": ["hoa_mai.txt"], "turns": [
        {"question": rows[0]["question"], "answer": "7/63", "evidence": "đứng thứ 7/63", "answerable": True},
        {"question": "Còn năm 2030?", "answer": "", "evidence": "", "answerable": False}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    qa = dtiqa.load(corpus, tmp_path / "index", HashEmbedder())
    return qa, gold, followups, rows


def test_run_scores_retrieval_answers_and_abstention(tiny):
    qa, gold, followups, rows = tiny
    q = [r["question"] for r in rows]
    scripted = ScriptedQA(qa, {
        q[0]: Answer(q[0], True, "7/63", 7.0, citations=[_citation("hoa_mai.txt")]),  # right, cited
        q[1]: Answer(q[1], True, "85%", 85.0, citations=[_citation("hoa_mai.txt")]),  # wrong number
        q[3]: Answer(q[3], True, "thứ 3"),  # should have abstained
    })
    result = run(scripted, gold, followups_path=followups)
    s = result["summary"]
    assert s["retrieval"]["n"] == 2  # the author question has no evidence sentence
    assert s["retrieval"]["hit@10"] == 1.0 and 0 < s["retrieval"]["mrr"] <= 1
    assert s["answers"]["accuracy"] == pytest.approx(1 / 3)
    assert s["answers"]["accuracy_cited"] == pytest.approx(1 / 3)
    assert (s["answers"]["abstention_precision"], s["answers"]["abstention_recall"]) == (0.0, 0.0)
    assert s["answers"]["overall"] == pytest.approx(1 / 4)
    assert s["latency"]["search_p50"] > 0 and s["latency"]["ask_p95"] >= s["latency"]["ask_p50"]
    assert [r["id"] for r in result["failures"]] == ["g2", "g3", "g4"]
    assert result["kinds"]["rank"]["answers"]["overall"] == 1.0
    fu = result["followups"]
    assert (fu["turns"], fu["accuracy"]) == (2, 1.0)  # scripted: the 2030 turn abstains
    assert [len(h) for question, h in scripted.histories if question == "Còn năm 2030?"] == [1]
    text = render(result)
    assert "hit@1" in text and "| g4 | unanswerable |" in text and "(abstain)" in text


def _args(*argv: str) -> argparse.Namespace:
    """Parse as `dtiqa` would once the eval commands are registered."""
    common = argparse.ArgumentParser(add_help=False)
    for flag in ("--corpus", "--index", "--embedder"):
        common.add_argument(flag)
    common.add_argument("-q", "--quiet", action="store_true")
    p = argparse.ArgumentParser(prog="dtiqa")
    add_commands(p.add_subparsers(dest="command", required=True), common)
    args = p.parse_args(argv)
    args.embedder = HashEmbedder()
    return args


def test_eval_command_prints_report_and_writes_json(tiny, tmp_path, capsys):
    qa, gold, _, _ = tiny
    out = tmp_path / "result.json"
    args = _args("eval", str(gold), "--corpus", str(qa.corpus), "--index", str(qa.index_dir), "--mode", "bm25",
                 "--json", str(out), "-q")
    assert run_command(args) == 0
    assert "Retrieval of the evidence sentence" in capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["config"]["mode"] == "bm25" and data["followups"]["turns"] == 2  # followups.jsonl beside the gold


@pytest.mark.skipif(not (XQUAD / "xquad.vi.json").exists(), reason=f"XQuAD is not in {XQUAD}")
def test_eval_external_on_five_xquad_paragraphs(tmp_path, capsys):
    args = _args("eval-external", "--data", str(XQUAD), "--limit", "5", "--index", str(tmp_path), "-q",
                 "--json", str(tmp_path / "x.json"))
    assert run_command(args) == 0
    assert "passage hit@1" in capsys.readouterr().out
    data = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert data["articles"] == 5 and set(data["vi"]) == set(data["en"]) == {"hybrid", "bm25", "dense"}
    r = data["vi"]["hybrid"]["passage"]
    assert 0 <= r["hit@1"] <= r["hit@5"] <= r["hit@10"] <= 1
    assert len(list((tmp_path / "xquad-corpus-5").glob("*.txt"))) == 5


def test_reasons_mark_what_the_figures_do_not_settle():
    def result(mrr: float, mrr_without_diacritics: float = 0.5) -> dict:
        return {"summary": {"retrieval": {"mrr": mrr, "n": 100}}, "no_diacritics": {"mrr": mrr_without_diacritics, "n": 10}}

    results = {"default": result(0.80, 0.70), "bm25": result(0.70), "dense": result(0.85), "weighted": result(0.79),
               "no-folding": result(0.80, 0.60), "context": result(0.80)}
    lines = reasons(results, {})
    assert "the default is better" in lines[0]
    assert "the alternative is better" in lines[1]
    assert "within noise" in lines[2] and "kept because" in lines[2]  # the maintainers' reason, not a placeholder
    assert "within noise" in lines[3]  # folding is judged on the 10 questions typed without diacritics: 0.1 is noise
    results["no-folding"] = result(0.80, 0.30)
    assert "the default is better" in reasons(results, {})[3]


def test_report_has_the_default_the_ablations_and_the_reasons(tiny, tmp_path):
    qa, gold, _, _ = tiny
    out = tmp_path / "eval" / "report.md"
    write_report(out, gold, qa.corpus, tmp_path / "index", qa.embedder, external=False)
    text = out.read_text(encoding="utf-8")
    for heading in ("## Default configuration", "## Ablations", "### Why these defaults", "## Failures"):
        assert heading in text
    assert "| with sentence context |" in text and "CPUs" in text and "Python" in text
    assert (tmp_path / "index" / "eval-no-folding" / "CURRENT").exists()
    figures = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert set(figures["ablations"]) == {"default", "bm25", "dense", "weighted", "no-folding", "context"}


def test_first_sight_history_is_appended_and_rendered(tmp_path):
    from dtiqa.evaluate import record_first_sight, render_history

    history = tmp_path / "history.jsonl"
    assert "No first-sight" in render_history(history)
    result = {"answers": {"n": 10, "n_answerable": 8, "accuracy_cited": 0.5, "coverage": 0.75,
                          "confident_wrong_rate": 0.2, "abstention_recall": 1.0},
              "summary": {"retrieval": {"hit@1": 0.4, "hit@5": 0.9}}}
    record_first_sight(history, "eval/heldout", "rules", result)
    record_first_sight(history, "eval/heldout2", "scorer", result)
    table = render_history(history)
    assert table.count("\n") == 3 and "eval/heldout2" in table and "scorer" in table and "0.500" in table


def test_confident_wrong_counts_wrong_answers_among_answered():
    from dtiqa.evaluate import answered_figures, risk_coverage

    rows = [{"answerable": True, "found": True, "correct": True, "correct_cited": True, "confidence": 0.9},
            {"answerable": True, "found": True, "correct": True, "correct_cited": False, "confidence": 0.8},
            {"answerable": True, "found": False, "correct": False, "correct_cited": False, "confidence": 0.1},
            {"answerable": False, "found": True, "correct": False, "correct_cited": False, "confidence": 0.7},
            {"answerable": False, "found": False, "correct": True, "correct_cited": True, "confidence": 0.0}]
    a = answered_figures(rows)
    assert a["answered"] == 3 and a["confident_wrong"] == 2 and a["accuracy_cited"] == pytest.approx(1 / 3)
    assert a["coverage"] == pytest.approx(2 / 3) and a["abstention_recall"] == 0.5
    curve = risk_coverage(rows, points=(0.34, 1.0))
    assert curve[0]["n"] == 1 and curve[0]["accuracy"] == 1.0 and curve[1]["accuracy"] == pytest.approx(1 / 3)


def test_threshold_curve_counts_withheld_answers_as_given_above_their_threshold():
    from dtiqa.evaluate import threshold_curve

    rows = [  # found and right (0.9); withheld but right (0.6); withheld and wrong (0.4); unanswerable, given (0.8)
        {"answerable": True, "found": True, "correct": True, "correct_cited": True, "confidence": 0.9},
        {"answerable": True, "found": False, "correct": False, "correct_cited": False, "confidence": 0.6,
         "withheld": "12/63", "withheld_right": True},
        {"answerable": True, "found": False, "correct": False, "correct_cited": False, "confidence": 0.4,
         "withheld": "7", "withheld_right": False},
        {"answerable": False, "found": True, "correct": False, "correct_cited": False, "confidence": 0.8},
    ]
    curve = {p["threshold"]: p for p in threshold_curve(rows, (0.0, 0.5, 0.85))}
    assert curve[0.0]["answered"] == 4 and curve[0.0]["accuracy_cited"] == 2 / 3
    assert curve[0.0]["confident_wrong_rate"] == 2 / 4
    assert curve[0.5]["answered"] == 3 and curve[0.5]["confident_wrong_rate"] == 1 / 3
    assert curve[0.85]["answered"] == 1 and curve[0.85]["accuracy_cited"] == 1 / 3 and curve[0.85]["confident_wrong_rate"] == 0


@pytest.mark.parametrize("gold, verdict, text, ok", [
    ("Sai", "sai", "71%", True),  # the gold answer is the verdict alone
    ("Sai", "đúng", "71%", False),
    ("Sai, 9/63", "sai", "7/63", False),  # the gold answer states the figure: it must be stated
    ("Sai, 9/63", "sai", "9/63", True),
    ("Sai: X xếp 24/63; top 20 là mục tiêu năm 2025", "sai", "24/63", True),  # the explanation's other figures
    ("Sai: X xếp 24/63; top 20 là mục tiêu năm 2025", "sai", "27/63", False),
])
def test_a_claim_is_judged_by_its_verdict_and_any_figure_the_gold_states(gold, verdict, text, ok):
    item = GoldItem("c1", "X đứng thứ 7 đúng không?", gold, ("a.txt",), "X đứng thứ 7", True, "claim", verdict="sai")
    assert judge(item, True, text, None, ["a.txt"], verdict)[0] is ok


@pytest.mark.parametrize("gold, text, ok", [
    ("Lâm Đồng: 0,5826 (14/34) vs Gia Lai 0,5539 (19/34)", "Lâm Đồng (0,5826; Gia Lai: 0,5539)", True),
    ("Bắc Ninh (cũ): 0.6190 (13/63) vs Bắc Giang 0.5844 (18/63)", "Bắc Ninh (13/63; Bắc Giang: 18/63)", True),
    ("kinh tế số (0,4236 điểm, 38/63)", "Kinh tế số (hạng 38/63)", True),
    ("kinh tế số (0,4236 điểm, 38/63)", "Kinh tế số (hạng 37/63)", False),  # a figure the gold does not state
    ("kinh tế số (0,4236 điểm, 38/63)", "Xã hội số (hạng 38/63)", False),  # another choice
    ("Bình Dương, 0.0286", "Bình Dương", False),  # the figure is the answer asked, not its explanation
    ("Năm 2024 (18/63)", "Năm 2023 (18/63)", False),
])
def test_a_choice_is_judged_by_the_name_and_any_figure_the_gold_states(gold, text, ok):
    item = GoldItem("c1", "Tỉnh nào cao hơn?", gold, ("a.txt",), "…", True, "comparison")
    assert judge(item, True, text, None, ["a.txt"])[0] is ok


def test_retrieval_ablations_run_each_configuration_on_batches_and_restore_the_defaults(tmp_path):
    from conftest import shipped_embedder

    from dtiqa import hits
    from dtiqa.evaluate import RETRIEVAL_ABLATIONS, render_retrieval_ablations, retrieval_on_batches

    seeds, batch = tmp_path / "seeds", tmp_path / "batch"
    (seeds).mkdir()
    (batch / "articles").mkdir(parents=True)
    (seeds / "s.txt").write_text("Tin khác\n\nThời tiết Hà Nội hôm nay nắng nhẹ.\n", encoding="utf-8")
    (batch / "articles" / "a.txt").write_text(
        "Lâm Đồng công bố DTI 2024\n\nNăm 2024, Lâm Đồng xếp thứ 22/63 về chuyển đổi số. Tổng điểm của tỉnh đạt 0,4871.\n",
        encoding="utf-8")
    rows = [{"id": "q1", "question": "Lâm Đồng xếp thứ mấy về DTI 2024?", "answer": "22/63", "doc_ids": ["a.txt"],
             "evidence": "Lâm Đồng xếp thứ 22/63", "answerable": True, "kind": "rank"},
            {"id": "q2", "question": "Tỉnh nào đứng đầu PCI?", "answer": "", "doc_ids": [], "evidence": "",
             "answerable": False, "kind": "unanswerable"}]
    (batch / "questions.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = retrieval_on_batches([batch], tmp_path / "index", shipped_embedder(), seeds=seeds)
    assert list(result) == [name for name, _ in RETRIEVAL_ABLATIONS]
    assert all(r["n"] == 1 and r["hit@5"] == 1.0 for r in result.values())
    assert hits.GLOSSARY is True and hits.SIGNAL_CANDIDATES > 0
    assert "| fusion's order (no reranker) | 1 |" in render_retrieval_ablations(result, [batch])
