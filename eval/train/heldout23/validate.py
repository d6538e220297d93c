#!/usr/bin/env python3
"""Validate batch-y: articles/ (hy01..hy08) + questions.jsonl (hy001..hy144)."""
import json, os, re, sys, unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
KINDS = {"rank", "rank_change", "score", "percent", "count", "amount", "date", "entity",
         "list", "comparison", "superlative", "claim", "derived", "unanswerable"}
SPAN = {"rank", "rank_change", "score", "percent", "count", "amount", "date", "entity"}
KEYS = {"id", "question", "answer", "doc_ids", "evidence", "answerable", "kind"}
FORBIDDEN = ["binh phuoc", "thai nguyen", "thanh hoa", "vinh phuc", "quang ninh",
             "da nang", "yen bai", "ninh thuan"]
errors = []

def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.lower()

def words(s):
    return re.findall(r"[0-9a-z]+", fold(s))

def forbidden_check(text, where):
    f = " ".join(words(text))
    for p in FORBIDDEN:
        if re.search(r"\b" + p + r"\b", f):
            errors.append(f"{where}: forbidden province '{p}'")

# ---- articles
arts = {}
names = sorted(os.listdir(ART))
if len(names) != 8:
    errors.append(f"expected 8 articles, found {len(names)}")
for i, n in enumerate(names, 1):
    if not re.fullmatch(rf"hy0{i}_[a-z0-9_]+\.txt", n):
        errors.append(f"bad file name {n}")
    raw = open(os.path.join(ART, n), "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        errors.append(f"{n}: not utf-8"); continue
    lines = t.split("\n")
    if len(lines) < 3 or not lines[0].strip() or lines[1].strip() != "":
        errors.append(f"{n}: line1 must be title, line2 empty")
    # batch y brief: each article 2,500-6,000 characters (whole file)
    nc = len(t)
    if not 2500 <= nc <= 6000:
        errors.append(f"{n}: {nc} characters (need 2500-6000)")
    if unicodedata.normalize("NFC", t) != t:
        errors.append(f"{n}: not NFC")
    forbidden_check(t, n)
    arts[n] = t

# ---- questions
qs = []
with open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        try:
            qs.append(json.loads(line))
        except Exception as e:
            errors.append(f"line {ln}: bad json {e}")
if len(qs) != 144:
    errors.append(f"expected 144 questions, got {len(qs)}")
ids = [q.get("id") for q in qs]
if len(set(ids)) != len(ids):
    errors.append("duplicate ids")
if ids != [f"hy{i:03d}" for i in range(1, len(qs) + 1)]:
    errors.append("ids not sequential hy001..")

per_doc = Counter()
for q in qs:
    qid = q.get("id")
    want = KEYS | ({"verdict"} if q.get("kind") == "claim" else set())
    if set(q) != want:
        errors.append(f"{qid}: keys {sorted(q)} != {sorted(want)}")
    k = q.get("kind")
    for fld in ("question", "answer", "evidence"):
        v = q.get(fld, "")
        if isinstance(v, str) and unicodedata.normalize("NFC", v) != v:
            errors.append(f"{qid}: {fld} not NFC")
    if k not in KINDS:
        errors.append(f"{qid}: bad kind {k}")
    forbidden_check(q.get("question", "") + " " + q.get("answer", ""), qid)
    if k == "unanswerable":
        if q.get("answer") != "" or q.get("doc_ids") != [] or q.get("evidence") != "" or q.get("answerable") is not False:
            errors.append(f"{qid}: unanswerable fields wrong")
        texts = list(arts.values())
    else:
        if q.get("answerable") is not True or not q.get("answer") or not q.get("evidence"):
            errors.append(f"{qid}: answerable fields wrong")
        if len(q.get("answer", "")) > 90:
            errors.append(f"{qid}: answer too long")
        docs = q.get("doc_ids") or []
        if not docs or any(d not in arts for d in docs):
            errors.append(f"{qid}: bad doc_ids {docs}"); continue
        for d in docs:
            per_doc[d] += 1
        if not any(q["evidence"] in arts[d] for d in docs):
            errors.append(f"{qid}: evidence not verbatim in {docs}")
        if k in SPAN and q["answer"] not in q["evidence"]:
            errors.append(f"{qid}: answer not inside evidence")
        if k == "claim" and q.get("verdict") not in ("đúng", "sai"):
            errors.append(f"{qid}: bad verdict")
        if k == "claim" and not re.match(r"(Có|Không)\b", q["answer"]):
            errors.append(f"{qid}: claim answer must begin with Có/Không")
        texts = [arts[d] for d in docs]
    # no 7+ consecutive words copied from an article
    qw = words(q.get("question", ""))
    grams = {" ".join(qw[i:i + 7]) for i in range(len(qw) - 6)}
    for t in texts:
        tw = " ".join(words(t))
        for g in grams:
            if re.search(r"\b" + re.escape(g) + r"\b", tw):
                errors.append(f"{qid}: copies 7 words from article: '{g}'")

WANT = {"rank": 15, "rank_change": 7, "score": 12, "percent": 9, "count": 11, "amount": 6, "date": 9,
        "entity": 12, "list": 9, "comparison": 8, "superlative": 8, "claim": 12, "derived": 12, "unanswerable": 14}
got = Counter(q.get("kind") for q in qs)
for k, n in WANT.items():
    if got.get(k, 0) != n:
        errors.append(f"kind {k}: {got.get(k, 0)} (need {n})")

ascii_q = sum(1 for q in qs if all(ord(c) < 128 for c in q["question"]))
print("kinds:", dict(Counter(q["kind"] for q in qs)))
print("answerable per doc:", dict(per_doc))
print("ascii-only questions (English + no-diacritics):", ascii_q)
if errors:
    print("\n".join(errors)); print(f"FAIL ({len(errors)} errors)"); sys.exit(1)
print("OK: validation passed")
