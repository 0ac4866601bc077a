"""What the words of a report table mean: statutes, measures, periods, jurisdictions and cell symbols.

Statutes and measures come from the reviewed vocabulary in raw/reference/ (statutes.csv with its aliases,
measures.csv), never from patterns in code; this module only knows how such words are printed (section marks,
"C.G.S. SEC.", year ranges, footnote markers, legends).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.extract.tables.words import MARK, MARKS

if TYPE_CHECKING:  # the pipeline passes frames; `ctip extract` passes rows and never imports pandas
    import pandas as pd

STATEWIDE = "Connecticut"
STATE_POLICE = "Connecticut State Police"

# "53a-82", "§ 53a-82", "§53a-82", "Sec. 53a-82", "C.G.S. SEC. 53A-82", "CGS 53a-82", "53a-82(a)"
_SECTION = re.compile(r"(?<![\w-])(?:(?:c\.?\s?g\.?\s?s\.?|cgs)\s*)?(?:§+\s*|sec(?:tion)?\.?\s*)?"
                      r"(\d{1,3}[a-z]?-\d{1,4}[a-z]?)(?![\w-])", re.IGNORECASE)
_YEAR = r"(?:19|20)\d\d"
_RANGE = re.compile(rf"(?<![\w-])({_YEAR})\s*(?:[–—‒−-]|to|through|thru)\s*({_YEAR})(?![\w-])", re.IGNORECASE)
# '2015.' ends a sentence; '2015.5', '2005–12' and '2,015' name no single year
_SINGLE_YEAR = re.compile(rf"(?<![\w$.,–—‒−-])({_YEAR})(?![\w%]|[-–—‒−]\s*\d|[.,]\d)")
_FISCAL = re.compile(rf"\b(?:FY|fiscal\s+years?|state\s+fiscal\s+year|SFY)\s*'?({_YEAR}|\d\d)"
                     r"(?:\s*[–—/-]\s*'?\d{2,4})?", re.IGNORECASE)
# "2004-05": a year and the next one's last two digits is how fiscal (or school) years print; a calendar range is
# printed in full ("2005-2014"), so this is refused as fiscal rather than guessed
_CALENDAR_YEAR = re.compile(r"\b(CY)\s?((?:19|20)\d\d)", re.IGNORECASE)
# 'YYYY-YY': one year and the next ('2004-05') is a fiscal year; a span of three or more ('2005–14') can be no one
# fiscal year: the calendar years from the first to the second, as a multi-year total is headed
_SHORT_RANGE = re.compile(r"(?<![\w-])((?:19|20)\d\d)\s*[–—‒−/-]\s*(\d\d)(?![\w-])")
_MARKERS = re.compile(r"(\s*\([a-z0-9]{1,2}\)|\s*[*†‡§¶#¹²³⁴⁵⁶⁷⁸⁹⁰]+|\s*\[\d+\]|"
                      r"\s*[(\[]?\b(?:continued|cont['’]?d|cont)\.?[)\]]?\s*(?:…|\.{2,3})?)$", re.IGNORECASE)
# (a name's rows going on overleaf, marked at the page's foot: 'Sprague cont'd …', 'Hartford (continued)')
_NOT_COUNT = re.compile(r"%|\bpercent|\bchange\b|\brank|\brate\b|\bper\s+(?:100|1,000|capita)|\bshare\b|"
                        r"\baverage\b|\bmean\b|\bmedian\b|\bratio\b", re.IGNORECASE)
_TOTAL = re.compile(r"^(?:grand\s+|statewide\s+|state\s+|connecticut\s+|ct\s+)?totals?(?:\s*[,:-]\s*(?:all|every|"
                    r"statewide)\b\D*)?$|^(?:all\s+(?:towns|jurisdictions|agencies|departments)|statewide)$",
                    re.IGNORECASE)
_SUBTOTAL = re.compile(r"^sub-?\s?totals?\b", re.IGNORECASE)
_STATE_POLICE_LABELS = {"state police", "ct state police", "connecticut state police", "state police troops",
                        "ct state police troops", "connecticut state police troops", "csp", "ct csp",
                        "department of emergency services and public protection", "despp", "state troopers"}
_COUNT = re.compile(r"^[-−]?\d{1,3}(?:,\d{3})+$|^[-−]?\d+$")
_DASHES = ("–", "—", "-", "‒", "−", "--")
DEFAULT_SYMBOLS: dict[str, int | None] = {
    **{dash: 0 for dash in _DASHES},  # "represents zero" unless a legend says otherwise
    **{mark: None for mark in (*MARKS, "§", "n/a", "na", "n.a.", "(s)", "(x)", "(d)", "(na)",
                               "(z)", "x", "s", "d", "..", "...", "")},
}
_ZERO_MEANING = re.compile(r"\bzero\b|\bnone\b|\bno (?:arrests|convictions|cases)\b|\b0\b", re.IGNORECASE)
_NULL_MEANING = re.compile(r"not\s+(?:available|reported|applicable|shown|published|collected)|suppress|fewer than|"
                           r"less than|withheld|confidential|unknown|missing|no data|too few|privacy|not meet",
                           re.IGNORECASE)
_LEGEND = re.compile(rf"^\s*(?P<symbol>[–—‒−-]{{1,2}}|{MARK}|§|n/a|na|\([a-z]{{1,2}}\)|x|z|\.\.\.?)\s*"
                     r"(?:[:=]|\s)\s*(?P<meaning>[A-Za-z].*)$", re.IGNORECASE)
_BLANK_LEGEND = re.compile(r"\b(?:blank|empty)\s+(?:cells?|entr(?:y|ies)|spaces?)\b|\bcells?\s+(?:left\s+)?blank\b",
                           re.IGNORECASE)


def default_reference_dir() -> Path:
    from pipeline.settings import Settings

    return Settings.from_env().raw_dir / "reference"


def clean_label(printed: str) -> str:
    """A row label without footnote markers ("Hartford*", "Bridgeport¹", "Norwalk (a)") and extra spaces."""
    name = re.sub(r"\s+", " ", printed.strip())
    while True:
        stripped = _MARKERS.sub("", name).strip()
        if stripped == name:
            return name
        name = stripped


@dataclass(frozen=True)
class Mention:
    """A word or phrase of a header that says something, kept so that every count can say where it came from."""

    value: object
    text: str
    general: bool = False  # said by the title for the whole table (a row's own words override it)


@dataclass
class Vocabulary:
    """The reviewed words: statute sections with their offence names and roles, and the measures."""

    roles: dict[str, str | None]
    statute_aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, statute), longest first
    measure_aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, measure), longest first

    @classmethod
    def from_rows(cls, statutes: Iterable[Mapping[str, str]], measures: Iterable[Mapping[str, str]]) -> Vocabulary:
        """From the rows of statutes.csv (statute, title, role, aliases) and measures.csv (measure, aliases)."""
        statutes, measures = list(statutes), list(measures)
        roles = {row["statute"]: (row["role"] or None) for row in statutes}
        statute_aliases = [(alias.strip().casefold(), row["statute"]) for row in statutes
                           for alias in [row["title"], *str(row.get("aliases", "") or "").split("|")]
                           if alias and alias.strip()]
        measure_aliases = [(alias.strip().casefold(), row["measure"]) for row in measures
                           for alias in [row["measure"], *str(row["aliases"] or "").split("|")]
                           if alias and alias.strip()]
        return cls(roles, _longest_first(statute_aliases), _longest_first(measure_aliases))

    @classmethod
    def from_tables(cls, statutes: pd.DataFrame, measures: pd.DataFrame) -> Vocabulary:
        """From the pipeline's reference frames (load_statutes, load_measures)."""
        return cls.from_rows(statutes.to_dict("records"), measures.to_dict("records"))

    @classmethod
    def from_reference_dir(cls, folder: Path, roles: Mapping[str, str | None] | None = None) -> Vocabulary:
        """From raw/reference/statutes.csv and measures.csv (for callers outside the pipeline: the pipeline passes
        the manifest-verified tables)."""
        from pipeline.extract.reference import read_rows

        vocabulary = cls.from_rows(read_rows(folder / "statutes.csv"), read_rows(folder / "measures.csv"))
        if roles:
            vocabulary.roles = {**vocabulary.roles, **roles}
        return vocabulary

    @functools.cached_property
    def _inner_parts(self) -> tuple[dict, dict]:
        """Worked out once per vocabulary (every header of every table asks)."""
        return _inner_parts(self.statute_aliases)

    def statutes_in(self, text: str) -> list[Mention]:
        """Every statute a text names, by section number or by offence name (names inside a matched longer name,
        like 'prostitution' in 'promoting prostitution', do not count twice)."""
        text = plain(text)
        found: list[tuple[int, Mention]] = []
        for match in _SECTION.finditer(text):
            found.append((match.start(), Mention(match.group(1).lower(), match.group(0).strip())))
        blanked = _SECTION.sub(lambda m: " " * len(m.group(0)), text)
        prefixes, suffixes = self._inner_parts
        for start, statute, phrase in _phrases(blanked, self.statute_aliases):
            key = (phrase.casefold(), statute)
            before = " ".join(re.findall(r"\w+", blanked[:start].casefold()))  # words only: 'degree,' is 'degree'
            after = " ".join(re.findall(r"\w+", blanked[start + len(phrase):].casefold()))
            if any(before.endswith(prefix) for prefix in prefixes.get(key, ())) or after and any(
                    _goes_on_as(after.split(), suffix.split()) for suffix in suffixes.get(key, ())):
                continue  # 'prostitution' in 'promoting prostitution in the' or in 'prostitution in the first
                # degree', 'prostitution 2nd deg.' (a longer name cut short or abbreviated, a wrapped header's
                # part): not 53a-82
            found.append((start, Mention(statute, phrase)))
        return _distinct(found)

    def measures_in(self, text: str) -> list[Mention]:
        """Every measure a text names; one denied ('not convicted', 'non-arrest') names the measure's opposite."""
        text = plain(text)
        return _distinct([(start, Mention(measure, phrase))
                          for start, measure, phrase in _phrases(text, self.measure_aliases)
                          if not _DENIED.search(text[:start])])


