"""How tables and links read: human headers, one number format per column, intervals as one column."""

import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from pipeline.report.render import Paragraph, Table, links, to_html, to_markdown


def _table_lines(markdown: str) -> list[list[str]]:
    lines = markdown.split("\n")
    return [[c.strip() for c in line.strip("|").split("|")] for i, line in enumerate(lines)
            if line.startswith("|") and i + 1 < len(lines) and lines[i + 1].startswith("|---")]


def test_a_ratio_column_prints_every_value_with_the_same_decimals():
    frame = pd.DataFrame({"year": [2010, 2012], "female_to_male": [2.0, 2.3], "female_arrests": [292.0, 265.0],
                          "ci_lower": [1.63, 1.84], "ci_upper": [2.46, 2.89]})
    markdown = to_markdown("t", [Table(frame, "c")])
    assert _table_lines(markdown) == [["Year", "Female : male", "Women arrested", "95% CI"]]
    assert "| 2010 | 2.00 | 292 | 1.63–2.46 |" in markdown and "| 2012 | 2.30 | 265 | 1.84–2.89 |" in markdown


@given(st.lists(st.from_regex(r"[a-z]{1,8}(_[a-z]{1,8}){0,3}", fullmatch=True), min_size=1, max_size=6,
                unique=True))
def test_no_header_is_snake_case(columns):
    frame = pd.DataFrame([[1] * len(columns)], columns=columns)
    for header in _table_lines(to_markdown("t", [Table(frame, "c")])):
        assert not any("_" in h for h in header), header


def test_links_are_links_in_html_and_stay_readable_in_markdown():
    text = "See [the validation report](validation/index.html) & metrics."
    html = to_html("t", [Paragraph(text)])
    assert '<a href="validation/index.html">the validation report</a> &amp; metrics.' in html
    assert text in to_markdown("t", [Paragraph(text)])
    assert links(text) == [("the validation report", "validation/index.html")]


def test_the_real_report_has_human_headers_and_no_ctip_prefix(pipeline_run):
    reports = pipeline_run.settings.reports_dir
    folder = reports / (reports / "LATEST").read_text().strip()
    markdown = (folder / "report.md").read_text(encoding="utf-8")
    assert not markdown.startswith("# ctip")
    snake = [h for header in _table_lines(markdown) for h in header if re.search(r"[a-z]_[a-z]", h)]
    assert not snake, f"snake_case headers: {snake}"
    brief = markdown.split("## The statistics in detail")[0]
    assert all(part in brief for part in ("### What was claimed", "### What the data show",
                                          "### What the data cannot show", "(#statistics)"))


def test_every_count_of_failing_rows_says_where_they_are(pipeline_run):
    """'N row(s) fail' matches the rows listed plus the rows it says are elsewhere."""
    reports = pipeline_run.settings.reports_dir
    markdown = (reports / (reports / "LATEST").read_text().strip() / "report.md").read_text(encoding="utf-8")
    sentences = re.findall(r"(\d+) row\(s\) fail.*?(?:lists (\d+) of them; the other (\d+)|All of them are listed)",
                           markdown)
    assert sentences
    for total, listed, rest in sentences:
        assert not listed or int(listed) + int(rest) == int(total)


@given(st.text(alphabet=st.sampled_from("ab <>&|\n\r/\"'=()"), min_size=1, max_size=30))
def test_a_cell_from_a_source_file_is_text_in_markdown_never_html_nor_a_new_cell(name):
    frame = pd.DataFrame({"town": [name, "<script>alert(1)</script>"], "female_arrests": [3, 4]})
    markdown = to_markdown("t", [Table(frame, "c")])
    rows = [line for line in markdown.split("\n") if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 2 and all(len(re.split(r"(?<!\\)\|", row)) == 4 for row in rows), rows
    assert "<" not in markdown.replace("<br>", "") and "&lt;script>alert(1)&lt;/script>" in markdown
