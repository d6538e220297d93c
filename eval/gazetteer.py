"""Province recognition: vietnamadminunits vs vietnam-provinces vs dtiqa's gazetteer, and its speed.

    python eval/gazetteer.py              # writes eval/gazetteer.md and eval/gazetteer.json
    python eval/gazetteer.py --runs 9

The table of name forms below is written by hand from how Vietnamese names are
typed (not from any candidate's output); each form has its expected pre-2025
province. Candidates:

* vietnamadminunits `parse_address(form, mode, level=1)`, its own parser used
  directly, in LEGACY (63 provinces) and FROM_2025 (34 units) mode;
* vietnam-provinces (34 units; no lookup by name): its names and codenames
  folded (lower case, no diacritics, đ -> d, only letters and digits), matched
  against the form folded the same way after stripping a leading "tỉnh" /
  "thành phố" / "TP" and a trailing "province" / "city";
* `dtiqa.provinces.canonical` (the library's data plus data/province_aliases.tsv).

An answer is right when it names the expected province (names compared folded;
"Thừa Thiên Huế" = "Huế"); the "up to 2025 unit" count also accepts the 2025 unit
the expected province now belongs to (what a 34-unit library can at best say).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# The 1 July 2025 merger (Resolution 202/2025/QH15): each new unit -> the former provinces merged into it.
MERGED: dict[str, tuple[str, ...]] = {
    "Tuyên Quang": ("Tuyên Quang", "Hà Giang"), "Lào Cai": ("Lào Cai", "Yên Bái"),
    "Thái Nguyên": ("Thái Nguyên", "Bắc Kạn"), "Phú Thọ": ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Ninh", "Bắc Giang"), "Hưng Yên": ("Hưng Yên", "Thái Bình"),
    "Hải Phòng": ("Hải Phòng", "Hải Dương"), "Ninh Bình": ("Ninh Bình", "Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Trị", "Quảng Bình"), "Đà Nẵng": ("Đà Nẵng", "Quảng Nam"),
    "Quảng Ngãi": ("Quảng Ngãi", "Kon Tum"), "Gia Lai": ("Gia Lai", "Bình Định"),
    "Khánh Hòa": ("Khánh Hòa", "Ninh Thuận"), "Lâm Đồng": ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Đắk Lắk", "Phú Yên"), "Hồ Chí Minh": ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Đồng Nai", "Bình Phước"), "Tây Ninh": ("Tây Ninh", "Long An"),
    "Cần Thơ": ("Cần Thơ", "Sóc Trăng", "Hậu Giang"), "Vĩnh Long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Đồng Tháp", "Tiền Giang"), "Cà Mau": ("Cà Mau", "Bạc Liêu"),
    "An Giang": ("An Giang", "Kiên Giang"),
}
UNCHANGED = ("Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
             "Nghệ An", "Hà Tĩnh", "Cao Bằng")
UNIT_2025: dict[str, str] = {old: new for new, olds in MERGED.items() for old in olds} | {u: u for u in UNCHANGED}
NAMES_63 = tuple(UNIT_2025)

# (form as typed, expected pre-2025 province, style). Every one of the 63 standard names is "accented".
_VARIANTS = """\
BÌNH PHƯỚC|Bình Phước|case
hà nội|Hà Nội|case
đồng nai|Đồng Nai|case
QUẢNG NAM|Quảng Nam|case
bà rịa - vũng tàu|Bà Rịa - Vũng Tàu|case
ĐẮK LẮK|Đắk Lắk|case
binh phuoc|Bình Phước|no_diacritics
BINH PHUOC|Bình Phước|no_diacritics
Binh Duong|Bình Dương|no_diacritics
ha noi|Hà Nội|no_diacritics
Da Nang|Đà Nẵng|no_diacritics
quang nam|Quảng Nam|no_diacritics
Ba Ria - Vung Tau|Bà Rịa - Vũng Tàu|no_diacritics
ba ria vung tau|Bà Rịa - Vũng Tàu|no_diacritics
can tho|Cần Thơ|no_diacritics
ho chi minh|Hồ Chí Minh|no_diacritics
dak nong|Đắk Nông|no_diacritics
Dak Lak|Đắk Lắk|no_diacritics
kien giang|Kiên Giang|no_diacritics
hai duong|Hải Dương|no_diacritics
thua thien hue|Huế|no_diacritics
hue|Huế|no_diacritics
Ha Tinh|Hà Tĩnh|no_diacritics
dong thap|Đồng Tháp|no_diacritics
Vinh Phuc|Vĩnh Phúc|no_diacritics
bac kan|Bắc Kạn|no_diacritics
Khanh Hoa|Khánh Hòa|no_diacritics
thanh hoa|Thanh Hóa|no_diacritics
hoa binh|Hòa Bình|no_diacritics
Lam Dong|Lâm Đồng|no_diacritics
nghe an|Nghệ An|no_diacritics
Tay Ninh|Tây Ninh|no_diacritics
quang ngai|Quảng Ngãi|no_diacritics
gia lai|Gia Lai|no_diacritics
TP.HCM|Hồ Chí Minh|abbreviation
TPHCM|Hồ Chí Minh|abbreviation
TP HCM|Hồ Chí Minh|abbreviation
TP. HCM|Hồ Chí Minh|abbreviation
Tp.HCM|Hồ Chí Minh|abbreviation
tphcm|Hồ Chí Minh|abbreviation
HCM|Hồ Chí Minh|abbreviation
HN|Hà Nội|abbreviation
BR-VT|Bà Rịa - Vũng Tàu|abbreviation
BRVT|Bà Rịa - Vũng Tàu|abbreviation
TT-Huế|Huế|abbreviation
TT Huế|Huế|abbreviation
Q.Nam|Quảng Nam|abbreviation
Hoà Bình|Hòa Bình|old_tone
hoà bình|Hòa Bình|old_tone
Thanh Hoá|Thanh Hóa|old_tone
Khánh Hoà|Khánh Hòa|old_tone
Đăk Lăk|Đắk Lắk|variant_spelling
Đắk Lăk|Đắk Lắk|variant_spelling
Đắc Lắc|Đắk Lắk|variant_spelling
Daklak|Đắk Lắk|variant_spelling
Đăk Nông|Đắk Nông|variant_spelling
Đắc Nông|Đắk Nông|variant_spelling
Bắc Cạn|Bắc Kạn|variant_spelling
Kontum|Kon Tum|variant_spelling
Bà Rịa-Vũng Tàu|Bà Rịa - Vũng Tàu|spacing
Bà Rịa Vũng Tàu|Bà Rịa - Vũng Tàu|spacing
Bà Rịa – Vũng Tàu|Bà Rịa - Vũng Tàu|spacing
Thừa Thiên - Huế|Huế|spacing
Hà  Nội|Hà Nội|spacing
Đắk-Lắk|Đắk Lắk|spacing
tỉnh Bình Phước|Bình Phước|prefix
Tỉnh Quảng Nam|Quảng Nam|prefix
thành phố Hồ Chí Minh|Hồ Chí Minh|prefix
Thành phố Cần Thơ|Cần Thơ|prefix
TP Cần Thơ|Cần Thơ|prefix
TP. Đà Nẵng|Đà Nẵng|prefix
TP.Hà Nội|Hà Nội|prefix
tp hai phong|Hải Phòng|prefix
tinh binh duong|Bình Dương|prefix
thanh pho ha noi|Hà Nội|prefix
tỉnh Thừa Thiên Huế|Huế|prefix
thành phố Huế|Huế|prefix
Tỉnh Bà Rịa - Vũng Tàu|Bà Rịa - Vũng Tàu|prefix
TP Huế|Huế|prefix
Sài Gòn|Hồ Chí Minh|other_name
sai gon|Hồ Chí Minh|other_name
Thừa Thiên Huế|Huế|other_name
Vũng Tàu|Bà Rịa - Vũng Tàu|other_name
Hanoi|Hà Nội|english
Ho Chi Minh City|Hồ Chí Minh|english
HCMC|Hồ Chí Minh|english
Saigon|Hồ Chí Minh|english
Danang|Đà Nẵng|english
Haiphong|Hải Phòng|english
Binh Phuoc province|Bình Phước|english
Quang Nam province|Quảng Nam|english
Bình Phước|Bình Phước|nfd
Đắk Lắk|Đắk Lắk|nfd
Thanh Hóa|Thanh Hóa|nfd
"""
STYLES = ("accented", "case", "no_diacritics", "abbreviation", "old_tone", "variant_spelling", "spacing",
          "prefix", "other_name", "english", "nfd")


def forms() -> list[dict]:
    """The table: form, expected province, style, era ("2025" if a name of the 34 units, else "former")."""
    rows = [(n, n, "accented") for n in NAMES_63]
    rows += [tuple(line.split("|")) for line in _VARIANTS.splitlines() if line.strip()]
    return [{"form": unicodedata.normalize("NFD", f) if style == "nfd" else f, "expected": e, "style": style,
             "era": "2025" if UNIT_2025[e] == e else "former"} for f, e, style in rows]


def _fold(text: str) -> str:
    s = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in s if not unicodedata.combining(c))


def _key(name: str | None) -> str:
    """A province name compared folded and spaceless; "Thừa Thiên Huế" is "Huế" (renamed in 2025)."""
    k = re.sub(r"[^a-z0-9]", "", _fold(name or ""))
    return {"thuathienhue": "hue"}.get(k, k)


def _short(name: str | None) -> str | None:
    return re.sub(r"^(?:thành phố|tỉnh)\s+", "", name, flags=re.I) if name else None


@lru_cache(maxsize=1)
def _vp_index() -> dict[str, str] | None:
    """vietnam-provinces' 34 units by folded name and codename, or None if it is not installed."""
    try:
        from vietnam_provinces import Province
    except ImportError:
        return None
    index: dict[str, str] = {}
    for p in Province.iter_all():
        index[_key(_short(p.name))] = _short(p.name)
        index[p.codename.replace("_", "")] = _short(p.name)
    return index


