"""LATEST is always true: whatever state a crash, a full disk or a person left it in, the next publish names the
version it built, older versions stay byte-identical and no temporary file survives."""

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.report.publish import LatestDamaged, PublishError, publish, read_latest
from tests.conftest import REPO_ROOT, tree_digest


def _files(label: str) -> dict[str, bytes]:
    return {"report.html": f"<p>{label}</p>\n".encode(), "metrics/a.csv": f"x\n{label}\n".encode(),
            "figures/f.svg": b"<svg/>\n"}


@pytest.fixture
def two_versions(tmp_path: Path) -> tuple[Path, str, str]:
    reports = tmp_path / "reports"
    old = publish(reports, "2005-2016", _files("old"), {"n": 1}).version
    new = publish(reports, "2005-2016", _files("new"), {"n": 2}).version
    return reports, old, new


def _hidden(reports: Path) -> list[str]:
    return sorted(p.name for p in reports.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize(("content", "said"), [
    (b"\xff\xfe\x00garbage\x9c" * 40, "not a version name"),
    (b"", "is empty"),
    (b"\n  \n", "is empty"),
    (b"../../..\n", "not a version name"),
    (b"2005-2016-000000000000\n", "not a published version"),
    (b"2005-2016-abcdef123456\nextra\n", "not a version name"),
])
def test_a_damaged_latest_is_named_in_one_line_and_the_next_publish_repairs_it(two_versions, content, said):
    reports, old, new = two_versions
    before = tree_digest(reports / old)
    (reports / "LATEST").write_bytes(content)
    with pytest.raises(LatestDamaged, match=said) as raised:
        read_latest(reports)
    assert "\n" not in str(raised.value) and "LATEST" in str(raised.value)
    published = publish(reports, "2005-2016", _files("new"), {"n": 2})
    assert not published.created and published.latest_was and said in published.latest_was
    assert read_latest(reports) == new and tree_digest(reports / old) == before and _hidden(reports) == []


def test_latest_moves_back_to_an_existing_version_when_that_is_what_was_built(two_versions):
    reports, old, new = two_versions
    assert read_latest(reports) == new
    again = publish(reports, "2005-2016", _files("old"), {"n": 1})
    assert again.version == old and not again.created and read_latest(reports) == old


def test_a_full_disk_at_the_latest_write_leaves_no_temporary_file_and_the_next_publish_repairs(two_versions,
                                                                                                monkeypatch):
    reports, old, _ = two_versions
    before = tree_digest(reports / old)
    real_replace = os.replace

    def full_at_latest(src, dst, *args, **kwargs):
        if Path(dst).name == "LATEST":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", full_at_latest)
    with pytest.raises(PublishError, match="could not be written .No space left on device.; the next run") as raised:
        publish(reports, "2005-2016", _files("third"), {"n": 3})
    assert "\n" not in str(raised.value)
    third = str(raised.value).split(" is published")[0]
    assert _hidden(reports) == [] and (reports / third / "MANIFEST.json").is_file()
    monkeypatch.setattr(os, "replace", real_replace)
    repaired = publish(reports, "2005-2016", _files("third"), {"n": 3})
    assert repaired.version == third and not repaired.created and read_latest(reports) == third
    assert tree_digest(reports / old) == before


def test_kill_9_between_the_version_rename_and_the_latest_write_then_a_true_latest(two_versions):
    reports, old, new = two_versions
    before = {name: tree_digest(reports / name) for name in (old, new)}
    script = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "import pipeline.report.publish as p\n"
        "real = os.replace\n"
        "def die_at_latest(src, dst, *a, **k):\n"
        "    if Path(dst).name == 'LATEST':\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real(src, dst, *a, **k)\n"
        "os.replace = die_at_latest\n"
        f"p.publish(Path({str(reports)!r}), '2005-2016', {_files('third')!r}, {{'n': 3}})\n"
    )
    killed = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    assert read_latest(reports) == new  # the new folder exists, LATEST not yet moved: a temporary file is left
    assert any(name.startswith(".LATEST.") for name in _hidden(reports))
    published = publish(reports, "2005-2016", _files("third"), {"n": 3})
    assert not published.created and read_latest(reports) == published.version and _hidden(reports) == []
    assert {name: tree_digest(reports / name) for name in (old, new)} == before


@pytest.mark.parametrize("damage", ["delete", "edit", "add"])
def test_a_damaged_version_is_never_reported_done_it_is_rebuilt_and_swapped_in(two_versions, damage):
    reports, old, new = two_versions
    intact = tree_digest(reports / new)
    before_old = tree_digest(reports / old)
    if damage == "delete":
        (reports / new / "metrics" / "a.csv").unlink()
    elif damage == "edit":
        (reports / new / "report.html").write_text("<p>edited</p>\n")
    else:
        (reports / new / "notes.txt").write_text("left here\n")
    published = publish(reports, "2005-2016", _files("new"), {"n": 2})
    assert published.version == new and not published.created
    assert published.repaired == {"delete": ("metrics/a.csv",), "edit": ("report.html",),
                                  "add": ("notes.txt",)}[damage]
    assert tree_digest(reports / new) == intact and tree_digest(reports / old) == before_old
    assert read_latest(reports) == new and _hidden(reports) == []


def test_a_latest_that_is_a_symbolic_link_is_refused_without_echoing_its_target(two_versions, tmp_path: Path):
    reports, _, _ = two_versions
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (reports / "LATEST").unlink()
    (reports / "LATEST").symlink_to(secret)
    with pytest.raises(LatestDamaged, match="is a symbolic link") as raised:
        read_latest(reports)
    assert "/bin/bash" not in str(raised.value)
    (reports / "LATEST").unlink()
    (reports / "LATEST").write_text("root:x:0:0:root:/root:/bin/bash\n")  # a file's content is never shown
    with pytest.raises(LatestDamaged, match="holds 32 bytes of text, which is not a version name") as raised:
        read_latest(reports)
    assert "/bin/bash" not in str(raised.value)
