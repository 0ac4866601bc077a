import csv
from pathlib import Path

import pandas as pd
import pytest

from pipeline.extract.reference import ReferenceError, load_crosswalk, load_dph_population, load_towns
from pipeline.sources.inventory import manifest_sources
from tests.conftest import REPO_ROOT

CROSSWALK = REPO_ROOT / "raw" / "reference" / "ucr_agency_crosswalk.csv"


@pytest.fixture(scope="module")
def towns(real_settings) -> pd.DataFrame:
    return load_towns(real_settings.cache_dir / "ct_towns" / "ct-town-county-fips-list.csv")


def test_169_towns_with_county_and_fips(towns):
    assert len(towns) == 169 and towns.town.is_unique
    assert towns.set_index("town").loc["Windsor Locks", "county"] == "Hartford"
    assert towns.fips.str.fullmatch(r"09\d{8}").all()


def test_crosswalk_covers_every_header_of_every_year_exactly(real_settings, towns):
    crosswalk = load_crosswalk(CROSSWALK, set(towns.town))
    for source in manifest_sources(real_settings):
        if source.dataset != "ucr_arrests":
            continue
        with open(real_settings.cache_dir / source.id / source.filename, encoding="utf-8-sig") as handle:
            header = next(csv.reader(handle))
        listed = crosswalk[crosswalk.year == source.year].sort_values("column_index")
        assert list(listed.column_header) == header[2:], source.id
        assert list(listed.column_index) == list(range(3, len(header) + 1)), source.id
    # every town has at least one agency column in every year
    town_years = crosswalk[crosswalk.jurisdiction_type == "town"].groupby("year").jurisdiction.nunique()
    assert (town_years == 169).all()


def test_crosswalk_rejects_a_town_that_does_not_exist(tmp_path: Path, real_settings, towns):
    text = CROSSWALK.read_text().replace("2010,5,Ansonia PD,Ansonia,", "2010,5,Ansonia PD,Ansonya,")
    bad = tmp_path / "crosswalk.csv"
    bad.write_text(text)
    with pytest.raises(ReferenceError, match=r"line 4: 'Ansonya' is not one of Connecticut's towns"):
        load_crosswalk(bad, set(towns.town))


def test_population_keeps_numbers_only(real_settings):
    population = load_dph_population(
        real_settings.cache_dir / "dph_population" / "dph-population-by-town_1996_2020.csv", "dph_population")
    towns_only = population[population.town != "Connecticut"]  # the file also carries the state total
    assert towns_only.groupby("year").town.nunique().loc[2010:2016].eq(169).all()
    assert not population.duplicated(["town", "year"]).any()
    assert population.population.min() > 0