_VP_AFFIX = re.compile(r"^(?:tinh|thanh pho|tp)\b\.?\s*|\s+(?:province|city)$")


ONLY_2025 = ("vietnamadminunits FROM_2025", "vietnam-provinces")  # candidates that know only the 34 units


def candidates() -> dict[str, Callable[[str], str | None] | None]:
    """Each candidate's form -> province name; None for a library that is not installed."""
    from vietnamadminunits import ParseMode, parse_address

    from dtiqa.provinces import canonical

    index = _vp_index()
    return {
        "vietnamadminunits LEGACY": lambda f: parse_address(f, mode=ParseMode.LEGACY, level=1).short_province,
        "vietnamadminunits FROM_2025": lambda f: parse_address(f, mode=ParseMode.FROM_2025, level=1).short_province,
        "vietnam-provinces": None if index is None else
        (lambda f: index.get(_key(_VP_AFFIX.sub("", _fold(unicodedata.normalize("NFC", f)).strip())))),
        "dtiqa canonical": canonical,
    }


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


LIBRARIES = {
    "vietnamadminunits": "63 former provinces (parse mode LEGACY) and 34 units (FROM_2025), keyword forms without "
                         "diacritics and some abbreviations; the merger as data (converter_2025.json: each new unit's "
                         "former provinces) and as `convert_address` (former address -> 2025 unit).",
    "vietnam-provinces": "the 34 units (and their wards) after 1 July 2025 only: names, codes, codenames; lookup by "
                         "code, no lookup by name, no former provinces, no former -> new mapping.",
}


