import time
from pathlib import Path

import pytest
import yaml

from pipeline.sources.manifest import (
    ManifestError,
    Source,
    append_source,
    load_manifest,
    sources_of,
    validate_entry,
)
from tests.conftest import REPO_ROOT

MANIFEST = REPO_ROOT / "raw" / "sources.yaml"
_IDS = [entry["id"] for entry in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["sources"]]
COUNT = len(_IDS)  # entries of the real manifest; a new entry is source #COUNT + 1
PCSW = _IDS.index("pcsw_tipc_2005_2014") + 1  # the tracked entry the path tests break
NEW_ENTRY = {"id": "tipc_2017", "kind": "tracked", "dataset": "tipc_report", "title": "t", "publisher": "p",
             "path": "tipc/r.pdf", "filename": "r.pdf", "sha256": "a" * 64, "size": 1, "license": "MIT",
             "period": [2017, 2017], "format": "pdf", "synthetic": True}


def refused(call, *fragments: str) -> str:
    """The call raises ManifestError with ONE line holding every fragment (file, entry, field...)."""
    with pytest.raises(ManifestError) as caught:
        call()
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message, message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return message


def real_document() -> dict:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def write(folder: Path, document, name: str = "sources.yaml") -> Path:
    path = folder / name
    path.write_text(document if isinstance(document, str) else yaml.safe_dump(document, sort_keys=False))
    return path


def test_manifest_lists_every_real_input_with_provenance():
    sources = load_manifest(MANIFEST)
    ids = [s.id for s in sources]
    assert ids[:7] == [f"ucr_arrests_{year}" for year in range(2010, 2017)]
    assert {"ct_towns", "dph_population", "ct_population_2020_2023", "pcsw_tipc_2005_2014"} <= set(ids)
    for source in sources:
        assert len(source.sha256) == 64 and source.size > 0 and source.license and not source.synthetic
        if source.kind == "download":
            assert source.url.startswith("https://raw.githubusercontent.com/") and source.url.endswith((".csv", ".pdf"))
            commit = source.url.split("/")[5]
            assert len(commit) == 40, f"{source.id} is not pinned to a commit"
    assert [s.year for s in sources_of(sources, "ucr_arrests")] == list(range(2010, 2017))


def test_the_real_manifest_loads_to_the_same_values_as_before_typing():
    sources = {s.id: s for s in load_manifest(MANIFEST)}
    assert len(sources) == COUNT
    assert list(sources)[7:] == ["statab_2012_table324", "fbi_asr_national_adults", "fbi_asr_national_juvenile",
                                 "ct_towns", "dph_population", "ct_population_2020_2023",
                                 "pcsw_tipc_2005_2014", "ucr_agency_crosswalk", "statutes", "measures",
                                 "spec_statab_2012_table324", "validation_exceptions"]
    assert {i: s.period for i, s in sources.items() if not i.startswith("ucr_arrests")} == {
        "statab_2012_table324": (2009, 2009), "fbi_asr_national_adults": (1994, 2016),
        "fbi_asr_national_juvenile": (1994, 2016), "ct_towns": (2019, 2019), "dph_population": (1996, 2020),
        "ct_population_2020_2023": (2020, 2023), "pcsw_tipc_2005_2014": (2005, 2014),
        "ucr_agency_crosswalk": (2010, 2016), "statutes": (2005, 2016), "measures": (2005, 2016),
        "spec_statab_2012_table324": (2009, 2009), "validation_exceptions": (2010, 2016)}
    ucr = sources["ucr_arrests_2012"]
    assert isinstance(ucr, Source) and ucr.year == 2012 and ucr.period == (2012, 2012)
    assert (ucr.kind, ucr.size, ucr.synthetic, ucr.format) == ("download", 352561, False, "ucr_wide_csv")
    assert ucr.sha256 == "e524664b92918591e95b644789afa7c91b8ccd36591995278c7ff50a4f001c3f"
    assert ucr.mirror_path == "ct-ucr-arrests/Uniform_Crime_Reporting_System_Arrests_2012.csv"
    assert isinstance(ucr.notes, tuple) and len(ucr.notes) == 3 and ucr.path is None
    assert ucr.suppression_range is None and ucr.citation is None
    exceptions = sources["validation_exceptions"]
    assert (exceptions.kind, exceptions.path, exceptions.upstream_url) == ("tracked", "validation_exceptions.yaml",
                                                                          None)


