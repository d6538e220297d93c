#!/usr/bin/env python3
"""Validate questions_dti.jsonl against articles/."""
import json, os, sys, collections, unicodedata
HERE=os.path.dirname(os.path.abspath(__file__))
ART=os.path.join(HERE,'articles'); QF=os.path.join(HERE,'questions_dti.jsonl')
arts={n:open(os.path.join(ART,n),encoding='utf-8').read() for n in os.listdir(ART)}
FIELDS=["id","question","answer","doc_ids","evidence","answerable","kind"]
KINDS={"rank","rank_change","score","percent","count","amount","date","entity","list","comparison","superlative","claim","derived","unanswerable"}
errs=[]; ids=set(); kinds=collections.Counter(); rows=[]
for i,line in enumerate(open(QF,encoding='utf-8'),1):
    try: r=json.loads(line)
    except Exception as e: errs.append(f"line {i}: parse {e}"); continue
    rows.append(r)
    keys=list(r.keys()); exp=FIELDS+(["verdict"] if r.get("kind")=="claim" else [])
    if keys!=exp: errs.append(f"{r.get('id')}: fields {keys}")
    if r["id"] in ids: errs.append(f"dup id {r['id']}")
    ids.add(r["id"]); kinds[r["kind"]]+=1
    if r["kind"] not in KINDS: errs.append(f"{r['id']}: kind {r['kind']}")
    if r["answerable"]:
        if not r["doc_ids"] or not r["evidence"] or not r["answer"]: errs.append(f"{r['id']}: empty")
        for d in r["doc_ids"]:
            if d not in arts: errs.append(f"{r['id']}: missing doc {d}")
            elif r["evidence"] not in arts[d]: errs.append(f"{r['id']}: evidence not verbatim")
        if r["kind"]=="claim" and r.get("verdict") not in ("đúng","sai"): errs.append(f"{r['id']}: verdict")
    else:
        if r["kind"]!="unanswerable" or r["answer"] or r["doc_ids"] or r["evidence"]: errs.append(f"{r['id']}: bad unanswerable")
for n,t in arts.items():
    lines=t.split('\n'); w=len(t.split('\n',2)[2].split())
    if not (lines[0].strip() and lines[1]=="" and 200<=w<=600): errs.append(f"{n}: format/words {w}")
def nodia(s): return all(ord(c)<128 for c in s)
print("questions:",len(rows)," articles:",len(arts))
print("kinds:",dict(sorted(kinds.items())))
print("ascii-only questions (no diacritics or English):",sum(nodia(r["question"]) for r in rows))
print("errors:",len(errs)); [print(" ",e) for e in errs]
sys.exit(1 if errs else 0)
