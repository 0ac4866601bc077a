"""Hand-written YAML inputs (raw/sources.yaml, raw/validation_exceptions.yaml), read with bounds and typed.

`load_bounded_yaml` is yaml.safe_load with limits, checked before anything is built from the document:
- the file is refused above MAX_YAML_BYTES, before it is parsed (only that many bytes are ever read);
- at most MAX_ALIASES alias uses (`*name`, including `<<: *name` merges), and at most MAX_EXPANDED_NODES nodes
  once every alias is expanded: a "billion laughs" bomb is refused in one line before it is ever walked;
- a recursive alias, nesting deeper than MAX_DEPTH and a key given twice in one mapping are refused too
  (PyYAML would silently keep the last of two equal keys).

`one_line` turns a pydantic ValidationError into ONE line naming the file, the entry and the field, e.g.
`raw/sources.yaml: source #3 (ucr_arrests_2012): period: must be two years [first, last], got '2012'`.
Every ManifestError is one line: line breaks in what it quotes are escaped.
"""

from __future__ import annotations

import re
import reprlib
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, ValidationError
from pydantic_core import PydanticCustomError

MAX_YAML_BYTES = 1_000_000
MAX_ALIASES = 64
MAX_EXPANDED_NODES = 1_000_000
MAX_DEPTH = 64


class ManifestError(ValueError):
    """A hand-written input (the sources manifest, the validation exceptions) is malformed: fixing it is a human's
    job, so say exactly what is wrong, in one line naming the file, the entry and the field."""

    def __init__(self, message: str):
        super().__init__(_flatten(str(message)))


def _flatten(text: str) -> str:
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r")


_SHOW = reprlib.Repr()
_SHOW.maxstring = 80
_SHOW.maxother = 80
_SHOW.maxlist = _SHOW.maxtuple = _SHOW.maxdict = _SHOW.maxset = 6
_SHOW.maxlevel = 3


def show(value: Any) -> str:
    """A short, one-line rendering of a value as read from YAML (strings quoted, long ones cut)."""
    return _flatten(_SHOW.repr(value))


def show_id(value: Any) -> str:
    """An entry's id as it appears in a message: plain when it is a tidy name, quoted (escapes visible) otherwise."""
    if isinstance(value, str) and value and len(value) <= 80 and all(
            c.isalnum() or c in "_-." for c in value) and value.isascii():
        return value
    return show(value)


def entry_label(noun: str, position: int, entry: Any) -> str:
    """`source #3 (ucr_arrests_2012)`: the position (1-based, as written) and, when there is one, the id."""
    identifier = entry.get("id") if isinstance(entry, dict) else None
    return f"{noun} #{position}" + (f" ({show_id(identifier)})" if identifier is not None else "")


class _Refused(yaml.YAMLError):
    def __init__(self, mark, problem: str):
        super().__init__(problem)
        self.mark = mark
        self.problem = problem


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that counts aliases and nesting while composing, and refuses duplicate keys."""

    def __init__(self, stream):
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Refused(event.start_mark, f"more than {MAX_ALIASES} YAML aliases (*{event.anchor}): refused, "
                               "alias expansion is bounded")
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(self.peek_event().start_mark, f"nested deeper than {MAX_DEPTH} levels: refused")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: set = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                    continue
                key = self.construct_object(key_node)
                if key in seen:
                    raise _Refused(key_node.start_mark, f"key {show(key)} appears twice in one mapping")
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_expansion(root: yaml.Node) -> None:
    """Count the nodes the document has with every alias expanded (each shared node once per use), without
    expanding anything: sizes are memoised per node, iteratively (no recursion limit to hit)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            open_nodes.discard(key)
            size = 1 + sum(sizes[id(child)] for child in _children(node))
            if size > MAX_EXPANDED_NODES:
                raise _Refused(node.start_mark, f"expands to more than {MAX_EXPANDED_NODES:,} YAML nodes through "
                               "aliases: refused, alias expansion is bounded")
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise _Refused(node.start_mark, "a YAML alias refers to a node that contains it (recursive alias)")
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


def parse_bounded_yaml(text: str, source: str) -> Any:
    """Parse YAML text with the bounds above; any problem is one ManifestError line naming `source`."""
    loader = _BoundedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise ManifestError(f"{source}: {_yaml_problem(exc)}") from None
    except RecursionError:
        raise ManifestError(f"{source}: nested too deeply to read: refused") from None
    finally:
        loader.dispose()


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    if isinstance(exc, _Refused):
        return f"{where}{problem}"
    return f"{where}not valid YAML: {problem}" + (f" ({context})" if context else "")


def load_bounded_yaml(path: Path, what: str = "file") -> Any:
    """Read and parse a hand-written YAML file: refused above MAX_YAML_BYTES before parsing, then bounded YAML."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_YAML_BYTES + 1)
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    if len(data) > MAX_YAML_BYTES:
        raise ManifestError(f"{path}: larger than {MAX_YAML_BYTES:,} bytes: refused before parsing "
                            f"(a {what} is a short hand-written file)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{path}: not UTF-8 text (byte {exc.start}): refused") from None
    return parse_bounded_yaml(text, str(path))


_PLAIN_MESSAGES = {
    "missing": "missing",
    "extra_forbidden": "unknown field: refused (a field ctip does not read would be silently ignored)",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be a mapping",
    "model_type": "must be a mapping of fields",
    "too_short": "must not be empty",
}


def _field_name(loc: tuple) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += ("." if name else "") + str(part)
    return name or "entry"


def one_line(source: str, label: str, error: ValidationError, limit: int = 3) -> str:
    """`<file>: <entry>: <field>: <problem>, got <value>`; several problems are joined with '; ' (the first
    `limit`, missing fields first), never pydantic's multi-line dump."""
    errors = sorted(error.errors(include_url=False), key=lambda e: e["type"] != "missing")
    parts = []
    for item in errors[:limit]:
        message = _PLAIN_MESSAGES.get(item["type"]) or item["msg"].replace("Input should be", "must be", 1)
        got = "" if item["type"] == "missing" else f", got {show(item.get('input'))}"
        parts.append(f"{_field_name(item['loc'])}: {message}{got}")
    more = f" (+{len(errors) - limit} more)" if len(errors) > limit else ""
    return f"{source}: {label}: " + "; ".join(parts) + more


def refuse(message: str) -> PydanticCustomError:
    """A field's problem in the words of the one-line error (raised from a validator)."""
    return PydanticCustomError("ctip", message)


def matching(pattern: re.Pattern, message: str) -> AfterValidator:
    """A string field that must match `pattern` whole (fullmatch: "abc\\n" never passes for "abc")."""
    def check(value: str) -> str:
        if not pattern.fullmatch(value):
            raise refuse(message)
        return value

    return AfterValidator(check)


def _non_empty(value: str) -> str:
    if not value.strip():
        raise refuse("must not be empty")
    return value


NonEmptyText = Annotated[str, AfterValidator(_non_empty)]