_DENIED = re.compile(r"\b(?:not|non|no|never|without|un)[\s-]*$", re.IGNORECASE)  # the words just before a match
_DASH_LIKE = re.compile(r"[\u2010-\u2015\u2212\u00ad]")
_RAISED_DIGITS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u209f]")
_SPACE_LIKE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f]")


def plain(text: str) -> str:
    """Text as words are matched: compatibility forms folded (NFKC), every dash a hyphen ('53a‑82' set with a
    non-breaking hyphen, '53a–83' with an en dash), every space a space."""
    import unicodedata

    text = _RAISED_DIGITS.sub(" ", text)  # footnote marks: NFKC would make '53a-82²' read '53a-822'
    return _SPACE_LIKE.sub(" ", _DASH_LIKE.sub("-", unicodedata.normalize("NFKC", text)))


def _goes_on_as(after: list[str], suffix: list[str]) -> bool:
    """The words after a name are the start of the words a longer name goes on with, or go on past all of them:
    whole words, or a word cut to its first three letters or more ('deg' for 'degree')."""
    pairs = list(zip(after, suffix, strict=False))
    return all(said == word or len(said) >= 3 and word.startswith(said) for said, word in pairs)


def _inner_parts(aliases: list[tuple[str, str]]) -> tuple[dict, dict]:
    """For each alias, the words around it inside another statute's alias ('promoting' before and 'in the first
    degree' after 'prostitution' in 'promoting prostitution in the first degree'): next to them it is that longer
    name cut short."""
    prefixes: dict[tuple[str, str], set[str]] = {}
    suffixes: dict[tuple[str, str], set[str]] = {}
    for alias, statute in aliases:
        for longer, other in aliases:
            if other != statute and len(longer) > len(alias):
                for match in _pattern(alias).finditer(longer):
                    prefix = " ".join(re.findall(r"\w+", longer[:match.start()]))
                    suffix = " ".join(re.findall(r"\w+", longer[match.end():]))
                    if prefix:
                        prefixes.setdefault((alias, statute), set()).add(prefix)
                    if suffix:
                        suffixes.setdefault((alias, statute), set()).add(suffix)
    return prefixes, suffixes


