import json,os,collections,unicodedata
base="/work/main/eval/heldout"; art=base+"/articles"
keys={"id","question","answer","doc_ids","evidence","answerable","kind"}
kinds={"rank","rank_change","score","percent","count","amount","date","entity","list","comparison","superlative","claim","derived","unanswerable"}
ids=set(); cnt=collections.Counter(); errs=[]; en=0; nodia=0
for n,line in enumerate(open(base+"/questions_b.jsonl",encoding="utf-8"),1):
    q=json.loads(line)
    ks=set(q)-{"verdict"}
    if ks!=keys: errs.append((n,"keys",ks^keys))
    if q["id"] in ids: errs.append((n,"dup"))
    ids.add(q["id"]); cnt[q["kind"]]+=1
    if q["kind"] not in kinds: errs.append((n,"kind"))
    if q["kind"]=="claim" and q.get("verdict") not in ("đúng","sai"): errs.append((n,"verdict"))
    if q["kind"]!="claim" and "verdict" in q: errs.append((n,"stray verdict"))
    if q["answerable"]:
        if not q["doc_ids"] or not q["evidence"] or not q["answer"]: errs.append((n,"empty"))
        t=open(os.path.join(art,q["doc_ids"][0]),encoding="utf-8").read()
        if q["evidence"] not in t: errs.append((n,"evidence not in first doc",q["evidence"][:60]))
        for d in q["doc_ids"]:
            if not os.path.exists(os.path.join(art,d)) or not d.startswith("hb"): errs.append((n,"doc",d))
    else:
        if q["answer"]!="" or q["doc_ids"]!=[] or q["evidence"]!="" or q["kind"]!="unanswerable": errs.append((n,"unans fields"))
    qs=q["question"]
    if all(ord(c)<128 for c in qs):
        if any(w in qs.split() for w in ["What","Which","How","On","By"]): en+=1
        else: nodia+=1
print("errors:",errs)
print("total",len(ids),dict(cnt)); print("english",en,"no-diacritics",nodia)
bad=["Bình Phước","Thái Nguyên","Thanh Hóa","Thanh Hoá","Vĩnh Phúc","Quảng Ninh","Đà Nẵng","Binh Phuoc","Thai Nguyen","Thanh Hoa","Vinh Phuc","Quang Ninh","Da Nang"]
for f in sorted(os.listdir(art)):
    if not f.startswith("hb"): continue
    t=open(os.path.join(art,f),encoding="utf-8").read()
    lines=t.split("\n")
    assert lines[1]=="" , f
    assert unicodedata.normalize("NFC",t)==t, f
    print(f,len(t.split()),[b for b in bad if b in t])
