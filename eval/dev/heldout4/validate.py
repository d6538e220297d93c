import json, os, re, collections, unicodedata
base=os.path.dirname(os.path.abspath(__file__)); art=os.path.join(base,"articles")
arts={f:open(os.path.join(art,f),encoding="utf-8").read() for f in os.listdir(art)}
errs=[]; ids=set(); kinds=collections.Counter(); en=0; nodia=0
KEYS={"id","question","answer","doc_ids","evidence","answerable","kind"}
KINDS="rank rank_change score percent count amount date entity list comparison superlative claim derived unanswerable".split()
for f,t in arts.items():
    lines=t.split("\n")
    if not re.fullmatch(r"he0[1-6]_[a-z0-9_]+\.txt",f): errs.append(("name",f))
    if lines[1]!="": errs.append(("format",f))
    n=len(t.split());
    if not 250<=n<=500: errs.append(("words",f,n))
    for bad in ["Bình Phước","Thái Nguyên","Thanh Hóa","Vĩnh Phúc","Quảng Ninh","Đà Nẵng","Yên Bái","Ninh Thuận","Binh Phuoc","Thai Nguyen","Thanh Hoa","Vinh Phuc","Quang Ninh","Da Nang","Yen Bai","Ninh Thuan"]:
        if bad in t: errs.append(("banned",f,bad))
for ln,line in enumerate(open(os.path.join(base,"questions.jsonl"),encoding="utf-8"),1):
    d=json.loads(line)
    k=set(d)-{"verdict"}
    if k!=KEYS: errs.append(("keys",ln,k))
    if d["id"] in ids: errs.append(("dup",d["id"]))
    ids.add(d["id"]); kinds[d["kind"]]+=1
    if d["kind"] not in KINDS: errs.append(("kind",d["id"]))
    if ("verdict" in d)!=(d["kind"]=="claim"): errs.append(("verdict",d["id"]))
    if "verdict" in d and d["verdict"] not in ("đúng","sai"): errs.append(("verdictval",d["id"]))
    if d["answerable"]:
        if not d["doc_ids"] or not d["evidence"] or not d["answer"]: errs.append(("empty",d["id"]))
        if not any(d["evidence"] in arts.get(x,"") for x in d["doc_ids"]): errs.append(("evidence",d["id"],d["evidence"]))
        if not all(x in arts for x in d["doc_ids"]): errs.append(("doc",d["id"]))
        if d["kind"] not in ("derived",) and d["answer"] not in d["evidence"]: errs.append(("ans_not_in_ev",d["id"],d["answer"]))
        if d["kind"]=="unanswerable": errs.append(("ua",d["id"]))
    else:
        if d["answer"]!="" or d["doc_ids"]!=[] or d["evidence"]!="" or d["kind"]!="unanswerable": errs.append(("unans",d["id"]))
    qs=d["question"]
    if re.search(r"\b(What|How|Which|When|Is it)\b",qs): en+=1
    elif all(ord(c)<128 for c in qs): nodia+=1
n=len(ids)
print("total",n); print(dict(kinds)); print("english",en,"no-diacritics",nodia)
print("errors",errs if errs else "none")
