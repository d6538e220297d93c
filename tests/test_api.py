"""The JSON API (dtiqa.api): typed fields, the conversation passed explicitly, the same answer as the page."""
from __future__ import annotations

import json

import pytest

from dtiqa import api
from dtiqa.answer import Answer, Citation
from dtiqa.cli import main

from conftest import MADE_UP_ARTICLE, qa_of

# A second made-up province, with neither date nor address: its citations must still be usable.
SAO_VANG = """Sao Vàng tăng tốc chuyển đổi số
Năm 2022, tỉnh Sao Vàng xếp thứ 12/63 về chỉ số chuyển đổi số (DTI), tăng 5 bậc so với năm 2021.
Theo Sở Thông tin và Truyền thông, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh Sao Vàng đạt 64,2%.
"""
ARTICLES = {"hoa_mai.txt": MADE_UP_ARTICLE, "sao_vang.txt": SAO_VANG}
RANK = "Tỉnh Hoa Mai xếp thứ mấy về chỉ số chuyển đổi số năm 2023?"
FOLLOW_UP = "Còn năm 2022 thì sao?"
CHANGE = "Tăng bao nhiêu bậc?"
ANSWER_FIELDS = {"question": str, "found": bool, "text": str, "unit": str, "kind": str, "confidence": float,
                 "citations": list, "hits": list, "message": str, "notes": list, "provinces": list, "index": str,
                 "reasons": list, "method": str, "computed": bool, "verdict": str, "suggestion": str}


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return qa_of(tmp_path_factory, "api", ARTICLES)


