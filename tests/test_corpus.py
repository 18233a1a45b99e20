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


# ---- publication dates from the text (datelines.py) -----------------------------------------------
WIRE = "Farmers march on the capital\n\nLIMA, June 14 (Wire Service) - Thousands of farmers marched on Thursday.\n"
WIRE_WITH_YEAR = "Farmers march\n\nLIMA, Peru, June 14, 2031 (Wire Service) — Thousands of farmers marched.\n"
UPDATED = "Protests at new year\nBy Ana Ruiz | Updated: January 2, 2031 08:10 GMT\n\nQUITO, Dec. 31 (Wire) - Police clashed with students.\n"


def test_dateline_with_year_fills_a_missing_publication_date(tmp_path):
    manifest = HEADER + "w1,articles/w1.txt,,,,,,en\n"
    (doc,) = load_corpus(make_corpus(tmp_path, {"w1.txt": WIRE_WITH_YEAR}, manifest), today=dt.date(2032, 1, 1))
    assert (doc.published, doc.published_source) == ("2031-06-14", "inferred")
    assert "dateline" in doc.status_detail and "LIMA, Peru, June 14, 2031" in doc.status_detail


def test_dateline_without_year_takes_the_year_of_an_updated_line_across_new_year(tmp_path):
    (doc,) = load_corpus(make_corpus(tmp_path, {"w1.txt": UPDATED}), today=dt.date(2032, 1, 1))
    assert (doc.published, doc.published_source) == ("2030-12-31", "inferred")


def test_dateline_without_any_year_leaves_the_date_unknown(tmp_path):
    (doc,) = load_corpus(make_corpus(tmp_path, {"w1.txt": WIRE}), today=dt.date(2032, 1, 1))
    assert (doc.published, doc.published_source) == ("", "missing")
    assert "no year" in doc.status_detail


def test_manifest_date_is_never_overridden_by_the_dateline(tmp_path):
    manifest = HEADER + "w1,articles/w1.txt,2031-06-15,,,,,en\n"
    (doc,) = load_corpus(make_corpus(tmp_path, {"w1.txt": WIRE_WITH_YEAR}, manifest), today=dt.date(2032, 1, 1))
    assert (doc.published, doc.published_source) == ("2031-06-15", "manifest")
    assert "2031-06-14" in doc.status_detail and "kept" in doc.status_detail


def test_inferred_date_in_the_future_is_not_used(tmp_path):
    (doc,) = load_corpus(make_corpus(tmp_path, {"w1.txt": WIRE_WITH_YEAR}), today=dt.date(2030, 1, 1))
    assert (doc.published, doc.published_source) == ("", "missing") and "future" in doc.status_detail


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Farmers march\nPublished 14 June 2031\n\nThousands of farmers marched.\n", "2031-06-14"),
        ("Farmers march\nSat 14 Jun 2031 10.45 BST\n\nThousands of farmers marched.\n", "2031-06-14"),
        ("Farmers march\n\nPORT-AU-PRINCE, Haiti, 14 June 2031 (Wire) - Gangs attacked.\n", "2031-06-14"),
        # a title or story sentence that holds a date is not a date line, nor a clause opening 'Meanwhile, on ...'
        ("The war that began on April 15, 2023\n\nThe war began on April 15, 2023.\n", ""),
        ("Farmers march\n\nMeanwhile, on June 14, 2031 - the talks went on.\n", ""),
        # an 'updated' line alone: the article may be older than its update
        ("Farmers march\nLast updated 15 June 2031\n\nThousands of farmers marched.\n", ""),
    ],
)
def test_date_lines_at_the_head_of_an_article(tmp_path, text, expected):
    (doc,) = load_corpus(make_corpus(tmp_path, {"w1.txt": text}), today=dt.date(2032, 1, 1))
    assert doc.published == expected
