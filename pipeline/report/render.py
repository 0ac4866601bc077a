"""One report model rendered twice: Markdown for diffs and reviews, self-contained HTML for reading."""

from __future__ import annotations

import base64
import html
import numbers
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.report.labels import INTERVAL_LABELS, column_label


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2
    anchor: str = ""  # the id other parts of the report link to ("#anchor")


@dataclass(frozen=True)
class Paragraph:
    """Plain text; '[label](href)' becomes a link."""

    text: str
    lead: bool = False  # the plain-language opening: set larger


@dataclass(frozen=True)
class Banner:
    """A warning no reader can miss (synthetic inputs)."""

    text: str


@dataclass(frozen=True)
class Table:
    frame: pd.DataFrame
    caption: str


@dataclass(frozen=True)
class Figure:
    png_path: str
    png: bytes
    caption: str
    alt: str = ""  # what a reader who cannot see the image needs; the caption when empty


Block = Heading | Paragraph | Banner | Table | Figure


_NUMERIC = re.compile(r"^[-+–]?[\d,.]+%?$|^–$|^[-+]?[\d,.]+%?–[-+]?[\d,.]+%?$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^()\s]+)\)")
DIGITS = 2  # every non-integer number in a table: one format, so "2.00" never sits beside "2.3"


def links(text: str) -> list[tuple[str, str]]:
    """(label, href) of every link written into a text."""
    return _LINK.findall(text)


def _is_year_column(column: str) -> bool:
    """Years print without a thousands separator."""
    return "year" in column or column.startswith("period")


def _is_integer_column(values: pd.Series) -> bool:
    """Counts stay whole; a column with any fraction prints every value with DIGITS decimals."""
    numbers_only = [v for v in values if isinstance(v, numbers.Real) and not isinstance(v, bool | np.bool_)
                    and not pd.isna(v)]
    return all(float(v).is_integer() for v in numbers_only)


def _is_share_column(column: str) -> bool:
    """Shares of a whole print as percentages: 0.3% says more than 0.00."""
    return column == "share" or column.endswith("_share")


def _cell(value: object, column: str = "", integer: bool = True) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, numbers.Real) and _is_share_column(column):
        return f"{float(value):.1%}"
    if isinstance(value, numbers.Real) and integer and float(value).is_integer():
        return str(int(value)) if _is_year_column(column) else f"{int(value):,}"
    if isinstance(value, numbers.Real):
        return f"{float(value):,.{DIGITS}f}"
    return str(value)


SHARE_INTERVALS = ("robust_share", "ct")  # bounds of a share: percentages like the share beside them


def _interval(lower: object, upper: object, share: bool = False, integer: bool = False) -> object:
    if any(v is None or pd.isna(v) for v in (lower, upper)):
        return None
    if share:
        return f"{float(lower):.1%}–{float(upper):.1%}"
    if integer:
        return f"{int(lower):,}–{int(upper):,}"
    return f"{float(lower):,.{DIGITS}f}–{float(upper):,.{DIGITS}f}"


def presented(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as readers see it: each pair of bound columns ('x_lower' and 'x_upper', or 'x_min' and 'x_max') as
    one 'lower–upper' column where the lower one stood, so that wide tables fit a screen and a page."""
    out = frame.astype(object).copy()
    pairs = [(str(c)[:-len(low)], str(c), str(c)[:-len(low)] + high) for c in frame.columns
             for low, high in (("_lower", "_upper"), ("_min", "_max")) if str(c).endswith(low)]
    for stem, lower, upper in pairs:
        if upper in out:
            share = stem in SHARE_INTERVALS or (stem == "ci" and any(_is_share_column(str(c)) for c in out))
            integer = _is_integer_column(pd.concat([out[lower], out[upper]]))
            combined = [_interval(lo, hi, share, integer) for lo, hi in zip(out[lower], out[upper], strict=True)]
            position = list(out.columns).index(lower)
            out = out.drop(columns=[lower, upper])
            out.insert(position, INTERVAL_LABELS.get(stem) or column_label(stem), combined)
    return out


def _header(frame: pd.DataFrame) -> list[str]:
    return [column_label(str(c)) for c in frame.columns]


def _rows(frame: pd.DataFrame) -> list[list[str]]:
    columns = list(frame.columns)
    integer = {c: _is_integer_column(frame[c]) for c in columns}
    return [[_cell(v, str(c), integer[c]) for v, c in zip(row, columns, strict=True)]
            for row in frame.astype(object).itertuples(index=False)]


def to_markdown(title: str, blocks: list[Block]) -> str:
    out = [f"# {title}", ""]
    for block in blocks:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            out += [block.text, ""]
        elif isinstance(block, Banner):
            out += [f"> **{block.text}**", ""]
        elif isinstance(block, Table):
            frame = presented(block.frame)
            columns = _header(frame)
            out += [f"*{block.caption}*", "", "| " + " | ".join(columns) + " |",
                    "|" + "|".join("---" for _ in columns) + "|"]
            out += ["| " + " | ".join(_markdown_cell(cell) for cell in row) + " |" for row in _rows(frame)]
            out.append("")
        elif isinstance(block, Figure):
            out += [f"![{block.alt or block.caption}]({block.png_path})", "", f"*{block.caption}*", ""]
    return "\n".join(out).rstrip() + "\n"


def _markdown_cell(text: str) -> str:
    """A table cell's text as Markdown shows it, whatever a source file put in it: no raw HTML (a town named
    '<script>…': '<' and '&' as entities; '>' alone opens nothing, and '->' stays readable as text), no '|' that
    would split the cell, no line break that would end the table."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


