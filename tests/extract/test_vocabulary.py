import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract.vocabulary import Vocabulary, default_reference_dir


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.from_reference_dir(default_reference_dir())


def statutes(vocabulary: Vocabulary, text: str) -> list[str]:
    return [mention.value for mention in vocabulary.statutes_in(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Prostitution", ["53a-82"]),
    ("PATRONIZING A PROSTITUTE (§ 53a-83)", ["53a-83"]),
    ("promoting prostitution in the third degree, 2015", ["53a-88"]),
    ("C.G.S. SEC. 53A-86", ["53a-86"]),
    ("Trafficking in persons, 2015", ["53a-192a"]),
])
def test_names_and_sections(vocabulary, text, expected):
    assert statutes(vocabulary, text) == expected


@pytest.mark.parametrize("fragment", [
    "prostitution in the third degree, 2015",  # 'Promoting' set on the line above, read elsewhere
    "prostitution in the first degree,",
    "prostitution in the second degree (",
    "Promoting prostitution",
])
def test_a_longer_name_cut_short_is_not_prostitution(vocabulary, fragment):
    """Whatever punctuation follows the cut: 53a-82 read from half of 53a-88's name would be a misread."""
    assert "53a-82" not in statutes(vocabulary, fragment)


@given(st.sampled_from(["first", "second", "third"]), st.sampled_from([",", ";", ":", ")", " 2015", ", 2012–2014", ""]))
def test_degree_fragments_with_any_trailing_text(vocabulary, degree, tail):
    assert "53a-82" not in statutes(vocabulary, f"prostitution in the {degree} degree{tail}")


@pytest.mark.parametrize(("text", "expected"), [
    ("Statewide summary of charges, 2015.", [(2015, 2015)]),  # a year ending a sentence
    ("In 2015, police departments reported", [(2015, 2015)]),
    ("2005–12total", []),  # a short range run into a word: no single year 2005
    ("Rate per 2,015", []),
    ("2015.5", []),
    ("2005 – 2012", [(2005, 2012)]),
])
def test_years_a_text_names(text, expected):
    from pipeline.extract.vocabulary import periods_in

    assert [mention.value for mention in periods_in(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Persons convicted", ["convictions"]), ("Persons not convicted", []), ("Not arrested", []),
    ("Non-arrest dispositions", []), ("Arrests, not counting warrants", ["arrests"]),
])
def test_a_measure_denied_names_no_measure(vocabulary, text, expected):
    """'not convicted' counts the opposite of convictions: read as none, its column refuses, never misread."""
    assert [mention.value for mention in vocabulary.measures_in(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2005–14", [(2005, 2014)]),  # a span no one fiscal year has: the calendar years 2005 to 2014
    ("Total, 2007-15", [(2007, 2015)]),
    ("Arrests, 2005 through 2014", [(2005, 2014)]),
    ("CY2014", [(2014, 2014)]),
    ("2014-15", None),  # one year and the next: a fiscal year
    ("FY 2015", None),
    ("2009/10", None),
])
def test_periods_a_text_names_and_fiscal_years_refused(text, expected):
    from pipeline.extract.vocabulary import FiscalYear, periods_in

    if expected is None:
        with pytest.raises(FiscalYear):
            periods_in(text)
    else:
        assert [mention.value for mention in periods_in(text)] == expected


@pytest.mark.parametrize("text", ["prostitution 2nd deg.", "Prostitution 2nd Deg", "prostitution in the fir"])
def test_a_longer_name_abbreviated_or_cut_short_is_not_the_shorter_one(vocabulary, text):
    """'Promoting' wrapped away from 'prostitution 2nd deg.': the words after 'prostitution' begin another
    statute's name (a word cut to three letters or more counts), so they do not name 53a-82."""
    assert statutes(vocabulary, text) != ["53a-82"]
