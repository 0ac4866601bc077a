"""The whole graph through a real dagster.materialize, on the real sources, into a real DuckDB file."""

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from pipeline.sources.manifest import load_manifest
from tests.conftest import REPO_ROOT, raw_with, run_pipeline, settings_in, tree_digest


def _query(settings, sql: str) -> list[tuple]:
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        return con.execute(sql).fetchall()



def test_statewide_figures_reconcile_in_the_warehouse(pipeline_run):
    rows = _query(pipeline_run.settings, """
        SELECT year, sex, statewide, agency_sum, statewide_basis FROM out_ucr_statewide_by_year_sex ORDER BY ALL""")
    by_key = {(year, sex): (statewide, agency_sum, basis) for year, sex, statewide, agency_sum, basis in rows}
    expected = {2010: (292, 146), 2011: (293, 86), 2012: (265, 115), 2013: (301, 42), 2015: (209, 58),
                2016: (156, 57)}
    for year, (female, male) in expected.items():
        assert by_key[(year, "female")][:2] == (female, female)
        assert by_key[(year, "male")][:2] == (male, male)
    assert by_key[(2015, "female")][2] == "sum of county columns"
    assert by_key[(2014, "female")][:2] == (284, 266)  # truncated file: shown, not hidden


def test_published_figures_give_2_58_and_6_84(pipeline_run):
    values = dict(_query(pipeline_run.settings, "SELECT metric, value FROM out_published_disparity"))
    assert round(values["seller_to_buyer_arrests"], 2) == 2.58
    assert round(values["seller_to_buyer_convictions"], 2) == 6.84
    assert round(values["seller_convictions_per_arrest"], 3) == 0.518
    assert round(values["buyer_convictions_per_arrest"], 3) == 0.195
    assert round(values["seller_to_buyer_convictions_per_arrest"], 2) == 2.65


def test_every_fact_joins_to_its_source_and_sha256(pipeline_run):
    orphans = _query(pipeline_run.settings, """
        SELECT count(*) FROM facts f LEFT JOIN sources s USING (source_id)
        WHERE s.source_id IS NULL OR s.sha256 <> f.source_sha256""")
    assert orphans == [(0,)]
    towns = _query(pipeline_run.settings, """
        SELECT count(DISTINCT jurisdiction) FROM facts WHERE jurisdiction_type = 'town'
        AND jurisdiction NOT IN (SELECT town FROM towns)""")
    assert towns == [(0,)]


def test_groton_2014_is_flagged_incomplete(pipeline_run):
    rows = _query(pipeline_run.settings, """
        SELECT year, incomplete, missing_agencies FROM out_ucr_town_by_year WHERE town = 'Groton' ORDER BY year""")
    flagged = {year: missing for year, incomplete, missing in rows if incomplete}
    assert flagged == {2014: "Groton Long Point Police; Groton Town Police"}


def test_the_report_version_is_complete(pipeline_run):
    reports = pipeline_run.settings.reports_dir
    version = (reports / "LATEST").read_text().strip()
    assert re.fullmatch(r"1994-2016-[0-9a-f]{12}", version)  # the FBI national series start in 1994
    folder = reports / version
    manifest = json.loads((folder / "MANIFEST.json").read_text())
    files = tree_digest(folder)
    files.pop("MANIFEST.json")
    assert manifest["files"] == files
    assert {"report.html", "report.md", "figures/ucr_arrests_by_year_sex.png", "figures/ucr_arrests_by_year_sex.svg",
            "metrics/published_disparity.csv", "metrics/ucr_town_by_year.csv", "figures/national_female_share.png",
            "metrics/national_female_share.csv", "metrics/claims_sensitivity.csv", "metrics/ucr_pooled_ratio.csv",
            "metrics/national_reconciliation.csv"} <= set(files)
    assert {i["source_id"] for i in manifest["inputs"]} == {
        s.id for s in load_manifest(REPO_ROOT / "raw" / "sources.yaml")}
    assert manifest["synthetic"] is False
    html = (folder / "report.html").read_text()
    assert "data:image/png;base64," in html and "2.58" in html and "6.84" in html and "2.65" in html
    assert "src=\"figures/" not in html and "http" not in html.split("<body>")[1].split("Sources")[0]
    run_records = list((reports / "runs").glob("*.json"))
    assert len(run_records) == 1 and json.loads(run_records[0].read_text())["version"] == version


def test_a_second_run_adds_no_rows_and_publishes_nothing_new(pipeline_run, tmp_path: Path):
    settings = pipeline_run.settings
    facts_before = _query(settings, "SELECT * FROM facts ORDER BY ALL")
    counts_before = _query(settings, "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM towns), "
                                     "(SELECT count(*) FROM town_population), (SELECT count(*) FROM facts)")
    reports_before = tree_digest(settings.reports_dir / (settings.reports_dir / "LATEST").read_text().strip())
    run_pipeline(settings)
    assert _query(settings, "SELECT * FROM facts ORDER BY ALL") == facts_before
    assert _query(settings, "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM towns), "
                            "(SELECT count(*) FROM town_population), (SELECT count(*) FROM facts)") == counts_before
    versions = [p.name for p in settings.reports_dir.iterdir() if p.is_dir() and p.name != "runs"]
    assert len(versions) == 1
    assert tree_digest(settings.reports_dir / versions[0]) == reports_before


