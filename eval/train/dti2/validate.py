import json, os, re, glob, collections, unicodedata
D = os.path.dirname(os.path.abspath(__file__))
arts = {os.path.basename(p): open(p, encoding='utf-8').read() for p in sorted(glob.glob(os.path.join(D, 'articles', '*.txt')))}
errs = []
BANNED = ["Bình Phước", "Thái Nguyên", "Thanh Hóa", "Vĩnh Phúc", "Quảng Ninh", "Đà Nẵng", "Yên Bái", "Ninh Thuận"]
for name, t in arts.items():
    if not re.fullmatch(r"t2_\d\d_[a-z0-9_]+\.txt", name): errs.append(f"bad name {name}")
    lines = t.split('\n')
    if not lines[0].strip() or lines[1] != '' or not lines[2].strip(): errs.append(f"format {name}")
    n = len(t.split())
    if not 300 <= n <= 600: errs.append(f"wordcount {name} {n}")
    for b in BANNED:
        if b in t: errs.append(f"banned {b} in {name}")
KEYS = ["id", "question", "answer", "doc_ids", "evidence", "answerable", "kind"]
KINDS = {"rank", "rank_change", "score", "percent", "count", "amount", "date", "unanswerable"}
ids = set(); kinds = collections.Counter(); multi = nd = en = 0; recs = []
NUM = re.compile(r"\d+(?:[.,/]\d+)*")
for ln, line in enumerate(open(os.path.join(D, 'questions.jsonl'), encoding='utf-8'), 1):
    r = json.loads(line); recs.append(r)
    if list(r.keys()) != KEYS: errs.append(f"keys {ln}")
    if r["id"] in ids: errs.append(f"dup id {r['id']}")
    ids.add(r["id"])
    if r["kind"] not in KINDS: errs.append(f"kind {ln}")
    if "(" in r["answer"] or ")" in r["answer"]: errs.append(f"paren {ln}")
    kinds[r["kind"]] += 1
    q = r["question"]
    if all(ord(c) < 128 for c in q):
        if re.search(r"\b(What|How|Which|When)\b", q): en += 1
        else: nd += 1
    if r["answerable"]:
        if r["kind"] == "unanswerable" or len(r["doc_ids"]) != 1 or r["doc_ids"][0] not in arts: errs.append(f"doc {ln}"); continue
        if not r["evidence"] or r["evidence"] not in arts[r["doc_ids"][0]]: errs.append(f"evidence not verbatim {ln}: {r['evidence']}")
        if not r["answer"] or r["answer"] not in r["evidence"]: errs.append(f"answer not in evidence {ln}")
        # sentence containing evidence: count numbers
        t = arts[r["doc_ids"][0]]; i = t.find(r["evidence"])
        s0 = max(t.rfind('. ', 0, i), t.rfind('\n', 0, i)) + 1
        ends = [x for x in (t.find('. ', i + len(r["evidence"])), t.find('\n', i + len(r["evidence"]))) if x != -1]
        sent = t[s0:min(ends) if ends else len(t)]
        if len(NUM.findall(sent)) >= 2: multi += 1
    else:
        if r["answer"] or r["doc_ids"] or r["evidence"] or r["kind"] != "unanswerable": errs.append(f"unans fields {ln}")
N = len(recs); A = sum(r["answerable"] for r in recs)
per_doc = collections.Counter(r["doc_ids"][0] for r in recs if r["answerable"])
print("articles", len(arts), "questions", N, "answerable", A, "unanswerable", N - A, f"({(N-A)/N:.1%})")
print("kinds", dict(kinds))
print(f"multi-number sentence among answerable: {multi}/{A} ({multi/A:.1%}); of all: {multi/N:.1%}")
print(f"no-diacritics {nd} ({nd/N:.1%}), english {en} ({en/N:.1%})")
print("per doc", dict(per_doc))
print("ERRORS", len(errs)); [print(" ", e) for e in errs]
