"""Glyphs to printed lines, words and phrases. A phrase is what a reader sees as one piece of text on a line
(words a space apart); phrases further apart than a space are candidates for different columns. A raised,
smaller glyph (a footnote mark) belongs to the word it is printed against, never to a line of its own."""

from __future__ import annotations

import functools
import re

from pipeline.extract.tables.geometry import Glyph
from pipeline.extract.tables.model import record
from pipeline.extract.tables.settings import DEFAULT, TableSettings


@record
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    mark: str = ""  # raised, smaller glyphs at its end (a footnote mark); already part of `text`
    glued: bool = False  # digits set hard against the letters before them ('jurisdictions647'): a word of its own
    typed: bool = False  # one printed space before it, right after the word before: one run of text with it


@record
class Phrase:
    words: tuple[Word, ...]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


def joined(words: tuple[Word, ...] | list[Word]) -> str:
    """Words as text, a space between them, none before a word glued to the one before ('Page4' as printed)."""
    if len(words) == 1:
        return words[0].text
    if not any([word.glued for word in words]):
        return " ".join([word.text for word in words])
    return "".join(("" if index == 0 or word.glued else " ") + word.text for index, word in enumerate(words))


def phrase_of(words: tuple[Word, ...] | list[Word]) -> Phrase:
    words = tuple(words)
    if len(words) == 1:
        word = words[0]
        return Phrase(words, word.text, word.x0, word.x1, word.top, word.bottom, word.size)
    return Phrase(words, joined(words), words[0].x0, words[-1].x1, min([word.top for word in words]),
                  max([word.bottom for word in words]), max([word.size for word in words]))


@record
class TextLine:
    phrases: tuple[Phrase, ...]
    baseline: float
    size: float  # the line's font size (its most common glyph size)
    top: float
    bottom: float
    x0: float
    x1: float

    @property
    def text(self) -> str:
        return " ".join(phrase.text for phrase in self.phrases)


def line_of(phrases: tuple[Phrase, ...] | list[Phrase], baseline: float, size: float) -> TextLine:
    phrases = tuple(phrases)
    return TextLine(phrases, baseline, size, min(p.top for p in phrases), max(p.bottom for p in phrases),
                    phrases[0].x0, phrases[-1].x1)


def text_lines(glyphs: tuple[Glyph, ...] | list[Glyph], settings: TableSettings = DEFAULT) -> list[TextLine]:
    """Lines top to bottom, each a row of phrases left to right."""
    groups = _baselines(glyphs, settings)
    lines = []
    for members in groups:
        size = _median([glyph.size for glyph in members])
        raised = {id(glyph) for glyph in members
                  if glyph.size <= settings.smaller * size and glyph.baseline < _base(members, size) -
                  settings.raised * size}
        ordered = _left_to_right(members)
        raised |= _raised_on_neighbour(ordered, raised, settings)
        words = _words(ordered, raised, settings)
        phrases = _phrases(words, settings)
        if phrases:
            lines.append(line_of(phrases, _base(members, size), size))
    lines.sort(key=lambda line: (line.baseline, line.x0))
    return lines


def _left_to_right(members: list[Glyph]) -> list[Glyph]:
    """A line's glyphs left to right. Two runs of text printed into each other at their ends (a bold name whose
    last letter overlaps the year set after it: 'jurisdictions' '2015') stay apart, each whole, the later
    starting one after the other, as they were printed (by their order in the content stream), never
    interleaved ('jurisdiction2s015')."""
    ordered = sorted(members, key=lambda glyph: (glyph.x0, glyph.order))
    before = ordered[0]
    for after in ordered[1:]:  # (a loop, not all(): this runs for every glyph of every page)
        overlap = before.x1 - after.x0
        if overlap > 0 and (2 * overlap > after.x1 - after.x0 or 2 * overlap > before.x1 - before.x0):
            break
        before = after
    else:
        return ordered  # no glyph printed over most of another: nothing to keep apart (nearly every line)
    runs: list[list[Glyph]] = []
    for glyph in sorted(members, key=lambda glyph: glyph.order):
        previous = runs[-1][-1] if runs else None
        if previous is not None and glyph.order - previous.order <= 2 and glyph.x0 >= previous.x0 - 0.5 and \
                previous.x1 - glyph.x0 < 0.5 * min(glyph.x1 - glyph.x0, previous.x1 - previous.x0):
            runs[-1].append(glyph)  # (printed on over most of the glyph before: another run, laid over it)
        else:
            runs.append([glyph])
    if len(runs) < 2:
        return ordered
    after: dict[int, float] = {}  # glyph -> the x it sorts at: after the end of the run it was printed into
    for run in runs:
        for other in runs:
            last = other[-1]
            if other is not run and len(run) >= 2 and len(other) >= 2 and other[0].x0 < run[0].x0 and \
                    last.x0 - last.size <= run[0].x0 < last.x1:
                for glyph in run:
                    if glyph.x0 <= last.x0:
                        after[id(glyph)] = last.x0 + 1e-3 * (glyph.x0 - run[0].x0 + 1)
    if not after:
        return ordered
    return sorted(members, key=lambda glyph: (after.get(id(glyph), glyph.x0), glyph.order))


