"""Our own wordings for what a government table might print: invented here, independent of the reader's lists.

Each list holds phrasings a real report could plausibly use; the model draws from them at random so that the
reader meets wordings it was not written against. Nothing here is a real figure.
"""

from __future__ import annotations

import csv
import os
import random
from functools import lru_cache
from pathlib import Path

STATUTES: tuple[str, ...] = ("53a-82", "53a-83", "53a-86", "53a-87", "53a-88", "53a-192a")

# Offence names, as a report's legend or column header might spell them (several spellings per statute).
STATUTE_NAMES: dict[str, tuple[str, ...]] = {
    "53a-82": ("Prostitution", "Prostitution (seller)", "Engaging in prostitution"),
    "53a-83": ("Patronizing a prostitute", "Patronising a prostitute", "Patronizing a prostitute (buyer)"),
    "53a-86": (
        "Promoting prostitution, 1st degree",
        "Promoting prostitution in the first degree",
        "Promoting prostitution 1st deg.",
    ),
    "53a-87": (
        "Promoting prostitution, 2nd degree",
        "Promoting prostitution in the second degree",
        "Promoting prostitution 2nd deg.",
    ),
    "53a-88": (
        "Promoting prostitution, 3rd degree",
        "Promoting prostitution in the third degree",
        "Promoting prostitution 3rd deg.",
    ),
    "53a-192a": ("Trafficking in persons", "Trafficking in persons (human trafficking)", "Human trafficking"),
}

# How the section number itself is printed; "{n}" is the number ("53a-82").
STATUTE_NUMBER_FORMS: tuple[str, ...] = (
    "{n}",
    "{n}",
    "Sec. {n}",
    "§ {n}",
    "§{n}",
    "C.G.S. §{n}",
    "C.G.S. § {n}",
    "CGS {n}",
    "CGS Sec. {n}",
    "Section {n}",
    "Conn. Gen. Stat. § {n}",
)

# Typographic variants of the hyphen inside a section number (a typesetter's choice, same section).
STATUTE_DASHES: tuple[str, ...] = ("-", "-", "-", "\u2011", "\u2013")

# How number and name combine in a header or a row-group cell.
STATUTE_LABEL_FORMS: tuple[str, ...] = ("{num}", "{num}", "{num} {name}", "{name} ({num})", "{num}: {name}")

MEASURES: tuple[str, ...] = ("arrests", "convictions")
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "arrests": (
        "Arrests",
        "Arrests",
        "Arrested",
        "Persons arrested",
        "Persons charged",
        "Charges filed",
        "Number of arrests",
        "ARRESTS",
        "Arrest count",
    ),
    "convictions": (
        "Convictions",
        "Convictions",
        "Convicted",
        "Persons convicted",
        "Guilty findings",
        "Found guilty",
        "Number of convictions",
        "CONVICTIONS",
        "Conviction count",
    ),
}

# Single calendar years, as a column or row header; "{y}" is the four-digit year.
YEAR_FORMS: tuple[str, ...] = ("{y}", "{y}", "{y}", "CY {y}", "CY{y}", "Calendar year {y}", "Year {y}")

# A period of several years printed as one header: {a} first year, {b} last, {b2} its last two digits.
RANGE_FORMS: tuple[str, ...] = (
    "{a}\u2013{b2}",
    "{a}-{b2}",
    "{a}\u2013{b}",
    "{a}-{b}",
    "{a} to {b}",
    "{a} through {b}",
    "Total {a}\u2013{b2}",
    "{a}\u2013{b2} total",
    "Cumulative {a}-{b}",
)

# A column summing the row over the table's printed years (period = the printed years).
ROW_TOTAL_WORDS: tuple[str, ...] = ("Total", "Total", "TOTAL", "Sum", "All years", "Total, all years", "Period total")

# A row summing every town: the statewide figure.
STATEWIDE_ROW_WORDS: tuple[str, ...] = (
    "Statewide total",
    "Statewide total",
    "All towns",
    "Total",
    "TOTAL",
    "State total",
    "Connecticut total",
    "Connecticut",
    "Total, all jurisdictions",
    "Statewide",
)

