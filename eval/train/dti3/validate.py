import json, os, re, collections
here = os.path.dirname(os.path.abspath(__file__))
arts = {f: open(os.path.join(here,'articles',f),encoding='utf-8').read() for f in os.listdir(os.path.join(here,'articles'))}
for f,t in arts.items():
    lines=t.split('\n'); assert lines[1]=='' and lines[0].strip(), f
    w=len(t.split()); assert 250<=w<=550, (f,w); assert re.fullmatch(r't3_\d\d_[a-z0-9_]+\.txt',f), f
banned=['Bình Phước','Thái Nguyên','Thanh Hóa','Vĩnh Phúc','Quảng Ninh','Đà Nẵng','Yên Bái','Ninh Thuận','Binh Phuoc','Thai Nguyen','Thanh Hoa','Vinh Phuc','Quang Ninh','Da Nang','Yen Bai','Ninh Thuan']
ids=set(); kinds=collections.Counter(); cross=nodiac=0; n=0
EN=('What','Where','How','On what','According')
for ln in open(os.path.join(here,'questions.jsonl'),encoding='utf-8'):
    r=json.loads(ln); n+=1
    assert list(r)==["id","question","answer","doc_ids","evidence","answerable","kind"], r
    assert r['id'] not in ids; ids.add(r['id'])
    assert '(' not in r['answer'] and ')' not in r['answer']
    assert not any(b in r['question'] for b in banned)
    kinds[r['kind']]+=1
    en=r['question'].startswith(EN)
    if not en and all(ord(c)<128 for c in r['question']): nodiac+=1
    if r['answerable']:
        assert r['kind']!='unanswerable' and r['answer'] and len(r['doc_ids'])==1
        doc=r['doc_ids'][0]; assert doc in arts
        assert r['evidence'] in arts[doc], r['id']
        assert r['answer'] in r['evidence'], r['id']
        docen=int(doc[3:5])<=3
        if en!=docen: cross+=1
    else:
        assert r['kind']=='unanswerable' and r['answer']=='' and r['doc_ids']==[] and r['evidence']==''
for t in arts.values(): assert not any(b in t for b in banned)
print('total',n,dict(kinds)); print('cross-language(answerable)',cross,'nodiac',nodiac)