def test_tracked_published_figures_are_cited_and_hashed():
    (published,) = sources_of(load_manifest(MANIFEST), "published_judicial")
    assert published.kind == "tracked" and "PCSW" in published.citation and published.period == (2005, 2014)
    assert (REPO_ROOT / "raw" / published.path).stat().st_size == published.size


def _set(position: int, field: str, value):
    def change(document: dict) -> None:
        document["sources"][position - 1][field] = value
    return change


def _drop(position: int, *fields: str):
    def change(document: dict) -> None:
        for field in fields:
            del document["sources"][position - 1][field]
    return change


# (change to the real manifest, field named in the message, words of the problem)
DEFECTS = {
    "period as text": (_set(3, "period", "2012"), "period", "must be two years [first, last], got '2012'"),
    "period of one year": (_set(3, "period", [2012]), "period", "must be two years"),
    "period of three years": (_set(3, "period", [2012, 2013, 2014]), "period", "must be two years"),
    "period with text years": (_set(3, "period", ["2012", "2012"]), "period", "must be two years"),
    "period with a bool": (_set(3, "period", [True, 2012]), "period", "must be two years"),
    "period backwards": (_set(3, "period", [2013, 2012]), "period", "first year comes after the last"),
    "period out of range": (_set(3, "period", [12, 2012]), "period", "within 1800-2200"),
    "sha256 upper case": (_set(3, "sha256", "E" * 64), "sha256", "64 lowercase hexadecimal digits"),
    "sha256 short": (_set(3, "sha256", "e" * 63), "sha256", "64 lowercase hexadecimal digits"),
    "sha256 as a number": (_set(3, "sha256", 12), "sha256", "must be text"),
    "size as text": (_set(3, "size", "352561"), "size", "whole number, got '352561'"),
    "size negative": (_set(3, "size", -1), "size", ">= 0"),
    "size a bool": (_set(3, "size", True), "size", "whole number, got True"),
    "size a decimal": (_set(3, "size", 1.5), "size", "whole number"),
    "synthetic as text": (_set(3, "synthetic", "false"), "synthetic", "true or false, got 'false'"),
    "synthetic as a number": (_set(3, "synthetic", 0), "synthetic", "true or false"),
    "unknown kind": (_set(3, "kind", "ftp"), "kind", "'download' or 'tracked'"),
    "unknown field": (_set(3, "sha265", "e" * 64), "sha265", "unknown field"),
    "missing title": (_drop(3, "title"), "title", "missing"),
    "empty title": (_set(3, "title", "  "), "title", "must not be empty"),
    "null license": (_set(3, "license", None), "license", "must be text, got None"),
    "download without a url": (_drop(3, "url", "mirror_path"), "url", "needs url or mirror_path"),
    "url not http": (_set(3, "url", "file:///etc/passwd"), "url", "http:// or https://"),
    "mirror_path up": (_set(3, "mirror_path", "a/../../x.csv"), "mirror_path", "leaves its folder"),
    "mirror_path absolute": (_set(3, "mirror_path", "/etc/passwd"), "mirror_path", "leaves its folder"),
    "filename in a folder": (_set(3, "filename", "a/b.csv"), "filename", "one plain file name"),
    "filename up": (_set(3, "filename", ".."), "filename", "one plain file name"),
    "notes not text": (_set(3, "notes", ["a", 3]), "notes[1]", "must be text, got 3"),
    "suppression range backwards": (_set(3, "suppression_range", [4, 1]), "suppression_range", "low <= high"),
    "dataset with spaces": (_set(3, "dataset", "UCR arrests"), "dataset", "lowercase"),
}