_LONG_WORD = re.compile(r"(\S{16,})")


def _breakable(text: str) -> str:
    """Escaped text where a long identifier ('statab_2012_table324') may break after '_', '-' or '/': a narrow
    column wraps it there instead of widening the table past the screen or breaking it anywhere."""
    return "".join(html.escape(part) if i % 2 == 0 else re.sub(r"(?<=[_/-])(?=[^_/-])", "<wbr>", html.escape(part))
                   for i, part in enumerate(_LONG_WORD.split(text)))


def _inline(text: str) -> str:
    """Escaped text whose '[label](href)' parts are links."""
    out, last = [], 0
    for match in _LINK.finditer(text):
        out.append(_breakable(text[last:match.start()]))
        out.append(f'<a href="{html.escape(match.group(2))}">{_breakable(match.group(1))}</a>')
        last = match.end()
    return "".join(out) + _breakable(text[last:])


STYLE = """
body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;
 line-height:1.45;color:#111;background:#fff}
h1{font-size:1.7rem;line-height:1.2}h2{margin-top:2.2rem;border-bottom:1px solid #bbb}
a{color:#0645ad}a:visited{color:#4b2a85}
p.lead{font-size:1.1rem}
nav ul{padding-left:1.2rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.82rem;width:100%}
th,td{border:1px solid #888;padding:.2rem .4rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#eef0f3}
td.n{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;font-style:italic;padding:.3rem 0;color:#222}
figure{margin:1.5rem 0}img{max-width:100%;height:auto}figcaption{font-style:italic;color:#222}
.synthetic{background:#fdd;border:2px solid #900;padding:1rem;color:#000}
@media screen and (max-width:60rem){body{padding:0 .5rem}table{font-size:.7rem}th,td{padding:.1rem .2rem}}
@media print{
 @page{size:A4;margin:14mm 12mm}
 body{max-width:none;margin:0;padding:0;font-size:9.5pt}
 h2{break-after:avoid;page-break-after:avoid}
 caption{break-after:avoid}
 table{font-size:7.5pt;break-inside:auto}
 thead{display:table-header-group}
 tr,td,th{break-inside:avoid;page-break-inside:avoid}
 figure,img{break-inside:avoid;page-break-inside:avoid}
 img{max-height:22cm}
 nav{display:none}
 a{color:#000}
 p.lead{font-size:10.5pt}
 h3{font-size:11pt}
}
""".strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def to_html(title: str, blocks: list[Block]) -> str:
    esc = html.escape
    body = [f"<h1>{esc(title)}</h1>"]
    for block in blocks:
        if isinstance(block, Heading):
            anchor = block.anchor or _slug(block.text)
            body.append(f'<h{block.level} id="{esc(anchor)}">{esc(block.text)}</h{block.level}>')
        elif isinstance(block, Paragraph):
            body.append(f'<p class="lead">{_inline(block.text)}</p>' if block.lead else f"<p>{_inline(block.text)}</p>")
        elif isinstance(block, Banner):
            body.append(f'<p class="synthetic"><strong>{esc(block.text)}</strong></p>')
        elif isinstance(block, Table):
            frame = presented(block.frame)
            head = "".join(f'<th scope="col">{_breakable(c)}</th>' for c in _header(frame))
            rows = "".join("<tr>" + "".join(
                f'<td class="n">{esc(v)}</td>' if _NUMERIC.match(v) else f"<td>{_inline(v)}</td>" for v in row)
                + "</tr>" for row in _rows(frame))
            body.append(f"<table><caption>{_inline(block.caption)}</caption><thead><tr>{head}</tr></thead>"
                        f"<tbody>{rows}</tbody></table>")
        elif isinstance(block, Figure):
            data = base64.b64encode(block.png).decode("ascii")
            body.append(f'<figure><img alt="{esc(block.alt or block.caption)}" src="data:image/png;base64,{data}">'
                        f"<figcaption>{_inline(block.caption)}</figcaption></figure>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
