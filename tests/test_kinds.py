"""The question-kind model: which kind of figure a question asks for, fitted, numpy-free at serving."""
from __future__ import annotations

import pytest

from dtiqa import kinds
from dtiqa.question import analyze


def test_a_fitted_model_reads_the_kind_from_the_words_that_carry_it(tmp_path):
    questions = ["Tỉnh A đạt bao nhiêu điểm?", "Điểm của tỉnh B là bao nhiêu?", "Tổng điểm tỉnh C bao nhiêu?",
                 "Dự toán của tỉnh A là bao nhiêu?", "Kinh phí tỉnh B bao nhiêu?", "Dự toán năm nay bao nhiêu?",
                 "Có bao nhiêu xã ở tỉnh A?", "Bao nhiêu hộ ở tỉnh B?", "Số xã của tỉnh C là bao nhiêu?"]
    labels = ["score"] * 3 + ["amount"] * 3 + ["count"] * 3
    model = kinds.fit(questions * 2, labels * 2, C=10.0)
    assert model.predict("Điểm của tỉnh D là bao nhiêu?")[0] == "score"
    assert model.predict("Dự toán của tỉnh D bao nhiêu?")[0] == "amount"
    path = tmp_path / "kinds.json"
    model.save(path)
    import json

    again = kinds.KindModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
    assert again.probabilities("Bao nhiêu xã?") == pytest.approx(model.probabilities("Bao nhiêu xã?"))


def test_the_model_decides_only_among_figure_kinds():
    model = kinds.KindModel(("amount", "count"), {"du": [5.0, -5.0]}, (0.0, 0.0), {})
    kinds.serve(model)
    try:
        assert kinds.fitted_kind("Dự toán bao nhiêu?", "count") == "amount"
        assert kinds.fitted_kind("Dự toán do ai lập?", "person") == "person"  # no figure asked: the cue list's kind
        assert kinds.fitted_kind("Bao nhiêu?", "count") == "count"  # not sure enough (0.5 each): the cue list's kind
    finally:
        kinds.reset()


def test_the_shipped_model_tells_a_score_or_an_amount_from_a_count():
    assert kinds.default() is not None
    assert analyze("Điểm hạ tầng số của tỉnh Nghệ An trong DTI 2024 là bao nhiêu?").kind == "score"
    assert analyze("Sở đề xuất dự toán bao nhiêu cho chuyển đổi số năm 2026?").kind == "amount"
    assert analyze("Có bao nhiêu xã chưa có cáp quang?").kind == "count"
