"""`ctip` as people who know git, uv or dbt expect it: help when run alone, a version, a description, option help
and examples for every command, names that say what they are, and JSON that carries the numbers the text shows."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from pipeline.cli import cli, main
from tests.conftest import REPO_ROOT, project_env

CTIP = str(Path(sys.executable).parent / "ctip")


def test_ctip_alone_prints_help_and_exits_0():
    done = subprocess.run([CTIP], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("Usage: ctip ")
    for name, command in cli.commands.items():  # each command with its one-line description
        assert re.search(rf"^  {re.escape(name)}\s+{re.escape(command.short_help)}", done.stdout, re.MULTILINE), name
    assert "Examples:" in done.stdout


def test_version_names_the_package_and_the_commit():
    from importlib.metadata import version

    done = subprocess.run([CTIP, "--version"], capture_output=True, text=True, timeout=60)
    commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                            text=True).stdout.strip()
    assert done.returncode == 0
    assert re.fullmatch(rf"ctip {re.escape(version('ctip'))} \(commit {commit}(-dirty)?\)\n", done.stdout), done.stdout


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_a_description_option_help_and_examples(name, capsys):
    command = cli.commands[name]
    assert command.short_help and len(command.short_help) <= 70 and command.help
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            assert parameter.help, (name, parameter.name)
        else:  # positional names say what they are
            assert parameter.metavar and parameter.metavar.isupper() and parameter.metavar not in ("FIRST", "SECOND")
    assert main([name, "--help"]) == 0
    shown = capsys.readouterr().out
    assert "Examples:" in shown and f"ctip {name}" in shown.split("Examples:")[1]


def test_diff_names_its_versions():
    assert [p.metavar for p in cli.commands["diff"].params if isinstance(p, click.Argument)] == \
        ["OLD_VERSION", "NEW_VERSION"]


def test_an_unknown_command_or_option_is_a_usage_error_with_exit_2(capsys):
    assert main(["frobnicate"]) == 2
    assert "No such command 'frobnicate'" in capsys.readouterr().err
    assert main(["sources", "--fetchh"]) == 2
    assert "No such option" in capsys.readouterr().err


def test_sources_json_lists_what_the_table_lists(capsys):
    assert main(["sources"]) == 0
    _, _, *rows = capsys.readouterr().out.splitlines()
    assert main(["sources", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(s["id"], s["dataset"], s["sha256"][:12]) for s in listed] == [tuple(r.split()[:3]) for r in rows]
    synthetic = {s["id"] for s in listed if s["synthetic"]}
    assert synthetic == {r.split()[0] for r in rows if r.split()[3:4] == ["yes"]}


@pytest.fixture
def published(pipeline_run, monkeypatch, tmp_path: Path) -> Path:
    """The session run's warehouse and a copy of its reports: what `ctip lineage`, `verify` and `diff` read."""
    reports = tmp_path / "reports"
    shutil.copytree(pipeline_run.settings.reports_dir, reports)
    for name, value in {"CTIP_RAW_DIR": REPO_ROOT / "raw", "CTIP_CACHE_DIR": pipeline_run.settings.cache_dir,
                        "CTIP_WAREHOUSE": pipeline_run.settings.warehouse_path, "CTIP_REPORTS_DIR": reports}.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    return reports


