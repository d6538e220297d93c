import json, os, collections, re, unicodedata
base = os.path.dirname(os.path.abspath(__file__))
art = os.path.join(base, "articles")
texts = {f: open(os.path.join(art, f), encoding="utf-8").read() for f in os.listdir(art)}
ids = set(); kinds = collections.Counter(); errs = []
FIELDS = {"id","question","answer","doc_ids","evidence","answerable","kind"}
KINDS = {"rank","rank_change","score","percent","count","amount","date","entity","list","comparison","superlative","claim","derived","unanswerable"}
n = eng = nodia = 0
def has_dia(s):
    return any(ord(c) > 127 for c in s)
for ln, line in enumerate(open(os.path.join(base, "questions.jsonl"), encoding="utf-8"), 1):
    r = json.loads(line); n += 1
    keys = set(r)
    if r["kind"] == "claim":
        if keys != FIELDS | {"verdict"} or r["verdict"] not in ("đúng","sai"): errs.append((r["id"], "claim fields"))
    elif keys != FIELDS: errs.append((r["id"], "fields", keys ^ FIELDS))
    if r["id"] in ids: errs.append((r["id"], "dup id"))
    ids.add(r["id"]); kinds[r["kind"]] += 1
    if r["kind"] not in KINDS: errs.append((r["id"], "kind"))
    if r["answerable"]:
        if not r["doc_ids"] or not r["answer"] or not r["evidence"]: errs.append((r["id"], "empty"))
        for d in r["doc_ids"]:
            if d not in texts: errs.append((r["id"], "missing doc", d))
        if r["evidence"] not in texts.get(r["doc_ids"][0], ""): errs.append((r["id"], "evidence not verbatim"))
        # answer should appear in evidence unless derived/comparison/claim
        if r["kind"] not in ("derived","comparison","superlative") and r["answer"] not in r["evidence"]:
            errs.append((r["id"], "answer not in evidence", r["answer"]))
    else:
        if r["answer"] or r["doc_ids"] or r["evidence"] or r["kind"] != "unanswerable": errs.append((r["id"], "unanswerable fields"))
    q = r["question"]
    if re.match(r"^(What|Which|How|Is|Where|In|By) ", q): eng += 1
    elif not has_dia(q): nodia += 1
print("total", n, "english", eng, "no-diacritics", nodia)
for k, v in sorted(kinds.items(), key=lambda x: -x[1]): print(k, v)
print("errors:", errs or "none")
for f, t in sorted(texts.items()):
    print(f, len(t.split()), "words")