def recognition(table: list[dict] | None = None) -> dict:
    """Each candidate's answer on each form, right or not, with counts per style and era."""
    table = table or forms()
    cands = candidates()
    rows = [dict(r, answers={}) for r in table]
    timing_us: dict[str, float] = {}
    for name, fn in cands.items():
        if fn is None:
            continue
        fn(rows[0]["form"])  # warm: dtiqa builds its gazetteer on the first call
        t0 = time.perf_counter()
        for r in rows:
            got = _short(fn(r["form"]))
            ok = _key(got) == _key(r["expected"])
            r["answers"][name] = {"answer": got, "ok": ok,
                                  "ok_2025": ok or _key(got) == _key(UNIT_2025[r["expected"]])}
        timing_us[name] = (time.perf_counter() - t0) / len(rows) * 1e6
    summary: dict[str, dict[str, dict[str, int]]] = {}
    groups = [("all", lambda r: True)] + [(f"era:{e}", lambda r, e=e: r["era"] == e) for e in ("former", "2025")]
    groups += [(s, lambda r, s=s: r["style"] == s) for s in STYLES]
    for g, pick in groups:
        sel = [r for r in rows if pick(r)]
        summary[g] = {"n": len(sel)} | {c: sum(r["answers"][c]["ok"] for r in sel) for c in cands if cands[c]}
        summary[g] |= {f"{c} (up to 2025 unit)": sum(r["answers"][c]["ok_2025"] for r in sel)
                       for c in ONLY_2025 if cands[c]}
    return {"rows": rows, "summary": summary, "candidates": list(cands),
            "missing": [c for c, fn in cands.items() if fn is None], "us_per_form": timing_us,
            "versions": {d: _version(d) for d in ("vietnamadminunits", "vietnam-provinces")}}


