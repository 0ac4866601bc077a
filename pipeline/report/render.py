"""One report model rendered twice: Markdown for diffs and reviews, self-contained HTML for reading."""

from __future__ import annotations

import base64
import html
import numbers
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str


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


Block = Heading | Paragraph | Banner | Table | Figure


_NUMERIC = re.compile(r"^[-+–]?[\d,.]+%?$|^–$")


def _is_year_column(column: str) -> bool:
    """Years print without a thousands separator."""
    return "year" in column or column.startswith("period")


def _cell(value: object, column: str = "") -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, numbers.Real) and float(value).is_integer():
        return str(int(value)) if _is_year_column(column) else f"{int(value):,}"
    if isinstance(value, numbers.Real):
        return f"{float(value):,.2f}"
    return str(value)


def _rows(frame: pd.DataFrame) -> list[list[str]]:
    columns = list(frame.columns)
    return [[_cell(v, c) for v, c in zip(row, columns, strict=True)]
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
            columns = list(block.frame.columns)
            out += [f"*{block.caption}*", "", "| " + " | ".join(columns) + " |",
                    "|" + "|".join("---" for _ in columns) + "|"]
            out += ["| " + " | ".join(row) + " |" for row in _rows(block.frame)]
            out.append("")
        elif isinstance(block, Figure):
            out += [f"![{block.caption}]({block.png_path})", "", f"*{block.caption}*", ""]
    return "\n".join(out).rstrip() + "\n"


def to_html(title: str, blocks: list[Block]) -> str:
    esc = html.escape
    body = [f"<h1>{esc(title)}</h1>"]
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{esc(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{esc(block.text)}</p>")
        elif isinstance(block, Banner):
            body.append(f'<p class="synthetic"><strong>{esc(block.text)}</strong></p>')
        elif isinstance(block, Table):
            head = "".join(f"<th>{esc(str(c))}</th>" for c in block.frame.columns)
            rows = "".join("<tr>" + "".join(
                f'<td class="n">{esc(v)}</td>' if _NUMERIC.match(v) else f"<td>{esc(v)}</td>" for v in row) + "</tr>"
                for row in _rows(block.frame))
            body.append(f"<table><caption>{esc(block.caption)}</caption><thead><tr>{head}</tr></thead>"
                        f"<tbody>{rows}</tbody></table>")
        elif isinstance(block, Figure):
            data = base64.b64encode(block.png).decode("ascii")
            body.append(f'<figure><img alt="{esc(block.caption)}" src="data:image/png;base64,{data}">'
                        f"<figcaption>{esc(block.caption)}</figcaption></figure>")
    style = ("body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem auto;"
             "padding:0 1rem;line-height:1.45;color:#111}"
             "table{border-collapse:collapse;margin:1rem 0;font-size:.85rem;display:block;max-width:100%;"
             "overflow-x:auto}"
             "th,td{border:1px solid #999;padding:.2rem .5rem;text-align:left;vertical-align:top;"
             "overflow-wrap:break-word}td.n{text-align:right;white-space:nowrap}"
             "caption{text-align:left;font-style:italic;padding:.3rem 0}img{max-width:100%}"
             ".synthetic{background:#fdd;border:2px solid #900;padding:1rem}")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{esc(title)}</title><style>{style}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