def _raised_on_neighbour(ordered: list[Glyph], raised: set[int], settings: TableSettings) -> set[int]:
    """Glyphs raised and smaller against the full-size glyph they touch on the left ('1' then a superscript
    '¹'): footnote marks even where the line's own baseline is not their word's (a wrapped label beside a row,
    read as one line with it, sets the line's baseline elsewhere)."""
    found: set[int] = set()
    sizes = [glyph.size for glyph in ordered]
    if min(sizes) > settings.smaller * max(sizes):
        return found  # one size throughout: nothing smaller to be raised
    for before, glyph in zip(ordered, ordered[1:], strict=False):
        if id(glyph) in raised or id(before) in raised or id(before) in found or not glyph.text.strip():
            continue
        if glyph.size <= settings.smaller * before.size and \
                glyph.baseline < before.baseline - settings.raised * before.size and \
                glyph.x0 - before.x1 <= settings.word_gap * before.size:
            found.add(id(glyph))
    return found


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def _base(members: list[Glyph], size: float) -> float:
    """The line's baseline: that of its full-size glyphs."""
    full = [glyph.baseline for glyph in members if glyph.size > DEFAULT.smaller * size] or [g.baseline for g in members]
    return _median(full)


def _baselines(glyphs, settings: TableSettings) -> list[list[Glyph]]:
    """Glyphs clustered by baseline; a cluster of small raised glyphs joins the line it is printed against."""
    ordered = sorted(glyphs, key=lambda glyph: glyph.baseline)
    clusters: list[list[Glyph]] = []
    for glyph in ordered:
        if clusters:
            last = clusters[-1]
            reach = settings.same_line * max(glyph.size, last[-1].size)
            if glyph.baseline - last[-1].baseline <= reach:
                last.append(glyph)
                continue
        clusters.append([glyph])
    merged: list[list[Glyph]] = []
    for index, cluster in enumerate(clusters):
        size = _median([glyph.size for glyph in cluster])
        base = _median([glyph.baseline for glyph in cluster])
        host = _host(cluster, size, base, clusters[index + 1:index + 2], settings)
        if host is not None:
            host.extend(cluster)  # superscripts printed against the line below their baseline
        else:
            merged.append(cluster)
    return _rehomed([cluster for cluster in merged if cluster], settings)


def _rehomed(lines: list[list[Glyph]], settings: TableSettings) -> list[list[Glyph]]:
    """A small glyph that touches nothing on its left in the line it was clustered with, but is raised against a
    full-size glyph of a neighbouring line that it touches ('0' then '²', its baseline nearer a label's set beside
    the row): a footnote mark of that glyph's line, moved there."""
    for index, line in enumerate(lines):
        size = _median([glyph.size for glyph in line])
        for mark in [glyph for glyph in line if glyph.size <= settings.smaller * size and glyph.text.strip()]:
            if any(_follows(mark, glyph) for glyph in line if glyph is not mark):
                continue  # it follows a glyph of its own line
            for other in lines[max(0, index - 2):index] + lines[index + 1:index + 3]:
                if any(_follows(mark, glyph) and mark.size <= settings.smaller * glyph.size and
                       0 < glyph.baseline - mark.baseline <= 0.75 * glyph.size for glyph in other):
                    line.remove(mark)
                    other.append(mark)
                    break
    return [line for line in lines if line]


def _follows(mark: Glyph, glyph: Glyph) -> bool:
    """Set right after a glyph: touching it, a little apart, or kerned a little into it."""
    return -0.15 * glyph.size <= mark.x0 - glyph.x1 <= 0.3 * glyph.size


