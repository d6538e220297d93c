"""Index: the corpus as searchable arrays (BM25 + FAISS), persisted as a versioned folder.

Layout of an index folder:
  CURRENT          name of the live version folder (swapped atomically)
  v-<stamp>/       manifest.json, articles.jsonl, sentences.npz, facts.jsonl,
                   tokens.npy + token_offsets.npy + token_counts.npy, vocab.json,
                   keys.npy, dense.faiss, bm25/, diacritics.json, spellings.json
  .lock            held by the one process that writes

A build goes to a temporary folder that becomes live only by the atomic
replace of CURRENT, so a build killed half-way never leaves an index that
loads, and readers see the old or the new index, never half of one.

A build runs the per-article pipeline (passages.py) on an engine (engines.py:
every core of this machine, or a Ray cluster) for new and changed articles
only, then merges its batches with what the old index already holds. The big
arrays (BM25 tokens and term scores) are memory-mapped when loaded: searching
touches only the postings of the query's terms. See eval/bench.md for the
figures behind the choices here.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from .article import SUFFIXES, Article
from .diacritics import DiacriticModel
from . import signals
from .embed import Embedder
from .facts import FACTS_VERSION, Fact
from .passages import EMBED_BATCH, STAGES, count_spellings, merge_counts, spelling_model  # noqa: F401
from .sentences import Sentence

log = logging.getLogger("dtiqa")

FORMAT_VERSION = 3  # bump when cleaning, splitting or the file layout changes

# Dense vectors are stored as float16 (exact search on half the memory, and faster than
# float32: eval/bench.md). Up to DENSE_EXACT_MAX sentences the search is exact; above it,
# HNSW over the same float16 vectors (an exact scan costs ~65 ms a query per million vectors here).
DENSE_EXACT_MAX = 1_500_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128
HNSW_MAX_DEAD = 0.2  # rebuild the graph when this share of its vectors belongs to removed sentences
BM25_K1, BM25_B = 1.5, 0.75  # bm25s's defaults, Lucene variant
BM25_CHUNK_TOKENS = 2_000_000  # tokens sorted at a time when building BM25 (~80 MB: bounds the build's memory)


class CorpusError(ValueError):
    """The corpus folder is missing or holds no readable article."""


class IndexCorrupt(Exception):
    """An index folder that cannot be loaded as it is."""


@dataclass(frozen=True)
class Settings:
    """Index-time choices; a change means a rebuild."""

    bm25: str = "bm25s"  # "bm25s" (fast, sparse matrices) or "rank_bm25" (reference)
    folding: bool = True  # index diacritic-free forms too
    context: bool = False  # index each sentence with its title, heading and previous sentence (measured: off is better, see eval/report.md)

    def __post_init__(self):
        if self.bm25 not in ("bm25s", "rank_bm25"):
            raise ValueError(f"unknown BM25 backend {self.bm25!r}: use 'bm25s' or 'rank_bm25'")


@dataclass
class FileState:
    """What the manifest remembers of one corpus file."""

    sha256: str
    size: int
    mtime_ns: int
    error: str = ""  # why it was not indexed, if it was not


class BM25Scores:
    """Precomputed BM25 term scores, one column of (document, score) per term (bm25s's layout).

    The folder is what bm25s saves (params.index.json and CSC arrays), so
    `bm25s.BM25.load(path, load_vocab=False)` opens it too; our vocab.json
    maps tokens to its columns. Scoring is bm25s's: the sum of the query
    terms' columns. Loading maps the arrays instead of reading them, and does
    not import bm25s (0.6 s).
    """

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, num_docs: int):
        self.data, self.indices, self.indptr, self.num_docs = data, indices, indptr, num_docs

    @classmethod
    def load(cls, path: Path) -> "BM25Scores":
        params = json.loads((path / "params.index.json").read_text(encoding="utf-8"))
        arrays = [np.load(path / f"{k}.csc.index.npy", mmap_mode="r") for k in ("data", "indices", "indptr")]
        return cls(*arrays, int(params["num_docs"]))

    def get_scores(self, token_ids) -> np.ndarray:
        """BM25 score of every document for a query given as token ids (repeats count again)."""
        scores = np.zeros(self.num_docs, np.float32)
        ids = np.asarray(token_ids, np.int64)
        if len(ids) and ids.max() >= len(self.indptr) - 1:
            raise ValueError("query token id out of the BM25 vocabulary")
        for t in ids:
            lo, hi = self.indptr[t], self.indptr[t + 1]
            if hi > lo:
                np.add.at(scores, self.indices[lo:hi], self.data[lo:hi])
        return scores


@dataclass
class Index:
    """A loaded index: articles, sentence arrays, BM25 and dense indexes."""

    path: Path
    manifest: dict
    articles: list[Article]
    doc: np.ndarray  # (n,) article row of each sentence
    start: np.ndarray
    end: np.ndarray
    paragraph: np.ndarray
    heading: np.ndarray
    position: np.ndarray  # sentence index within its article
    token_ids: np.ndarray  # flat, all sentences' BM25 token ids (memory-mapped)
    token_offsets: np.ndarray  # (n+1,)
    vocab: list[str]
    keys: np.ndarray  # (n,) S16 hash of the embedded text, the embedding cache key
    dense: object  # faiss index over unit vectors (inner product); its ids are rows
    bm25: object = None
    token_counts: np.ndarray = None  # (vocab,) occurrences of each token in the corpus
    signals: dict = None  # signals.COLUMNS -> (n,) int16: each sentence's context and kinds of figures
    _vocab_map: dict = field(default=None, repr=False)
    _diacritics: DiacriticModel = field(default=None, repr=False)
    _facts: list = field(default=None, repr=False)
    _places: frozenset = field(default=None, repr=False)
    _idf: dict = field(default=None, repr=False)
    _idf_default: float = 1.0
    _doc_rows: dict = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        return Settings(**self.manifest["settings"])

    @property
    def size(self) -> int:
        return len(self.doc)

    @property
    def vocab_map(self) -> dict:
        if self._vocab_map is None:
            self._vocab_map = {t: i for i, t in enumerate(self.vocab)}
        return self._vocab_map

    @property
    def diacritics(self) -> DiacriticModel:
        """The corpus's spelling model, loaded on first use (only queries without diacritics need it)."""
        if self._diacritics is None:
            self._diacritics = DiacriticModel.load(self.path / "diacritics.json")
        return self._diacritics

    @property
    def facts(self) -> list[Fact]:
        """The rank facts of every article, extracted at index time."""
        if self._facts is None:
            shared: dict[str, str] = {}  # one copy of each sentence, province, ... (millions of rows at scale)

            def row(d: dict) -> Fact:
                for k, v in d.items():
                    if isinstance(v, str):
                        d[k] = shared.setdefault(v, v)
                return Fact.from_dict(d)

            with open(self.path / "facts.jsonl", encoding="utf-8") as f:
                self._facts = [row(json.loads(line)) for line in f]
        return self._facts

    def idf(self, word: str) -> float:
        """Inverse frequency of a folded syllable among the indexed sentences (rare words weigh more)."""
        if self._idf is None:
            counts = self.token_counts
            if counts is None:
                counts = np.bincount(self.token_ids, minlength=len(self.vocab)) if len(self.token_ids) else np.zeros(len(self.vocab))
            n = max(1, self.size)
            self._idf = {t[1:]: float(np.log(1 + n / (1 + c))) for t, c in zip(self.vocab, counts.tolist())
                         if t.startswith("~") and "_" not in t}
            self._idf_default = float(np.log(1 + n))
        return self._idf.get(word, self._idf_default)

    @property
    def extra_places(self) -> frozenset:
        """Provinces the facts name that the province data file does not list ("tỉnh Hoa Mai")."""
        if self._places is None:
            from .provinces import names

            known = set(names())
            self._places = frozenset(f.province for f in self.facts if f.province not in known)
        return self._places

    def article_row(self, doc_id: str) -> int:
        if self._doc_rows is None:
            self._doc_rows = {a.doc_id: i for i, a in enumerate(self.articles)}
        return self._doc_rows[doc_id]

    def sentence(self, row: int) -> Sentence:
        a = self.articles[self.doc[row]]
        s, e = int(self.start[row]), int(self.end[row])
        return Sentence(a.doc_id, int(self.position[row]), int(self.paragraph[row]), s, e, a.text[s:e], bool(self.heading[row]))

    def rows_of(self, doc_id: str) -> range:
        i = self.article_row(doc_id)
        lo = int(np.searchsorted(self.doc, i, "left"))
        hi = int(np.searchsorted(self.doc, i, "right"))
        return range(lo, hi)

    def tokens(self, row: int) -> np.ndarray:
        return self.token_ids[self.token_offsets[row]: self.token_offsets[row + 1]]

    def vectors(self, rows=None) -> np.ndarray:
        """Float32 unit vectors of `rows` (default: all), as stored (float16 precision)."""
        rows = np.arange(self.size, dtype=np.int64) if rows is None else np.asarray(rows, np.int64)
        if not len(rows):
            return np.zeros((0, self.manifest["dim"]), np.float32)
        return self.dense.reconstruct_batch(rows)


# ------------------------------------------------------------------ corpus
def is_article_name(name: str) -> bool:
    """The one rule for article files, everywhere: a visible file whose suffix is .txt, .pdf, .html or .htm in
    any case ("A.TXT")."""
    return name.lower().endswith(SUFFIXES) and not name.startswith(".") and name.lower() not in SUFFIXES


def corpus_files(corpus: Path) -> dict[str, Path]:
    """The corpus's articles by id (file name): every article file in the folder, symbolic links left out."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise CorpusError(f"corpus folder {corpus} does not exist: create it or pass another folder")
    files = {}
    for p in sorted(corpus.iterdir()):
        if not is_article_name(p.name):
            continue
        if p.is_symlink():  # a link could serve any file of the machine as an article
            log.warning("%s is a symbolic link: not indexed (copy the article into the corpus instead)", p)
            continue
        if p.is_file():
            files[p.name] = p
    if not files:
        raise CorpusError(f"corpus folder {corpus} holds no articles (.txt, .pdf, .html): add some (dtiqa add FILE)")
    return files


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def scan(corpus: Path, known: dict[str, dict] | None = None) -> dict[str, FileState]:
    """File states of the corpus; hashes only files whose size or mtime changed."""
    known = known or {}
    out = {}
    for doc_id, path in corpus_files(corpus).items():
        st = path.stat()
        k = known.get(doc_id)
        if k and k["size"] == st.st_size and k["mtime_ns"] == st.st_mtime_ns:
            out[doc_id] = FileState(k["sha256"], st.st_size, st.st_mtime_ns, k.get("error", ""))
        else:
            out[doc_id] = FileState(_sha256(path), st.st_size, st.st_mtime_ns)
    return out


def stale_reason(index: Index, files: dict[str, FileState], embedder_id: str, settings: Settings) -> str:
    """Why an index no longer matches the corpus, the embedder or the settings ("" if it does)."""
    m = index.manifest
    if m["embedder"] != embedder_id:
        return f"embedder changed ({m['embedder']} -> {embedder_id})"
    if Settings(**m["settings"]) != settings:
        return "index settings changed"
    if m.get("facts_version") != FACTS_VERSION:
        return "facts extractor changed"
    if m.get("signals") != signals.schema():
        return "sentence signals changed"
    old = m["files"]
    added = files.keys() - old.keys()
    removed = old.keys() - files.keys()
    changed = [d for d in files.keys() & old.keys() if files[d].sha256 != old[d]["sha256"]]
    parts = [f"{len(x)} {what}" for x, what in ((added, "added"), (removed, "removed"), (changed, "changed")) if x]
    return ", ".join(parts)


# ------------------------------------------------------------------ loading
def live_version(index_dir: Path) -> Path | None:
    """The folder of the published index version (None if none is published)."""
    cur = index_dir / "CURRENT"
    if not cur.exists():
        return None
    name = cur.read_text(encoding="utf-8").strip()
    if not name or "/" in name or name.startswith("."):
        raise IndexCorrupt(f"{cur} does not name an index version")
    return index_dir / name


def _dense_size(dense) -> int:
    """Rows a dense index answers for (an HNSW graph also holds the vectors of removed rows, id -1)."""
    import faiss

    if isinstance(dense, faiss.IndexIDMap2):
        ids = faiss.vector_to_array(dense.id_map)
        return int((ids >= 0).sum())
    return dense.ntotal


# Files up to this size are checked against their manifest checksum at every open (all but the largest arrays
# of a big corpus: about 0.1 s per 64 MB); `dtiqa info --verify` checks every file.
EAGER_CHECK_BYTES = 64 << 20


def _checksum(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_checksums(path: Path, manifest: dict, max_bytes: int | None = None) -> int:
    """Check the files of an index version against the checksums its manifest holds (those up to `max_bytes`,
    or all); IndexCorrupt on the first that differs. Returns how many were checked."""
    checked = 0
    for name, digest in manifest.get("checksums", {}).items():
        if max_bytes is not None and manifest["sizes"].get(name, 0) > max_bytes:
            continue
        if _checksum(path / name) != digest:
            raise IndexCorrupt(f"{name} does not match its checksum: the file was changed or damaged")
        checked += 1
    return checked


def open_index(index_dir: Path) -> Index:
    """The live index in `index_dir`, None if there is none; IndexCorrupt if it is damaged."""
    import faiss

    path = live_version(Path(index_dir))
    if path is None:
        return None
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT_VERSION:
            raise IndexCorrupt(f"index format {manifest.get('format')} is not {FORMAT_VERSION}")
        for name, size in manifest["sizes"].items():
            actual = (path / name).stat().st_size
            if actual != size:
                raise IndexCorrupt(f"{name} is {actual} bytes, the manifest says {size}")
        verify_checksums(path, manifest, max_bytes=EAGER_CHECK_BYTES)
        with open(path / "articles.jsonl", encoding="utf-8") as f:
            articles = [Article.from_dict(json.loads(line)) for line in f]
        with np.load(path / "sentences.npz") as z:
            arrays = {k: z[k] for k in ("doc", "start", "end", "paragraph", "heading", "position")}
            # An index written before the signals were stored has none: it is stale, and read as knowing nothing.
            stored = ({k: z[k] for k in signals.COLUMNS} if manifest.get("signals") == signals.schema()
                      else signals.empty(len(arrays["doc"])))
        token_ids = np.load(path / "tokens.npy", mmap_mode="r")
        token_offsets = np.load(path / "token_offsets.npy")
        token_counts = np.load(path / "token_counts.npy")
        vocab = json.loads((path / "vocab.json").read_text(encoding="utf-8"))
        keys = np.load(path / "keys.npy")
        dense = faiss.read_index(str(path / "dense.faiss"))
        if isinstance(dense, faiss.IndexIDMap2):
            faiss.downcast_index(dense.index).hnsw.efSearch = HNSW_EF_SEARCH
        # One thread answers one query fastest (threads cost more than they split: eval/bench.md).
        faiss.omp_set_num_threads(1)
        n = manifest["n_sentences"]
        lengths = ({len(v) for v in arrays.values()} | {len(v) for v in stored.values()}
                   | {len(keys), len(token_offsets) - 1, _dense_size(dense)})
        if (lengths != {n} or len(articles) != manifest["n_articles"] or dense.d != manifest["dim"]
                or len(token_counts) != len(vocab) or len(token_ids) != token_offsets[-1]):
            raise IndexCorrupt("array lengths disagree with the manifest")
        index = Index(path, manifest, articles, token_ids=token_ids, token_offsets=token_offsets,
                      vocab=vocab, keys=keys, dense=dense, token_counts=token_counts, signals=stored, **arrays)
        index.bm25 = _load_bm25(index)
        _hold(index)
        return index
    except IndexCorrupt:
        raise
    except Exception as e:  # any damaged file: JSON, npy, faiss, missing file
        raise IndexCorrupt(f"{type(e).__name__}: {e}") from None


def _load_bm25(index: Index):
    if index.settings.bm25 == "bm25s":
        return BM25Scores.load(index.path / "bm25")
    from rank_bm25 import BM25Okapi

    corpus = [[index.vocab[t] for t in index.tokens(r)] or [""] for r in range(index.size)]
    return BM25Okapi(corpus, epsilon=0.0) if corpus else None


# ------------------------------------------------------------------ building
@contextmanager
def _faiss_threads(n: int):
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(n)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


@dataclass
class _Entry:
    """One article of the new index and where its rows come from: the old index or a batch."""

    doc_id: str
    article: Article
    batch: object  # passages.Batch, or None for rows reused from the old index
    lo: int  # its rows in the batch (or the old index)
    hi: int
    tok_lo: int  # its tokens in the batch (or the old index)
    tok_hi: int
    facts: list


def build(corpus: Path, index_dir: Path, embedder: Embedder, settings: Settings = Settings(),
          old: Index | None = None, files: dict[str, FileState] | None = None, progress: bool = True,
          engine=None) -> Index:
    """Build (or update from `old`) the index of `corpus`, publish it atomically, return it.

    Unchanged articles keep their sentences, tokens and vectors; only new or
    changed ones are cleaned, split, tokenised and embedded, on `engine`
    ("local": every core, the default; "ray": a Ray cluster; or DTIQA_ENGINE).
    """
    from .engines import get_engine

    clock = {"started": time.perf_counter()}
    corpus, index_dir = Path(corpus), Path(index_dir)
    files = files or scan(corpus, old.manifest["files"] if old else None)
    paths = corpus_files(corpus)
    same_embedder = old is not None and old.manifest["embedder"] == embedder.id
    reusable = (same_embedder and Settings(**old.manifest["settings"]) == settings
                and old.manifest.get("facts_version") == FACTS_VERSION and old.manifest.get("signals") == signals.schema())
    old_files = old.manifest["files"] if old else {}
    old_docs = {a.doc_id for a in old.articles} if old else set()

    reuse, jobs = [], []
    for doc_id in sorted(files):
        st, prev = files[doc_id], old_files.get(doc_id)
        if prev and prev["sha256"] == st.sha256 and prev.get("error"):
            st.error = prev["error"]  # known bad file, unchanged: skip quietly
        elif reusable and prev and prev["sha256"] == st.sha256 and doc_id in old_docs:
            reuse.append(doc_id)
        elif doc_id in paths:
            jobs.append((doc_id, paths[doc_id]))
        else:
            st.error = f"{doc_id}: file vanished while indexing"

    eng = get_engine(engine)
    known = set(old.keys.tolist()) if same_embedder else set()
    batches = eng.run(jobs, settings, embedder, known, progress) if jobs else []
    clock["pipeline"] = time.perf_counter()
    for b in sorted(batches, key=lambda b: b.first_doc):
        for doc_id, why in sorted(b.errors.items()):
            files[doc_id].error = why
            log.warning("skipped %s", why)

    entries = _entries(old, reuse, batches)
    if not entries:
        bad = "; ".join(st.error for st in files.values() if st.error)
        raise CorpusError(f"no readable article in {corpus}" + (f" ({bad})" if bad else ""))

    stats = dict(engine=eng.name, workers=getattr(eng, "workers", None), articles_processed=len(jobs),
                 articles_reused=len(reuse), sentences_processed=int(sum(b.size for b in batches)),
                 passages_embedded=int(sum(len(b.vec_keys) for b in batches if b.vec_keys is not None)),
                 seconds={k: round(sum(b.seconds.get(k, 0.0) for b in batches), 3) for k in STAGES})
    index_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    tmp = index_dir / f".tmp-{stamp}-{os.getpid()}"
    tmp.mkdir()
    try:
        manifest = _write(tmp, entries, batches, old if reusable else None, old if same_embedder else None,
                          embedder, settings, files, clock)
        manifest["build"].update(stats)
        del batches, entries
        return _publish(index_dir, tmp, stamp, manifest, clock)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _entries(old: Index | None, reuse: list[str], batches: list) -> list[_Entry]:
    """Every article of the new index, in doc_id order, with the source of its rows."""
    entries = []
    if reuse:  # their facts are copied from the old facts.jsonl as they are written (never all in memory)
        for doc_id in reuse:
            rows = old.rows_of(doc_id)
            entries.append(_Entry(doc_id, old.articles[old.article_row(doc_id)], None, rows.start, rows.stop,
                                  int(old.token_offsets[rows.start]), int(old.token_offsets[rows.stop]), None))
    for b in batches:
        rows = np.concatenate([[0], np.cumsum(b.counts, dtype=np.int64)])
        toks = np.concatenate([[0], np.cumsum(b.token_lengths, dtype=np.int64)])
        facts: dict[str, list] = {}
        for f in b.facts:
            facts.setdefault(f.doc_id, []).append(f)
        for j, a in enumerate(b.articles):
            lo, hi = int(rows[j]), int(rows[j + 1])
            entries.append(_Entry(a.doc_id, a, b, lo, hi, int(toks[lo]), int(toks[hi]), facts.get(a.doc_id, [])))
    entries.sort(key=lambda e: e.doc_id)
    return entries


def _write(tmp: Path, entries: list[_Entry], batches: list, old: Index | None, cache: Index | None,
           embedder: Embedder, settings: Settings, files: dict[str, FileState], clock: dict) -> dict:
    """Merge the entries into the index files in `tmp`; return the manifest (without sizes)."""
    n = sum(e.hi - e.lo for e in entries)
    dim = embedder.dim

    # Sentence arrays, tokens (ids in one vocabulary: the old one, extended), keys.
    cols = {k: np.zeros(n, bool if k == "heading" else np.int32)
            for k in ("doc", "start", "end", "paragraph", "heading", "position")}
    cols |= signals.empty(n)
    keys = np.zeros(n, "S16")
    lengths = np.zeros(n, np.int64)
    vocab = list(old.vocab) if old is not None else []
    vmap = dict(old.vocab_map) if old is not None else {}
    gmaps = {id(b): np.full(len(b.vocab), -1, np.int64) for b in batches}
    old_offsets = old.token_offsets if old is not None else None
    row = 0
    for di, e in enumerate(entries):
        k = e.hi - e.lo
        src = e.batch if e.batch is not None else old
        cols["doc"][row: row + k] = di
        for name in ("start", "end", "paragraph", "heading", "position"):
            cols[name][row: row + k] = getattr(src, name)[e.lo: e.hi]
        for name in signals.COLUMNS:
            cols[name][row: row + k] = src.signals[name][e.lo: e.hi]
        keys[row: row + k] = src.keys[e.lo: e.hi]
        lengths[row: row + k] = (np.diff(old_offsets[e.lo: e.hi + 1]) if e.batch is None
                                 else e.batch.token_lengths[e.lo: e.hi])
        row += k
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    token_ids = np.zeros(int(offsets[-1]), np.int32)
    # Reused tokens are read from the old file, not through its memory map (whose pages would stay resident).
    old_tokens = _NpyFile(old.path / "tokens.npy") if old is not None else None
    row = 0
    for e in entries:
        k = e.hi - e.lo
        dst = slice(int(offsets[row]), int(offsets[row + k]))
        if e.batch is None:
            old_tokens.read_into(e.tok_lo, token_ids[dst])
        else:
            local = e.batch.token_ids[e.tok_lo: e.tok_hi]
            gmap = gmaps[id(e.batch)]
            fresh = local[gmap[local] < 0]
            if len(fresh):  # new tokens get ids in order of first appearance: the same whatever the batching
                u, first = np.unique(fresh, return_index=True)
                for t in u[np.argsort(first)].tolist():
                    tok = e.batch.vocab[t]
                    if tok not in vmap:
                        vmap[tok] = len(vocab)
                        vocab.append(tok)
                    gmap[t] = vmap[tok]
            token_ids[dst] = gmap[local]
        row += k
    for b in batches:  # tokens are merged: free them
        b.token_ids = b.vocab = None
    del gmaps
    np.save(tmp / "tokens.npy", token_ids)
    np.save(tmp / "token_offsets.npy", offsets)
    counts = np.zeros(len(vocab), np.int64)
    for lo in range(0, len(token_ids), BM25_CHUNK_TOKENS):  # bincount copies its input to int64: a chunk at a time
        counts += np.bincount(token_ids[lo: lo + BM25_CHUNK_TOKENS], minlength=len(vocab))
    del token_ids
    np.save(tmp / "token_counts.npy", counts)
    (tmp / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    np.savez(tmp / "sentences.npz", **cols)
    np.save(tmp / "keys.npy", keys)
    clock["merge"] = time.perf_counter()

    # Largest last: BM25 (from the token file, a chunk at a time) and the text files are written, and the
    # article texts and facts let go, before the vectors are gathered into the dense index (peak memory at 1M).
    if settings.bm25 == "bm25s":
        _write_bm25(tmp / "bm25", tmp / "tokens.npy", offsets, len(vocab))
    clock["bm25"] = time.perf_counter()

    with open(tmp / "articles.jsonl", "w", encoding="utf-8") as f:
        for e in entries:
            f.write(json.dumps(e.article.to_dict(), ensure_ascii=False) + "\n")
    _write_facts(tmp / "facts.jsonl", entries, old)
    _write_spellings(tmp, entries, batches, old)
    for e in entries:
        e.article = e.facts = None
    for b in batches:
        b.articles = b.facts = None
    clock["files"] = time.perf_counter()

    dense_info = _write_dense(tmp / "dense.faiss", entries, batches, cache, keys, n, dim)
    for b in batches:
        b.vectors = b.vec_keys = None
    clock["dense"] = time.perf_counter()
    return {
        "format": FORMAT_VERSION,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "embedder": embedder.id,
        "dim": dim,
        "settings": asdict(settings),
        "files": {k: asdict(v) for k, v in sorted(files.items())},
        "facts_version": FACTS_VERSION,
        "signals": signals.schema(),
        "n_articles": len(entries),
        "n_sentences": n,
        "dense": dense_info,
        "build": {},
    }


def _write_dense(path: Path, entries: list[_Entry], batches: list, cache: Index | None, keys: np.ndarray,
                 n: int, dim: int) -> dict:
    """The dense index: exact over float16 vectors, or HNSW past DENSE_EXACT_MAX (updated in place when it can be)."""
    import faiss

    # Where each row's vector is: a row of the old index, or a freshly embedded vector.
    embedded = [b for b in batches if b.vec_keys is not None and len(b.vec_keys)]
    new_vecs = np.zeros((sum(len(b.vec_keys) for b in embedded), dim), np.float16)
    new_pos: dict[bytes, int] = {}
    for b in embedded:  # one copy of the vectors at a time, not two
        at = len(new_pos)
        new_vecs[at: at + len(b.vec_keys)] = b.vectors
        new_pos.update((k, at + i) for i, k in enumerate(b.vec_keys.tolist()))
        b.vectors = b.vec_keys = None
    old_pos = {k: i for i, k in enumerate(cache.keys.tolist())} if cache is not None else {}
    src_old = np.full(n, -1, np.int64)
    src_new = np.full(n, -1, np.int64)
    reused = np.zeros(n, bool)  # rows whose article is reused from the old index as is
    old_to_new = np.full(cache.size if cache is not None else 0, -1, np.int64)
    row = 0
    for e in entries:
        k = e.hi - e.lo
        if e.batch is None:
            src_old[row: row + k] = np.arange(e.lo, e.hi)
            reused[row: row + k] = True
            old_to_new[e.lo: e.hi] = np.arange(row, row + k)
        else:
            for r, key in enumerate(keys[row: row + k].tolist(), row):
                if key in new_pos:
                    src_new[r] = new_pos[key]
                else:
                    src_old[r] = old_pos[key]  # KeyError here would be an engine bug: a passage nobody embedded
        row += k

    def vectors(rows: np.ndarray) -> np.ndarray:
        out = np.zeros((len(rows), dim), np.float32)
        o = src_old[rows] >= 0
        if o.any():
            out[o] = cache.vectors(src_old[rows][o])
        if (~o).any():
            out[~o] = new_vecs[src_new[rows][~o]].astype(np.float32)
        return out

    chunk = 65536
    with _faiss_threads(os.cpu_count() or 1):
        if n <= DENSE_EXACT_MAX:
            dense = faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
            for lo in range(0, n, chunk):
                dense.add(vectors(np.arange(lo, min(n, lo + chunk))))
            info = {"kind": "exact-fp16"}
        else:
            dense = None
            if cache is not None and isinstance(cache.dense, faiss.IndexIDMap2):
                dense = _update_hnsw(cache, old_to_new, reused, n)
            if dense is None:
                graph = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_fp16, HNSW_M, faiss.METRIC_INNER_PRODUCT)
                graph.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
                graph.train(vectors(np.arange(min(n, chunk))))
                dense = faiss.IndexIDMap2(graph)
                todo = np.arange(n)
            else:
                todo = np.flatnonzero(~reused)
            for lo in range(0, len(todo), chunk):
                rows = todo[lo: lo + chunk]
                dense.add_with_ids(vectors(rows), rows.astype(np.int64))
            faiss.downcast_index(dense.index).hnsw.efSearch = HNSW_EF_SEARCH
            info = {"kind": "hnsw-fp16", "M": HNSW_M, "efConstruction": HNSW_EF_CONSTRUCTION,
                    "efSearch": HNSW_EF_SEARCH, "vectors": int(dense.ntotal)}
    faiss.write_index(dense, str(path))
    return info


def _update_hnsw(cache: Index, old_to_new: np.ndarray, reused: np.ndarray, n: int):
    """A copy of the old HNSW index with its ids renumbered to the new rows; None if too much of it died."""
    import faiss

    dead = cache.dense.ntotal - int(reused.sum())
    if dead > HNSW_MAX_DEAD * (cache.dense.ntotal + n - int(reused.sum())):
        return None
    dense = faiss.clone_index(cache.dense)  # readers may still search the old one
    ids = faiss.vector_to_array(dense.id_map)
    live = ids >= 0
    ids[live] = old_to_new[ids[live]]
    faiss.copy_array_to_vector(ids, dense.id_map)
    dense.construct_rev_map()
    return dense


class _NpyFile:
    """Slices of a 1-D .npy file read with plain file reads (the page cache, not this process's memory)."""

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            major, _ = np.lib.format.read_magic(f)
            read_header = np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
            _, _, self.dtype = read_header(f)
            self.start = f.tell()
        self.path = path

    def read_into(self, lo: int, out: np.ndarray) -> None:
        with open(self.path, "rb") as f:
            f.seek(self.start + lo * self.dtype.itemsize)
            if f.readinto(out) != out.nbytes:
                raise IndexCorrupt(f"{self.path.name} is shorter than its offsets")

    def read(self, lo: int, hi: int) -> np.ndarray:
        out = np.empty(hi - lo, self.dtype)
        self.read_into(lo, out)
        return out


def _write_bm25(path: Path, tokens_path: Path, offsets: np.ndarray, n_vocab: int) -> None:
    """BM25 (Lucene variant, bm25s's formula and layout) term scores from the token arrays.

    Built with numpy a chunk of documents at a time, read from the token file
    (tokens.npy), never as Python lists of tokens: the build's memory is the
    output plus one chunk.
    """
    path.mkdir()
    tokens = _NpyFile(tokens_path)
    n = len(offsets) - 1
    lengths = np.diff(offsets)
    avgdl = float(lengths.mean()) if n else 0.0
    spans, lo = [], 0
    while lo < n:  # chunks of about BM25_CHUNK_TOKENS tokens
        hi = int(np.searchsorted(offsets, offsets[lo] + BM25_CHUNK_TOKENS, "right"))
        hi = max(lo + 1, min(n, hi - 1))
        spans.append((lo, hi))
        lo = hi

    def pairs(lo, hi):
        """(term, doc, tf) of the documents lo..hi, sorted by term then doc."""
        ids = tokens.read(int(offsets[lo]), int(offsets[hi])).astype(np.int64)
        width = hi - lo
        docs = np.repeat(np.arange(width, dtype=np.int64), lengths[lo:hi])
        u, tf = np.unique(ids * width + docs, return_counts=True)
        del ids, docs
        return (u // width).astype(np.int32), (u % width + lo).astype(np.int32), tf.astype(np.uint16)

    df = np.zeros(n_vocab, np.int64)
    kept, budget = [], 150_000_000  # keep the first pass's pairs (10 bytes each) for the second up to 150 MB
    for lo, hi in spans:
        terms, docs, tf = pairs(lo, hi)
        df += np.bincount(terms, minlength=n_vocab)
        fits = budget > 0
        budget -= terms.nbytes + docs.nbytes + tf.nbytes
        kept.append((terms, docs, tf) if fits and budget > 0 else None)
    indptr = np.zeros(n_vocab + 1, np.int64)
    np.cumsum(df, out=indptr[1:])
    with np.errstate(divide="ignore", invalid="ignore"):
        idf = np.where(df > 0, np.log(1 + (n - df + 0.5) / (df + 0.5)), 0.0).astype(np.float32)
    data = np.zeros(int(indptr[-1]), np.float32)
    indices = np.zeros(int(indptr[-1]), np.int32)
    fill = indptr[:-1].copy()
    for (lo, hi), got in zip(spans, kept):
        terms, docs, tf = got if got is not None else pairs(lo, hi)
        if not len(terms):
            continue
        first = np.flatnonzero(np.concatenate([[True], terms[1:] != terms[:-1]]))
        size = np.diff(np.concatenate([first, [len(terms)]]))
        pos = fill[terms] + (np.arange(len(terms)) - np.repeat(first, size))
        tf = tf.astype(np.float64)
        tfc = tf / (BM25_K1 * ((1 - BM25_B) + BM25_B * lengths[docs] / avgdl) + tf)
        data[pos] = idf[terms].astype(np.float64) * tfc
        indices[pos] = docs
        fill[terms[first]] += size
    for name, arr in (("data", data), ("indices", indices), ("indptr", indptr)):
        np.save(path / f"{name}.csc.index.npy", arr)
    params = dict(k1=BM25_K1, b=BM25_B, delta=0.5, method="lucene", idf_method="lucene", dtype="float32",
                  int_dtype="int32", num_docs=n, version="dtiqa", backend="numpy")
    (path / "params.index.json").write_text(json.dumps(params, indent=1), encoding="utf-8")


def _write_facts(path: Path, entries: list[_Entry], old: Index | None) -> None:
    """facts.jsonl in doc_id order: new articles' facts, and reused articles' lines copied from the old file."""
    kept = {e.doc_id for e in entries if e.facts is None}
    old_lines = _fact_lines(old.path / "facts.jsonl", kept) if kept else iter(())
    pending = next(old_lines, None)
    with open(path, "w", encoding="utf-8") as f:
        for e in entries:
            if e.facts is None:
                while pending is not None and pending[0] <= e.doc_id:  # both files are in doc_id order
                    if pending[0] == e.doc_id:
                        f.write(pending[1])
                    pending = next(old_lines, None)
            else:
                for fact in e.facts:
                    f.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")


def _fact_lines(path: Path, docs: set):
    """(doc_id, line) of the facts of `docs` in a facts.jsonl."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc_id = json.loads(line)["doc_id"]
            if doc_id in docs:
                yield doc_id, line


def _write_spellings(tmp: Path, entries: list[_Entry], batches: list, old: Index | None) -> None:
    """The diacritic model, and the corpus's full spelling counts it came from (so updates count only changes)."""
    from . import diacritics

    counts: tuple[dict, dict] = ({}, {})
    kept = {e.doc_id for e in entries if e.batch is None}
    if old is not None and kept and (old.path / "spellings.json").exists():
        d = json.loads((old.path / "spellings.json").read_text(encoding="utf-8"))
        counts = (d["unigrams"], d["bigrams"])
        for a in old.articles:
            if a.doc_id not in kept:  # removed or changed: take its counts out
                gone: tuple[dict, dict] = ({}, {})
                count_spellings(a.text, *gone)
                merge_counts(counts, gone, -1)
    elif kept:  # no stored counts: count the reused articles again
        for e in entries:
            if e.batch is None:
                count_spellings(e.article.text, *counts)
    for b in sorted(batches, key=lambda b: b.first_doc):
        merge_counts(counts, (b.unigrams, b.bigrams))
        b.unigrams = b.bigrams = None
    uni, bi = spelling_model(counts[0], counts[1], diacritics._CANDIDATES, diacritics._question_lines(),
                             diacritics._QUESTION_WEIGHT)
    DiacriticModel(uni, bi).save(tmp / "diacritics.json")
    (tmp / "spellings.json").write_text(json.dumps({"unigrams": counts[0], "bigrams": counts[1]}, ensure_ascii=False),
                                        encoding="utf-8")


def _publish(index_dir: Path, tmp: Path, stamp: str, manifest: dict, clock: dict) -> Index:
    manifest["sizes"] = {str(p.relative_to(tmp)): p.stat().st_size for p in sorted(tmp.rglob("*")) if p.is_file()}
    manifest["checksums"] = {name: _checksum(tmp / name) for name in manifest["sizes"]}
    t = clock["started"]
    wall = {}
    for stage in ("pipeline", "merge", "bm25", "files", "dense"):  # the order they run in
        wall[stage] = round(clock[stage] - t, 3)
        t = clock[stage]
    manifest["build"]["wall"] = wall
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    for p in tmp.rglob("*"):
        if p.is_file():
            with open(p, "rb") as f:
                os.fsync(f.fileno())
    final = index_dir / f"v-{stamp}"
    os.rename(tmp, final)
    cur_tmp = index_dir / f".CURRENT-{stamp}"
    cur_tmp.write_text(final.name + "\n", encoding="utf-8")
    os.replace(cur_tmp, index_dir / "CURRENT")  # the one atomic step that publishes
    _collect_garbage(index_dir, keep={final.name})
    return open_index(index_dir)


LEASE = ".lease"  # in each version folder: readers hold a shared lock on it while the version is open


def _hold(index: Index) -> None:
    """Take a reader's lease on the index's version, released when the Index is dropped (or the process dies),
    so that a writer elsewhere never collects a version in use."""
    import weakref

    try:
        f = open(index.path / LEASE, "a+")
        fcntl.flock(f, fcntl.LOCK_SH)
    except OSError:  # a read-only index folder: nothing can collect it either
        return
    weakref.finalize(index, f.close)


def _in_use(version: Path) -> bool:
    """Whether some process holds a reader's lease on a version folder."""
    try:
        with open(version / LEASE, "a+") as f:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(f, fcntl.LOCK_UN)
        return False
    except BlockingIOError:
        return True
    except OSError:
        return False


def _collect_garbage(index_dir: Path, keep: set[str]) -> None:
    """Remove old versions (all but the live, the one before and those a reader holds) and dead temp folders."""
    versions = sorted(p for p in index_dir.glob("v-*") if p.is_dir())
    keep = keep | {p.name for p in versions[-2:]}
    for p in versions:
        if p.name not in keep and not _in_use(p):
            shutil.rmtree(p, ignore_errors=True)
    for p in index_dir.glob(".tmp-*"):
        if time.time() - p.stat().st_mtime > 60:  # a build that died (a live one is under the lock)
            shutil.rmtree(p, ignore_errors=True)


@contextmanager
def write_lock(index_dir: Path):
    """One writer at a time, across processes."""
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "a+") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