@pytest.mark.parametrize("name", list(DEFECTS))
def test_each_defect_is_one_line_naming_file_entry_and_field(tmp_path: Path, name: str):
    change, field, problem = DEFECTS[name]
    document = real_document()
    change(document)
    path = write(tmp_path, document)
    refused(lambda: load_manifest(path), f"{path}: source #3 (ucr_arrests_2012): {field}: ", problem)


@pytest.mark.parametrize(("field", "value"), [("path", "/etc/passwd"), ("path", "../sources.yaml"),
                                              ("path", "published/../../x.csv")])
def test_tracked_paths_outside_raw_are_refused(tmp_path: Path, field: str, value: str):
    document = real_document()
    _set(PCSW, field, value)(document)
    path = write(tmp_path, document)
    refused(lambda: load_manifest(path), f"{path}: source #{PCSW} (pcsw_tipc_2005_2014): {field}: leaves its folder",
            repr(value))


def test_a_tracked_file_without_a_path_is_refused(tmp_path: Path):
    document = real_document()
    _drop(PCSW, "path")(document)
    path = write(tmp_path, document)
    refused(lambda: load_manifest(path), f"{path}: source #{PCSW} (pcsw_tipc_2005_2014): path: missing")


def test_an_id_ending_in_a_newline_is_refused(tmp_path: Path):
    document = real_document()
    _set(3, "id", "ucr_arrests_2012\n")(document)
    path = write(tmp_path, document)
    message = refused(lambda: load_manifest(path), f"{path}: source #3 ('ucr_arrests_2012\\n'): id: ",
                      "lowercase letters")
    assert message.count("\\n") == 2  # shown escaped, in the entry and in the value


@pytest.mark.parametrize("bad", ["x'; DROP TABLE facts; --", "Upper", "a", "_a", "a" * 64, "abc\n", "ab c"])
def test_hostile_ids_are_refused(tmp_path: Path, bad: str):
    document = real_document()
    _set(1, "id", bad)(document)
    path = write(tmp_path, document)
    refused(lambda: load_manifest(path), f"{path}: source #1 (", "): id: ", "lowercase letters")


def test_a_tracked_path_that_is_a_symlink_out_of_raw_is_refused(tmp_path: Path):
    raw = tmp_path / "raw"
    (raw / "published").mkdir(parents=True)
    outside = tmp_path / "secret.csv"
    outside.write_text("x\n")
    (raw / "published" / "pcsw_tipc_2005_2014.csv").symlink_to(outside)
    path = write(raw, real_document())
    refused(lambda: load_manifest(path), f"{path}: source #{PCSW} (pcsw_tipc_2005_2014): path: ",
            "leaves its folder", "through a symlink", str(outside))


def test_a_folder_symlinked_out_of_raw_is_refused_and_one_inside_is_accepted(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (raw / "published").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    path = write(raw, real_document())
    refused(lambda: load_manifest(path), f"source #{PCSW} (pcsw_tipc_2005_2014): path: ", "through a symlink")
    (raw / "published").unlink()
    (raw / "kept").mkdir()
    (raw / "published").symlink_to(raw / "kept", target_is_directory=True)
    assert len(load_manifest(path)) == COUNT


def test_top_level_problems_are_one_line(tmp_path: Path):
    refused(lambda: load_manifest(write(tmp_path, "sources: []\n")), "top level: sources: must not be empty")
    refused(lambda: load_manifest(write(tmp_path, "- a\n")), "top level: must be a mapping")
    refused(lambda: load_manifest(write(tmp_path, "")), "top level: must be a mapping")
    refused(lambda: load_manifest(write(tmp_path, {**real_document(), "extra": 1})), "top level: extra: unknown")
    refused(lambda: load_manifest(write(tmp_path, {**real_document(), "manifest_version": 2})),
            "top level: manifest_version: must be 1")
    document = real_document()
    document["sources"][3] = "ucr_arrests_2013"
    refused(lambda: load_manifest(write(tmp_path, document)), "source #4: entry: must be a mapping")
    refused(lambda: load_manifest(tmp_path / "absent.yaml"), f"{tmp_path / 'absent.yaml'}: cannot read")


def test_missing_fields_are_all_named_on_one_line(tmp_path: Path):
    path = write(tmp_path, "sources:\n  - id: ab\n    kind: download\n")
    refused(lambda: load_manifest(path), f"{path}: source #1 (ab): dataset: missing; title: missing; publisher: "
                                         "missing (+")


def test_duplicate_ids_are_refused(tmp_path: Path):
    entry = MANIFEST.read_text().split("sources:\n", 1)[1].split("  - id: ucr_arrests_2011")[0]
    path = write(tmp_path, "sources:\n" + entry + entry)
    refused(lambda: load_manifest(path), f"{path}: source #2 (ucr_arrests_2010): id: appears twice",
            "source #1")


def _billion_laughs(levels: int = 9) -> str:
    text = 'lol0: &lol0 "lol"\n'
    for level in range(1, levels + 1):
        text += f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * 10) + "]\n"
    return text


