#!/usr/bin/env python3
"""Validate the held-out batch in this folder (articles/ + questions.jsonl).

Checks: file names, title/blank-line layout, word counts, forbidden provinces
(with and without diacritics, in articles and questions), question keys, ids,
kinds, evidence verbatim in the named article, answer inside evidence for span
kinds, unanswerable format, claim verdicts, per-article question counts,
language mix. Prints counts per kind. Exit code 1 on any error.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ART_DIR = os.path.join(HERE, "articles")
QFILE = os.path.join(HERE, "questions.jsonl")

KINDS = {"rank", "rank_change", "score", "percent", "count", "amount", "date",
         "entity", "list", "comparison", "superlative", "claim", "derived",
         "unanswerable"}
SPAN_KINDS = {"rank", "rank_change", "score", "percent", "count", "amount",
              "date", "entity"}
BASE_KEYS = {"id", "question", "answer", "doc_ids", "evidence", "answerable", "kind"}
FORBIDDEN = ["Bình Phước", "Thái Nguyên", "Thanh Hóa", "Vĩnh Phúc", "Quảng Ninh",
             "Đà Nẵng", "Yên Bái", "Ninh Thuận"]
NAME_RE = re.compile(r"^hg(0[1-9]|10)_[a-z0-9_]+\.txt$")
ENGLISH_WORDS = {"what", "which", "how", "who", "when", "where", "did", "does", "is",
                 "was", "the", "of", "in", "by", "according", "share", "rank", "score",
                 "much", "many", "true", "its"}

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def fold(s):
    """Lowercase, strip diacritics, map đ->d."""
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.lower()


FORBIDDEN_RES = [re.compile(r"(?<![a-z0-9])" + re.escape(fold(p)) + r"(?![a-z0-9])")
                 for p in FORBIDDEN]


def check_forbidden(text, where):
    f = fold(text)
    for name, rx in zip(FORBIDDEN, FORBIDDEN_RES):
        m = rx.search(f)
        if m:
            err(f"{where}: forbidden province '{name}' near '{f[max(0, m.start()-30):m.end()+30]}'")


def count_words(text):
    return len([t for t in text.split() if t.strip("|•")])


def lang_of(q):
    if any(ord(c) > 127 for c in q):
        return "vi"
    toks = set(re.findall(r"[a-z]+", q.lower()))
    return "en" if toks & ENGLISH_WORDS else "nodiac"


# ---------------- articles ----------------
articles = {}
if not os.path.isdir(ART_DIR):
    err("articles/ folder missing")
else:
    names = sorted(os.listdir(ART_DIR))
    for n in names:
        if not NAME_RE.match(n):
            err(f"bad article file name: {n}")
    nums = sorted(int(n[2:4]) for n in names if NAME_RE.match(n))
    if nums != list(range(1, 11)):
        err(f"expected articles hg01..hg10 exactly once each, got {nums}")
    for n in names:
        path = os.path.join(ART_DIR, n)
        try:
            raw = open(path, "rb").read()
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{n}: not UTF-8")
            continue
        if text.startswith("\ufeff"):
            err(f"{n}: has BOM")
        lines = text.split("\n")
        if len(lines) < 3 or not lines[0].strip():
            err(f"{n}: line 1 must be a non-empty title")
        elif lines[1].strip() != "":
            err(f"{n}: line 2 must be empty")
        body = "\n".join(lines[2:])
        wc_all, wc_body = count_words(text), count_words(body)
        if not (250 <= wc_all <= 520) or not (250 <= wc_body <= 520):
            err(f"{n}: word count out of range (all={wc_all}, body={wc_body})")
        check_forbidden(text, n)
        articles[n] = text

# ---------------- questions ----------------
qs = []
if not os.path.exists(QFILE):
    err("questions.jsonl missing")
else:
    with open(QFILE, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                err(f"line {i}: empty line")
                continue
            try:
                qs.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"line {i}: bad JSON: {e}")

ids = [q.get("id") for q in qs]
dups = [k for k, v in Counter(ids).items() if v > 1]
if dups:
    err(f"duplicate ids: {dups}")
expected_ids = [f"hg{i:03d}" for i in range(1, len(qs) + 1)]
if ids != expected_ids:
    err("ids must run hg001..hgNNN in order")

per_article = Counter()
kinds = Counter()
langs = Counter()
unans = 0


def ngram_overlap(question, text, n):
    qt = re.findall(r"\w+", question.lower())
    tt = " " + " ".join(re.findall(r"\w+", text.lower())) + " "
    best = 0
    for i in range(len(qt)):
        for j in range(i + n, len(qt) + 1):
            if " " + " ".join(qt[i:j]) + " " in tt:
                best = max(best, j - i)
            else:
                break
    return best


for q in qs:
    qid = q.get("id", "?")
    kind = q.get("kind")
    keys = set(q.keys())
    want = BASE_KEYS | ({"verdict"} if kind == "claim" else set())
    if keys != want:
        err(f"{qid}: keys {sorted(keys)} != {sorted(want)}")
    if kind not in KINDS:
        err(f"{qid}: unknown kind {kind}")
        continue
    kinds[kind] += 1
    for k in ("question", "answer", "evidence"):
        if not isinstance(q.get(k), str):
            err(f"{qid}: {k} must be a string")
    if not isinstance(q.get("doc_ids"), list):
        err(f"{qid}: doc_ids must be a list")
        continue
    if not isinstance(q.get("answerable"), bool):
        err(f"{qid}: answerable must be bool")
    question = q.get("question", "")
    if not question.strip():
        err(f"{qid}: empty question")
    check_forbidden(question + " " + q.get("answer", ""), qid)
    langs[lang_of(question)] += 1

    if kind == "unanswerable":
        unans += 1
        if q["answerable"] is not False or q["answer"] != "" or q["doc_ids"] != [] or q["evidence"] != "":
            err(f"{qid}: unanswerable must have answerable=false, empty answer/evidence/doc_ids")
        continue

    if q["answerable"] is not True:
        err(f"{qid}: answerable kind must have answerable=true")
    if not q["answer"].strip():
        err(f"{qid}: empty answer")
    if not q["doc_ids"]:
        err(f"{qid}: doc_ids empty")
        continue
    missing = [d for d in q["doc_ids"] if d not in articles]
    if missing:
        err(f"{qid}: unknown doc_ids {missing}")
        continue
    ev = q["evidence"]
    if not ev.strip():
        err(f"{qid}: empty evidence")
    elif not any(ev in articles[d] for d in q["doc_ids"]):
        err(f"{qid}: evidence not verbatim in {q['doc_ids']}: {ev!r}")
    if len(ev) > 500:
        err(f"{qid}: evidence too long ({len(ev)} chars)")
    if kind in SPAN_KINDS and q["answer"] not in ev:
        err(f"{qid}: answer {q['answer']!r} not inside evidence")
    if kind == "claim" and q.get("verdict") not in ("đúng", "sai"):
        err(f"{qid}: claim verdict must be 'đúng' or 'sai'")
    for d in q["doc_ids"]:
        per_article[d] += 1
        ov = ngram_overlap(question, articles[d], 1)
        if ov >= 9:
            err(f"{qid}: question copies {ov} consecutive words from the article")
        elif ov >= 7:
            warnings.append(f"{qid}: question shares {ov} consecutive words with the article")

for n in articles:
    c = per_article[n]
    if not (15 <= c <= 22):
        err(f"{n}: {c} answerable questions (want 15-22)")

total = len(qs)
if total:
    if not (150 <= total <= 210):
        err(f"total questions {total} not about 180")
    share_u = unans / total
    share_en = langs["en"] / total
    share_nd = langs["nodiac"] / total
    if not (0.11 <= share_u <= 0.19):
        err(f"unanswerable share {share_u:.1%} not about 15%")
    if not (0.11 <= share_en <= 0.20):
        err(f"English share {share_en:.1%} not about 15%")
    if not (0.11 <= share_nd <= 0.20):
        err(f"no-diacritics share {share_nd:.1%} not about 15%")

print(f"articles: {len(articles)}")
for n in sorted(articles):
    print(f"  {n}: {count_words(articles[n])} words, {per_article[n]} answerable questions")
print(f"questions: {total}")
print("per kind:")
for k in sorted(KINDS):
    print(f"  {k:13s} {kinds[k]}")
print(f"languages: vietnamese={langs['vi']} english={langs['en']} no_diacritics={langs['nodiac']}")
print(f"unanswerable: {unans}")
for w in warnings:
    print("WARNING:", w)
if errors:
    print(f"\nFAILED with {len(errors)} error(s):")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