def test_a_fresh_build_gives_byte_identical_artifacts(pipeline_run, tmp_path: Path):
    again = settings_in(tmp_path, cache=pipeline_run.settings.cache_dir)
    run_pipeline(again)
    first = pipeline_run.settings.reports_dir
    version = (first / "LATEST").read_text()
    assert (again.reports_dir / "LATEST").read_text() == version
    assert tree_digest(again.reports_dir / version.strip()) == tree_digest(first / version.strip())


def test_a_tampered_source_stops_the_run_and_changes_nothing(pipeline_run, tmp_path: Path):
    settings = settings_in(tmp_path / "work", mirror=tmp_path / "mirror")
    # the shared mirror is read-only: copy contents, not permissions
    shutil.copytree(pipeline_run.settings.mirror_dir or _mirror_from_cache(pipeline_run, tmp_path),
                    settings.mirror_dir, copy_function=shutil.copyfile)
    for folder in [settings.mirror_dir, *settings.mirror_dir.rglob("*")]:
        if folder.is_dir():
            folder.chmod(0o755)
    settings.warehouse_path.parent.mkdir(parents=True)
    shutil.copyfile(pipeline_run.settings.warehouse_path, settings.warehouse_path)
    shutil.copytree(pipeline_run.settings.reports_dir, settings.reports_dir)
    tampered = settings.mirror_dir / "ct-ucr-arrests" / "Uniform_Crime_Reporting_System_Arrests_2012.csv"
    tampered.write_bytes(tampered.read_bytes().replace(b"Prostit F,492,265", b"Prostit F,492,266"))
    warehouse_before = hashlib.sha256(settings.warehouse_path.read_bytes()).hexdigest()
    reports_before = tree_digest(settings.reports_dir)

    result = run_pipeline(settings, raise_on_error=False)

    assert not result.success
    (failure,) = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert failure.step_key == "raw_report_files"  # the partitioned asset of every report file
    message = str(failure.event_specific_data.error)
    assert "source ucr_arrests_2012: sha256 mismatch" in message
    assert "e524664b92918591e95b644789afa7c91b8ccd36591995278c7ff50a4f001c3f" in message
    ran = {e.step_key for e in result.all_events if e.event_type_value == "STEP_SUCCESS"}
    assert not ran & {"ucr_arrests_tidy", "warehouse_core_tables", "report_version"}
    assert hashlib.sha256(settings.warehouse_path.read_bytes()).hexdigest() == warehouse_before
    assert tree_digest(settings.reports_dir) == reports_before


def _mirror_from_cache(pipeline_run, tmp_path: Path) -> Path:
    """Without a shared mirror (sources downloaded), lay the verified cache out as one."""
    mirror = tmp_path / "mirror-from-cache"
    for source in load_manifest(REPO_ROOT / "raw" / "sources.yaml"):
        if source.mirror_path:
            target = mirror / source.mirror_path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pipeline_run.settings.cache_dir / source.id / source.filename, target)
    return mirror


def test_the_readme_query_works(pipeline_run):
    readme = (REPO_ROOT / "README.md").read_text()
    match = re.search(r'\.venv/bin/duckdb warehouse/ctip\.duckdb "([^"]+)"', readme)
    assert match, "README shows no duckdb query"
    output = subprocess.run(
        [str(Path(shutil.which("duckdb") or "duckdb")), str(pipeline_run.settings.warehouse_path), "-csv",
         match.group(1)], capture_output=True, text=True, check=True).stdout
    assert "2015,female,209" in output and "2010,male,146" in output


@pytest.mark.parametrize("year", [2010, 2016])
def test_town_rates_use_dph_population(pipeline_run, year):
    ((population, female, rate),) = _query(pipeline_run.settings, f"""
        SELECT population, female_arrests, female_per_100k_residents FROM out_ucr_town_by_year
        WHERE town = 'Hartford' AND year = {year}""")
    assert population > 100_000 and rate == round(1e5 * female / population, 2)


def test_an_incomplete_town_year_has_no_rate(pipeline_run):
    rows = _query(pipeline_run.settings, """
        SELECT year, arrests_per_100k_residents FROM out_ucr_town_by_year WHERE town = 'Groton' ORDER BY year""")
    rates = dict(rows)
    assert rates[2014] is None and all(rates[year] is not None for year in (2010, 2013, 2016))
    (county_2014,) = _query(pipeline_run.settings, """SELECT arrests_per_100k_residents, incomplete_towns
        FROM out_ucr_county_rates WHERE county = 'New London' AND years = '2014'""")
    assert county_2014 == (None, "Groton")