def _lineage(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["lineage", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_lineage_any_case_from_the_warehouse_or_a_version_with_the_same_numbers(published, capsys):
    code, text, _ = _lineage(capsys, "UCR_Town_Female_Arrests", "--town", "hartford", "--year", "2013")
    assert code == 0
    (headline,) = [line for line in text.splitlines() if not line.startswith("  ")]
    value = int(re.search(r"= ([\d,]+), the sum of", headline).group(1).replace(",", ""))
    assert "town=Hartford, year=2013" in headline
    for source in ([], ["--version", "LATEST"]):
        code, out, _ = _lineage(capsys, "ucr_town_female_arrests", "--town", "HARTFORD", "--year", "2013", "--json",
                                *source)
        (count,) = json.loads(out)["counts"]
        assert code == 0 and count["value"] == value and count["town"] == "Hartford" and count["year"] == 2013
        assert sum(int(c["cell_text"].replace(",", "")) for c in count["cells"]) == value
    code, from_version, _ = _lineage(capsys, "ucr_town_female_arrests", "--town", "hartford", "--year", "2013",
                                     "--version", "LATEST")
    assert code == 0 and from_version == text


def test_lineage_prints_no_placeholder_for_what_is_unknown(published, capsys):
    for metric in ("published_seller_arrests", "ucr_statewide_male_arrests"):
        code, out, _ = _lineage(capsys, metric)
        assert code == 0 and out.strip()
        assert not re.search(r"<NA>|\bnan\b|\bNone\b", out), out


def test_lineage_suggests_what_was_meant(published, capsys):
    code, out, err = _lineage(capsys, "ucr_town_femal_arrests")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "unknown metric 'ucr_town_femal_arrests'" in err and "did you mean ucr_town_female_arrests" in err
    code, out, _ = _lineage(capsys, "ucr_town_female_arrests", "--town", "Hartfrod", "--version", "LATEST")
    assert code == 1 and "for town 'Hartfrod'; did you mean Hartford" in out
    code, out, _ = _lineage(capsys, "ucr_town_female_arrests", "--year", "1999")
    assert code == 1 and "for year 1999; years: 2010–2016" in out


def test_verify_quiet_prints_one_line(published, capsys):
    assert main(["verify", "LATEST", "--quiet"]) == 0  # a real re-derivation, in this checkout
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).splitlines()
    assert len(lines) == 1 and re.match(r"ctip verify: \S+: identical to its re-derivation at commit", lines[0])


def test_verify_json_carries_what_the_text_says(published, capsys):
    version = (published / "LATEST").read_text().strip()
    figure = next((published / version / "figures").glob("*.svg"))
    figure.write_bytes(figure.read_bytes() + b"\n")  # tampered: named without re-deriving
    assert main(["verify", "LATEST"]) == 1
    text = capsys.readouterr().out
    assert main(["verify", "LATEST", "--json"]) == 1
    outcome = json.loads(capsys.readouterr().out)
    assert outcome["status"] == "altered" and outcome["altered"] == [f"figures/{figure.name}"]
    assert text.strip().endswith(", ".join(outcome["altered"]))


def test_diff_json_carries_the_numbers_the_text_prints(published, capsys):
    old = (published / "LATEST").read_text().strip()
    new = published / "2005-2016-bbbbbbbbbbbb"
    shutil.copytree(published / old, new)
    by_year = new / "metrics" / "ucr_statewide_by_year_sex.csv"
    by_year.write_text(by_year.read_text().replace("\n2010,female,292,", "\n2010,female,293,", 1))
    manifest = json.loads((new / "MANIFEST.json").read_text())
    manifest["inputs"][0]["sha256"] = "0" * 64
    (new / "MANIFEST.json").write_text(json.dumps(manifest))
    assert main(["diff", old, new.name]) == 0
    text = capsys.readouterr().out
    assert main(["diff", old, new.name, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    changed, total = (int(n) for n in re.search(r"Inputs: (\d+) of (\d+) changed", text).groups())
    moved = int(re.search(r"Metrics: (\d+) value\(s\) moved", text).group(1))
    assert (changed, total, moved) == (len(document["inputs"]["changed"]), document["inputs"]["total"],
                                       len(document["metrics"])) == (1, len(manifest["inputs"]), 1)
    assert document["metrics"][0] == {"table": "ucr_statewide_by_year_sex.csv", "key": "2010 / female",
                                      "column": "printed_statewide", "value_1": "292", "value_2": "293"}


@pytest.mark.parametrize("command", [["verify", "{id}"], ["diff", "{id}", "LATEST"],
                                     ["lineage", "published_seller_arrests", "--version", "{id}"]])
def test_a_version_id_thousands_of_characters_long_is_one_line(command: list[str], tmp_path: Path):
    long_id = "2005-2016-" + "a" * 5000
    done = subprocess.run([CTIP, *(part.format(id=long_id) for part in command)], capture_output=True, text=True,
                          timeout=120, env={**project_env(), "CTIP_REPORTS_DIR": str(tmp_path)}, cwd=REPO_ROOT)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 2 and len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert "(5,010 characters): not a report version" in lines[0] and len(lines[0]) < 300
