"""Code versions derived from the code an asset runs, so that Dagster's staleness view and MANIFEST.json say
which assets a code change touches.

An asset's code version hashes the source of its compute function and of everything in `pipeline` it reaches,
followed name by name through the bytecode: functions and classes (recursively, parameter types included), the
attributes it reads from `pipeline` modules (`towns.ucr_town_by_year`, not all of towns.py), module-level
constants by value (SQL strings, tables of checks) and data files beside a module that the code names
(`"schema.sql"`). Third-party code is not followed: uv.lock pins it. Editing one metric's SQL therefore changes
the versions of the assets that run that query and of no other asset.
"""

from __future__ import annotations

import dataclasses
import dis
import enum
import hashlib
import importlib
import inspect
import re
import sys
import types
from collections.abc import Callable, Sequence
from pathlib import Path

PACKAGE = "pipeline"
_GLOBAL_LOADS = {"LOAD_GLOBAL", "LOAD_NAME"}
_ATTRIBUTE_LOADS = {"LOAD_ATTR", "LOAD_METHOD"}
_LOCAL_LOADS = {"LOAD_FAST", "LOAD_DEREF", "LOAD_CLOSURE"}
_LOCAL_STORES = {"STORE_FAST", "STORE_NAME", "STORE_DEREF", "STORE_GLOBAL"}
_FILE_NAME = re.compile(r"^[\w.-]{1,100}\.\w{1,10}\Z")

# What each piece of code reaches, computed once per process: {key: (text hashed, keys of what it reaches)}.
_GRAPH: dict[str, tuple[str, tuple[str, ...]]] = {}


def code_version_of(fn: Callable) -> str:
    """16 hex digits of a sha256 over the sources and values `fn` reaches in `pipeline`; the same code gives
    the same version in every process (no memory addresses, no absolute paths, sets sorted)."""
    digest = hashlib.sha256()
    for key, text in sorted(reached(fn).items()):
        digest.update(f"{key}\0{text}\0".encode())
    return digest.hexdigest()[:16]


def reached(fn: Callable) -> dict[str, str]:
    """{key: text} of everything `fn` reaches: "module:qualname" (source), "module.NAME" (a constant's value),
    "module/file" (a data file's sha256)."""
    seen: dict[str, str] = {}
    pending = [_function(fn)]
    while pending:
        key = pending.pop()
        if key not in seen:
            text, children = _GRAPH[key]
            seen[key] = text
            pending.extend(children)
    return {key: text for key, text in seen.items() if text}


def compute_fn(assets_def) -> Callable:
    """The Python function an asset definition runs."""
    fn = assets_def.op.compute_fn
    return getattr(fn, "decorated_fn", fn)


def with_code_versions(assets_defs: Sequence) -> list:
    """Every asset definition with the code version of the function it runs (replacing any declared one)."""
    versioned = []
    for assets_def in assets_defs:
        version = code_version_of(compute_fn(assets_def))
        versioned.append(assets_def.map_asset_specs(lambda spec, v=version: spec.replace_attributes(code_version=v)))
    return versioned


def asset_code_versions(asset_graph) -> dict[str, dict[str, str | None]]:
    """{asset key: {"code_version": ...}} for every asset of a Dagster asset graph, sorted by key."""
    return {key.to_user_string(): {"code_version": asset_graph.get(key).code_version}
            for key in sorted(asset_graph.get_all_asset_keys(), key=lambda k: k.to_user_string())}


# -- the graph ------------------------------------------------------------------------------------------------


def _ours(obj) -> bool:
    name = obj.__name__ if isinstance(obj, types.ModuleType) else getattr(obj, "__module__", None)
    return isinstance(name, str) and _ours_by_name(name)


def _ours_by_name(name: str) -> bool:
    return name == PACKAGE or name.startswith(PACKAGE + ".")


