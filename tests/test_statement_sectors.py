"""Statements carry the sector of the mentions that play source and target (stance.with_sectors)."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.entities import Mention
from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.stance import Statement, StatementCoder, with_sectors


def _statement(**kw) -> Statement:
    base = dict(doc_id="d", sent_id=0, start_char=0, end_char=60, sentence="", trigger="shelled", trigger_start=20,
                trigger_end=27, source_actor="SYR", source_person="", target_actor="SYR", target_person="", issue="",
                stance=-1, mode="material", plover="ASSAULT", rule="")
    base.update(kw)
    return Statement(**base)


def _mention(start: int, actor: str, sector: str) -> Mention:
    return Mention(start, start + 6, 0, 1, "Syrian", "DEMONYM", "demonym", actor_id=actor, sector=sector)


def test_source_is_the_mention_before_the_trigger_and_target_the_one_after():
    row = with_sectors([_statement()], [_mention(0, "SYR", "MIL"), _mention(30, "SYR", "REB")])[0]
    assert (row.source_sector, row.target_sector) == ("MIL", "REB")


def test_role_named_in_an_earlier_sentence_takes_its_last_mention():
    row = with_sectors([_statement(start_char=100, end_char=160, trigger_start=110, trigger_end=117, target_actor="")],
                       [_mention(5, "SYR", "GOV"), _mention(40, "SYR", "MIL")])[0]
    assert (row.source_sector, row.target_sector) == ("MIL", "")


@pytest.fixture(scope="module")
def coder(nlp):
    return StatementCoder(nlp, load_lexicon(project_root() / "codebook"))


def test_coded_statement_has_source_and_target_sectors(nlp, finder, coder):
    doc = nlp("Turkish troops attacked Kurdish fighters near the border on Monday.")
    rows = coder(doc, finder(doc, dt.date(2025, 3, 1)), "d")
    assert [(r.source_actor, r.source_sector, r.target_actor, r.target_sector) for r in rows] == [("TUR", "MIL", "KURDS", "REB")]
