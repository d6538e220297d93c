"""The gazetteer comparison script's parts: the table of name forms, scoring, the report (timings are its own)."""
import pytest

from conftest import load_script
from dtiqa.provinces import canonical, names, successor


gz = load_script("gazetteer")
FORMS = gz.forms()


@pytest.fixture(scope="module")
def rec():
    return gz.recognition()


def test_table_has_60_forms_covering_every_category_and_all_63_provinces():
    assert len(FORMS) >= 60
    assert {f["style"] for f in FORMS} == set(gz.STYLES)
    assert {f["era"] for f in FORMS} == {"former", "2025"}
    for style in ("no_diacritics", "abbreviation", "old_tone", "prefix"):
        assert sum(f["style"] == style for f in FORMS) >= 4
    assert {f["expected"] for f in FORMS} == set(names())


def test_merger_table_is_34_units_over_63_provinces_and_agrees_with_ours():
    assert len(set(gz.UNIT_2025.values())) == 34 and len(gz.NAMES_63) == 63
    assert {p: successor(p) for p in names()} == gz.UNIT_2025


@pytest.mark.parametrize("form, expected", [(f["form"], f["expected"]) for f in FORMS])
def test_every_form_maps_to_its_province_through_our_gazetteer(form, expected):
    assert canonical(form) == expected


def test_scoring_compares_names_folded_and_counts_the_2025_unit_separately(rec):
    assert gz._key("Thừa Thiên Huế") == gz._key("huế") == "hue"
    assert gz._short("Thành phố Hồ Chí Minh") == "Hồ Chí Minh"
    row = next(r for r in rec["rows"] if r["form"] == "Vĩnh Phúc")
    legacy, new = row["answers"]["vietnamadminunits LEGACY"], row["answers"]["vietnamadminunits FROM_2025"]
    assert legacy["ok"] and not new["ok"]
    assert new["ok_2025"] == (new["answer"] == "Phú Thọ")
    assert rec["summary"]["all"]["n"] == len(FORMS)


def test_vietnam_provinces_knows_only_the_34_units(rec):
    pytest.importorskip("vietnam_provinces")
    by_form = {r["form"]: r["answers"]["vietnam-provinces"] for r in rec["rows"]}
    assert by_form["Đồng Nai"]["ok"] and by_form["tp hai phong"]["ok"] and by_form["Thanh Hoá"]["ok"]
    assert by_form["Bình Phước"]["answer"] is None
    assert rec["summary"]["era:former"]["vietnam-provinces"] == 0


def test_runs_and_says_so_without_vietnam_provinces(monkeypatch):
    monkeypatch.setattr(gz, "_vp_index", lambda: None)
    table = [f for f in FORMS if f["form"] in ("Hà Nội", "BR-VT")]
    rec = gz.recognition(table)
    assert rec["missing"] == ["vietnam-provinces"]
    assert all("vietnam-provinces" not in r["answers"] for r in rec["rows"])
    timing = gz.lookup_timing(["Hà Nội xếp thứ mấy?"], runs=1, cold_runs=0)
    md = gz.render({"machine": gz.machine(), "recognition": rec, "timing": timing})
    assert "vietnam-provinces is not installed" in md


def test_render_states_the_machine_and_the_recognition_table(rec):
    timing = gz.lookup_timing(["Bình Phước xếp thứ mấy năm 2021?", "binh phuoc va tphcm"], runs=2, cold_runs=1)
    assert timing["warm_us"]["p50"] > 0 and timing["cold"]["first_find_ms"] > 0
    m = gz.machine()
    md = gz.render({"machine": m, "recognition": rec, "timing": timing})
    assert m["cpu"] in md and f"{m['cores']} cores" in md
    assert "| category | n | vietnamadminunits LEGACY" in md and "| all | " in md
    assert "| `BR-VT` | abbreviation | former | Bà Rịa - Vũng Tàu |" in md
    assert "p95" in md and "First call in a fresh process" in md
