"""A phrase that runs across columns' boundaries (rivers) in a header line: column headers run together in tight
columns, parted at their word gaps into a header for each column, or one phrase (a title, a group header) that
merely crosses them. The columns phase says where the rivers are; this says how a phrase across them parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.extract.tables.settings import TableSettings
from pipeline.extract.tables.words import Phrase, Word

if TYPE_CHECKING:
    from pipeline.extract.tables.columns import Cut


def parted_at_rivers(phrase: Phrase, cuts: list[Cut], settings: TableSettings) -> bool:
    """A phrase across two rivers or more with a word gap inside every river it crosses, flush with one of its
    banks (the edge of a column's text): column headers run together in tight columns ('Jurisdiction Year CGS
    53a-83'), not a caption or a heading that happens to cross them."""
    crossed = [cut for cut in cuts if phrase.x0 < cut.lo and cut.hi < phrase.x1]
    words, flush = phrase.words, settings.flush * phrase.size
    return len(crossed) >= 2 and all(any(words[i - 1].x1 <= cut.hi + 0.5 and words[i].x0 >= cut.lo - 0.5 and
                                     min(abs(words[i - 1].x1 - cut.lo), abs(words[i].x0 - cut.hi)) <= flush
                                     for i in range(1, len(words))) for cut in crossed)


def aligned_parts(phrase: Phrase, cuts: list[Cut], edges: tuple[float, float] | None,
                  settings: TableSettings, crossings: int = 2) -> list[tuple[list[Word], int, int]] | None:
    """A phrase across two rivers or more that parts at word gaps into pieces all lined up the same way with the
    text of their columns (all centred on it, or all flush with its left or right bank): column headers run
    together in tight columns ('prostitutes in persons prostitutes in persons'), or group headers each over as
    many columns ('ARRESTED CONVICTED' over two years each); not a title that crosses them. `edges`: the left
    and right text edges of the table's first and last columns. Each piece with the first and last column it
    heads; None if no such parting. Across fewer than `crossings` rivers a phrase is never parted."""
    crossed = [cut for cut in cuts if phrase.x0 < cut.lo and cut.hi < phrase.x1]
    if len(crossed) < max(1, crossings):
        return None
    first = cuts.index(crossed[0])  # the column the phrase begins in
    columns = len(crossed) + 1
    lows = [None if edges is None else edges[0]] + [cut.hi for cut in cuts]  # each column's left bank
    highs = [cut.lo for cut in cuts] + [None if edges is None else edges[1]]  # and its right bank
    words = phrase.words
    flush, centred = settings.flush * phrase.size, settings.run_centred * phrase.size

    def alignments(part: tuple[Word, ...], start: int, end: int) -> set[str]:
        low, high = lows[start], highs[end]
        x0, x1 = part[0].x0, part[-1].x1
        return ({"left"} if low is not None and abs(x0 - low) <= flush else set()) | \
            ({"right"} if high is not None and abs(x1 - high) <= flush else set()) | \
            ({"centre"} if low is not None and high is not None and abs((x0 + x1 - low - high) / 2) <= centred
             else set())

    def parted(start: int, part: int, span: int, kinds: set[str]) -> list[tuple[list[Word], int, int]] | None:
        column = first + part * span  # the first column words[start:] head
        last = column + span - 1
        if last == first + columns - 1:
            return [(list(words[start:]), column, last)] if kinds & alignments(words[start:], column, last) else None
        cut = cuts[last]
        gaps = [end for end in range(start + 1, len(words))
                if words[end - 1].x1 <= cut.hi + 0.5 and words[end].x0 >= cut.lo - 0.5]
        if column == 0 and span == 1:  # the stub's header ends at the widest gap ('Calendar year' | 'Chester')
            gaps.sort(key=lambda end: words[end - 1].x1 - words[end].x0)
        for end in gaps:
            shared = kinds & alignments(words[start:end], column, last)
            if shared and column == 0 and span == 1:  # the stub's header, flush left over the names, sets no
                shared = {"left", "right", "centre"}  # way for the counts' headers ('Calendar year' over years,
                # 'Chester' flush right over its counts)
            rest = parted(end, part + 1, span, shared) if shared else None
            if rest is not None:
                return [(list(words[start:end]), column, last)] + rest
        return None

    for span in range(1, columns // 2 + 1):  # one column a piece, else groups of as many columns each (never
        # the first column's with others: the stub heads its rows, no group of columns takes it in)
        if columns % span == 0 and (span == 1 or first > 0):
            found = parted(0, 0, span, {"left", "right", "centre"})
            if found is not None:
                return found
    return None
