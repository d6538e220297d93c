import json, os, re, collections, unicodedata
D=os.path.dirname(os.path.abspath(__file__)); A=os.path.join(D,"articles")
arts={f:open(os.path.join(A,f),encoding="utf-8").read() for f in os.listdir(A)}
for f,t in arts.items():
    lines=t.split("\n"); assert lines[0].strip() and lines[1]=="" , f
    wc=len([w for w in t.split() if w!="|"]); assert 250<=wc<=520,(f,wc)
    assert re.fullmatch(r"hf0[1-6]_[a-z0-9_]+\.txt",f),f
    for bad in ["Bình Phước","Thái Nguyên","Thanh Hóa","Vĩnh Phúc","Quảng Ninh","Đà Nẵng","Yên Bái","Ninh Thuận","Binh Phuoc","Thai Nguyen","Thanh Hoa","Vinh Phuc","Quang Ninh","Da Nang","Yen Bai","Ninh Thuan"]:
        assert bad not in t,(f,bad)
KEYS={"id","question","answer","doc_ids","evidence","answerable","kind"}
KINDS={"rank","rank_change","score","percent","count","amount","date","entity","list","comparison","superlative","claim","derived","unanswerable"}
ids=set(); kinds=collections.Counter(); errs=[]; en=0; nod=0; rows=[]
for i,l in enumerate(open(os.path.join(D,"questions.jsonl"),encoding="utf-8")):
    o=json.loads(l); rows.append(o)
    ks=set(o)-{"verdict"}; 
    if ks!=KEYS: errs.append((o["id"],"keys"))
    if o["id"] in ids: errs.append((o["id"],"dup"))
    ids.add(o["id"]); kinds[o["kind"]]+=1
    if o["kind"] not in KINDS: errs.append((o["id"],"kind"))
    if o["kind"]=="claim" and o.get("verdict") not in ("đúng","sai"): errs.append((o["id"],"verdict"))
    if o["kind"]!="claim" and "verdict" in o: errs.append((o["id"],"verdict extra"))
    if o["answerable"]:
        if not o["doc_ids"] or not o["evidence"] or not o["answer"]: errs.append((o["id"],"empty"))
        if not any(o["evidence"] in arts.get(d,"") for d in o["doc_ids"]): errs.append((o["id"],"evidence not verbatim"))
        if o["kind"] in {"rank","rank_change","score","percent","count","amount","date","entity"} and o["answer"] not in o["evidence"]:
            errs.append((o["id"],"answer not in evidence",o["answer"]))
    else:
        if o["answer"]!="" or o["doc_ids"] or o["evidence"]!="" or o["kind"]!="unanswerable": errs.append((o["id"],"unans fields"))
    q=o["question"]
    if re.match(r"^(What|Which|Where|By how|How|Is it)",q): en+=1
    elif all(ord(c)<128 for c in q): nod+=1
print("errors:",errs); print("total",len(rows)); print(dict(kinds)); print("english",en,"no-diacritics",nod)
