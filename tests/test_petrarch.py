"""PETRARCH/Phoenix actor-dictionary import, on small dictionaries written here (invented names)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace

import pytest

from newscoder.codebook import Codebook, load_codebook
from newscoder.errors import CodebookError
from newscoder.petrarch import (
    DictCode,
    display_name,
    import_dictionary,
    read_actor_dictionary,
    to_codebook,
)

D = dt.date

DICTIONARY = """\
<!-- VALDESIAN TEST DICTIONARY -->
<!-- a comment that
     spans lines [XXX] -->
# a hash comment line [YYY]
; a legacy comment line
NORVANIA  [NRV]  # capital added 2019
+NORVANIAN
+PORT_ELBEN
KESTRIA_ [KST] ; TABARI-style comment
+KESTRIAN_

THE_OSTREL_LEAGUE [IGOOSL]
OSL [IGOOSL] <!-- inline comment --> # and a hash comment

ILSA_MARWICK  [NRVELI]  # default, when no restriction holds
+MARWICK_
\t[NRVGOV 950101-050630]
\t[KSTGOV >20110305]
\t[NRVOPP < 881231]

TOMAS BRENNER
\t[KST 310101-301231]

VELLO_ZARN [---]
ORLA_FENN [NRVMIL 20000101-20000131] [NRVGOV >20000201]
"""


@pytest.fixture(scope="module")
def entries():
    return read_actor_dictionary(DICTIONARY)


@pytest.fixture(scope="module")
def codebook(entries):
    return to_codebook(entries)


def by_primary(entries, text):
    return next(e for e in entries if e.primary.text == text)


def person(codebook: Codebook, name: str):
    return next(p for p in codebook.persons if p.name == name)


# ---- reading --------------------------------------------------------------------------------


def test_primary_phrase_and_synonyms(entries):
    assert [e.primary.text for e in entries] == [
        "NORVANIA", "KESTRIA", "THE OSTREL LEAGUE", "OSL", "ILSA MARWICK", "TOMAS BRENNER", "VELLO ZARN", "ORLA FENN",
    ]
    norvania = entries[0]
    assert [s.text for s in norvania.synonyms] == ["NORVANIAN", "PORT ELBEN"]
    assert norvania.codes == (DictCode("NRV", raw="NRV", line=6),)
    assert norvania.line == 6 and norvania.primary.line == 6 and norvania.synonyms[1].line == 8


def test_trailing_underscore_marks_a_whole_word_phrase(entries):
    kestria = by_primary(entries, "KESTRIA")
    assert kestria.primary.raw == "KESTRIA_" and kestria.primary.whole_word
    assert kestria.synonyms[0].text == "KESTRIAN" and kestria.synonyms[0].whole_word
    port = entries[0].synonyms[1]
    assert port.raw == "PORT_ELBEN" and port.text == "PORT ELBEN" and not port.whole_word


def test_comments_are_skipped_and_kept_on_the_entry(entries):
    assert not any("XXX" in c.code or "YYY" in c.code for e in entries for c in e.codes)
    assert entries[0].comment == "capital added 2019"
    assert by_primary(entries, "KESTRIA").comment == "TABARI-style comment"
    osl = by_primary(entries, "OSL")
    assert [c.code for c in osl.codes] == ["IGOOSL"] and osl.comment == "and a hash comment"


def test_dated_codes_with_six_and_eight_digit_dates(entries):
    marwick = by_primary(entries, "ILSA MARWICK")
    default, gov, kst, opp = marwick.codes
    assert (default.code, default.restricted) == ("NRVELI", False)
    assert (gov.code, gov.start, gov.end) == ("NRVGOV", D(1995, 1, 1), D(2005, 6, 30))  # YYMMDD both sides
    assert (kst.code, kst.start, kst.end) == ("KSTGOV", D(2011, 3, 5), None)  # '>' YYYYMMDD
    assert (opp.code, opp.start, opp.end) == ("NRVOPP", None, D(1988, 12, 31))  # '< ' with a space
    assert [c.line for c in marwick.codes] == [15, 17, 18, 19]
    fenn = by_primary(entries, "ORLA FENN")
    assert [(c.code, c.start, c.end) for c in fenn.codes] == [
        ("NRVMIL", D(2000, 1, 1), D(2000, 1, 31)), ("NRVGOV", D(2000, 2, 1), None),  # two on the primary line
    ]


def test_six_digit_years_00_to_30_are_20yy_and_31_to_99_are_19yy(entries):
    brenner = by_primary(entries, "TOMAS BRENNER")
    assert (brenner.codes[0].start, brenner.codes[0].end) == (D(1931, 1, 1), D(2030, 12, 31))
    # ... so "300101-310101" (2030 to 1931) runs backwards and is an error (see the malformed cases).
    assert read_actor_dictionary("A [AAA 000229-301231]")[0].codes[0].start == D(2000, 2, 29)
    assert read_actor_dictionary("A [AAA >310101]")[0].codes[0].start == D(1931, 1, 1)
    assert read_actor_dictionary("A [AAA <991231]")[0].codes[0].end == D(1999, 12, 31)
    assert read_actor_dictionary("A [AAA 300101-300102]")[0].codes[0].start == D(2030, 1, 1)


def test_code_on_follows_petrarch_first_restriction_then_default(entries):
    marwick = by_primary(entries, "ILSA MARWICK")
    assert marwick.code_on(D(1988, 12, 31)) == "NRVOPP"  # end day included
    assert marwick.code_on(D(1989, 1, 1)) == "NRVELI"  # no restriction holds: the default code
    assert marwick.code_on(D(1995, 1, 1)) == "NRVGOV"  # start day included
    assert marwick.code_on(D(2005, 6, 30)) == "NRVGOV"
    assert marwick.code_on(D(2005, 7, 1)) == "NRVELI"
    assert marwick.code_on(D(2011, 3, 5)) == "KSTGOV"
    assert marwick.code_on(None) == "NRVELI"
    overlap = read_actor_dictionary("X\n\t[AAAGOV 20100101-20101231]\n\t[BBBMIL 20100601-20100630]")[0]
    assert overlap.code_on(D(2010, 6, 15)) == "AAAGOV"  # the first restriction in file order wins
    assert read_actor_dictionary("X\n\t[AAA <20100101]")[0].code_on(D(2011, 1, 1)) == "---"  # nothing holds, no default


def test_reads_a_file_given_as_path_or_as_str(tmp_path):
    path = tmp_path / "tiny.actors.txt"
    path.write_text("\ufeffNORVANIA [NRV]\r\n+NORVANIAN\r\n", encoding="utf-8")
    for source in (path, str(path)):
        (entry,) = read_actor_dictionary(source)
        assert entry.primary.text == "NORVANIA" and entry.synonyms[0].text == "NORVANIAN" and entry.source == "tiny.actors.txt"
    with pytest.raises(CodebookError, match="does not exist"):
        read_actor_dictionary(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("NORVANIA [NRV]\nKESTRIA [KST\n", 2, "not closed"),
        ("NORVANIA [NRV]\n\n+OSTREL [OSL]\n", 3, "not after a synonym"),
        ("+NORVANIAN\nNORVANIA [NRV]\n", 1, "before any primary phrase"),
        ("NORVANIA [NRV]]\n", 1, "no '['"),
        ("\t[NRV]\nNORVANIA\n", 1, "before any primary phrase"),
        ("NORVANIA\n\t[NRVGOV 950132-960101]\n", 2, "not a calendar date"),
        ("NORVANIA\n\t[NRVGOV 9501-960101]\n", 2, "not a date"),
        ("NORVANIA\n\t[NRVGOV 960101-950101]\n", 2, "ends before it starts"),
        ("NORVANIA\n\t[NRVGOV ~950101]\n", 2, "not '<date'"),
        ("NORVANIA [NR]\n", 1, "not a code"),
        ("NORVANIA []\n", 1, "empty"),
        ("NORVANIA [NRV] KESTRIA\n", 1, "outside the [code] brackets"),
        ("TOMAS BRENNER\n\t[KST 300101-310101]\n", 2, "ends before it starts"),
    ],
)
def test_malformed_line_gives_an_error_naming_the_line(text, line, words):
    with pytest.raises(CodebookError) as err:
        read_actor_dictionary(text)
    message = str(err.value)
    assert f"line {line}:" in message and words in message and "<text>" in message


def test_error_names_the_file(tmp_path):
    path = tmp_path / "broken.actors.txt"
    path.write_text("NORVANIA [NRV]\n+NORVANIAN\n\t[NRVGOV 99x101]\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"broken\.actors\.txt, line 3: .*'\[NRVGOV 99x101\]'"):
        read_actor_dictionary(path)


def test_non_strict_reading_skips_bad_lines_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="newscoder.petrarch"):
        entries = read_actor_dictionary("NORVANIA [NRV]\n\t[NRVGOV 951301-960101]\n+NORVANIAN\n", strict=False)
    assert [c.code for c in entries[0].codes] == ["NRV"] and entries[0].synonyms[0].text == "NORVANIAN"
    assert "line 2" in caplog.text
    # A skipped primary line takes its own synonyms and codes with it: they do not join the entry before.
    entries = read_actor_dictionary("NORVANIA [NRV]\nKESTRIA [KST\n+KESTRIAN\n\t[KSTGOV]\nOSTREL [OST]\n", strict=False)
    assert [(e.primary.text, [s.text for s in e.synonyms], [c.code for c in e.codes]) for e in entries] == [
        ("NORVANIA", [], ["NRV"]), ("OSTREL", [], ["OST"]),
    ]
    assert read_actor_dictionary("X" * 5000 + " [XXX]")[0].codes[0].code == "XXX"  # long one-line text, not a file name


def test_unclosed_xml_comment_is_an_error():
    with pytest.raises(CodebookError, match="never closed"):
        read_actor_dictionary("NORVANIA [NRV]\n<!-- runs to the end\nKESTRIA [KST]\n")


# ---- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("NORVANIA", "Norvania"),
        ("PORT_ELBEN", "Port Elben"),
        ("THE_OSTREL_LEAGUE", "Ostrel League"),  # "the Ostrel League" in running text
        ("BANK OF NORVANIA", "Bank of Norvania"),
        ("AL-KESTRI", "Al-Kestri"),
        ("OSL", "OSL"),
        ("N.R.V.", "N.R.V."),
        ("ILSA_J._MARWICK", "Ilsa J. Marwick"),
        ("KESTRIAN_FREEDOM_FRONT_(KFF)", "Kestrian Freedom Front (KFF)"),
        ("Port Elben", "Port Elben"),  # mixed case is kept as written
    ],
)
def test_display_name(phrase, name):
    assert display_name(phrase) == name


# ---- to_codebook --------------------------------------------------------------------------


def test_country_level_entries_become_actors_with_aliases(codebook):
    nrv = codebook.actors["NRV"]
    assert (nrv.name, nrv.type, nrv.aliases) == ("Norvania", "state", ("Norvania", "Norvanian", "Port Elben"))
    assert codebook.actors["KST"].aliases == ("Kestria", "Kestrian")


def test_agent_codes_become_persons_and_unknown_codes_become_actors(codebook):
    league = person(codebook, "Ostrel League")  # IGOOSL: an agent code after IGO
    assert league.actor == "IGO" and [(r.actor, r.role, r.start, r.end) for r in league.roles] == [("IGO", "OSL", None, None)]
    assert codebook.actors["IGO"].type == "igo" and codebook.actors["IGO"].aliases == ()
    zarn = person(codebook, "Vello Zarn")  # the null code: a known name that stands for nobody
    assert zarn.actor == "" and zarn.roles == ()
    assert "---" not in codebook.actors


def test_dated_persons_follow_the_date_restrictions(codebook, entries):
    marwick = person(codebook, "Ilsa Marwick")
    assert marwick.variants == ("Marwick",) and marwick.actor == "NRV"
    expected = {
        D(1980, 5, 1): "NRV", D(1988, 12, 31): "NRV", D(1995, 1, 1): "NRV", D(2005, 6, 30): "NRV",
        D(2011, 3, 4): "NRV", D(2011, 3, 5): "KST", D(2024, 1, 1): "KST",
    }
    for day, actor in expected.items():
        assert marwick.actor_on(day) == actor, day
    assert marwick.role_on(D(1988, 12, 31)).role == "OPP"
    assert marwick.role_on(D(1989, 1, 1)).role == "ELI"  # the default code fills the gaps
    assert marwick.role_on(D(2005, 6, 30)).role == "GOV" and marwick.role_on(D(2005, 7, 1)).role == "ELI"
    fenn = person(codebook, "Orla Fenn")  # no default: outside the restrictions Fenn stands for nobody
    assert fenn.actor_on(D(1999, 12, 31)) == "" and fenn.actor_on(D(2000, 1, 31)) == "NRV"
    assert fenn.role_on(D(2000, 1, 31)).role == "MIL" and fenn.role_on(D(2000, 2, 1)).role == "GOV"
    # On every day the person's actor is the country part of PETRARCH's code.
    for entry in entries:
        p = next((p for p in codebook.persons if p.name == display_name(entry.primary.text)), None)
        if p is None or not any(c.restricted for c in entry.codes):
            continue
        day = D(1985, 1, 1)
        while day < D(2015, 1, 1):
            code = entry.code_on(day)[:3]
            assert p.actor_on(day) == ("" if code == "---" else code), (p.name, day)
            day += dt.timedelta(days=17)


def test_names_written_in_mixed_case_are_kept():
    cb = to_codebook(read_actor_dictionary("Port_McElben_ [PME]\n+PME\nMcKESTRIA [KST]\n"))
    assert cb.actors["PME"].aliases == ("Port McElben", "PME") and cb.actors["KST"].aliases == ("McKESTRIA",)


def test_later_definition_of_a_phrase_wins_and_compound_codes_keep_the_first_actor():
    cb = to_codebook(read_actor_dictionary("NORVANIA [NRV]\n+ELBEN\nKESTRIA [KST]\n+ELBEN\nVALE_LANDS [VLA/VLB]\n"))
    assert cb.actors["NRV"].aliases == ("Norvania",) and cb.actors["KST"].aliases == ("Kestria", "Elben")
    assert cb.actors["VLA"].aliases == ("Vale Lands",) and cb.actors["VLB"].aliases == ()
    report = cb.extra["petrarch_import"]
    assert len(report["duplicate_phrases"]) == 1 and "VLA/VLB" in report["compound_codes"][0]
    assert cb.compound_names == {"vale lands": ("VLA", "VLB")}  # the name stands for both (the coder codes each)


def test_base_codebook_names_win_and_its_other_parts_are_kept(codebook):
    base = replace(codebook, actors={"NRV": replace(codebook.actors["NRV"], aliases=("Norvania",))}, persons=[],
                   outlets=("Kestrian Herald",), titles=("Minister",))
    extra = read_actor_dictionary("NORVANIA [NRV]\n+NORVANIAN_REPUBLIC\nKESTRIAN_HERALD [KST]\n")
    cb = to_codebook(extra, base=base)
    assert cb.actors["NRV"].aliases == ("Norvania", "Norvanian Republic")
    assert cb.actors["KST"].aliases == ()  # the outlet name stays an outlet
    assert cb.outlets == ("Kestrian Herald",) and cb.titles == ("Minister",) and cb.path == base.path
    assert base.actors["NRV"].aliases == ("Norvania",)  # the base is not changed


# ---- writing a codebook folder ------------------------------------------------------------


def test_import_dictionary_writes_a_loadable_deterministic_codebook(tmp_path, codebook):
    source = tmp_path / "valdesia.actors.txt"
    source.write_text(DICTIONARY, encoding="utf-8")
    paths = import_dictionary(source, tmp_path / "out")
    first = {k: p.read_bytes() for k, p in paths.items()}
    assert b"&id" not in first["persons"]  # a date shared by two roles is written out, not as a YAML anchor
    loaded = load_codebook(tmp_path / "out")
    assert loaded.actors == codebook.actors
    assert sorted(loaded.persons, key=lambda p: p.name) == sorted(codebook.persons, key=lambda p: p.name)
    with pytest.raises(CodebookError, match="overwrite=True"):
        import_dictionary(source, tmp_path / "out")
    import_dictionary(source, tmp_path / "out", overwrite=True)
    assert {k: p.read_bytes() for k, p in paths.items()} == first


def test_imported_codebook_drives_the_entity_finder(nlp, codebook):
    from newscoder.entities import EntityFinder

    finder = EntityFinder(nlp, codebook)
    doc = nlp("Ilsa Marwick met officials in Port Elben.")
    for day, actor in ((D(2000, 3, 1), "NRV"), (D(2012, 3, 1), "KST")):
        marwick = next(m for m in finder(doc, day) if m.text == "Ilsa Marwick")
        assert (marwick.person, marwick.actor_id) == ("Ilsa Marwick", actor)