_COLD = """
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from dtiqa import provinces
t1 = time.perf_counter()
provinces.find(sys.argv[2])
t2 = time.perf_counter()
provinces.find(sys.argv[2])
t3 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1e3, "first_find_ms": (t2 - t1) * 1e3, "second_find_us": (t3 - t2) * 1e6}))
"""


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def lookup_timing(questions: list[str], runs: int = 7, cold_runs: int | None = None) -> dict:
    """Per-question `provinces.find` time (µs, warm; median over runs of each run's p50/p95/mean),
    and the first call in a fresh process (import, gazetteer build) over `cold_runs` processes."""
    from dtiqa import provinces

    provinces.find(questions[0])  # build the gazetteer: the warm figures are per question only
    per_run = []
    for _ in range(runs):
        times = []
        for q in questions:
            t0 = time.perf_counter_ns()
            provinces.find(q)
            times.append((time.perf_counter_ns() - t0) / 1e3)
        per_run.append({"p50": _pct(times, 0.5), "p95": _pct(times, 0.95), "max": max(times),
                        "mean": statistics.fmean(times)})
    warm = {k: statistics.median(r[k] for r in per_run) for k in per_run[0]}
    colds = [json.loads(subprocess.run([sys.executable, "-c", _COLD, str(ROOT / "src"), questions[0]], check=True,
                                       capture_output=True, text=True).stdout)
             for _ in range(runs if cold_runs is None else cold_runs)]
    cold = {k: statistics.median(c[k] for c in colds) for k in colds[0]} if colds else {}
    return {"questions": len(questions), "runs": runs, "cold_runs": len(colds), "warm_us": warm,
            "per_run": per_run, "cold": cold}


def machine() -> dict:
    """Cores, CPU model, Python, and the load when measured (other processes skew the timings)."""
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor() or "unknown")
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "loadavg": [round(x, 2) for x in os.getloadavg()]}


def _table(header: list[str], rows: list[list]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
        ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]


