"""How the grid reader does on the line reader's own cases (issue 23's parity measure): its fuzz CI sample, its
kept regression layouts, its broken sample. No assertions; prints outcome counts and the first failures.

    CTIP_DATA_MIRROR=../shared/data .venv/bin/python -m tests.extract.meaning.parity_survey reg|ci|broken [N]
        [--reader lines]
"""

from __future__ import annotations

import argparse
import collections
import tempfile
import traceback
from pathlib import Path

import pytest

import tests.extract.test_tipc_fuzz as fuzz
from pipeline.extract.tidy import ExtractionError


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=["reg", "ci", "broken"])
    parser.add_argument("count", nargs="?", type=int, default=300, help="layouts of the CI sample")
    parser.add_argument("--reader", choices=["grid", "lines"], default="grid")
    parser.add_argument("--show", type=int, default=10, help="failures to print")
    args = parser.parse_args()
    if args.reader == "grid":
        from pipeline.extract.meaning import extract_tipc

        fuzz.extract_tipc = extract_tipc
    if args.which == "ci":
        items = [(None, report) for report in fuzz.ci_sample("reports", args.count, fuzz.SEED)]
    elif args.which == "broken":
        items = [(None, report) for report in fuzz.ci_sample("broken_reports", fuzz.BROKEN_EXAMPLES, fuzz.SEED + 1)]
    else:
        items = [(shows, fuzz.layouts.replay(choices, list(fuzz.TOWNS), broken))
                 for shows, broken, choices in fuzz.REGRESSIONS]
    out = Path(tempfile.mkdtemp(prefix="ctip-parity-"))
    outcomes: collections.Counter = collections.Counter()
    failures = []
    for shows, report in items:
        path = fuzz._write(report, out)
        try:
            if args.which == "broken" or getattr(report, "defect", None):
                fuzz.check_broken(report, out)
                outcomes["refused naming the defect"] += 1
                continue
            frame = fuzz._extract(path, report)
        except ExtractionError as exc:
            outcomes["refused"] += 1
            failures.append(("REFUSED", shows, path, str(exc)[:400]))
            continue
        except (pytest.fail.Exception, AssertionError) as exc:
            outcomes["broken, not refused for its defect"] += 1
            failures.append(("BAD", shows, path, str(exc)[:600]))
            continue
        except Exception:  # noqa: BLE001 - a survey: every crash is counted and shown
            outcomes["crash"] += 1
            failures.append(("CRASH", shows, path, traceback.format_exc()[-800:]))
            continue
        wrong = fuzz.mismatch(report, frame)
        outcomes["WRONG" if wrong else "exact"] += 1
        if wrong:
            failures.append(("WRONG", shows, path, wrong[:900]))
    print(dict(outcomes), f"(files in {out})")
    for kind, shows, path, text in sorted(failures, key=lambda f: f[0] != "WRONG")[:args.show]:
        print(f"\n=== {kind} {shows or ''} {path}\n{text}")


if __name__ == "__main__":
    main()