def test_a_bad_tipc_report_stops_the_run_before_the_warehouse(pipeline_run, tmp_path: Path, towns):
    from pipeline.sources.acquire import sha256_file
    from pipeline.synthetic.tipc_report import single_year_spec, write_report

    pdf = tmp_path / "raw" / "tipc" / "tipc_2016.pdf"
    pdf.parent.mkdir(parents=True)
    write_report(pdf, None, towns, single_year_spec(2016))
    pdf.write_bytes(pdf.read_bytes()[:4000])  # an interrupted download
    entry = {"id": "tipc_2016", "kind": "tracked", "dataset": "tipc_report", "title": "SYNTHETIC truncated report",
             "publisher": "tests", "path": "tipc/tipc_2016.pdf", "filename": pdf.name, "sha256": sha256_file(pdf),
             "size": pdf.stat().st_size, "license": "MIT", "period": [2016, 2016], "format": "tipc_pdf",
             "synthetic": True}
    raw = raw_with(tmp_path, {}, [entry])
    settings = settings_in(tmp_path / "work", cache=pipeline_run.settings.cache_dir, raw=raw)
    settings.warehouse_path.parent.mkdir(parents=True)
    shutil.copyfile(pipeline_run.settings.warehouse_path, settings.warehouse_path)
    before = hashlib.sha256(settings.warehouse_path.read_bytes()).hexdigest()

    result = run_pipeline(settings, raise_on_error=False)

    assert not result.success
    (failure,) = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert failure.step_key == "report_tables_extracted"
    assert "tipc_2016.pdf: truncated or corrupt PDF" in str(failure.event_specific_data.error)
    assert hashlib.sha256(settings.warehouse_path.read_bytes()).hexdigest() == before
    assert not settings.reports_dir.exists()


def test_the_claims_check_on_the_real_data(pipeline_run):
    rows = _query(pipeline_run.settings, "SELECT claim, verdict, computed FROM out_claims_check")
    verdicts = {claim.split('"')[1]: (verdict, computed) for claim, verdict, computed in rows}
    assert verdicts["more than twice as likely"][0].startswith("not testable as stated")
    assert verdicts["almost seven times more likely to be convicted"][0].startswith("not testable as stated")
    assert verdicts["in nearly every Connecticut municipality"][0] == "undetermined"
    assert "18 of 24 (75%, 95% CI 53%-90%); 1 tie(s)" in verdicts["in nearly every Connecticut municipality"][1]
    sensitivity = _query(pipeline_run.settings, """SELECT women_outnumber, towns, ties, verdict
        FROM out_claims_sensitivity WHERE "window" = '2010-2016' AND min_arrests = 10""")
    assert sensitivity == [(21, 27, 1, "undetermined")]  # the review's 21 / 27 = 78%, CI 58-91%
    report = (pipeline_run.settings.reports_dir / (pipeline_run.settings.reports_dir / "LATEST").read_text().strip()
              / "report.md").read_text()
    assert "## The published claims, checked" in report and "undetermined" in report


def test_robust_intervals_and_the_nation_on_the_real_data(pipeline_run):
    ((lower, upper, dispersion),) = _query(pipeline_run.settings, """SELECT robust_lower, robust_upper, dispersion
        FROM out_ucr_pooled_ratio WHERE "window" = '2010-2016'""")
    assert (round(lower, 2), round(upper, 2), round(dispersion * 6)) == (2.16, 4.64, 63)
    ((town_lower, town_upper, exact_lower),) = _query(pipeline_run.settings, """SELECT robust_lower, robust_upper,
        ci_lower FROM out_ucr_town_disparity WHERE town = 'Hartford'""")
    assert town_lower < exact_lower and town_upper > 10  # Hartford: exact 4.37-6.53 is far too narrow
    shares = dict(_query(pipeline_run.settings, "SELECT year, national_share FROM out_national_female_share"))
    assert round(shares[2005], 3) == 0.665 and round(shares[2009], 3) == 0.696 and round(shares[2016], 3) == 0.616
    ((difference, low, high),) = _query(pipeline_run.settings, """SELECT value, ci_lower, ci_upper
        FROM out_ct_versus_nation WHERE measure LIKE 'difference%' AND years = '2010-2016'""")
    assert low < difference < high
    reconciled = _query(pipeline_run.settings, """SELECT "group", fbi_count FROM out_national_reconciliation
        WHERE NOT within_rounding""")
    assert reconciled == [("Prostitution and commercialized vice 2009 / male / under_18 vs fbi_asr_national_juvenile",
                           236)]


def test_small_towns_are_flagged_and_shrunk(pipeline_run):
    rows = dict((town, (small, raw, shrunk)) for town, small, raw, shrunk in _query(pipeline_run.settings, """
        SELECT town, small_count, female_to_male, posterior_female_to_male FROM out_ucr_town_disparity"""))
    assert len(rows) == 169
    small, raw, shrunk = rows["Hartford"]
    assert not small and abs(shrunk - raw) / raw < 0.05  # many arrests: shrinkage barely moves it