STATE_POLICE_WORDS: tuple[str, ...] = (
    "State Police",
    "Connecticut State Police",
    "CSP",
    "CT State Police",
    "State Police (CSP)",
    "State Police \u2013 all troops",
    "Dept. of Emergency Services & Public Protection \u2013 State Police",
    "DESPP \u2013 State Police",
)

CONTINUED_WORDS: tuple[str, ...] = (
    "(continued)",
    "(cont'd)",
    "(cont\u2019d)",
    "cont.",
    "\u2014 continued",
    "Continued",
    "(continued from previous page)",
)
CONTINUED_BELOW_WORDS: tuple[str, ...] = (
    "Continued on next page",
    "(continued)",
    "Table continues \u2192",
    "cont'd \u2026",
)

# Footnote marks printed inline (ordinary glyphs) and marks printed as superscripts (small, raised).
INLINE_MARKS: tuple[str, ...] = ("*", "\u2020", "\u2021", "\u00b9", "\u00b2", "\u00b3")
SUPERSCRIPT_MARKS: tuple[str, ...] = ("a", "b", "c", "1", "2", "3", "*", "\u2020")

# What a suppressed cell (a small count withheld for privacy) prints, with the note that explains it.
SUPPRESSION_MARKS: tuple[str, ...] = ("*", "<5", "(s)", "s", "x", "(D)", "n<5", "\u2020\u2020")
SUPPRESSION_NOTES: tuple[str, ...] = (
    "{m} Fewer than five cases; suppressed to protect privacy.",
    "{m} = suppressed (small number).",
    "Cells marked {m} are withheld because the count is small.",
    "{m} Not shown: fewer than 5.",
)

FOOTNOTE_TEXTS: tuple[str, ...] = (
    "Includes cases transferred from another court.",
    "Town of arrest as recorded by the arresting agency.",
    "Figure revised since the previous report.",
    "Includes a resident state trooper program.",
    "Partial year: agency changed its records system.",
    "Data provisional.",
)

TITLE_FORMS: tuple[str, ...] = (
    "Table {t}. {what}",
    "Table {t}: {what}",
    "TABLE {t} \u2014 {what}",
    "Table {t} \u2013 {what}",
    "Exhibit {t}. {what}",
)

SOURCE_NOTES: tuple[str, ...] = (
    "Source: Judicial Branch case records (SYNTHETIC test data, not real counts).",
    "Source: synthetic court records generated for testing; no real figure appears here.",
    "Note: SYNTHETIC figures. Counts are by town of arrest.",
    "Prepared for the Council (SYNTHETIC): charges are counted once per person per docket.",
)

INTRO_PARAGRAPHS: tuple[str, ...] = (
    "This report summarises arrests and convictions under the state's prostitution and trafficking statutes. "
    "All figures in this document are SYNTHETIC and were generated for software testing.",
    "The Council reviews the data each year. Counts are shown by town and by calendar year; a small count may "
    "be withheld. SYNTHETIC: not real data.",
    "Tables follow. Each table names its statute and measure in its title or headers. This is a SYNTHETIC "
    "test document.",
)

REPORT_TITLES: tuple[str, ...] = (
    "Trafficking in Persons Council \u2014 Annual Report (SYNTHETIC)",
    "Annual Report of the Trafficking in Persons Council (SYNTHETIC TEST COPY)",
    "TIPC Annual Report: Arrest and Conviction Data (SYNTHETIC)",
)

CONTENTS_WORDS: tuple[str, ...] = ("Contents", "Table of Contents", "List of Tables", "CONTENTS")

FOOTER_FORMS: tuple[str, ...] = (
    "SYNTHETIC \u2014 generated test report, not real data \u2014 page {p}",
    "SYNTHETIC TEST DATA \u00b7 {p}",
    "Page {p} of {n} \u2014 SYNTHETIC",
    "SYNTHETIC",
)

