"""Every tolerance of the table reader in one frozen object, in units of the font size (em) unless it says
otherwise: a reader whose cut-offs are scattered through its code cannot be reasoned about or tuned as a whole."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableSettings:
    # characters -> words -> phrases
    same_line: float = 0.35  # baselines closer than this are one line
    word_gap: float = 0.12  # a gap wider than this, with no printed space, ends a word
    phrase_gap: float = 0.75  # words closer than this are one phrase (a cell's text); wider gaps set columns apart
    space_gap: float = 0.4  # at most a word space: digits this close may be one number ('1 204')
    cell_gap: float = 0.3  # words of a header line this far apart, no space printed between, may be cells run together
    gap_slack: float = 0.05  # gaps between words this close in width are set alike
    bullet_gap: float = 2.5  # a bullet this close to the words it marks belongs to them
    raised: float = 0.18  # a glyph whose baseline sits this far above its line's, and ...
    smaller: float = 0.85  # ... whose size is at most this share of the line's, is a superscript mark
    # drawn rules
    rule_thickness_pt: float = 2.5  # a filled or stroked path thinner than this (points) is a rule
    rule_join: float = 0.25  # rule ends closer than this meet (a grid drawn in pieces)
    rule_min_length: float = 0.8  # shorter rules are glyph parts (underlines of a letter, bullets)
    # columns and rows
    column_overlap: float = 0.0  # phrases overlapping by more than this share one column
    touch: float = 0.05  # text of two columns overlapping by less than twice this still leaves a river between
    river_crossings: float = 0.12  # share of a table's lines that may cross a river of white space between columns
    wide_river: float = 1.5  # white space this wide down every line of values parts columns, whatever crosses it
    blank_column: float = 0.2  # a header this far clear of both banks of a river heads a column left blank
    flush: float = 0.3  # text edges this close to a river's bank are flush with the column's edge
    aligned: float = 0.1  # a header's edge this close to its column's values' edge is set flush with them
    centred: float = 0.5  # a header this close to centred over the headers of neighbouring columns spans them
    run_centred: float = 0.15  # a header run together with its neighbours' is centred this closely on its column
    span_minimum: float = 0.15  # a phrase reaching less than this share of a column's width into it stays out
    row_gap: float = 0.6  # a vertical gap wider than this (beyond the leading) between lines sets rows apart
    # tables on a page
    min_columns: int = 2  # fewer aligned columns are no table
    min_rows: int = 2  # fewer aligned rows are no table
    region_margin: float = 1.0  # rules within this of a given area still bound its table
    name_gap: float = 1.5  # a long name this far left of a number alone on its line is a row (name, count)
    prose_words: int = 9  # a phrase of this many words or more is running text, not a cell
    chart_cover: float = 0.3  # a found region this much covered by curved drawings is a chart (share of its area)
    context_gap: float = 2.5  # text this close (in line heights) over or under a table is its caption or notes
    context_lines: int = 6  # at most this many lines of it
    table_gap: float = 2.6  # a vertical gap wider than this (in line heights) between two rows ends a table


DEFAULT = TableSettings()