def render(results: dict) -> str:
    """eval/gazetteer.md from the results of recognition(), lookup_timing() and machine()."""
    rec, t, m = results["recognition"], results["timing"], results["machine"]
    cands = [c for c in rec["candidates"] if c not in rec["missing"]]
    out = ["# Province recognition: which gazetteer basis", "",
           f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']} ({m['platform']}); "
           f"load average {m['loadavg']} when measured.", "",
           "Versions: " + ", ".join(f"{d} {v or 'not installed'}" for d, v in rec["versions"].items()) + ".", ""]
    out += [f"**{c} is not installed: its column is left out** (`pip install -e '.[bench]'`)." for c in rec["missing"]]
    out += ["## What each library offers", ""] + [f"* **{k}**: {v}" for k, v in LIBRARIES.items()]
    out += ["", "## Recognition per category", "",
            f"{len(rec['rows'])} forms, each with its expected former (pre-2025) province. Right = names that "
            "province; \"up to 2025 unit\" also accepts the 34-unit province it now belongs to. vietnam-provinces "
            "has no lookup by name: its names are matched folded (lower case, no diacritics, only letters and "
            "digits) after stripping \"tỉnh\"/\"thành phố\"/\"TP\" and \"province\"/\"city\" from the form. "
            "vietnamadminunits is called as `parse_address(form, mode, level=1)`.", ""]
    extra = [k for k in rec["summary"]["all"] if k not in ("n", *cands)]
    out += _table(["category", "n", *cands, *extra],
                  [[g, s["n"], *[s[c] for c in cands], *[s[k] for k in extra]] for g, s in rec["summary"].items()])
    out += ["", "Time per form (µs, one pass over the table): " +
            ", ".join(f"{c} {v:.0f}" for c, v in rec["us_per_form"].items()), ""]
    wrong = [r for r in rec["rows"] if "dtiqa canonical" in r["answers"] and not r["answers"]["dtiqa canonical"]["ok"]]
    out += ["Forms dtiqa's `canonical()` gets wrong: " +
            (", ".join(f"`{r['form']}` → {r['answers']['dtiqa canonical']['answer']}" for r in wrong) or "none"), ""]
    w = t["warm_us"]
    out += ["## Lookup speed per question", "",
            f"`provinces.find(question)` over the {t['questions']} questions of eval/dev/gold.jsonl (what question "
            "analysis calls; `named_in` is used only on articles, in facts.py). Median over "
            f"{t['runs']} runs of each run's figure, µs per question:", "",
            *_table(["p50", "p95", "max", "mean"], [[f"{w[k]:.1f}" for k in ("p50", "p95", "max", "mean")]]), ""]
    if t["cold"]:
        c = t["cold"]
        out += [f"First call in a fresh process (median of {t['cold_runs']}): `import dtiqa.provinces` "
                f"{c['import_ms']:.0f} ms (the whole dtiqa package), first `find()` {c['first_find_ms']:.1f} ms "
                f"(gazetteer build from the library's JSON), second `find()` {c['second_find_us']:.0f} µs.", ""]
    out += ["## Per form", "", "✓ right, ✗ wrong (what it answered), – nothing found.", ""]
    mark = lambda a: "✓" if a["ok"] else f"✗ {a['answer']}" if a["answer"] else "–"  # noqa: E731
    out += _table(["form", "style", "era", "expected", *cands],
                  [[f"`{unicodedata.normalize('NFC', r['form'])}`" + (" (NFD)" if r["style"] == "nfd" else ""),
                    r["style"], r["era"], r["expected"], *[mark(r["answers"][c]) for c in cands]]
                   for r in rec["rows"]])
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    questions = [json.loads(ln)["question"] for ln in (ROOT / "eval" / "dev" / "gold.jsonl").read_text().splitlines()
                 if ln.strip()]
    results = {"machine": machine(), "recognition": recognition(), "timing": lookup_timing(questions, args.runs)}
    (ROOT / "eval" / "gazetteer.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    (ROOT / "eval" / "gazetteer.md").write_text(render(results), encoding="utf-8")
    s = results["recognition"]["summary"]["all"]
    print(f"{s['n']} forms: " + ", ".join(f"{k} {v}" for k, v in s.items() if k != "n"))
    for c in results["recognition"]["missing"]:
        print(f"{c} is not installed: left out")
    print(f"find() per question: p50 {results['timing']['warm_us']['p50']:.1f} µs, "
          f"p95 {results['timing']['warm_us']['p95']:.1f} µs; wrote eval/gazetteer.md")


if __name__ == "__main__":
    main()
