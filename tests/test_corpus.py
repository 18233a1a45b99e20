"""The corpus loader: every document accounted for, encodings read, chrome and captions found."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.boilerplate import blank_spans, find_boilerplate
from newscoder.corpus import load_corpus
from newscoder.errors import CorpusError

HEADER = "doc_id,file,published,published_confidence,outlet,title,url,language\n"
BODY = "The ministers met in Vienna on Tuesday. They agreed to talk again.\n"


def make_corpus(tmp_path, files: dict[str, bytes | str], manifest: str | None = None):
    (tmp_path / "articles").mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = tmp_path / "articles" / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if manifest is not None:
        (tmp_path / "corpus.csv").write_text(manifest, encoding="utf-8")
    return tmp_path


def by_id(docs):
    return {d.doc_id: d for d in docs}


def test_folder_without_manifest_takes_every_text_file(tmp_path):
    docs = load_corpus(make_corpus(tmp_path, {"b.txt": BODY, "a.txt": BODY}))
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert all(d.status == "ok" and d.published == "" and d.published_source == "missing" for d in docs)


def test_manifest_metadata_is_read(tmp_path):
    manifest = HEADER + "x1,articles/x1.txt,2024-03-02,high,Some Paper,A title,http://e.x,en\n"
    (doc,) = load_corpus(make_corpus(tmp_path, {"x1.txt": BODY}, manifest))
    assert (doc.published, doc.published_source, doc.outlet, doc.title) == ("2024-03-02", "manifest", "Some Paper", "A title")


def test_missing_file_and_unlisted_file_both_get_rows(tmp_path):
    manifest = HEADER + "x1,articles/x1.txt,2024-03-02,,,,,en\nx2,articles/x2.txt,,,,,,en\n"
    docs = by_id(load_corpus(make_corpus(tmp_path, {"x1.txt": BODY, "extra.txt": BODY}, manifest)))
    assert docs["x1"].status == "ok"
    assert docs["x2"].status == "error" and "corpus.csv row 3" in docs["x2"].status_detail and "not found" in docs["x2"].status_detail
    assert docs["extra"].status == "skipped" and "not listed" in docs["extra"].status_detail


def test_duplicate_doc_id_stops_with_the_row(tmp_path):
    manifest = HEADER + "x1,articles/x1.txt,,,,,,en\nx1,articles/x1.txt,,,,,,en\n"
    with pytest.raises(CorpusError, match="'x1' appears twice.*row 3"):
        load_corpus(make_corpus(tmp_path, {"x1.txt": BODY}, manifest))


def test_bad_and_future_dates_are_flagged_not_guessed(tmp_path):
    manifest = HEADER + "a,articles/a.txt,12/03/2024,,,,,en\nb,articles/b.txt,2031-01-01,,,,,en\n"
    docs = by_id(load_corpus(make_corpus(tmp_path, {"a.txt": BODY, "b.txt": BODY}, manifest), today=dt.date(2026, 1, 1)))
    assert docs["a"].published == "" and "row 2" in docs["a"].status_detail and "not YYYY-MM-DD" in docs["a"].status_detail
    assert docs["b"].published == "" and "in the future" in docs["b"].status_detail
    assert docs["a"].status == docs["b"].status == "ok"


def test_manifest_without_required_columns_stops(tmp_path):
    with pytest.raises(CorpusError, match="missing column.*file"):
        load_corpus(make_corpus(tmp_path, {"a.txt": BODY}, "doc_id,published\na,2024-01-01\n"))


def test_nonexistent_and_empty_folders_stop_clearly(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="holds no documents"):
        load_corpus(tmp_path / "empty")


def test_empty_whitespace_and_binary_files_are_skipped_with_reasons(tmp_path):
    docs = by_id(load_corpus(make_corpus(tmp_path, {"e.txt": b"", "w.txt": b"  \n\t\n", "bin.txt": b"\x89PNG\x00\x00\x01"})))
    assert docs["e"].status == "skipped" and "empty" in docs["e"].status_detail
    assert docs["w"].status == "skipped" and "whitespace" in docs["w"].status_detail
    assert docs["bin"].status == "skipped" and "binary" in docs["bin"].status_detail


def test_encodings_bom_and_crlf_keep_offsets_into_the_decoded_text(tmp_path):
    cp1252 = "Le ministre a parlé à Genève. Il a rencontré son homologue dès mardi.\n".encode("cp1252")
    docs = by_id(load_corpus(make_corpus(tmp_path, {
        "bom.txt": b"\xef\xbb\xbf" + BODY.encode(),
        "crlf.txt": BODY.replace("\n", "\r\n").encode(),
        "latin.txt": cp1252,
    })))
    assert docs["bom"].text == BODY and docs["bom"].encoding == "utf-8-sig"
    assert docs["crlf"].text.endswith("\r\n") and len(docs["crlf"].clean_text) == len(docs["crlf"].text)
    assert "Genève" in docs["latin"].text and "decoded as" in docs["latin"].status_detail


def test_non_english_manifest_language_is_skipped(tmp_path):
    manifest = HEADER + "d,articles/d.txt,,,,,,de\n"
    (doc,) = load_corpus(make_corpus(tmp_path, {"d.txt": "Die Minister trafen sich in Wien.\n"}, manifest))
    assert doc.status == "skipped" and "language 'de'" in doc.status_detail


ARTICLE = (
    "Skip to content\n"
    "\n"
    "world deskEurope News\n"
    "Talks resume in Geneva\n"
    "Delegates met on Monday. Both sides said progress was made. The minister waves at the press in Geneva, March 2, 2024. (credit: JANE DOE/REUTERS)\n"
    "A flag is raised outside the hall in Geneva, on Jan. 5, 2024. Photo by John Roe/AFP via Getty Images.\n"
    "A flag is raised outside the hall in Geneva, on Jan. 5, 2024. Photo by John Roe/AFP via Getty Images.\n"
    "The next round is due in April.\n"
    "Related articles\n"
)


def test_boilerplate_finds_chrome_labels_captions_and_repeats():
    removals = find_boilerplate(ARTICLE)
    kinds = [(r.kind, r.text[:30]) for r in removals]
    assert ("chrome", "Skip to content") in kinds
    assert ("chrome", "world deskEurope News") in kinds
    assert ("chrome", "Related articles") in kinds
    captions = [r.text for r in removals if r.kind == "caption"]
    assert captions[0] == "The minister waves at the press in Geneva, March 2, 2024. (credit: JANE DOE/REUTERS)"
    assert captions[1].startswith("A flag is raised") and captions[1].endswith("via Getty Images.")
    assert [r.kind for r in removals].count("duplicate") + [r.kind for r in removals].count("caption") == 3
    # Article text survives: the heading, the first two sentences of the paragraph, the last line.
    clean = blank_spans(ARTICLE, removals)
    for kept in ("Talks resume in Geneva", "Delegates met on Monday. Both sides said progress was made.", "The next round is due in April."):
        assert kept in clean
    assert "JANE DOE" not in clean and "Getty" not in clean


def test_blanking_keeps_every_offset():
    removals = find_boilerplate(ARTICLE)
    clean = blank_spans(ARTICLE, removals)
    assert len(clean) == len(ARTICLE)
    i = ARTICLE.index("The next round")
    assert clean[i : i + 14] == "The next round"
    assert clean.count("\n") == ARTICLE.count("\n")
