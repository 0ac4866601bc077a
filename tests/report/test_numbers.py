"""Every number in the report's prose comes from a metrics CSV of the same version: a number no CSV holds (in any
of the formats the report prints) is a number typed into the text."""

import contextlib
import re

import pandas as pd

NUMBER = re.compile(r"(?<![\w.])[-+]?\d(?:[\d,]*\d)?(?:\.\d+)?%?")


def _renderings(value: float) -> set[str]:
    out = set()
    for scaled in (value, value * 100, (value - 1) * 100):
        for digits in (0, 1, 2, 3):
            text = f"{scaled:,.{digits}f}"
            out |= {text, text.lstrip("+-"), f"{scaled:+.{digits}f}"}
    return out


def _csv_numbers(folder) -> set[str]:
    known: set[str] = set()
    for path in (folder / "metrics").glob("*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for text in frame.to_numpy().ravel():
            for token in NUMBER.findall(str(text)):
                known.add(token.rstrip("%"))
                with contextlib.suppress(ValueError):
                    known |= _renderings(float(token.rstrip("%").replace(",", "")))
    return known


def test_every_number_in_the_summary_and_methods_is_in_a_metrics_csv(pipeline_run):
    reports = pipeline_run.settings.reports_dir
    folder = reports / (reports / "LATEST").read_text().strip()
    report = (folder / "report.md").read_text(encoding="utf-8")
    prose = [line for line in report.split("\n") if line and not line.startswith(("|", "*", "!", "#"))]
    known = _csv_numbers(folder) | {"95", "100,000", "53", "82", "83"}  # confidence level, rate base, statutes
    missing = sorted({token for line in prose for token in NUMBER.findall(line.replace("–", " "))
                      if token.rstrip("%").replace("−", "-") not in known})
    assert not missing, f"numbers in the report's text that no metrics CSV holds: {missing}"
