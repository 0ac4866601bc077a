"""What a line's values are: how many it prints, where the values ending a phrase begin, and counts run into a
name by a plain space parted from it where a column header stands over them. The columns phase finds rivers from
the lines these say print values."""

from __future__ import annotations

import functools
import re

from pipeline.extract.tables.settings import DEFAULT, TableSettings
from pipeline.extract.tables.words import MARK, VALUE, Phrase, TextLine, Word, is_value, line_of, phrase_of

YEAR = re.compile(r"^(?:19|20)\d\d$")  # a calendar year alone
_MARK = re.compile(rf"^\([a-z]\)$|^{MARK}$")  # a footnote mark or a value sign, by where it stands


@functools.lru_cache(maxsize=1 << 12)
def _is_mark(text: str) -> bool:
    return _MARK.match(text) is not None


_COUNTED: dict[int, tuple[TextLine, int]] = {}  # id(line) -> the line (held, so its id is not reused), its count


def values_in(line: TextLine) -> int:
    """How many values a line prints (remembered for the lines of the pages read last: every phase asks)."""
    known = _COUNTED.get(id(line))
    if known is not None and known[0] is line:
        return known[1]
    count = _values_in(line)
    if len(_COUNTED) >= 8192:
        _COUNTED.clear()
    _COUNTED[id(line)] = (line, count)
    return count


def _values_in(line: TextLine) -> int:
    """How many values a line prints; none if most are years (a header of years, repeated under each group
    header, '2005 2006 2005 2006', or beside a wrapped header's last line, '2007 Rank 100,000'), or if words
    head more of its columns than values fill (a header line ending in a wrapped '100,000', its headers run
    together or not)."""
    starts = [values_from(p) for p in line.phrases]
    values = [w.text for p, start in zip(line.phrases, starts, strict=True) for w in p.words[start:]]
    if not values or len([text for text in values if YEAR.match(text)]) * 2 > len(values):
        return 0
    worded = sum(_cells_run_together(p.words[:start], p.size)
                 for p, start in zip(line.phrases[1:], starts[1:], strict=True) if start)
    return 0 if worded > len(values) else len(values)


def _cells_run_together(words: tuple[Word, ...], size: float) -> int:
    """How many cells words before a phrase's values may be: words set further apart than a plain space, with
    no space printed between them, are cells run together ('Rank  ARRESTED  CONVICTED' in tight columns);
    'North Stonington' is one, and so is a run of typewritten text."""
    return 1 + sum(1 for i in range(1, len(words))
                   if not words[i].typed and words[i].x0 - words[i - 1].x1 >= DEFAULT.cell_gap * size)


def numbers_in(line: TextLine) -> int:
    """Numbers a line prints, in text or not ('Rate per 100,000'; 'Programs (3)'): a header line with one still
    helps draw the rivers, its words crossing those that only notes marks would open."""
    values = [w.text for p in line.phrases for w in p.words if is_value(w.text)]
    return 0 if sum(1 for text in values if YEAR.match(text)) * 2 > len(values) else len(values)


def values_from(phrase: Phrase) -> int:
    """Where the values a phrase prints begin: the run of values that ends it, set apart from the words before
    it by more than a plain space ('North Stonington 2007'); a number a plain space after a word is part of
    the text ('Aged 21 to 64', 'Rate per 100,000'), no value."""
    words = phrase.words
    end = _trailing_values(words)
    if end == len(words) or end > 0 and words[end].x0 - words[end - 1].x1 < 0.4 * phrase.size and \
            not words[end].glued:
        return len(words)
    return end


def _trailing_values(words: tuple[Word, ...]) -> int:
    """Where the run of values ending these words begins, however close to the words before it."""
    end = len(words)
    while end > 0 and is_value(words[end - 1].text) and not (end > 1 and _is_mark(words[end - 1].text)):
        end -= 1  # (a mark after a name, 'STATE POLICE (a)', is the name's: '(s)' is a value only alone)
    return end


def headed_values(lines: list[TextLine], settings: TableSettings) -> list[TextLine]:
    """Lines (top to bottom) whose phrases end in values set a plain space after their text, where the column
    headers over them (the nearest line up without values, the lines between all rows of values, each close to
    the next) have one that starts right of that text and ends flush with the first value or is centred over
    it, or where other rows close by print a value alone in a column flush with it on both sides: the values
    stand in that column ('Arrests, 53a-82 1,770' under '2005'; 'Total, all jurisdictions 2011' under the years
    of the rows above); the phrase is parted there."""
    out = list(lines)
    head: TextLine | None = None  # the header line over the rows of values read so far
    runs = _runs(lines, settings)
    for index, line in enumerate(lines):
        above = lines[index - 1] if index else None
        if above is None or line.top - above.bottom > settings.table_gap * line.size:
            head = None
        parted: list[Phrase] = []
        counted = values_in(line)
        alone = runs[index] if counted else []  # (a row of values: a header's year is no count of it)
        for phrase in line.phrases:
            cut = _headed_at(phrase, head.phrases if head is not None else [], alone, settings)
            parted += [phrase] if cut is None else [phrase_of(phrase.words[:cut]), phrase_of(phrase.words[cut:])]
        if len(parted) > len(line.phrases):
            out[index] = line_of(parted, line.baseline, line.size)
            counted = values_in(out[index])
        if not counted:
            head = line
    return out


def _runs(lines: list[TextLine], settings: TableSettings) -> list[list[Phrase]]:
    """For each line, the values printed alone in a column (no first phrase) by the lines of its run, each
    line close to the next."""
    runs: list[list[int]] = []
    for index, line in enumerate(lines):
        if index and line.top - lines[index - 1].bottom <= settings.table_gap * line.size:
            runs[-1].append(index)
        else:
            runs.append([index])
    alone: list[list[Phrase]] = [[] for _ in lines]
    for run in runs:
        values = [phrase for index in run for phrase in lines[index].phrases[1:]
                  if len(phrase.words) == 1 and VALUE.match(phrase.text)]
        for index in run:
            alone[index] = values
    return alone


def _headed_at(phrase: Phrase, heads: list[Phrase], alone: list[Phrase], settings: TableSettings) -> int | None:
    words = phrase.words
    end = _trailing_values(words)
    if end in (0, len(words)) or values_from(phrase) < len(words) and not words[end].glued:
        return None  # no text before values, no values, or values already set apart from the text
    text_end, first = words[end - 1].x1, words[end]
    slack = settings.flush * phrase.size
    middle = (first.x0 + first.x1) / 2
    # (values set hard against the text, no white space between: the header over them may reach back over the
    # text's end, not over its start, 'Total, all jurisdictions17' under '2015')
    start = words[0].x0 + slack if first.glued else text_end
    for head in heads:
        if start < head.x0 < first.x1 and (abs(head.x1 - first.x1) <= slack or
                                           abs((head.x0 + head.x1) / 2 - middle) <= slack):
            return end
    for value in alone:
        if min(start, first.x0 - slack) < value.x0 and abs(value.x0 - first.x0) <= slack and \
                abs(value.x1 - first.x1) <= slack:
            return end
    return None


def value_parts(phrase: Phrase) -> list[tuple[Word, ...]]:
    """A phrase's words before its values as one part, each value as a part of its own ('Total, all
    jurisdictions' | '5,937' of 'Total, all jurisdictions5,937'; 'Aged 21 to 64' stays whole)."""
    words = phrase.words
    end = values_from(phrase)
    return ([words[:end]] if end else []) + [(word,) for word in words[end:]]
