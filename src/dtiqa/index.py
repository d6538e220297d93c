"""Index: the corpus as searchable arrays (BM25 + FAISS), persisted as a versioned folder.

Layout of an index folder:
  CURRENT          name of the live version folder (swapped atomically)
  v-<stamp>/       manifest.json, articles.jsonl, sentences.npz, tokens.npz,
                   vocab.json, keys.npy, dense.faiss, bm25/
  .lock            held by the one process that writes

A build goes to a temporary folder that becomes live only by the atomic
replace of CURRENT, so a build killed half-way never leaves an index that
loads, and readers see the old or the new index, never half of one.
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

from .article import Article, ArticleError, read_article
from .diacritics import DiacriticModel
from .embed import Embedder
from .facts import FACTS_VERSION, Fact, extract_facts
from .sentences import Sentence, contexts, split_sentences
from .tokens import bm25_tokens

log = logging.getLogger("dtiqa")

FORMAT_VERSION = 2  # bump when cleaning, splitting or the file layout changes
EMBED_BATCH = 32


class CorpusError(ValueError):
    """The corpus folder is missing or holds no readable article."""


class IndexCorrupt(Exception):
    """An index folder that cannot be loaded as it is."""


@dataclass(frozen=True)
class Settings:
    """Index-time choices; a change means a rebuild."""

    bm25: str = "bm25s"  # "bm25s" (fast, sparse matrices) or "rank_bm25" (reference)
    folding: bool = True  # index diacritic-free forms too
    context: bool = True  # index each sentence with its title, heading and previous sentence

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
    token_ids: np.ndarray  # flat, all sentences' BM25 token ids
    token_offsets: np.ndarray  # (n+1,)
    vocab: list[str]
    keys: np.ndarray  # (n,) S16 hash of the embedded text, the embedding cache key
    dense: object  # faiss index over unit vectors (inner product)
    bm25: object = None
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
            with open(self.path / "facts.jsonl", encoding="utf-8") as f:
                self._facts = [Fact.from_dict(json.loads(line)) for line in f]
        return self._facts

    def idf(self, word: str) -> float:
        """Inverse frequency of a folded syllable among the indexed sentences (rare words weigh more)."""
        if self._idf is None:
            counts = np.bincount(self.token_ids, minlength=len(self.vocab)) if len(self.token_ids) else np.zeros(len(self.vocab))
            n = max(1, self.size)
            self._idf = {t[1:]: float(np.log(1 + n / (1 + c))) for t, c in zip(self.vocab, counts)
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

    def vectors(self) -> np.ndarray:
        return self.dense.reconstruct_n(0, self.dense.ntotal) if self.dense.ntotal else np.zeros((0, self.manifest["dim"]), np.float32)


# ------------------------------------------------------------------ corpus
def corpus_files(corpus: Path) -> dict[str, Path]:
    """The corpus's articles by id (file name): every .txt file in the folder."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise CorpusError(f"corpus folder {corpus} does not exist: create it or pass another folder")
    files = {p.name: p for p in sorted(corpus.glob("*.txt")) if p.is_file()}
    if not files:
        raise CorpusError(f"corpus folder {corpus} holds no .txt articles: add some (dtiqa add FILE)")
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
    old = m["files"]
    added = files.keys() - old.keys()
    removed = old.keys() - files.keys()
    changed = [d for d in files.keys() & old.keys() if files[d].sha256 != old[d]["sha256"]]
    parts = [f"{len(x)} {what}" for x, what in ((added, "added"), (removed, "removed"), (changed, "changed")) if x]
    return ", ".join(parts)


# ------------------------------------------------------------------ loading
def _live(index_dir: Path) -> Path | None:
    cur = index_dir / "CURRENT"
    if not cur.exists():
        return None
    name = cur.read_text(encoding="utf-8").strip()
    if not name or "/" in name or name.startswith("."):
        raise IndexCorrupt(f"{cur} does not name an index version")
    return index_dir / name


def open_index(index_dir: Path) -> Index | None:
    """The live index in `index_dir`, None if there is none; IndexCorrupt if it is damaged."""
    import faiss

    path = _live(Path(index_dir))
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
        with open(path / "articles.jsonl", encoding="utf-8") as f:
            articles = [Article.from_dict(json.loads(line)) for line in f]
        with np.load(path / "sentences.npz") as z:
            arrays = {k: z[k] for k in ("doc", "start", "end", "paragraph", "heading", "position")}
        with np.load(path / "tokens.npz") as z:
            token_ids, token_offsets = z["ids"], z["offsets"]
        vocab = json.loads((path / "vocab.json").read_text(encoding="utf-8"))
        keys = np.load(path / "keys.npy")
        dense = faiss.read_index(str(path / "dense.faiss"))
        n = manifest["n_sentences"]
        lengths = {len(v) for v in arrays.values()} | {len(keys), len(token_offsets) - 1, dense.ntotal}
        if lengths != {n} or len(articles) != manifest["n_articles"] or dense.d != manifest["dim"]:
            raise IndexCorrupt("array lengths disagree with the manifest")
        index = Index(path, manifest, articles, token_ids=token_ids, token_offsets=token_offsets,
                      vocab=vocab, keys=keys, dense=dense, **arrays)
        index.bm25 = _load_bm25(index)
        return index
    except IndexCorrupt:
        raise
    except Exception as e:  # any damaged file: JSON, npz, faiss, missing file
        raise IndexCorrupt(f"{type(e).__name__}: {e}") from None