def _longest_first(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(set(pairs), key=lambda pair: (-len(pair[0]), pair[0]))


@functools.lru_cache(maxsize=4096)
def _pattern(alias: str) -> re.Pattern:
    return re.compile(rf"(?<![\w]){re.escape(alias)}(?![\w])")


def _phrases(text: str, aliases: list[tuple[str, str]]) -> Iterable[tuple[int, str, str]]:
    """Whole-word, case-insensitive matches, longest alias first, each character used once."""
    folded = text.casefold()
    taken = [False] * len(folded)
    for alias, value in aliases:
        if alias not in folded:
            continue
        for match in _pattern(alias).finditer(folded):
            if any(taken[match.start():match.end()]):
                continue
            for index in range(match.start(), match.end()):
                taken[index] = True
            yield match.start(), value, text[match.start():match.end()]


def _distinct(found: list[tuple[int, Mention]]) -> list[Mention]:
    seen, out = set(), []
    for _, mention in sorted(found, key=lambda item: item[0]):
        if mention.value not in seen:
            seen.add(mention.value)
            out.append(mention)
    return out


class FiscalYear(ValueError):
    """A fiscal year ("FY 2014-15") is not a calendar year: never read as one."""


def periods_in(text: str) -> list[Mention]:
    """Calendar years and ranges a text names ("2015", "2005–2014", "2005 through 2014", "2005–14"); a fiscal year
    ("FY 2015", "2014-15") raises."""
    text = _CALENDAR_YEAR.sub(r"\1 \2", text)  # 'CY2014' is the calendar year 2014
    fiscal = _FISCAL.search(text)
    if fiscal:
        raise FiscalYear(fiscal.group(0).strip())
    found: list[tuple[int, Mention]] = []
    blanked = text
    for match in _SHORT_RANGE.finditer(text):
        first = int(match.group(1))
        last = first - first % 100 + int(match.group(2))
        if last < first + 2:
            raise FiscalYear(match.group(0).strip())
        found.append((match.start(), Mention((first, last), match.group(0))))
        blanked = blanked[:match.start()] + " " * (match.end() - match.start()) + blanked[match.end():]
    for match in _RANGE.finditer(blanked):
        first, last = int(match.group(1)), int(match.group(2))
        if first <= last:
            found.append((match.start(), Mention((first, last), match.group(0))))
            blanked = blanked[:match.start()] + " " * (match.end() - match.start()) + blanked[match.end():]
    for match in _SINGLE_YEAR.finditer(blanked):
        year = int(match.group(1))
        found.append((match.start(), Mention((year, year), match.group(0))))
    return [mention for _, mention in sorted(found, key=lambda item: item[0])]


def is_not_a_count(header: str) -> bool:
    """Columns that print something other than a count: % change, rank, rates, shares."""
    return bool(_NOT_COUNT.search(header))


def is_total_label(text: str) -> bool:
    return bool(_TOTAL.match(clean_label(text)))


_FORCE_QUALIFIER = re.compile(r"^(?:all\s+|every\s+)?(?:troops?|barracks|units|districts?)\b[\w\s]*$")


def _qualified_state_police(folded: str) -> bool:
    """'State Police – all troops', 'CT State Police (all barracks)', 'State Police (CSP)': the state police."""
    folded = re.sub(r"\bdept\b\.?", "department", folded.replace("&", "and"))
    folded = re.sub(r"\s+", " ", folded)
    parts = re.split(r"\s*[–—,(:-]\s*", folded, maxsplit=1)
    tail = parts[1].strip(" )") if len(parts) == 2 else ""
    return len(parts) == 2 and parts[0].strip() in _STATE_POLICE_LABELS and (
        bool(_FORCE_QUALIFIER.match(tail)) or tail in _STATE_POLICE_LABELS)


def resolve_label(printed: str, towns: Mapping[str, str]) -> tuple[str, str]:
    """Printed row label -> (jurisdiction, jurisdiction_type), matched as a whole label, never a substring.

    Unknown names stay as printed with type 'unresolved', for validation to reject with page and row."""
    name = clean_label(printed)
    folded = name.casefold()
    if _TOTAL.match(name):
        return STATEWIDE, "statewide"
    if _SUBTOTAL.match(name):
        return name, "aggregate"
    if re.sub(r"[^a-z ]", "", folded).strip() in _STATE_POLICE_LABELS or folded in _STATE_POLICE_LABELS or \
            _qualified_state_police(folded):
        return STATE_POLICE, "state_police"
    official = towns.get(folded)
    if official:
        return official, "town"
    return printed.strip(), "unresolved"


def places_in(text: str, towns: Mapping[str, str]) -> list[str]:
    """The towns (and the state police) whose names a text prints as whole words (a name run together with a
    statute's), the longest name first ('Windsor Locks', not also 'Windsor')."""
    folded = " ".join(text.casefold().split())
    taken: list[tuple[int, int]] = []
    found = []
    names = {**{name: STATE_POLICE for name in _STATE_POLICE_LABELS}, **towns}  # (the state police by any of its
    # names too: 'CSP' beside a statute's cell is no statewide row)
    for name in sorted((name for name in names if name in folded), key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", folded):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                taken.append(match.span())
                found.append(names[name])
    return found


@dataclass(frozen=True)
class Legend:
    """What each symbol in a table's cells means, as the table's own legend or footnotes define it."""

    symbols: Mapping[str, int | None]
    sources: Mapping[str, str]  # symbol -> the legend line that defined it

    @classmethod
    def read(cls, lines: Iterable[str]) -> Legend:
        symbols = dict(DEFAULT_SYMBOLS)
        sources: dict[str, str] = {}
        for line in lines:
            for part in re.split(r"(?<=[.;])\s+(?=\S)", line.strip()):
                meaning = None
                match = _LEGEND.match(part)
                if _BLANK_LEGEND.search(part):
                    symbol, meaning = "", part
                elif match:
                    symbol, meaning = match.group("symbol").casefold(), match.group("meaning")
                if meaning is None:
                    continue
                value = 0 if _ZERO_MEANING.search(meaning) and not _NULL_MEANING.search(meaning) else (
                    None if _NULL_MEANING.search(meaning) else "unknown")
                if value == "unknown":
                    continue
                targets = _DASHES if symbol in _DASHES else (symbol,)
                for target in targets:
                    symbols[target] = value
                    sources[target] = part
        return cls(symbols, sources)

    def value(self, text: str) -> int | None:
        """'1,204' -> 1204; '-5' -> -5 (for validation to reject); a symbol -> what the legend says."""
        cleaned = text.strip()
        if _COUNT.match(cleaned):
            return int(cleaned.replace(",", "").replace("−", "-"))
        key = cleaned.casefold()
        if key in self.symbols:
            return self.symbols[key]
        raise ValueError(f"not a count: {text!r}")



DEFAULT_LEGEND = Legend(DEFAULT_SYMBOLS, {})