def test_an_alias_bomb_in_title_fails_fast_in_one_line(tmp_path: Path):
    bomb = _billion_laughs()
    text = MANIFEST.read_text()
    text = text.replace("manifest_version: 1\n", bomb, 1)  # anchors at the top level, used in a title
    text = text.replace('    title: "Uniform Crime Reporting System Arrests 2012 (arrests by reporting agency, '
                        'offence x age / race / sex)"\n', "    title: *lol9\n", 1)
    path = write(tmp_path, text)
    started = time.perf_counter()
    refused(lambda: load_manifest(path), f"{path}: line ", "YAML aliases", "alias expansion is bounded")
    assert time.perf_counter() - started < 2


def test_a_few_aliases_that_double_are_refused_by_their_expanded_size(tmp_path: Path):
    text = "a0: &a0 [" + ", ".join(["1"] * 1000) + "]\n"
    text += "".join(f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}]\n" for n in range(1, 31))  # 60 aliases, 2^30 x 1000
    path = write(tmp_path, text + "sources: []\n")
    refused(lambda: load_manifest(path), f"{path}: line ", "expands to more than 1,000,000 YAML nodes")


def test_a_few_aliases_are_still_allowed(tmp_path: Path):
    text = MANIFEST.read_text().replace("    license: MIT\n", "    license: &mit MIT\n", 1)
    text = text.replace("    license: MIT\n", "    license: *mit\n")
    assert "*mit" in text
    path = write(tmp_path, text)
    assert load_manifest(path) == load_manifest(MANIFEST)


@pytest.mark.parametrize(("text", "problem"), [
    ("a: &a [*a]\nsources: []\n", "recursive alias"),
    ("sources: " + "[" * 200 + "]" * 200 + "\n", "nested deeper than 64 levels"),
    ("sources: [\n  - a: b\n", "not valid YAML"),
    ("sources: !!python/object/apply:os.system [ls]\n", "not valid YAML: could not determine a constructor"),
    ("sources:\n  - id: ab\n    id: cd\n", "key 'id' appears twice"),
])
def test_hostile_yaml_is_one_line(tmp_path: Path, text: str, problem: str):
    path = write(tmp_path, text)
    refused(lambda: load_manifest(path), f"{path}: line ", problem)


def test_a_file_over_one_megabyte_is_refused_before_parsing(tmp_path: Path):
    path = write(tmp_path, MANIFEST.read_text() + "#" * 1_000_000 + "\n")
    refused(lambda: load_manifest(path), f"{path}: larger than 1,000,000 bytes: refused before parsing")