def _load_bm25(index: Index):
    if index.settings.bm25 == "bm25s":
        import bm25s

        return bm25s.BM25.load(str(index.path / "bm25"), show_progress=False, verbosity=0)
    from rank_bm25 import BM25Okapi

    corpus = [[index.vocab[t] for t in index.tokens(r)] or [""] for r in range(index.size)]
    return BM25Okapi(corpus, epsilon=0.0) if corpus else None


# ------------------------------------------------------------------ building
@dataclass
class _Doc:
    """One article's rows, ready to be assembled into the index."""

    article: Article
    sentences: list[Sentence]
    tokens: list[list[str]] | None  # strings for a new article
    token_ids: list[np.ndarray] | None  # ids (in the old vocab) for a reused one
    keys: list[bytes]
    passages: list[str] | None
    old_rows: range | None = None


def _embed_key(embedder_id: str, text: str) -> bytes:
    return hashlib.blake2b(f"{embedder_id}\0{text}".encode("utf-8"), digest_size=16).digest()


def _process(article: Article, settings: Settings, embedder_id: str) -> _Doc:
    sents = split_sentences(article)
    ctx = contexts(article, sents) if settings.context else [""] * len(sents)
    passages = [f"{c} {s.text}".strip() for c, s in zip(ctx, sents)]
    toks = [bm25_tokens(p, settings.folding) for p in passages]
    keys = [_embed_key(embedder_id, p) for p in passages]
    return _Doc(article, sents, toks, None, keys, passages)


def _reuse(old: Index, doc_id: str) -> _Doc:
    rows = old.rows_of(doc_id)
    article = old.articles[old.article_row(doc_id)]
    return _Doc(article, [old.sentence(r) for r in rows], None,
                [old.tokens(r) for r in rows], [bytes(old.keys[r]) for r in rows], None, rows)


def _progress(iterable, total: int, desc: str, enabled: bool):
    if not enabled:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, unit=" " + desc.split()[0].lower(), leave=False)


