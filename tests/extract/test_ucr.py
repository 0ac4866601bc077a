import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.extract.reference import load_crosswalk, load_towns
from pipeline.extract.tidy import ExtractionError
from pipeline.extract.ucr import classify_row, extract_ucr_arrests
from pipeline.sources.inventory import manifest_sources, source_ref
from tests.conftest import REPO_ROOT

CROSSWALK = REPO_ROOT / "raw" / "reference" / "ucr_agency_crosswalk.csv"

AGENCY_TYPES = ["town", "state_police", "other_agency"]
# statewide female / male arrests printed in each file's own statewide column (2015: its county columns)
PRINTED = {2010: (292, 146), 2011: (293, 86), 2012: (265, 115), 2013: (301, 42), 2016: (156, 57)}


@pytest.fixture(scope="module")
def crosswalk(real_settings) -> pd.DataFrame:
    towns = load_towns(real_settings.cache_dir / "ct_towns" / "ct-town-county-fips-list.csv")
    return load_crosswalk(CROSSWALK, set(towns.town))


@pytest.fixture(scope="module")
def ucr(real_settings, crosswalk) -> dict[int, pd.DataFrame]:
    frames = {}
    for source in manifest_sources(real_settings):
        if source.dataset == "ucr_arrests":
            path = real_settings.cache_dir / source.id / source.filename
            frames[source.year] = extract_ucr_arrests(path, source_ref(source), crosswalk)
    return frames


def _sex_sums(frame: pd.DataFrame, types: list[str]) -> tuple[int, int]:
    rows = frame[(frame.breakdown == "sex") & frame.jurisdiction_type.isin(types)]
    sums = rows.groupby("sex")["count"].sum()
    return int(sums["female"]), int(sums["male"])


@pytest.mark.parametrize("year", sorted(PRINTED))
def test_agency_columns_add_up_to_the_printed_statewide_column(ucr, year):
    assert _sex_sums(ucr[year], AGENCY_TYPES) == PRINTED[year]
    assert _sex_sums(ucr[year], ["statewide"]) == PRINTED[year]


def test_2015_agencies_add_up_to_its_county_columns(ucr):
    assert _sex_sums(ucr[2015], AGENCY_TYPES) == (209, 58)
    assert _sex_sums(ucr[2015], ["county"]) == (209, 58)
    assert ucr[2015][ucr[2015].jurisdiction_type == "statewide"].empty


def test_2014_truncation_stays_visible(ucr):
    assert _sex_sums(ucr[2014], ["statewide"]) == (284, 64)
    assert _sex_sums(ucr[2014], AGENCY_TYPES) == (266, 64)
    assert ucr[2014].column_header.iloc[-1] == "C.C.S.U."


def test_every_row_keeps_its_provenance(ucr, real_settings):
    hartford = ucr[2010][(ucr[2010].column_header == "Hartford PD") & (ucr[2010].sex == "female")].iloc[0]
    printed = (hartford.row_index, hartford.row_label, hartford.cell_text, hartford["count"])
    assert printed == (493, "Prostit F", "117", 117)
    mapped = (hartford.jurisdiction, hartford.jurisdiction_type, hartford.agency)
    assert mapped == ("Hartford", "town", "Hartford Police")
    assert hartford.source_id == "ucr_arrests_2010" and len(hartford.source_sha256) == 64
    line = (real_settings.cache_dir / "ucr_arrests_2010" / "Uniform_Crime_Reporting_System_Arrests_2010.csv"
            ).read_text(encoding="utf-8-sig").splitlines()[hartford.row_index - 1].split(",")
    assert line[hartford.column_index - 1] == hartford.cell_text


def test_county_named_like_a_town_is_not_the_town(ucr):
    hartford_2010 = ucr[2010][ucr[2010].column_header == "Hartford"]
    assert set(hartford_2010.jurisdiction_type) == {"county"}
    assert set(hartford_2010.jurisdiction) == {"Hartford County"}
    assert set(ucr[2014][ucr[2014].column_header == "Hartford"].jurisdiction_type) == {"town"}


def test_towns_with_several_agencies(ucr):
    groton = ucr[2016][(ucr[2016].jurisdiction == "Groton") & (ucr[2016].breakdown == "sex")]
    assert set(groton.agency) == {"Groton City Police", "Groton Town Police", "Groton Long Point Police"}
    windham = ucr[2012][ucr[2012].jurisdiction == "Windham"]
    assert set(windham.column_header) == {"Willimantic PD", "Windham CSP"}


def test_every_breakdown_is_read(ucr):
    frame = ucr[2012]
    assert set(frame.breakdown) == {"sex", "age", "race"}
    statewide = frame[frame.jurisdiction_type == "statewide"]
    by = statewide.groupby("breakdown")["count"].sum()
    assert by["sex"] == by["age"] == by["race"] == 265 + 115


def test_unknown_header_is_kept_and_flagged_never_guessed(tmp_path: Path, real_settings, crosswalk):
    (source,) = [s for s in manifest_sources(real_settings) if s.id == "ucr_arrests_2011"]
    original = real_settings.cache_dir / source.id / source.filename
    changed = tmp_path / source.filename
    changed.write_text(original.read_text(encoding="utf-8-sig").replace("Avon PD", "Avon Police Dept", 1))
    frame = extract_ucr_arrests(changed, source_ref(source), crosswalk)
    flagged = frame[frame.jurisdiction_type == "unmapped"]
    assert set(flagged.column_header) == {"Avon Police Dept"} and set(flagged.jurisdiction) == {"Avon Police Dept"}
    assert flagged.agency.isna().all() and len(flagged) == 29  # every Prostit row of that column


def test_a_cell_that_is_not_a_count_names_line_and_column(tmp_path: Path, real_settings, crosswalk):
    (source,) = [s for s in manifest_sources(real_settings) if s.id == "ucr_arrests_2011"]
    lines = (real_settings.cache_dir / source.id / source.filename).read_text(encoding="utf-8-sig").splitlines()
    cells = lines[492].split(",")
    assert cells[0] == "Prostit F"
    cells[4] = "1O"
    lines[492] = ",".join(cells)
    changed = tmp_path / source.filename
    changed.write_text("\n".join(lines) + "\n")
    with pytest.raises(ExtractionError, match=r"line 493, column 5 \('Ansonia PD'\): cell '1O' is not a count"):
        extract_ucr_arrests(changed, source_ref(source), crosswalk)
    shutil.rmtree(tmp_path)


@pytest.mark.parametrize(
    ("label", "expected"),
    [("Prostit F", {"breakdown": "sex", "sex": "female"}), ("Prostit 65+", {"breakdown": "age", "age_group": "65+"}),
     ("Prostit Unknown Race", {"breakdown": "race", "race": "unknown_race"})],
)
def test_row_labels(label, expected):
    assert classify_row(label) == expected


def test_unknown_row_label_is_an_error():
    with pytest.raises(ValueError, match="Prostit Hispanic"):
        classify_row("Prostit Hispanic")
