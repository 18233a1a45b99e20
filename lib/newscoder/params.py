"""Notebook parameters: read each notebook's `parameters` cell and check a run's values against it.

A parameters cell holds one `name: type = value  # help` per line. `read_parameters` parses it
with `ast` (never `eval`), and `check_parameters` fails before anything runs when a key is
unknown or missing, a value has the wrong type, or a path, codebook or model does not exist.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from .errors import ParameterError
from .model import model_package
from .paths import resolve_path
from .yamlio import read_mapping

TYPES: dict[str, type | tuple[type, ...]] = {"str": str, "int": int, "float": (int, float), "bool": bool, "list": list, "dict": dict}
# Parameters that name things which must exist before a run starts.
EXISTING_PATHS = {"corpus", "codebook"}
MODEL_PARAMETERS = {"model"}
# Parameters with a fixed set of values, and whole numbers that must be at least 1.
CHOICES = {"engine": ("local", "dask")}
POSITIVE = {"n_process"}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: Any
    help: str
    notebook: str


def parameters_cell(nb: nbformat.NotebookNode) -> str:
    """Return the source of the one cell tagged `parameters`."""
    cells = [c for c in nb.cells if c.cell_type == "code" and "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise ParameterError(f"A notebook needs exactly one cell tagged 'parameters'; found {len(cells)}.")
    return cells[0].source


def parse_parameters(source: str, notebook: str = "<cell>") -> list[Parameter]:
    """Parse `name: type = value  # help` lines.

    source (str): the parameters cell's source.
    notebook (str): the notebook's name, for messages.
    RETURNS (list[Parameter]): the declared parameters, in order.
    """
    comments = {
        tok.start[0]: tok.string.lstrip("#").strip()
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT
    }
    params = []
    for node in ast.parse(source).body:
        where = f"{notebook}, parameters cell line {node.lineno}"
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None):
            raise ParameterError(f"{where}: write each parameter as 'name: type = value  # help'.")
        type_name = ast.unparse(node.annotation)
        if type_name not in TYPES:
            raise ParameterError(f"{where}: type {type_name!r} is not one of {', '.join(TYPES)}.")
        if node.lineno not in comments:
            raise ParameterError(f"{where}: parameter {node.target.id!r} needs a '# help' comment.")
        if node.end_lineno != node.lineno or "=" in comments[node.lineno]:
            # papermill reads the cell line by line and skips lines with a second '='.
            raise ParameterError(f"{where}: keep {node.target.id!r} on one line, with no '=' in its help.")
        params.append(
            Parameter(node.target.id, type_name, ast.literal_eval(node.value), comments[node.lineno], notebook)
        )
    return params


def read_parameters(path: str | Path) -> list[Parameter]:
    """The parameters a notebook file declares."""
    path = Path(path)
    return parse_parameters(parameters_cell(nbformat.read(path, as_version=4)), path.name)


def load_params_file(path: str | Path) -> dict[str, Any]:
    """Read a parameters YAML file (a flat mapping) with the safe loader."""
    return read_mapping(
        path, ParameterError, what="Parameters file", missing="Pass --params with a YAML file like seeds/params.yaml."
    )


def check_parameters(values: dict[str, Any], declared: list[Parameter], *, source: str = "parameters") -> None:
    """Fail on unknown or missing keys, wrong types, missing paths and uninstalled models.

    values (dict): the run's parameter values.
    declared (list[Parameter]): what the notebooks declare.
    source (str): where the values came from, for messages.
    """
    by_name: dict[str, Parameter] = {}
    for p in declared:
        if p.name in by_name and by_name[p.name].type != p.type:
            raise ParameterError(
                f"Parameter {p.name!r} is declared as {by_name[p.name].type} in {by_name[p.name].notebook} "
                f"but as {p.type} in {p.notebook}; make them agree."
            )
        by_name.setdefault(p.name, p)
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise ParameterError(
            f"{source}: unknown parameter(s) {', '.join(unknown)}. Known parameters: {', '.join(sorted(by_name))}."
        )
    missing = sorted(set(by_name) - set(values))
    if missing:
        raise ParameterError(
            f"{source}: missing parameter(s) {', '.join(missing)}. "
            "List every parameter (copy seeds/params.yaml and edit it)."
        )
    for name, value in values.items():
        p = by_name[name]
        expected = TYPES[p.type]
        if isinstance(value, bool) and p.type != "bool" or not isinstance(value, expected):
            raise ParameterError(
                f"{source}: parameter {name!r} must be {p.type} ({p.help}); got {value!r} ({type(value).__name__})."
            )
        if name in CHOICES and value not in CHOICES[name]:
            raise ParameterError(f"{source}: parameter {name!r} must be one of {', '.join(CHOICES[name])}; got {value!r}.")
        if name in POSITIVE and value < 1:
            raise ParameterError(f"{source}: parameter {name!r} must be at least 1; got {value!r}.")
        if name in EXISTING_PATHS:
            resolve_path(value, name=name, must_exist=True)
        if name in MODEL_PARAMETERS and importlib.util.find_spec(model_package(value)) is None:
            raise ParameterError(
                f"{source}: parameter 'model' names {value!r}, which is not installed. "
                "Models come from the lock file (make env); nothing is downloaded at run time."
            )