def build(corpus: Path, index_dir: Path, embedder: Embedder, settings: Settings = Settings(),
          old: Index | None = None, files: dict[str, FileState] | None = None, progress: bool = True) -> Index:
    """Build (or update from `old`) the index of `corpus`, publish it atomically, return it.

    Unchanged articles keep their sentences, tokens and vectors; only new or
    changed ones are cleaned, split, tokenised and embedded.
    """
    corpus, index_dir = Path(corpus), Path(index_dir)
    files = files or scan(corpus, old.manifest["files"] if old else None)
    paths = corpus_files(corpus)
    reusable = old is not None and Settings(**old.manifest["settings"]) == settings
    old_files = old.manifest["files"] if old else {}

    docs: list[_Doc] = []
    todo = []
    for doc_id in sorted(files):
        st, prev = files[doc_id], old_files.get(doc_id)
        if prev and prev["sha256"] == st.sha256 and prev.get("error"):
            st.error = prev["error"]  # known bad file, unchanged: skip quietly
        elif reusable and prev and prev["sha256"] == st.sha256:
            docs.append(_reuse(old, doc_id))
        else:
            todo.append(doc_id)
    for doc_id in _progress(todo, len(todo), "articles cleaned", progress and len(todo) > 1):
        try:
            docs.append(_process(read_article(paths[doc_id]), settings, embedder.id))
        except (ArticleError, OSError) as e:
            files[doc_id].error = str(e)
            log.warning("skipped %s", e)
    if not docs:
        bad = "; ".join(st.error for st in files.values() if st.error)
        raise CorpusError(f"no readable article in {corpus}" + (f" ({bad})" if bad else ""))
    docs.sort(key=lambda d: d.article.doc_id)

    # Vectors: reuse any whose embedded text is unchanged; embed the rest.
    cache: dict[bytes, int] = {}
    old_vectors = None
    if old is not None and old.manifest["embedder"] == embedder.id:
        old_vectors = old.vectors()
        cache = {bytes(k): i for i, k in enumerate(old.keys)}
    need = {}
    for d in docs:
        for i, k in enumerate(d.keys):
            if k not in cache and k not in need:
                text = d.passages[i] if d.passages is not None else None
                if text is None:  # reused article whose vector is missing: rebuild its passage text
                    d2 = _process(d.article, settings, embedder.id)
                    d.passages, text = d2.passages, d2.passages[i]
                need[k] = text
    new_keys = list(need)
    dim = embedder.dim
    new_vectors = np.zeros((len(new_keys), dim), np.float32)
    batches = range(0, len(new_keys), EMBED_BATCH)
    for b in _progress(batches, len(batches), "batches embedded", progress and len(batches) > 1):
        chunk = new_keys[b: b + EMBED_BATCH]
        new_vectors[b: b + len(chunk)] = embedder.embed_passages([need[k] for k in chunk])
    new_pos = {k: i for i, k in enumerate(new_keys)}

    # Assemble arrays.
    vocab = list(old.vocab) if (old is not None and reusable) else []
    vmap = {t: i for i, t in enumerate(vocab)}
    doc_rows, starts, ends, paras, heads, positions, tok_chunks, keys, vec_rows = ([] for _ in range(9))
    vectors = np.zeros((sum(len(d.sentences) for d in docs), dim), np.float32)
    row = 0
    for di, d in enumerate(docs):
        for i, s in enumerate(d.sentences):
            doc_rows.append(di)
            starts.append(s.start)
            ends.append(s.end)
            paras.append(s.paragraph)
            heads.append(s.heading)
            positions.append(s.index)
            if d.token_ids is not None:
                tok_chunks.append(np.asarray(d.token_ids[i], np.int32))
            else:
                ids = []
                for t in d.tokens[i]:
                    if t not in vmap:
                        vmap[t] = len(vocab)
                        vocab.append(t)
                    ids.append(vmap[t])
                tok_chunks.append(np.asarray(ids, np.int32))
            k = d.keys[i]
            keys.append(k)
            vectors[row] = new_vectors[new_pos[k]] if k in new_pos else old_vectors[cache[k]]
            row += 1
    lengths = np.fromiter((len(c) for c in tok_chunks), np.int64, len(tok_chunks))
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    token_ids = np.concatenate(tok_chunks).astype(np.int32) if tok_chunks else np.zeros(0, np.int32)

    manifest = {
        "format": FORMAT_VERSION,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "embedder": embedder.id,
        "dim": dim,
        "settings": asdict(settings),
        "files": {k: asdict(v) for k, v in sorted(files.items())},
        "facts_version": FACTS_VERSION,
        "n_articles": len(docs),
        "n_sentences": len(doc_rows),
    }
    arrays = dict(doc=np.asarray(doc_rows, np.int32), start=np.asarray(starts, np.int32),
                  end=np.asarray(ends, np.int32), paragraph=np.asarray(paras, np.int32),
                  heading=np.asarray(heads, bool), position=np.asarray(positions, np.int32))
    key_arr = np.asarray(keys, dtype="S16")
    facts = [f for d in docs for f in extract_facts(d.article, d.sentences)]
    return _publish(index_dir, manifest, [d.article for d in docs], arrays, token_ids, offsets, vocab, key_arr, vectors,
                    facts)


def _write_bm25(path: Path, token_ids: np.ndarray, offsets: np.ndarray, vocab: list[str]) -> None:
    import bm25s
    from bm25s.tokenization import Tokenized

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import

    ids = [token_ids[offsets[i]: offsets[i + 1]].tolist() for i in range(len(offsets) - 1)]
    # bm25s needs a token id for empty documents; give it one that no query produces.
    vocab_dict = {t: i for i, t in enumerate(vocab)}
    vocab_dict.setdefault("", len(vocab_dict))
    retriever = bm25s.BM25(method="lucene")
    retriever.index(Tokenized(ids=ids, vocab=vocab_dict), show_progress=False)
    retriever.save(str(path), show_progress=False)


def _publish(index_dir, manifest, articles, arrays, token_ids, offsets, vocab, keys, vectors, facts) -> Index:
    import faiss

    index_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    tmp = index_dir / f".tmp-{stamp}-{os.getpid()}"
    tmp.mkdir()
    try:
        with open(tmp / "articles.jsonl", "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
        np.savez(tmp / "sentences.npz", **arrays)
        with open(tmp / "facts.jsonl", "w", encoding="utf-8") as f:
            for fact in facts:
                f.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
        np.savez(tmp / "tokens.npz", ids=token_ids, offsets=offsets)
        (tmp / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        np.save(tmp / "keys.npy", keys)
        dense = faiss.IndexFlatIP(manifest["dim"])
        dense.add(vectors)
        faiss.write_index(dense, str(tmp / "dense.faiss"))
        if manifest["settings"]["bm25"] == "bm25s":
            _write_bm25(tmp / "bm25", token_ids, offsets, vocab)
        DiacriticModel.from_texts(a.text for a in articles).save(tmp / "diacritics.json")
        manifest["sizes"] = {p.name: p.stat().st_size for p in sorted(tmp.iterdir()) if p.is_file()}
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
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _collect_garbage(index_dir, keep={final.name})
    return open_index(index_dir)


def _collect_garbage(index_dir: Path, keep: set[str]) -> None:
    """Remove old versions (all but the live and the one before) and dead temp folders."""
    versions = sorted(p for p in index_dir.glob("v-*") if p.is_dir())
    keep = keep | {p.name for p in versions[-2:]}
    for p in versions:
        if p.name not in keep:
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
