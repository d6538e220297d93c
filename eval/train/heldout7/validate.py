#!/usr/bin/env python3
"""Validate the heldout-next evaluation batch (articles/ + questions.jsonl)."""
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ART = HERE / "articles"
QFILE = HERE / "questions.jsonl"

KINDS = {"rank", "rank_change", "score", "percent", "count", "amount", "date", "entity",
         "list", "comparison", "superlative", "claim", "derived", "unanswerable"}
SPAN_KINDS = {"rank", "rank_change", "score", "percent", "count", "amount", "date", "entity"}
BASE_KEYS = {"id", "question", "answer", "doc_ids", "evidence", "answerable", "kind"}
FORBIDDEN = ["Bình Phước", "Thái Nguyên", "Thanh Hóa", "Thanh Hoá", "Vĩnh Phúc", "Quảng Ninh",
             "Đà Nẵng", "Yên Bái", "Ninh Thuận"]
FNAME_RE = re.compile(r"^hh(0[1-9]|10)_[a-z0-9_]+\.txt$")
EN_WORDS = {"what", "which", "how", "who", "when", "where", "the", "was", "did", "is", "true",
            "false", "of", "in", "according", "does", "has", "for", "its"}

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def strip_diacritics(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def count_words(text):
    return sum(1 for t in text.split() if any(ch.isalnum() for ch in t))


def tokens(s):
    s = unicodedata.normalize("NFC", s.lower())
    return re.findall(r"\w+", s)


def ngrams(toks, n=7):
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def forbidden_hits(text):
    hits = []
    for name in FORBIDDEN:
        if name.lower() in text.lower():
            hits.append(name)
        plain = strip_diacritics(name)  # e.g. "Thanh Hoa": case-sensitive, word-bounded
        if re.search(r"\b" + re.escape(plain) + r"\b", strip_diacritics(text)):
            hits.append(plain)
        if re.search(r"\b" + re.escape(plain.replace(" ", "")) + r"\b", strip_diacritics(text)):
            hits.append(plain.replace(" ", ""))
    return hits


def lang_of(q):
    if all(ord(c) < 128 for c in q.replace("–", "-")):
        words = set(re.findall(r"[a-z]+", q.lower()))
        return "en" if len(words & EN_WORDS) >= 2 else "nd"
    return "vi"


# ---------------- articles ----------------
articles = {}
files = sorted(p for p in ART.iterdir() if p.is_file())
if len(files) != 10:
    err(f"expected 10 article files, found {len(files)}")
nums = []
for p in files:
    if not FNAME_RE.match(p.name):
        err(f"bad article file name: {p.name}")
        continue
    nums.append(int(p.name[2:4]))
    try:
        raw = p.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        err(f"{p.name}: not UTF-8")
        continue
    text = unicodedata.normalize("NFC", raw)
    if text != raw:
        warnings.append(f"{p.name}: not NFC-normalised")
    lines = raw.split("\n")
    if len(lines) < 3 or not lines[0].strip():
        err(f"{p.name}: line 1 must be a non-empty title")
    if len(lines) < 2 or lines[1].strip() != "":
        err(f"{p.name}: line 2 must be empty")
    body = "\n".join(lines[2:])
    wc = count_words(body)
    wc_all = count_words(raw)
    if not 250 <= wc <= 520:
        err(f"{p.name}: body has {wc} words (need 250-520)")
    if wc_all > 520:
        warnings.append(f"{p.name}: title+body {wc_all} words (>520)")
    hits = forbidden_hits(raw)
    if hits:
        err(f"{p.name}: forbidden province(s) {hits}")
    articles[p.name] = raw
    print(f"  {p.name}: {wc} body words ({wc_all} incl. title)")
if sorted(nums) != list(range(1, 11)):
    err(f"article numbers should be 01..10, got {sorted(nums)}")

art_ngrams = set()
for t in articles.values():
    art_ngrams |= ngrams(tokens(t))
    art_ngrams |= ngrams(tokens(strip_diacritics(t)))

# ---------------- questions ----------------
rows = []
with QFILE.open(encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if not line.strip():
            err(f"questions.jsonl line {ln}: empty line")
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"questions.jsonl line {ln}: bad JSON ({e})")

ids = [r.get("id") for r in rows]
dup = [k for k, v in Counter(ids).items() if v > 1]
if dup:
    err(f"duplicate ids: {dup}")
for i, r in enumerate(rows, 1):
    if r.get("id") != f"hh{i:03d}":
        err(f"row {i}: id {r.get('id')!r} should be hh{i:03d}")

kinds = Counter()
langs = Counter()
per_article = defaultdict(int)
current_article = None
verdicts = Counter()
for r in rows:
    rid = r.get("id")
    keys = set(r)
    kind = r.get("kind")
    expected = BASE_KEYS | ({"verdict"} if kind == "claim" else set())
    if keys != expected:
        err(f"{rid}: keys {sorted(keys)} != {sorted(expected)}")
    if kind not in KINDS:
        err(f"{rid}: unknown kind {kind!r}")
        continue
    kinds[kind] += 1
    q, a, ev, docs, ans = r.get("question"), r.get("answer"), r.get("evidence"), r.get("doc_ids"), r.get("answerable")
    if not isinstance(q, str) or not q.strip():
        err(f"{rid}: empty question")
        continue
    if not isinstance(a, str) or not isinstance(ev, str) or not isinstance(docs, list) or not isinstance(ans, bool):
        err(f"{rid}: wrong value types")
        continue
    lang = lang_of(q)
    langs[lang] += 1
    for field, val in (("question", q), ("answer", a), ("evidence", ev)):
        hits = forbidden_hits(val)
        if hits:
            err(f"{rid}: forbidden province in {field}: {hits}")
    # copied wording (7+ consecutive words from any article)
    qt = tokens(q)
    copied = ngrams(qt) & art_ngrams
    if copied:
        err(f"{rid}: question copies 7+ words from an article: {' '.join(next(iter(copied)))}")
    if kind == "unanswerable":
        if ans is not False or a != "" or docs != [] or ev != "":
            err(f"{rid}: unanswerable must have answerable=false, answer='', doc_ids=[], evidence=''")
        if current_article:
            per_article[current_article] += 1
        continue
    if ans is not True:
        err(f"{rid}: answerable must be true for kind {kind}")
    if not a.strip():
        err(f"{rid}: empty answer")
    if not docs:
        err(f"{rid}: empty doc_ids")
        continue
    for d in docs:
        if d not in articles:
            err(f"{rid}: unknown doc_id {d}")
    if not ev.strip():
        err(f"{rid}: empty evidence")
    elif docs[0] in articles and ev not in articles[docs[0]]:
        err(f"{rid}: evidence not verbatim in {docs[0]}: {ev!r}")
    if len(ev) > 300:
        warnings.append(f"{rid}: long evidence ({len(ev)} chars)")
    if kind in SPAN_KINDS and a not in ev:
        err(f"{rid}: answer {a!r} not inside evidence")
    if kind == "claim":
        v = r.get("verdict")
        if v not in ("đúng", "sai"):
            err(f"{rid}: verdict must be 'đúng' or 'sai'")
        verdicts[v] += 1
    current_article = docs[0]
    per_article[current_article] += 1

n = len(rows)
print(f"\nquestions: {n}")
if not 170 <= n <= 190:
    err(f"expected about 180 questions, got {n}")
print("per article (unanswerable counted with the preceding article):")
for name in sorted(articles):
    c = per_article.get(name, 0)
    print(f"  {name}: {c}")
    if not 15 <= c <= 20:
        err(f"{name}: {c} questions (need 15-20)")
print("per kind:")
for k in sorted(KINDS):
    print(f"  {k:12s} {kinds.get(k, 0)}")
    if kinds.get(k, 0) == 0:
        err(f"kind {k} unused")
print("claim verdicts:", dict(verdicts))
print("languages:", {k: f"{v} ({v / n:.1%})" for k, v in sorted(langs.items())})
un = kinds["unanswerable"] / n
print(f"unanswerable share: {un:.1%}")
if not 0.12 <= un <= 0.18:
    err(f"unanswerable share {un:.1%} outside 12-18%")
for lg in ("en", "nd"):
    share = langs[lg] / n
    if not 0.12 <= share <= 0.18:
        err(f"{lg} share {share:.1%} outside 12-18%")

for w in warnings:
    print("WARNING:", w)
if errors:
    print(f"\nFAILED with {len(errors)} error(s):")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