def _add(key: str, build: Callable[[], tuple[str, list[str]]]) -> str:
    if key not in _GRAPH:
        _GRAPH[key] = ("", ())  # a cycle back to this key ends here
        text, children = build()
        _GRAPH[key] = (text, tuple(sorted(set(children) - {key})))
    return key


def _source(obj, key: str) -> str:
    try:
        return inspect.getsource(obj)
    except (OSError, TypeError):  # no file (generated code): its bytecode and constants stand in
        code = getattr(obj, "__code__", None)
        return f"{code.co_code.hex()} {code.co_consts!r}" if code else key


def _function(fn) -> str:
    fn = inspect.unwrap(fn)
    key = f"{fn.__module__}:{fn.__qualname__}"
    return _add(key, lambda: (_source(fn, key), [_body(fn, key + ":body")]))


def _class(cls: type) -> str:
    key = f"{cls.__module__}:{cls.__qualname__}"

    def build():
        children = [_class(base) for base in cls.__bases__ if _ours(base)]
        for name, member in vars(cls).items():
            for fn in (member, getattr(member, "__func__", None), getattr(member, "fget", None),
                       getattr(member, "fset", None)):
                if inspect.isfunction(fn) and not fn.__code__.co_filename.startswith("<"):  # not generated
                    children.append(_body(inspect.unwrap(fn), f"{key}.{name}:body"))
        return _source(cls, key), children

    return _add(key, build)


def _body(fn: types.FunctionType, key: str) -> str:
    """What a function's body, defaults, closure and parameter types reach (its source is its own node)."""

    def build():
        children: list[str] = []
        module = sys.modules.get(fn.__module__)
        folder = Path(module.__file__).parent if getattr(module, "__file__", None) else None
        _code(fn.__code__, fn.__globals__, folder, children)
        defaults = (*(fn.__defaults__ or ()), *(fn.__kwdefaults__ or {}).values())
        text = "; ".join(_canonical(value, children) for value in defaults)
        for cell in fn.__closure__ or ():  # code in a closure is followed; data in it (a manifest entry) is not
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            if (inspect.isfunction(value) or inspect.isclass(value)) and _ours(value):
                _reference(value, None, children)
        try:
            annotations = inspect.get_annotations(fn, eval_str=True)
        except Exception:  # an annotation that cannot be evaluated names nothing to follow
            annotations = {}
        for annotation in annotations.values():  # parameter types: their methods run on the inputs
            _annotation(annotation, children)
        return text, children

    return _add(key, build)


def _annotation(annotation, children: list[str]) -> None:
    if inspect.isclass(annotation) and _ours(annotation):
        children.append(_class(annotation))
    for argument in getattr(annotation, "__args__", ()):
        _annotation(argument, children)


def _code(code: types.CodeType, namespace: dict, folder: Path | None, children: list[str]) -> None:
    instructions = list(dis.get_instructions(code))
    imported: dict[str, types.ModuleType] = {}  # modules bound by an import inside the function
    for i, instruction in enumerate(instructions):
        if instruction.opname == "IMPORT_NAME" and _ours_by_name(instruction.argval):
            _local_import(instructions, i, imported, children)
            continue
        if instruction.opname in _GLOBAL_LOADS and instruction.argval in namespace:
            value = namespace[instruction.argval]
        elif instruction.opname in _LOCAL_LOADS and instruction.argval in imported:
            value = imported[instruction.argval]
        else:
            continue
        name = f"{namespace.get('__name__')}.{instruction.argval}"
        for following in instructions[i + 1:]:  # towns.ucr_town_by_year: the attribute, not the whole module
            if (not isinstance(value, types.ModuleType) or following.opname not in _ATTRIBUTE_LOADS
                    or not hasattr(value, following.argval)):
                break
            name, value = f"{value.__name__}.{following.argval}", getattr(value, following.argval)
        _reference(value, name, children)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):  # nested functions, lambdas, comprehensions
            _code(constant, namespace, folder, children)
        elif isinstance(constant, str) and folder and _FILE_NAME.match(constant) and not constant.endswith(".py"):
            path = folder / constant
            if path.is_file():  # "schema.sql" beside the module
                key = f"{namespace.get('__name__')}/{constant}"
                children.append(_add(key, lambda p=path: (hashlib.sha256(p.read_bytes()).hexdigest(), [])))