def _host(cluster: list[Glyph], size: float, base: float, below: list[list[Glyph]],
          settings: TableSettings) -> list[Glyph] | None:
    """The line a cluster of raised marks belongs to: the next line down, in a larger size, whose glyphs touch
    the marks on the left (a mark follows the word it annotates)."""
    if not below or len(cluster) > 6:
        return None
    line = below[0]
    line_size = _median([glyph.size for glyph in line])
    line_base = _median([glyph.baseline for glyph in line])
    if size > settings.smaller * line_size or not 0 < line_base - base <= 0.75 * line_size:
        return None
    touching = all(any(abs(mark.x0 - glyph.x1) <= 0.3 * line_size or abs(glyph.x0 - mark.x1) <= 0.3 * line_size
                       for glyph in line) for mark in cluster)
    return line if touching else None


def _words(glyphs: list[Glyph], raised: set[int], settings: TableSettings) -> list[Word]:
    """Glyphs left to right as words: a printed space, a gap wider than `word_gap`, or a step back ends one."""
    words: list[Word] = []
    start = 0
    count = len(glyphs)
    word_gap = settings.word_gap
    glued = after = False  # the word begun at `start` is glued to the one before; the one ending now will be
    typed = False  # the word begun at `start` follows the word before a printed space apart
    for index in range(count + 1):
        after = False
        if index < count:
            glyph = glyphs[index]
            if glyph.text != " " and index > start:
                previous = glyphs[index - 1]
                size = glyph.size if glyph.size > previous.size else previous.size
                if glyph.x0 - previous.x1 <= word_gap * size and glyph.x0 >= previous.x0 - 0.5:
                    if not glyph.text.isdigit() or not _glued(glyphs, start, index, raised):
                        continue
                    after = True  # touching, yet a count set hard against the word: a word of its own
            elif glyph.text != " ":
                continue
        if index > start:
            words.append(_word(glyphs[start:index], raised, glued, typed))
        glued = after
        spaced = index < count and glyphs[index].text == " "
        start = index + 1 if spaced else index
        typed = spaced and index > 0 and glyphs[index - 1].text != " " and start < count and \
            glyphs[start].text != " " and glyphs[start].x0 - glyphs[index].x1 <= word_gap * glyphs[start].size and \
            glyphs[index].x0 - glyphs[index - 1].x1 <= word_gap * glyphs[start].size
    return words


def _glued(glyphs: list[Glyph], start: int, index: int, raised: set[int]) -> bool:
    """Digits right after a word of three letters or more start a word of their own: a count set hard against
    its name ('jurisdictions647'); not 'Q4', 'CY2010', nor a raised footnote mark."""
    if not glyphs[index].text.isdigit() or id(glyphs[index]) in raised or index - start < 3:
        return False
    return all(glyph.text.isalpha() for glyph in glyphs[index - 3:index])


def _word(run: list[Glyph], raised: set[int], glued: bool = False, typed: bool = False) -> Word:
    mark = ""
    if raised:
        for glyph in reversed(run):
            if id(glyph) not in raised:
                break
            mark = glyph.text + mark
    full = [glyph for glyph in run if id(glyph) not in raised] if raised else run
    full = full or run
    return Word("".join([glyph.text for glyph in run]), run[0].x0, min([g.top for g in full]),
                max([g.x1 for g in run]), max([g.bottom for g in full]), max([g.size for g in full]), mark, glued,
                typed)


def _phrases(words: list[Word], settings: TableSettings) -> list[Phrase]:
    """Words a space apart are one phrase; two numbers never are (tight columns of counts), unless the second is
    a group of three digits a space after the first (a thousands separator: '1 204'). A bullet joins the words
    it marks, however far it stands from them."""
    phrases: list[list[Word]] = []
    for word in words:
        if phrases:
            previous = phrases[-1][-1]
            size = max(word.size, previous.size)
            gap = word.x0 - previous.x1
            if previous.text in _BULLETS and len(phrases) == 1 and len(phrases[-1]) == 1 and \
                    not is_value(word.text) and gap <= settings.bullet_gap * size:  # a bullet opens its line
                phrases[-1].append(word)
                continue
            numbers = is_value(previous.text) and is_value(word.text)
            if gap <= settings.phrase_gap * size and (not numbers or gap <= settings.space_gap * size and
                                                      _THOUSANDS.match(word.text)):
                phrases[-1].append(word)
                continue
        phrases.append([word])
    return [phrase_of(group) for group in phrases]


