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