def _local_import(instructions: list[dis.Instruction], at: int, imported: dict, children: list[str]) -> None:
    """`from pipeline.x import f` inside a function follows f; a module it binds (`from pipeline import x`,
    `import pipeline.x as y`) is remembered, so that the attributes read from it are followed."""
    name = instructions[at].argval
    fromlist = instructions[at - 1].argval if at and instructions[at - 1].opname == "LOAD_CONST" else None
    module = importlib.import_module(name)
    top = module if fromlist else importlib.import_module(name.partition(".")[0])
    pushed = None
    for following in instructions[at + 1:]:
        if following.opname == "IMPORT_FROM":
            pushed = getattr(top, following.argval, None)
            if pushed is not None and not isinstance(pushed, types.ModuleType):
                _reference(pushed, f"{top.__name__}.{following.argval}", children)
        elif following.opname == "SWAP" and isinstance(pushed, types.ModuleType):  # import a.b as c
            top, pushed = pushed, None
        elif following.opname in _LOCAL_STORES:
            value = top if pushed is None else pushed
            if isinstance(value, types.ModuleType):
                imported[following.argval] = value
            pushed = None
            if not fromlist:
                return
        elif following.opname != "POP_TOP":
            return


def _reference(value, name: str | None, children: list[str]) -> None:
    if isinstance(value, types.ModuleType):
        return  # a module used whole names no particular code; the attributes read from it are followed
    if hasattr(value, "__wrapped__") and not inspect.isclass(value):
        value = inspect.unwrap(value)
    if inspect.isfunction(value):
        if _ours(value):
            children.append(_function(value))
    elif inspect.isclass(value):
        if _ours(value):
            children.append(_class(value))
    elif name and _ours_by_name(name) and _is_data(value):
        def build():
            reaches: list[str] = []
            return _canonical(value, reaches), reaches
        children.append(_add(name, build))


def _is_data(value) -> bool:
    """Values recorded as part of the code: literals, containers, compiled patterns, dataclass and enum values."""
    return (value is None or isinstance(value, (str, bytes, int, float, complex, tuple, list, dict, set, frozenset,
                                                 re.Pattern, enum.Enum))
            or (dataclasses.is_dataclass(value) and not isinstance(value, type)))


def _canonical(value, children: list[str], depth: int = 0) -> str:
    """A deterministic text of a value: no memory addresses, sets sorted, code named (and followed)."""
    if depth > 20:
        return "..."

    def inner(v) -> str:
        return _canonical(v, children, depth + 1)

    if value is None or isinstance(value, (bool, int, float, complex, str, bytes)):
        return repr(value)
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    if isinstance(value, re.Pattern):
        return f"re.compile({value.pattern!r}, {int(value.flags)})"
    if isinstance(value, (tuple, list)):
        return f"{type(value).__name__}({', '.join(inner(v) for v in value)})"
    if isinstance(value, dict):  # insertion order is part of the code (a column order)
        return "{" + ", ".join(f"{inner(k)}: {inner(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (set, frozenset)):
        return f"{type(value).__name__}({', '.join(sorted(inner(v) for v in value))})"
    if inspect.isfunction(value) or inspect.isclass(value):
        _reference(value, None, children)
        return f"<{value.__module__}:{value.__qualname__}>"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if _ours(type(value)):
            children.append(_class(type(value)))
        fields = ", ".join(f"{f.name}={inner(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__qualname__}({fields})"
    return f"<{type(value).__module__}.{type(value).__qualname__}>"
