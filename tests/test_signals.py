"""Sentence signals: what each indexed sentence offers a question, read at index time."""
from __future__ import annotations

import json

from conftest import qa_of

from dtiqa import signals
from dtiqa.index import open_index, scan, stale_reason

ARTICLES = {
    "lam_dong.txt": ("Lâm Đồng công bố kết quả chuyển đổi số năm 2023\n\n"
                     "Năm 2023, Chỉ số chuyển đổi số (DTI) của Lâm Đồng xếp thứ 18/63.\n\n"
                     "Tổng điểm của tỉnh đạt 0,5123. Tỷ lệ hồ sơ trực tuyến đạt 61,5%.\n\n"
                     "Về chỉ số PCI, tỉnh đứng thứ 30.\n"),
}


def _row(qa, starts: str) -> int:
    return next(r for r in range(qa.index.size) if qa.index.sentence(r).text.startswith(starts))


def test_a_sentence_that_names_no_province_is_about_its_articles(tmp_path_factory):
    qa = qa_of(tmp_path_factory, "signals", ARTICLES)
    cols = qa.index.signals
    r = _row(qa, "Tổng điểm")
    assert cols["context_place"][r] == signals.place_id("Lâm Đồng") == cols["main_place"][r]
    assert cols["edition"][r] == 2023


def test_the_kinds_of_figures_a_sentence_states_are_kept(tmp_path_factory):
    qa = qa_of(tmp_path_factory, "signals-kinds", ARTICLES)
    cols = qa.index.signals
    assert cols["roles"][_row(qa, "Tổng điểm")] & signals.role_mask(["score"])
    assert cols["roles"][_row(qa, "Tỷ lệ")] & signals.role_mask(["percent"])
    assert cols["roles"][_row(qa, "Năm 2023")] & signals.role_mask(["rank"])
    pci = cols["rankings"][_row(qa, "Về chỉ số PCI")]
    assert pci & signals.ranking_mask(["pci"]) and not pci & signals.ranking_mask(["dti"])


def test_an_index_written_with_other_signals_is_stale_and_read_as_knowing_nothing(tmp_path_factory):
    qa = qa_of(tmp_path_factory, "signals-stale", ARTICLES)
    path = qa.index.path
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    manifest["signals"] = "older"
    (path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    old = open_index(path.parent)
    assert (old.signals["context_place"] == -1).all() and (old.signals["roles"] == 0).all()
    corpus = path.parent.parent / "corpus"
    assert stale_reason(old, scan(corpus), qa.embedder.id, old.settings) == "sentence signals changed"
