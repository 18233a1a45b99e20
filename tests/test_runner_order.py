"""Notebooks that run side by side start costliest first: by their seconds in the output folder's
previous run on the same corpus, else by the figures they draw; and `Turns` starts them in that order."""

from __future__ import annotations

import json
import threading
import time

import nbformat

from newscoder.runner import RunPlan, Turns, costliest_first


def notebook(path, figures: int):
    cells = [nbformat.v4.new_code_cell("import pandas as pd\nrows = pd.DataFrame()")]
    cells += [nbformat.v4.new_code_cell(f"figures.publish(figures.heatmap(rows), output, 'f{k}')") for k in range(figures)]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def plan_of(tmp_path, figures: dict[str, int], corpus: str = "/data/corpus") -> RunPlan:
    nbs = [notebook(tmp_path / f"{name}.ipynb", n) for name, n in figures.items()]
    return RunPlan(nbs, {}, {"corpus": corpus}, tmp_path / "out", tmp_path / "params.yaml")


def previous_run(plan: RunPlan, seconds: dict[str, int], corpus: str) -> None:
    steps = [{"step": "coding", "status": "ok"}]
    steps += [{"notebook": f"{name}.ipynb", "status": "ok", "started": "2026-01-05T10:00:00+00:00",
               "finished": f"2026-01-05T10:00:{s:02d}+00:00"} for name, s in seconds.items()]
    plan.output.mkdir()
    (plan.output / "run.json").write_text(json.dumps({"parameters": {"corpus": corpus}, "steps": steps}), encoding="utf-8")


def names(paths) -> list[str]:
    return [p.stem for p in paths]


def test_without_a_previous_run_the_notebook_with_most_figures_goes_first(tmp_path):
    plan = plan_of(tmp_path, {"01_a": 1, "02_b": 0, "03_c": 3})
    assert names(costliest_first(plan)) == ["03_c", "01_a", "02_b"]


def test_a_previous_run_on_the_same_corpus_gives_the_order(tmp_path):
    plan = plan_of(tmp_path, {"01_a": 1, "02_b": 0, "03_c": 3})
    previous_run(plan, {"01_a": 20, "02_b": 13, "03_c": 9}, corpus="/data/corpus")
    assert names(costliest_first(plan)) == ["01_a", "02_b", "03_c"]


def test_a_previous_run_on_another_corpus_is_not_used(tmp_path):
    plan = plan_of(tmp_path, {"01_a": 1, "02_b": 0, "03_c": 3})
    previous_run(plan, {"01_a": 20, "02_b": 13, "03_c": 9}, corpus="/data/other")
    assert names(costliest_first(plan)) == ["03_c", "01_a", "02_b"]


def test_turns_start_in_order_of_position_whatever_order_the_threads_come_in():
    started, cancelled = [], threading.Event()
    turns = Turns(1, cancelled)

    def run(position: int) -> None:
        with turns.turn(position):
            started.append(position)
            time.sleep(0.01)

    threads = [threading.Thread(target=run, args=(p,)) for p in (3, 1, 2, 0)]
    for t in threads:
        t.start()
        time.sleep(0.01)  # the later positions are waiting before the first arrives
    for t in threads:
        t.join(timeout=10)
    assert started == [0, 1, 2, 3]


def test_a_notebook_that_cannot_be_read_counts_as_cheapest(tmp_path):
    plan = plan_of(tmp_path, {"01_a": 0, "02_b": 2})
    plan.notebooks.insert(0, tmp_path / "00_missing.ipynb")
    assert names(costliest_first(plan)) == ["02_b", "00_missing", "01_a"]
