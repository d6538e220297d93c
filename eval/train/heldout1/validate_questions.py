import json, os, re, sys, collections, unicodedata
base = os.path.dirname(os.path.abspath(__file__))
arts = {f: open(os.path.join(base, "articles", f), encoding="utf-8").read() for f in os.listdir(os.path.join(base, "articles"))}
KINDS = {"rank","rank_change","score","percent","count","amount","date","entity","list","comparison","superlative","claim","derived","unanswerable"}
FIELDS = {"id","question","answer","doc_ids","evidence","answerable","kind"}
ids, errs, kinds = set(), [], collections.Counter()
n_en = n_nodiac = 0
for ln, line in enumerate(open(os.path.join(base, "questions_a.jsonl"), encoding="utf-8"), 1):
    o = json.loads(line)
    keys = set(o) - {"verdict"}
    if keys != FIELDS: errs.append((ln, "fields", keys ^ FIELDS))
    if o["id"] in ids: errs.append((ln, "dup id"))
    ids.add(o["id"])
    k = o["kind"]; kinds[k] += 1
    if k not in KINDS: errs.append((ln, "kind", k))
    if k == "claim" and o.get("verdict") not in ("đúng", "sai"): errs.append((ln, "verdict"))
    if k != "claim" and "verdict" in o: errs.append((ln, "stray verdict"))
    if k == "unanswerable":
        if o["answerable"] or o["answer"] or o["doc_ids"] or o["evidence"]: errs.append((ln, "unanswerable fields"))
    else:
        if not o["answerable"] or not o["answer"] or not o["doc_ids"] or not o["evidence"]: errs.append((ln, "answerable fields"))
        for d in o["doc_ids"]:
            if d not in arts: errs.append((ln, "missing doc", d))
        if not any(o["evidence"] in arts.get(d, "") for d in o["doc_ids"]): errs.append((ln, "evidence not found", o["evidence"]))
    q = o["question"]
    if all(ord(c) < 128 for c in q):
        if re.search(r"\b(what|which|where|how|is|who)\b", q, re.I): n_en += 1
        else: n_nodiac += 1
print("total", len(ids), dict(kinds), "english", n_en, "no-diacritics", n_nodiac)
for w in sorted(arts): print(w, len(arts[w].split()))
print("errors:", errs or "none")
sys.exit(1 if errs else 0)