# Pairs of glyphs a real typesetter tightens (kerning), as a fraction of the font size.
KERN_PAIRS: dict[str, float] = {
    "AV": -0.07,
    "VA": -0.07,
    "Av": -0.04,
    "To": -0.06,
    "Ta": -0.06,
    "Tr": -0.04,
    "Ty": -0.05,
    "Wa": -0.05,
    "We": -0.04,
    "Wo": -0.04,
    "Vo": -0.05,
    "Yo": -0.05,
    "Pa": -0.03,
    "LT": -0.06,
    "ff": -0.02,
    "r.": -0.04,
    "y,": -0.04,
    "11": -0.03,
    "17": -0.04,
    "71": -0.03,
    "74": -0.03,
}

LIGATURES: tuple[tuple[str, str], ...] = (
    ("ffi", "\ufb03"),
    ("ffl", "\ufb04"),
    ("ff", "\ufb00"),
    ("fi", "\ufb01"),
    ("fl", "\ufb02"),
)


def data_mirror() -> Path | None:
    """The shared read-only data folder: $CTIP_DATA_MIRROR, else ../shared/data beside the repository."""
    configured = os.environ.get("CTIP_DATA_MIRROR")
    candidates = [Path(configured)] if configured else []
    candidates += [Path(__file__).resolve().parents[4] / "shared" / "data", Path("/work/shared/data")]
    for path in candidates:
        if (path / "reference" / "ct-town-county-fips-list.csv").is_file():
            return path
    return None


@lru_cache(maxsize=1)
def towns() -> tuple[str, ...]:
    """Connecticut's 169 official town names, from the real reference file (never a list typed in here)."""
    mirror = data_mirror()
    if mirror is None:
        raise FileNotFoundError("ct-town-county-fips-list.csv not found: set CTIP_DATA_MIRROR")
    with open(mirror / "reference" / "ct-town-county-fips-list.csv", encoding="utf-8-sig", newline="") as fh:
        names = tuple(sorted(row["Town"].strip() for row in csv.DictReader(fh)))
    if len(names) != 169:
        raise ValueError(f"expected 169 towns, found {len(names)}")
    return names


def statute_number(statute: str, rng: random.Random) -> str:
    """A section number as printed: with its prefix ("Sec.", "§", "C.G.S.") and one of the dashes."""
    dash = rng.choice(STATUTE_DASHES)
    return rng.choice(STATUTE_NUMBER_FORMS).format(n=statute.replace("-", dash))


def statute_label(statute: str, rng: random.Random, with_name: bool | None = None) -> str:
    """A statute as a header or group cell prints it: its number, optionally with the offence's name."""
    num = statute_number(statute, rng)
    name = rng.choice(STATUTE_NAMES[statute])
    if with_name is False:
        return num
    form = rng.choice(STATUTE_LABEL_FORMS[2:] if with_name else STATUTE_LABEL_FORMS)
    return form.format(num=num, name=name)


def measure_word(measure: str, rng: random.Random) -> str:
    """A measure ("arrests"/"convictions") in one of a report's wordings."""
    return rng.choice(MEASURE_WORDS[measure])


def year_label(year: int, rng: random.Random, short: bool = False) -> str:
    """A single calendar year as a header prints it (plain "2011" when `short`)."""
    return str(year) if short else rng.choice(YEAR_FORMS).format(y=year)


def range_label(first: int, last: int, rng: random.Random) -> str:
    """A multi-year period as one header, e.g. "2005–14"."""
    return rng.choice(RANGE_FORMS).format(a=first, b=last, b2=f"{last % 100:02d}")


def legend_line(statutes: list[str], rng: random.Random) -> str:
    """A legend under a table: "53a-82: prostitution. 53a-83: patronizing a prostitute." (numbers with names)."""
    sep = rng.choice((". ", "; ", " \u2022 "))
    parts = [f"{s}: {rng.choice(STATUTE_NAMES[s]).lower()}" for s in statutes]
    return sep.join(parts) + ("." if sep == ". " else "")


def ligate(text: str) -> str:
    """The text with f-ligature glyphs (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ) as a typesetter would substitute them."""
    for plain, glyph in LIGATURES:
        text = text.replace(plain, glyph)
    return text
