"""Candidates: the spans a sentence offers as answers, and the constraint check that refuses with a reason."""
from __future__ import annotations

import pytest

from dtiqa.candidates import _FOREIGN, _spans
from dtiqa.numbers import ordinals


@pytest.mark.parametrize("text, values", [
    ("Long An ranked seventh among 63 provinces", [7]),
    ("up from 11th in 2022 to 7th in 2023", [11, 7]),
    ("first in the digital economy pillar, twelfth overall", [1, 12]),
    ("the 2023 edition, 63 provinces", []),
])
def test_english_ordinals_are_read_as_numbers(text, values):
    assert [v for _, _, v in ordinals(text)] == values


def test_a_sentence_offers_numbers_dates_ordinals_and_digit_tokens_once_each():
    spans = _spans("Ngày 2/5/2023, tỉnh xếp thứ 9/63, đạt chuẩn JLPT_N3 và ranked fifth, tăng 16 bậc.", "", None,
                   frozenset())
    by_text = {s.text: s.role for s in spans}
    assert by_text["2/5/2023"] == "date" and by_text["9/63"] == "rank" and by_text["16"] == "rank_change"
    assert by_text["JLPT_N3"] == "token" and by_text["fifth"] == "rank"
    starts = [s.start for s in spans]
    assert len(starts) == len(set(starts))  # no span read twice (the date's digits are not numbers too)


@pytest.mark.parametrize("question, foreign", [
    ("Bình Phước xếp thứ mấy về DTI năm 2021?", False),
    ("binh phuoc xep thu may", False),
    ("What was Binh Phuoc's DTI rank?", False),
    ("ĐẮK LẮK ĐỨNG THỨ MẤY?", False),
    ("Сколько места заняла провинция?", True),
    ("чуyển", True),
    ("平福省排名第几?", True),
])
def test_questions_in_other_scripts_are_recognised(question, foreign):
    assert bool(_FOREIGN.search(question)) == foreign