def test_validate_entry_checks_without_writing(tmp_path: Path):
    path = write(tmp_path, MANIFEST.read_text())
    before = path.read_bytes()
    source = validate_entry(path, NEW_ENTRY)  # the file raw/tipc/r.pdf need not exist yet
    assert source.id == "tipc_2017" and source.period == (2017, 2017) and source.synthetic is True
    refused(lambda: validate_entry(path, {**NEW_ENTRY, "id": "ucr_arrests_2012"}),
            f"{path}: source #{COUNT + 1} (ucr_arrests_2012): id: already listed (source #3)")
    refused(lambda: validate_entry(path, {**NEW_ENTRY, "id": "tipc_2017\n"}),
            f"source #{COUNT + 1} ('tipc_2017\\n'): id: ")
    refused(lambda: validate_entry(path, {**NEW_ENTRY, "period": "2017"}), f"source #{COUNT + 1} (tipc_2017): period: ")
    refused(lambda: validate_entry(path, {**NEW_ENTRY, "path": "../r.pdf"}), f"source #{COUNT + 1} (tipc_2017): path: ")
    (tmp_path / "out").mkdir()
    (tmp_path / "tipc").symlink_to(tmp_path / "out", target_is_directory=True)
    validate_entry(path, NEW_ENTRY)  # tmp_path is the manifest's folder: out/ is inside it
    raw = tmp_path / "raw"
    raw.mkdir()
    inner = write(raw, MANIFEST.read_text())
    (raw / "tipc").symlink_to(tmp_path / "out", target_is_directory=True)
    refused(lambda: validate_entry(inner, NEW_ENTRY), f"{inner}: source #{COUNT + 1} (tipc_2017): path: ",
            "through a symlink")
    assert path.read_bytes() == before and inner.read_text() == MANIFEST.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "raw", "sources.yaml", "tipc"]


def test_validate_entry_can_require_the_file_in_place(tmp_path: Path):
    import hashlib

    raw = tmp_path / "raw"
    raw.mkdir()
    path = write(raw, MANIFEST.read_text())
    refused(lambda: validate_entry(path, NEW_ENTRY, check_file=True),
            f"{path}: source #{COUNT + 1} (tipc_2017): path: no such file")
    (raw / "tipc").mkdir()
    (raw / "tipc" / "r.pdf").write_bytes(b"%PDF")
    refused(lambda: validate_entry(path, NEW_ENTRY, check_file=True), f"source #{COUNT + 1} (tipc_2017): size: ",
            "4 bytes")
    refused(lambda: validate_entry(path, {**NEW_ENTRY, "size": 4}, check_file=True),
            f"source #{COUNT + 1} (tipc_2017): sha256: ")
    exact = {**NEW_ENTRY, "size": 4, "sha256": hashlib.sha256(b"%PDF").hexdigest()}
    assert validate_entry(path, exact, check_file=True).size == 4
    (raw / "tipc" / "r.pdf").unlink()
    (tmp_path / "outside.pdf").write_bytes(b"%PDF")
    (raw / "tipc" / "r.pdf").symlink_to(tmp_path / "outside.pdf")
    refused(lambda: validate_entry(path, exact, check_file=True), f"source #{COUNT + 1} (tipc_2017): path: ",
            "through a symlink")


def test_append_source_keeps_the_manifest_valid(tmp_path: Path):
    path = write(tmp_path, MANIFEST.read_text())
    added = append_source(path, NEW_ENTRY)
    sources = load_manifest(path)
    assert sources[-1] == added and added.id == "tipc_2017" and len(sources) == len(load_manifest(MANIFEST)) + 1
    assert path.read_text().startswith(MANIFEST.read_text().rstrip("\n"))  # the rest, comments included, untouched
    before = path.read_bytes()
    refused(lambda: append_source(path, NEW_ENTRY), "already listed")
    for bad in ("../evil", "x'; DROP TABLE facts; --", "Upper", "abc\n"):
        refused(lambda bad=bad: append_source(path, {**NEW_ENTRY, "id": bad}), "id: ", "lowercase letters")
    refused(lambda: append_source(path, {**NEW_ENTRY, "id": "tipc_2018", "colour": "red"}), "colour: unknown")
    assert path.read_bytes() == before  # nothing written by a refused entry
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources.yaml"]  # no temporary file left
