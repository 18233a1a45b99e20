"""Bad input that a scraper produces: HTML markup in the text, articles in another language, unsafe YAML.

Each case has one documented outcome (README, "Troubleshooting"): processed with a warning,
skipped with its reason in documents.csv, or stopped with a message naming the file.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newscoder.codebook import load_codebook
from newscoder.corpus import load_corpus
from newscoder.errors import CodebookError, ParameterError
from newscoder.params import load_params_file
from newscoder.paths import project_root
from newscoder.pipeline import process_corpus
from newscoder.runner import plan_run
from newscoder.textcheck import find_markup, guess_english

ROOT = project_root()
HEADER = "doc_id,file,published,published_confidence,outlet,title,url,language\n"

ENGLISH = (
    "The foreign ministers of Chile and Peru met in Lima on Friday to discuss the fishing dispute. "
    "Chile said it was ready to share data with Peru, and the two sides agreed to meet again in March. "
    "Officials from both countries told reporters that the talks had been useful but that no deal was "
    "expected before the end of the year."
)
FRENCH = (
    "Les ministres des Affaires étrangères du Chili et du Pérou se sont rencontrés vendredi à Lima pour "
    "discuter du différend sur la pêche. Le Chili s'est dit prêt à partager ses données avec le Pérou, et "
    "les deux parties ont convenu de se revoir en mars. Selon des responsables des deux pays, les "
    "discussions ont été utiles, mais aucun accord n'est attendu avant la fin de l'année."
)
GERMAN = (
    "Die Außenminister von Chile und Peru trafen sich am Freitag in Lima, um über den Fischereistreit zu "
    "sprechen. Chile erklärte sich bereit, Daten mit Peru zu teilen, und beide Seiten vereinbarten, sich im "
    "März wieder zu treffen. Vertreter beider Länder sagten, die Gespräche seien nützlich gewesen, aber vor "
    "Ende des Jahres sei keine Einigung zu erwarten. Es war ein langes Treffen, und es ist noch offen, was folgt."
)
DUTCH = (
    "De ministers van Buitenlandse Zaken van Chili en Peru ontmoetten elkaar vrijdag in Lima om het "
    "visserijconflict te bespreken. Chili zei bereid te zijn gegevens met Peru te delen, en beide partijen "
    "spraken af in maart opnieuw bijeen te komen. Het was een lang gesprek en het is nog niet duidelijk wat "
    "er volgt, zo is in de hoofdstad te horen."
)
RUSSIAN = "Министры иностранных дел Чили и Перу встретились в пятницу в Лиме, чтобы обсудить спор о рыболовстве."


def make_corpus(tmp_path: Path, texts: dict[str, str], languages: dict[str, str] | None = None) -> Path:
    (tmp_path / "articles").mkdir(parents=True, exist_ok=True)
    for doc_id, text in texts.items():
        (tmp_path / "articles" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    if languages is not None:
        rows = [f"{d},articles/{d}.txt,2025-01-02,,,,,{languages.get(d, '')}" for d in texts]
        (tmp_path / "corpus.csv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


# ---- raw HTML markup ---------------------------------------------------------------------------

MARKED_UP = (
    '<div class="story"><p>Chile <b>thanked</b> Peru for the data.</p>\n'
    "<script>var a = 'Brazil'; track('Argentina');</script>\n"
    '<p>Read <a href="javascript:alert(1)">more</a> about Bolivia.</p><!-- ad: Uruguay --></div>\n'
)


def test_markup_spans_are_tags_comments_and_script_blocks():
    spans = find_markup(MARKED_UP)
    found = [MARKED_UP[s.start : s.end] for s in spans]
    assert "<script>var a = 'Brazil'; track('Argentina');</script>" in found
    assert '<a href="javascript:alert(1)">' in found and "<!-- ad: Uruguay -->" in found
    assert all(s.kind == "markup" for s in spans)
    left = "".join(MARKED_UP[e.end : n.start] for e, n in zip(spans, spans[1:]))
    assert "Brazil" not in left and "Uruguay" not in left and "Peru for the data." in left


def test_angle_brackets_in_prose_are_not_markup():
    text = "The ratio was x < y > z, and <Name> stands for the user; a <= b."
    assert find_markup(text) == []


def test_markup_is_processed_with_a_warning_and_never_coded_as_entities(tmp_path, nlp, codebook):
    folder = make_corpus(tmp_path, {"m1": MARKED_UP}, {"m1": "en"})
    result = process_corpus(folder, codebook, nlp)
    row = result.documents_table.set_index("doc_id").loc["m1"]
    assert row["status"] == "ok" and "HTML markup" in row["status_detail"]
    mentions = result.mentions_table
    assert set(mentions["actor_id"]) >= {"CHL", "PER", "BOL"}
    assert not {"BRA", "ARG", "URY"} & set(mentions["actor_id"])  # script and comment contents are not text
    for m in mentions.itertuples():  # offsets point into the text as read, which still holds the markup
        assert MARKED_UP[m.start_char : m.end_char] == m.text


# ---- language ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [FRENCH, GERMAN, DUTCH, RUSSIAN])
def test_other_languages_do_not_read_as_english(text):
    assert guess_english(text).english is False


def test_english_reads_as_english_and_short_texts_are_not_judged():
    assert guess_english(ENGLISH).english is True
    assert guess_english("Chile and Peru met.").english is None


def test_non_english_article_without_language_is_skipped_with_reason(tmp_path):
    docs = {d.doc_id: d for d in load_corpus(make_corpus(tmp_path, {"en1": ENGLISH, "fr1": FRENCH, "de1": GERMAN}))}
    assert docs["en1"].status == "ok"
    for doc_id in ("fr1", "de1"):
        assert docs[doc_id].status == "skipped"
        assert "does not look like English" in docs[doc_id].status_detail
        assert "set its language to en in corpus.csv" in docs[doc_id].status_detail


def test_manifest_language_en_overrides_the_guess_with_a_warning(tmp_path):
    (doc,) = load_corpus(make_corpus(tmp_path, {"fr1": FRENCH}, {"fr1": "en"}))
    assert doc.status == "ok" and "does not look like English" in doc.status_detail and "processed as English" in doc.status_detail


# ---- safe loading ------------------------------------------------------------------------------

EXPLOIT = "!!python/object/apply:os.system ['touch {marker}']"


def test_python_tag_in_params_file_is_refused_naming_the_file(tmp_path):
    marker = tmp_path / "pwned"
    params = tmp_path / "evil.yaml"
    params.write_text(f"corpus: {EXPLOIT.format(marker=marker)}\n", encoding="utf-8")
    with pytest.raises(ParameterError, match=re.escape(str(params))):
        load_params_file(params)
    with pytest.raises(ParameterError, match="not valid YAML"):
        plan_run(params_file=str(params))
    assert not marker.exists()


def test_python_tag_in_codebook_file_is_refused_naming_the_file(tmp_path):
    marker = tmp_path / "pwned"
    book = tmp_path / "codebook"
    book.mkdir()
    for path in (ROOT / "codebook").glob("*.yaml"):
        (book / path.name).write_bytes(path.read_bytes())
    (book / "non_actors.yaml").write_text(f"outlets: {EXPLOIT.format(marker=marker)}\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="non_actors.yaml"):
        load_codebook(book)
    assert not marker.exists()


def test_python_tag_through_the_cli_is_a_message_not_a_traceback(tmp_path):
    marker = tmp_path / "pwned"
    params = yaml.safe_load((ROOT / "seeds/params.yaml").read_text())
    text = yaml.safe_dump(params) + f"extra: {EXPLOIT.format(marker=marker)}\n"
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newscoder", "check", "--params", str(tmp_path / "p.yaml")],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(tmp_path / "p.yaml") in result.stderr and not marker.exists()


def test_parameter_value_that_looks_like_code_is_a_plain_string(tmp_path):
    marker = tmp_path / "pwned"
    params = yaml.safe_load((ROOT / "seeds/params.yaml").read_text())
    params["show_doc"] = f"__import__('os').system('touch {marker}')"
    params["top_n"] = "__import__('os').getpid()"
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    with pytest.raises(ParameterError, match="parameter 'top_n' must be int"):
        plan_run(params_file=str(tmp_path / "p.yaml"))
    params["top_n"] = 3
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    plan = plan_run(params_file=str(tmp_path / "p.yaml"))
    assert plan.values["show_doc"] == f"__import__('os').system('touch {marker}')"
    assert not marker.exists()


def test_no_eval_exec_pickle_or_unsafe_yaml_in_the_library():
    from newscoder import yamlio

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "lib" / "newscoder").rglob("*.py"))
    for call in (r"\beval\(", r"\bexec\(", r"import\s+(c?[pP]ickle|marshal|shelve|dill)\b", r"from\s+(c?[pP]ickle|marshal|shelve|dill)\s+import", r"joblib\.load", r"read_pickle",
                 r"allow_pickle\s*=\s*True", r"torch\.load", r"yaml\.unsafe_load", r"yaml\.full_load", r"\bUnsafeLoader\b"):
        assert not re.search(call, source), call
    for line in re.findall(r".*yaml\.load\(.*", source):
        assert "Loader=_LOADER" in line, line
    assert yamlio._LOADER in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))


# ---- a corpus that cannot be used stops the run before any notebook ----------------------------

@pytest.mark.parametrize(
    "manifest, message",
    [
        (HEADER + "x1,articles/x1.txt,,,,,,en\nx1,articles/x1.txt,,,,,,en\n", r"doc_id 'x1' appears twice \(row 3"),
        ("doc_id,published\nx1,2025-01-01\n", r"corpus.csv: missing column\(s\) file"),
        (HEADER + ",articles/x1.txt,,,,,,en\n", "row 2 has an empty doc_id"),
    ],
    ids=["duplicate-doc_id", "missing-column", "empty-doc_id"],
)
def test_unusable_manifest_stops_the_cli_before_any_notebook(tmp_path, manifest, message):
    folder = make_corpus(tmp_path / "c", {"x1": ENGLISH})
    (folder / "corpus.csv").write_text(manifest, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newscoder", "run", "--corpus", str(folder), "--output", str(tmp_path / "out")],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert re.search(message, result.stderr), result.stderr
    assert "running 01_entities" not in result.stderr and not (tmp_path / "out").exists()


def test_unreadable_entries_get_an_error_row_not_a_crash(tmp_path):
    folder = make_corpus(tmp_path, {"good": ENGLISH})
    (folder / "articles" / "folder.txt").mkdir()
    (folder / "articles" / "link.txt").symlink_to(folder / "nowhere.txt")
    docs = {d.doc_id: d for d in load_corpus(folder)}
    assert docs["good"].status == "ok"
    assert docs["folder"].status == "error" and "could not read articles/folder.txt" in docs["folder"].status_detail
    assert docs["link"].status == "error" and "No such file" in docs["link"].status_detail


@pytest.mark.parametrize("output", ["afile", "afile/out"])
def test_output_that_is_or_is_inside_a_file_stops_before_any_notebook(tmp_path, output):
    (tmp_path / "afile").write_text("not a folder\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newscoder", "run", "--output", str(tmp_path / output)],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"Parameter 'output': {str(tmp_path / output)!r} cannot be a folder, because {tmp_path / 'afile'} is a file" in result.stderr
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "not a folder\n"


def test_output_that_cannot_be_written_is_a_message_naming_the_file(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "newscoder", "run", "--output", "/proc/newscoder-cannot-write-here"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "error: cannot read or write a file (/proc/.newscoder-cannot-write-here.lock)" in result.stderr


def test_python_tag_or_wrong_shape_in_validation_gold_is_refused_naming_the_file(tmp_path):
    from newscoder.evaluation import load_statement_gold

    marker = tmp_path / "pwned"
    gold = tmp_path / "gold.yaml"
    gold.write_text(f"statements: {EXPLOIT.format(marker=marker)}\n", encoding="utf-8")
    with pytest.raises(ParameterError, match=f"Validation gold file {re.escape(str(gold))} is not valid YAML"):
        load_statement_gold(gold)
    assert not marker.exists()
    gold.write_text("rows: []\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="needs a list 'statements:'"):
        load_statement_gold(gold)
