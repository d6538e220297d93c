import json, os, re, collections, unicodedata
arts = {f: open(os.path.join("articles", f), encoding="utf-8").read() for f in os.listdir("articles")}
for f, t in arts.items():
    lines = t.split("\n"); assert lines[1] == "" and lines[0].strip(), f
    assert re.fullmatch(r"hd0[1-8]_[a-z0-9_]+\.txt", f), f
    print(f, len(t.split()), "words")
ids, kinds, n = set(), collections.Counter(), 0
en = nodia = 0
keys = {"id","question","answer","doc_ids","evidence","answerable","kind"}
for ln in open("questions.jsonl", encoding="utf-8"):
    r = json.loads(ln); n += 1
    assert set(r) - {"verdict"} == keys, r
    assert r["id"] not in ids; ids.add(r["id"])
    kinds[r["kind"]] += 1
    if r["answerable"]:
        assert r["doc_ids"] and all(d in arts for d in r["doc_ids"])
        assert r["evidence"] in arts[r["doc_ids"][0]], r["id"]
        assert r["answer"]
        assert ("verdict" in r) == (r["kind"] == "claim")
    else:
        assert r["answer"] == "" and r["doc_ids"] == [] and r["evidence"] == "" and r["kind"] == "unanswerable"
    qq = r["question"]
    if re.match(r"^(What|Where|How|Who|Which|Is)\b", qq): en += 1
    elif all(ord(c) < 128 for c in qq): nodia += 1
print("total", n, dict(sorted(kinds.items(), key=lambda x: -x[1])))
print("english", en, "no-diacritics", nodia)
