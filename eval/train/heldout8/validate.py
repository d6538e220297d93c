#!/usr/bin/env python3
"""Validate the heldout-next DTI QA batch. Usage: python3 validate.py"""
import json, re, sys, unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ART = HERE / "articles"
KINDS = {"rank", "rank_change", "score", "percent", "count", "amount", "date", "entity",
         "list", "comparison", "superlative", "claim", "derived", "unanswerable"}
SPAN_KINDS = {"rank", "rank_change", "score", "percent", "count", "amount", "date", "entity"}
BASE_KEYS = {"id", "question", "answer", "doc_ids", "evidence", "answerable", "kind"}
FORBIDDEN = ["Bình Phước", "Thái Nguyên", "Thanh Hóa", "Vĩnh Phúc", "Quảng Ninh",
             "Đà Nẵng", "Yên Bái", "Ninh Thuận"]
FNAME_RE = re.compile(r"^hi0[1-8]_[a-z0-9_]+\.txt$")
EN_RE = re.compile(r"\b(what|which|who|how|did|does|was|were|name|roughly|by how)\b", re.I)
errors = []

def err(msg):
    errors.append(msg)

def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()

FORB = [fold(p) for p in FORBIDDEN]

def forbidden_hits(text):
    t = " " + fold(text) + " "
    return [p for p in FORB if f" {p} " in t]

def toks(s):
    return fold(s).split()

def longest_common_run(a, b):
    best, prev = 0, [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best

# ---- articles
files = sorted(p.name for p in ART.glob("*"))
texts = {}
if len(files) != 8:
    err(f"expected 8 article files, found {len(files)}")
for i, name in enumerate(files, 1):
    if not FNAME_RE.match(name) or not name.startswith(f"hi{i:02d}_"):
        err(f"bad file name {name}")
    raw = (ART / name).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{name}: not UTF-8"); continue
    texts[name] = text
    lines = text.split("\n")
    if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
        err(f"{name}: line 1 must be a title and line 2 empty")
    n = len(" ".join(lines[2:]).split())
    if not 250 <= n <= 450:
        err(f"{name}: body has {n} words (need 250-450)")
    for h in forbidden_hits(text):
        err(f"{name}: forbidden province '{h}'")

# ---- questions
rows = []
for ln, line in enumerate((HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        err(f"line {ln}: blank line"); continue
    try:
        rows.append(json.loads(line))
    except json.JSONDecodeError as e:
        err(f"line {ln}: bad JSON {e}")

ids = [r.get("id") for r in rows]
if len(set(ids)) != len(ids):
    err("duplicate ids")
for i, r in enumerate(rows, 1):
    rid = r.get("id")
    if rid != f"hi{i:03d}":
        err(f"row {i}: id {rid} should be hi{i:03d}")
    kind = r.get("kind")
    want = BASE_KEYS | ({"verdict"} if kind == "claim" else set())
    if set(r) != want:
        err(f"{rid}: keys {sorted(r)} != {sorted(want)}")
        continue
    if kind not in KINDS:
        err(f"{rid}: unknown kind {kind}")
    if not isinstance(r["question"], str) or not r["question"].strip():
        err(f"{rid}: empty question")
    for fld in ("question", "answer", "evidence"):
        for h in forbidden_hits(r[fld]):
            err(f"{rid}: forbidden province '{h}' in {fld}")
    if kind == "unanswerable":
        for name, text in texts.items():
            run = longest_common_run(toks(r["question"]), toks(text))
            if run >= 7:
                err(f"{rid}: question copies {run} consecutive words from {name}")
        if r["answerable"] is not False or r["answer"] != "" or r["doc_ids"] != [] or r["evidence"] != "":
            err(f"{rid}: unanswerable row must have answerable=false and empty answer/doc_ids/evidence")
        continue
    if r["answerable"] is not True:
        err(f"{rid}: answerable must be true")
    if not r["answer"] or len(r["answer"]) > 80:
        err(f"{rid}: answer empty or too long")
    d = r["doc_ids"]
    if not (isinstance(d, list) and len(d) == 1 and d[0] in texts):
        err(f"{rid}: doc_ids {d} must name one existing article"); continue
    text = texts[d[0]]
    if not r["evidence"] or r["evidence"] not in text:
        err(f"{rid}: evidence not verbatim in {d[0]}")
    if kind in SPAN_KINDS and r["answer"] not in r["evidence"]:
        err(f"{rid}: answer '{r['answer']}' not inside evidence")
    if kind == "claim":
        if r["verdict"] not in ("đúng", "sai"):
            err(f"{rid}: verdict must be đúng/sai")
        elif r["answer"].lower() != r["verdict"]:
            err(f"{rid}: answer '{r['answer']}' does not match verdict")
    run = longest_common_run(toks(r["question"]), toks(text))
    if run >= 7:
        err(f"{rid}: question copies {run} consecutive words from {d[0]}")

# per-article counts: 18 each (articles determined by id block)
per = Counter((int(r["id"][2:]) - 1) // 18 for r in rows if "id" in r)
if len(rows) != 144 or any(per[k] != 18 for k in range(8)):
    err(f"need 144 questions, 18 per article; got {len(rows)} {dict(per)}")
for r in rows:
    if r.get("doc_ids"):
        blk = (int(r["id"][2:]) - 1) // 18 + 1
        if not r["doc_ids"][0].startswith(f"hi{blk:02d}_"):
            err(f"{r['id']}: doc {r['doc_ids'][0]} outside its article block")

# languages
def lang(q):
    if not q.isascii():
        return "vi"
    return "en" if EN_RE.search(q) else "vi_no_diacritics"
langs = Counter(lang(r.get("question", "")) for r in rows)
kinds = Counter(r.get("kind") for r in rows)
n = len(rows) or 1
print("questions:", len(rows))
print("kinds:", dict(sorted(kinds.items())))
print("languages:", dict(langs))
print("unanswerable share: %.1f%%" % (100 * kinds["unanswerable"] / n))
missing = KINDS - set(kinds)
if missing:
    err(f"kinds never used: {sorted(missing)}")
for key, lo, hi in (("en", 0.10, 0.20), ("vi_no_diacritics", 0.10, 0.20)):
    if not lo <= langs[key] / n <= hi:
        err(f"{key} share {langs[key]/n:.2f} outside {lo}-{hi}")
if not 0.10 <= kinds["unanswerable"] / n <= 0.20:
    err("unanswerable share outside 10-20%")

if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK: all checks passed")