def as_json(value):
    """What a client receives: the value through JSON."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def test_answer_has_typed_fields_for_value_place_time_and_index(qa):
    answer, history = api.answer(qa, RANK, [])
    for key, kind in ANSWER_FIELDS.items():
        assert isinstance(answer[key], kind), key
    assert (answer["value"], answer["unit"], answer["province"], answer["year"]) == (7.0, "hạng", "Hoa Mai", 2023)
    assert (answer["index"], answer["pillar"], answer["provinces"]) == ("dti", None, ["Hoa Mai"])
    assert as_json(answer) == answer and as_json(history) == history


def test_citations_carry_offsets_into_the_article_and_its_url(qa):
    answer, _ = api.answer(qa, RANK, [])
    c = answer["citations"][0]
    text = qa.article(c["doc_id"]).text
    assert text[c["start"]:c["end"]] == c["sentence"]
    assert text[c["answer_start"]:c["answer_end"]] == answer["text"]
    assert c["url"] == qa.article(c["doc_id"]).url and c["url"].startswith("https://")


def test_notes_are_the_message_lines_besides_the_answer_and_its_sources():
    ans = Answer("q", True, "9/63", message="Xếp thứ **9/63**.\nNguồn: bài “x”\nLưu ý: nay thuộc **tỉnh** khác.")
    assert api.notes(ans) == ["Lưu ý: nay thuộc tỉnh khác."]
    assert api.answer_json(ans)["notes"] == ["Lưu ý: nay thuộc tỉnh khác."]


def test_history_passed_back_answers_the_follow_up_and_empty_history_starts_anew(qa):
    first, history = api.answer(qa, RANK, [])
    follow, history = api.answer(qa, FOLLOW_UP, as_json(history))
    assert follow["found"] and follow["text"].startswith("28/63") and follow["year"] == 2022
    assert [t["question"] for t in history] == [RANK, FOLLOW_UP]
    fresh, history = api.answer(qa, FOLLOW_UP, [])
    assert not fresh["text"].startswith("28/63") and len(history) == 1


def test_json_history_answers_as_the_earlier_answers_themselves_do(qa):
    """The page keeps this JSON; evaluations pass the Answers: three turns get the same answers either way."""
    answers, turns = [], []
    for question in (RANK, FOLLOW_UP, CHANGE):
        direct = qa.ask(question, history=list(answers), k=5)
        via_json, turns = api.ask(qa, question, as_json(turns), k=5)
        assert api.answer_json(via_json) == api.answer_json(direct), question
        answers.append(direct)


def test_history_of_plain_questions_is_read_again_in_order(qa):
    _, turns = api.ask(qa, FOLLOW_UP, [RANK])
    ans, _ = api.ask(qa, CHANGE, [RANK, {"question": FOLLOW_UP}])
    full, _ = api.ask(qa, CHANGE, turns)
    assert ans.text == full.text and ans.found
    assert turns[0]["context"]["provinces"] == ["Hoa Mai"]


def test_a_turn_with_a_damaged_context_is_read_again_from_its_question(qa):
    _, turns = api.ask(qa, RANK, [])
    damaged = [dict(turns[0], context={"kind": 5, "provinces": "Hoa Mai"})]
    assert api.ask(qa, FOLLOW_UP, damaged)[0].text == api.ask(qa, FOLLOW_UP, turns)[0].text


def test_context_round_trips_the_parsed_question(qa):
    ans, turns = api.ask(qa, FOLLOW_UP, [RANK])
    q = api.question_from(as_json(turns[-1]["context"]))
    assert q == ans.analysis and q.inherited == ans.analysis.inherited


def test_history_keeps_the_last_turns(qa):
    turns = [{"question": f"{RANK} ({i})"} for i in range(api.HISTORY_TURNS + 3)]
    _, history = api.ask(qa, RANK, turns)
    assert len(history) == api.HISTORY_TURNS and history[-1]["question"] == RANK


@pytest.mark.parametrize("history", ["Hoa Mai", [5], [{"answer": "7/63"}]])
def test_history_that_is_no_list_of_turns_is_refused_with_a_reason(qa, history):
    with pytest.raises(ValueError, match="history"):
        api.ask(qa, RANK, history)


def test_search_facts_and_articles_are_json_with_their_sources(qa):
    hits = api.search(qa, RANK, k=2)
    assert len(hits) == 2 and {"doc_id", "sentence", "start", "end", "url", "score"} <= hits[0].keys()
    facts = api.facts(qa, "hoa mai", 2023)
    assert facts and all(f["province"] == "Hoa Mai" and f["year"] == 2023 for f in facts)
    assert facts[0]["url"].startswith("https://") and facts[0]["title"] == qa.article("hoa_mai.txt").title
    listed = api.articles(qa)
    assert [a["doc_id"] for a in listed] == ["hoa_mai.txt", "sao_vang.txt"] and all(a["text"] is None for a in listed)
    assert listed[1]["date"] == "" and listed[1]["sentences"] == len(qa.sentences("sao_vang.txt"))
    one, = api.articles(qa, "sao_vang.txt")
    assert one["text"] == qa.article("sao_vang.txt").text
    assert as_json([hits, facts, listed]) == [hits, facts, listed]


@pytest.mark.parametrize("call", [lambda qa: api.search(qa, RANK, k=0), lambda qa: api.facts(qa, "", "2023"),
                                  lambda qa: api.answer(qa, RANK, [], k=True)])
def test_bad_numbers_are_refused(qa, call):
    with pytest.raises(ValueError):
        call(qa)


def test_unknown_article_is_a_key_error(qa):
    with pytest.raises(KeyError):
        api.articles(qa, "nope.txt")


def test_cli_ask_json_prints_the_api_answer(qa, capsys):
    assert main(["ask", RANK, "--json", "-q", "--corpus", str(qa.corpus), "--index", str(qa.index_dir)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == as_json(api.answer(qa, RANK, [])[0])


def test_a_citation_without_date_or_address_is_still_json(qa):
    ans = Answer("q", True, "12/63", citations=[Citation("sao_vang.txt", "Sao Vàng", "", "câu", 0, 3, 0, 3)])
    c = api.answer_json(ans)["citations"][0]
    assert (c["url"], c["date"], c["page"]) == ("", "", None)