_BULLETS = {"•", "◦", "▪", "■", "●", "○", "–", "-", "·", "∙", "‣", "⁃", "□", "◆", "♦", "✓"}
_NUMERIC = re.compile(r"^[(\[]?[-–—−+]?[$€£¥]?\d[\d,.]*%?[)\]]?$")
# a phrase that is one number as printed: '1,204', '(12)', '$5', '12.5%', '3*'
NUMBER = re.compile(r"^[\s(]*[-–—−+]?[$€£]?\s*\d[\d,.\s]*%?[)*]*$")
# a bound printed for a count kept back ('<5', 'n<5', '≤10'; '&lt;5' as an HTML page left it)
BOUND = r"(?:[nN]\s*)?(?:<|≤|&lt;)\s*\d+"
# a footnote mark or a sign printed for a value: one mark, or the same mark twice or three times ('*', '††', '‡‡‡')
MARKS = tuple(sign * times for sign in "*†‡" for times in (3, 2, 1))  # not §: it opens a section number
MARK = "(?:" + "|".join(re.escape(mark) for mark in MARKS) + ")"
# a value cell's text: a number, or a sign printed for one (a dash, a mark, dots, '(s)', 'n/a'), or a bound
VALUE = re.compile(r"^(?:[(\[]?[-–—−+]?[$€£¥]?\d[\d,.]*%?[)\]]?|[–—‒−-]{1,2}|\.{2,3}|\([a-z]\)|n/a|N/A|"
                   rf"{MARK}|{BOUND})$")


@functools.lru_cache(maxsize=1 << 16)
def is_value(text: str) -> bool:
    """A value cell's text (VALUE), remembered: asked of every word of every line several times over."""
    return VALUE.match(text) is not None


_THOUSANDS = re.compile(r"^\d{3}(?:[.,]\d+)?%?\)?$")


def turned_lines(glyphs: tuple[Glyph, ...] | list[Glyph], settings: TableSettings = DEFAULT) -> list[TextLine]:
    """Text set a quarter turn (column headers printed sideways) as lines of the page: each run of turned glyphs
    down one column is a phrase at its place; runs that overlap in height form one line, set at their foot."""
    runs: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: g.order):
        if runs:
            last = runs[-1][-1]
            width = max(glyph.size, last.size)
            same_column = abs((glyph.x0 + glyph.x1) / 2 - (last.x0 + last.x1) / 2) <= settings.same_line * width
            near = min(abs(glyph.top - last.bottom), abs(last.top - glyph.bottom)) <= settings.phrase_gap * width
            if same_column and (near or glyph.text == " "):
                runs[-1].append(glyph)
                continue
        runs.append([glyph])
    words = []
    for run in map(_along, runs):
        text = run[0].text
        for last, glyph in zip(run, run[1:], strict=False):  # a gap a word space wide where no space is printed
            gap = min(abs(glyph.top - last.bottom), abs(last.top - glyph.bottom))
            spaced = glyph.text != " " and last.text != " " and gap > settings.word_gap * max(glyph.size, last.size)
            text += (" " if spaced else "") + glyph.text
        text = text.strip()
        if text:
            words.append(Word(re.sub(r"\s+", " ", text), min(g.x0 for g in run), min(g.top for g in run),
                              max(g.x1 for g in run), max(g.bottom for g in run), max(g.size for g in run)))
    lines: list[TextLine] = []
    for word in sorted(words, key=lambda w: w.bottom):
        if lines and word.top < lines[-1].bottom and word.bottom > lines[-1].top:
            line = lines[-1]
            phrases = sorted([*line.phrases, phrase_of([word])], key=lambda p: p.x0)
            lines[-1] = line_of(phrases, max(line.baseline, word.bottom), line.size)
        else:
            lines.append(line_of([phrase_of([word])], word.bottom, word.size))
    return lines


def _along(run: list[Glyph]) -> list[Glyph]:
    """A run's glyphs in reading order down its column: the way most of its content-order steps go (up or down
    the page), not the stream's order, which a glyph drawn from a fallback font ('§') can break."""
    middles = [(glyph.top + glyph.bottom) / 2 for glyph in run]
    steps = sum((after > before) - (after < before) for before, after in zip(middles, middles[1:], strict=False))
    if steps == 0:
        return run
    return sorted(run, key=lambda glyph: (glyph.top + glyph.bottom) / 2 * (1 if steps > 0 else -1))
