"""The FBI's national ASR bulk files (adults, under-18s): the prostitution rows as tidy counts, the facts the
shared data README states, and a second national source that Table 324 must agree with."""

from pathlib import Path

import pandas as pd
import pytest

from pipeline.extract.fbi_asr import extract_fbi_asr
from pipeline.extract.tidy import ExtractionError, SourceRef
from pipeline.validate import rules
from tests.extract.test_spec_table import _extract


def _ref(source_id: str, name: str) -> SourceRef:
    return SourceRef(source_id, "0" * 64, 1994, False, name)


@pytest.fixture(scope="module")
def fbi(real_settings) -> pd.DataFrame:
    frames = [extract_fbi_asr(real_settings.cache_dir / source_id / f"{name}.csv", _ref(source_id, f"{name}.csv"))
              for source_id, name in (("fbi_asr_national_adults", "arrests_national_adults"),
                                      ("fbi_asr_national_juvenile", "arrests_national_juvenile"))]
    return pd.concat(frames, ignore_index=True)


def _all_ages(fbi: pd.DataFrame, year: int) -> dict[str, int]:
    totals = fbi[(fbi.breakdown == "sex") & (fbi.period_start == year)]
    return totals.groupby("sex")["count"].sum().astype(int).to_dict()


@pytest.mark.parametrize("year, male, female", [(2005, 21570, 42834), (2009, 17305, 39564), (2016, 11896, 19048)])
def test_all_ages_by_sex_as_the_readme_states(fbi, year, male, female):
    assert _all_ages(fbi, year) == {"female": female, "male": male}


def test_every_year_and_both_age_spans(fbi):
    assert sorted(fbi.period_start.unique()) == list(range(1994, 2017))
    assert set(fbi[fbi.breakdown == "sex"].age_group) == {"18_and_over", "under_18"}
    assert set(fbi.jurisdiction_type) == {"national"} and set(fbi.offense) == {"prostitution_and_commercialized_vice"}
    male_2009 = fbi[(fbi.period_start == 2009) & (fbi.sex == "male") & (fbi.age_group == "under_18")]
    assert male_2009["count"].tolist() == [236] and male_2009.column_header.tolist() == ["total_male"]


def test_age_groups_add_up_to_the_sex_totals_with_blanks_as_zero(fbi):
    checked = rules.reconciliation(fbi, [], {})
    checked = checked[checked.rule == "age_groups_sum_to_sex_total"]
    assert len(checked) == 23 * 2 * 2 and checked.reconciles.all()


def test_table_324_agrees_with_the_fbi_files_except_the_dash(fbi, real_settings):
    table = _extract(real_settings.cache_dir / "statab_2012_table324" / "12s0324.pdf")
    checked = rules.reconciliation(pd.concat([table, fbi], ignore_index=True), [], {})
    checked = checked[checked.rule == "national_sources_agree"].set_index("group")
    assert len(checked) == 9  # total, male, female x all ages, under 18, 18 and over
    failing = checked[~checked.reconciles]
    assert failing.index.tolist() == ["Prostitution and commercialized vice 2009 / male / under_18 vs "
                                      "fbi_asr_national_juvenile"]
    assert (failing.printed_total.iloc[0], failing.parts_sum.iloc[0]) == (0, 236)
    total = checked.loc["Prostitution and commercialized vice 2009 / both sexes / all ages vs "
                        "fbi_asr_national_adults + fbi_asr_national_juvenile"]
    assert (total.printed_total, total.parts_sum, total.allowed_gap_max) == (56900, 56869, 50)


def test_a_consistent_but_wrong_fbi_file_fails_only_the_cross_source_check(fbi, real_settings):
    table = _extract(real_settings.cache_dir / "statab_2012_table324" / "12s0324.pdf")
    wrong = fbi.copy()
    moved = ((wrong.source_id == "fbi_asr_national_adults") & (wrong.period_start == 2009)
             & wrong.column_header.isin(["total_female", "f_25_29"]))
    wrong.loc[moved, "count"] += 900
    checked = rules.reconciliation(pd.concat([table, wrong], ignore_index=True), [], {})
    failing = checked[~checked.reconciles]
    assert set(failing[failing.source_id.str.startswith("fbi")].rule) == set()
    assert {"Prostitution and commercialized vice 2009 / female / 18_and_over vs fbi_asr_national_adults",
            "Prostitution and commercialized vice 2009 / female / all ages vs fbi_asr_national_adults + "
            "fbi_asr_national_juvenile"} <= set(failing[failing.rule == "national_sources_agree"].group)


def test_a_file_that_is_not_an_asr_file_is_refused(tmp_path: Path):
    path = tmp_path / "other.csv"
    path.write_text("year,offense,count\n2009,x,1\n")
    with pytest.raises(ExtractionError, match=r"other\.csv: line 1: no column offense_code, total_male"):
        extract_fbi_asr(path, _ref("x", "other.csv"))
    path.write_text("year,offense_code,total_male,total_female,m_18,f_18\n2009,ASR_PRS,12,,1,1\n")
    with pytest.raises(ExtractionError, match=r"other\.csv: line 2, column 4 \(total_female\): blank sex total"):
        extract_fbi_asr(path, _ref("x", "other.csv"))
    path.write_text("year,offense_code,total_male,total_female,m_18,f_18\n2009,ASR_PRS,12,3,1 2,1\n")
    with pytest.raises(ExtractionError, match=r"line 2, column 5 \(m_18\): '1 2' is not a whole number"):
        extract_fbi_asr(path, _ref("x", "other.csv"))
