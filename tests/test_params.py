"""Parameters cells are parsed without eval, and bad run parameters fail before anything runs."""

from __future__ import annotations

import pytest

from newscoder.errors import ParameterError
from newscoder.params import check_parameters, parse_parameters, read_parameters
from newscoder.paths import project_root
from newscoder.runner import list_notebooks, plan_run

CELL = '''corpus: str = "seeds"  # corpus folder
top_n: int = 15  # how many
ratio: float = 0.5  # a share
flag: bool = False  # a switch
'''


def test_parse_parameters_reads_names_types_defaults_and_help():
    params = parse_parameters(CELL)
    assert [(p.name, p.type, p.default, p.help) for p in params] == [
        ("corpus", "str", "seeds", "corpus folder"),
        ("top_n", "int", 15, "how many"),
        ("ratio", "float", 0.5, "a share"),
        ("flag", "bool", False, "a switch"),
    ]


@pytest.mark.parametrize(
    "cell, message",
    [
        ("corpus = 'seeds'  # no type\n", "name: type = value"),
        ("corpus: str = 'seeds'\n", "help"),
        ("corpus: tuple = ()  # t\n", "not one of"),
        ("corpus: str = 'a'  # empty = first\n", "no '='"),
        ("corpus: str = __import__('os').getcwd()  # code\n", "malformed|literal|node"),
    ],
)
def test_malformed_parameters_cell_is_refused(cell, message):
    with pytest.raises((ParameterError, ValueError), match=message):
        parse_parameters(cell)


def test_every_notebook_has_one_valid_parameters_cell():
    notebooks = list_notebooks()
    assert notebooks, "no notebooks found"
    for nb in notebooks:
        assert read_parameters(nb), nb.name


def _declared():
    return parse_parameters(CELL)


def test_unknown_key_names_the_key_and_the_known_ones():
    values = {"corpus": "seeds", "top_n": 3, "ratio": 0.1, "flag": True, "topn": 4}
    with pytest.raises(ParameterError, match=r"unknown parameter\(s\) topn.*Known parameters: corpus, flag, ratio, top_n"):
        check_parameters(values, _declared())


def test_missing_key_is_named():
    with pytest.raises(ParameterError, match=r"missing parameter\(s\) flag"):
        check_parameters({"corpus": "seeds", "top_n": 3, "ratio": 0.1}, _declared())


@pytest.mark.parametrize("name, value", [("top_n", "3"), ("top_n", True), ("flag", 1), ("ratio", "x")])
def test_wrong_type_names_parameter_and_expected_type(name, value):
    values = {"corpus": "seeds", "top_n": 3, "ratio": 0.1, "flag": True, name: value}
    with pytest.raises(ParameterError, match=f"parameter '{name}' must be"):
        check_parameters(values, _declared())


def test_int_is_accepted_for_float():
    check_parameters({"corpus": "seeds", "top_n": 3, "ratio": 1, "flag": True}, _declared())


def test_nonexistent_corpus_fails_before_running(tmp_path):
    with pytest.raises(ParameterError, match="'corpus'.*does not exist"):
        plan_run(corpus=str(tmp_path / "nowhere"), output=str(tmp_path / "out"))


def test_unknown_model_fails_before_running(tmp_path):
    with pytest.raises(ParameterError, match="'model' names 'xx_none'"):
        plan_run(output=str(tmp_path / "out"), overrides={"model": "xx_none"})


def test_default_params_file_is_complete_and_valid(tmp_path):
    plan = plan_run(output=str(tmp_path / "out"))
    assert plan.values["corpus"] == str(project_root() / "seeds")
    assert plan.output == tmp_path / "out"


@pytest.mark.parametrize("name, value, message", [
    ("engine", "spark", "'engine' must be one of local, dask; got 'spark'"),
    ("n_process", 0, "'n_process' must be at least 1"),
])
def test_engine_and_n_process_are_checked_before_running(tmp_path, name, value, message):
    with pytest.raises(ParameterError, match=message):
        plan_run(output=str(tmp_path / "out"), overrides={name: value})


# ---- parameters declared once -------------------------------------------------------------------

def test_every_notebook_cell_is_generated_from_the_one_declaration():
    from newscoder.params import cell_source, check_cell, declared

    for nb in list_notebooks():
        check_cell(nb)  # raises if a notebook's cell drifted from params.PARAMETERS
        names = [p.name for p in read_parameters(nb)]
        assert names == [p.name for p in declared(nb.stem)]
        assert {"corpus", "output", "codebook", "model"} <= set(names), nb.name
    assert 'validation_gold: str = ""' in cell_source("02_stance")


def test_an_edited_notebook_cell_is_refused_before_running(tmp_path):
    import nbformat

    from newscoder.params import check_cell

    source = list_notebooks()[0]
    nb = nbformat.read(source, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = cell.source.replace("how many persons to list", "persons shown")
    path = tmp_path / source.name
    nbformat.write(nb, path)
    with pytest.raises(ParameterError, match="differs from the declarations"):
        check_cell(path)


def test_a_parameters_file_may_leave_parameters_out(tmp_path):
    (tmp_path / "p.yaml").write_text("corpus: seeds\noutput: out\ntop_n: 4\n", encoding="utf-8")
    plan = plan_run(params_file=str(tmp_path / "p.yaml"), output=str(tmp_path / "out"))
    assert plan.values["top_n"] == 4 and plan.values["time_unit"] == "month" and plan.values["validation_gold"] == ""


def test_seed_gold_validates_the_seeds_only(tmp_path):
    seeds = plan_run(output=str(tmp_path / "out"))
    assert seeds.values["validation_gold"] == "tests/gold/statements.yaml"
    other = tmp_path / "corpus" / "articles"
    other.mkdir(parents=True)
    (other / "a.txt").write_text("Chile urged Peru to reopen the border.\n", encoding="utf-8")
    mine = plan_run(corpus=str(tmp_path / "corpus"), output=str(tmp_path / "out"))
    assert mine.values["validation_gold"] == ""
    named = plan_run(corpus=str(tmp_path / "corpus"), output=str(tmp_path / "out"), overrides={"validation_gold": "tests/gold/statements.yaml"})
    assert named.values["validation_gold"] == "tests/gold/statements.yaml"


@pytest.mark.parametrize("name, value, message", [
    ("time_unit", "day", "'time_unit' must be one of week, month"),
    ("weights", "loud", "'weights' must be one of stance, goldstein"),
    ("top_actors", 0, "'top_actors' must be at least 1"),
])
def test_view_parameters_are_checked_before_running(tmp_path, name, value, message):
    with pytest.raises(ParameterError, match=message):
        plan_run(output=str(tmp_path / "out"), overrides={name: value})
