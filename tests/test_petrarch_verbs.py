"""PETRARCH/TABARI verb-dictionary import, on small dictionaries written here (not from PETRARCH's files)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from newscoder.errors import CodebookError
from newscoder.lexicon import add_triggers, load_lexicon
from newscoder.paths import project_root
from newscoder.petrarch_verbs import cameo_to_plover, plover_of, read_verb_dictionary, to_triggers
from newscoder.stance import StatementCoder

DICTIONARY = """\
<!-- TEST VERBS DICTIONARY
     [999] inside an XML comment is no code -->
# a hash comment line
; a legacy comment line
&FUNDS_
+KRONA
+GOLD_BARS
+&COINS

&COINS
+DUCAT

--- RESCUE  [0733]  ---
RESCUE   # humanitarian aid
SALVAGE [---]  ; salvaging alone is no event
- * HOSTAGES  [0841]
- SAID * [0733]
- * &FUNDS [071]
- * +  [0733]

--- CONVENE [---] ---
CONVENE
+SIT_DOWN {+SITS_DOWN +SAT_DOWN +SITTING_DOWN} [040]
PARLEY [046:046]
- * TALKS  [046]
- * WITH %  [046]
- % * SUMMIT [043]

--- SCOLD  [111]  ---
BERATED
EXCORIAT
- * OFF [---]
- * PUBLICLY LOUDLY [130]
- * HARSHLY [1129]
- * FORMALLY [ABC]
- * QUIETLY [:110]

--- STRIDE [042:043] ---
STRIDE {STRODE STRIDDEN STRIDING}
"""


@pytest.fixture(scope="module")
def dictionary():
    return read_verb_dictionary(DICTIONARY)


@pytest.fixture(scope="module")
def imported(dictionary, nlp):
    return to_triggers(dictionary, nlp)


def by_lemma(triggers, lemma, objects=frozenset(), particle=frozenset()):
    return [t for t in triggers if lemma in t.lemmas and t.objects == frozenset(objects) and t.particle == frozenset(particle)]


# ---- reading --------------------------------------------------------------------------------


def test_blocks_with_their_codes_verbs_and_patterns(dictionary):
    assert [(b.name, b.code) for b in dictionary.blocks] == [
        ("RESCUE", "0733"), ("CONVENE", "---"), ("SCOLD", "111"), ("STRIDE", "042:043"),
    ]
    rescue = dictionary.blocks[0]
    assert [(f.verb, f.code) for f in rescue.forms] == [("RESCUE", ""), ("SALVAGE", "---")]
    assert [(p.before, p.after, p.code) for p in rescue.patterns] == [
        ((), ("HOSTAGES",), "0841"), (("SAID",), (), "0733"), ((), ("&FUNDS",), "071"), ((), ("+",), "0733"),
    ]
    assert rescue.line == 13 and rescue.patterns[0].line == 16


def test_multi_word_verbs_and_irregular_forms(dictionary):
    sit = dictionary.blocks[1].forms[1]
    assert (sit.verb, sit.before, sit.after, sit.forms) == ("SIT", (), ("DOWN",), ("SITS", "SAT", "SITTING"))
    wiretap = read_verb_dictionary("--- TAP [---] ---\nWIRE_+TAP\n").blocks[0].forms[0]
    assert (wiretap.verb, wiretap.before, wiretap.after) == ("TAP", ("WIRE",), ())
    assert dictionary.blocks[3].forms[0].forms == ("STRODE", "STRIDDEN", "STRIDING")


def test_synsets_and_comments(dictionary):
    assert dictionary.synsets == {"&FUNDS": ("KRONA", "GOLD BARS", "&COINS"), "&COINS": ("DUCAT",)}
    codes = [p.code for b in dictionary.blocks for p in b.patterns] + [b.code for b in dictionary.blocks]
    assert "999" not in codes


def test_reads_a_file_given_as_path(tmp_path):
    path = tmp_path / "tiny.verbs.txt"
    path.write_text("\ufeff--- HELP [070] ---\r\nHELP\r\n", encoding="utf-8")
    assert read_verb_dictionary(path).blocks[0].forms[0].verb == "HELP"
    with pytest.raises(CodebookError, match="does not exist"):
        read_verb_dictionary(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("--- HELP [070] ---\nHELP\n- * AID [071\n", 3, "not closed"),
        ("--- HELP [070] ---\nHELP\n- AID [071]\n", 3, "one '\\*'"),
        ("--- HELP [070] ---\nHELP\n- * AID\n", 3, "ends with its \\[code\\]"),
        ("HELP [070]\n", 1, "before any"),
        ("--- HELP [070] ---\nHELP {HELPS\n", 2, "\\{...\\}"),
        ("--- HELP [] ---\n", 1, "empty"),
        ("--- HELP [070] ---\nHELP [070] NOW\n", 2, "code comes last"),
        ("--- HELP [070] ---\n+WIRE_+TAP\n", 2, "only one word"),
    ],
)
def test_malformed_lines_name_the_line(text, line, words):
    with pytest.raises(CodebookError, match=rf"<text>, line {line}: .*{words}"):
        read_verb_dictionary(text)


def test_lenient_reading_skips_the_bad_line(caplog):
    text = "--- HELP [070] ---\nHELP\n- * AID [071\n- * LOAN [0711]\n"
    (block,) = read_verb_dictionary(text, strict=False).blocks
    assert [p.after for p in block.patterns] == [("LOAN",)]
    assert "line 3" in caplog.text


# ---- codes ------------------------------------------------------------------------------------


def test_code_mapping_rule():
    cameo = cameo_to_plover()
    assert plover_of("0841", cameo) == ("RETREAT", "exact")
    assert plover_of("174K", cameo) == ("COERCE", "digits")  # a letter suffix is dropped
    assert plover_of("1129", cameo) == ("ACCUSE", "root")  # unknown code, known root 11
    assert plover_of("223", cameo) == ("", "unknown")  # WEIS-style: CAMEO has no root 22
    assert plover_of("012", cameo) == ("", "unknown")  # CAMEO 01 has no PLOVER category
    assert plover_of("ABC", cameo) == ("", "unknown")
    assert plover_of("---", cameo) == ("", "null")


# ---- triggers ---------------------------------------------------------------------------------


def test_verbs_become_lemmas_with_the_block_or_their_own_code(imported):
    triggers, _ = imported
    (rescue,) = by_lemma(triggers, "rescue")
    assert (rescue.plover, rescue.stance, rescue.mode) == ("AID", 1, "material")
    assert rescue.lemmas == {"rescue"}  # SALVAGE is null-coded: it has no trigger of its own
    assert rescue.cameo == "0733"  # the code it stands for, for a stance or intensity of its own
    assert by_lemma(triggers, "rescue", objects={"hostages", "hostage"})[0].cameo == "0841"  # a pattern's own code
    assert not by_lemma(triggers, "salvage")
    (scold,) = by_lemma(triggers, "berate")
    assert scold.lemmas == {"berate", "excoriate"}  # "BERATED" and the stem "EXCORIAT" are read as lemmas
    assert (scold.plover, scold.stance, scold.speech) == ("ACCUSE", -1, True)
    assert not by_lemma(triggers, "convene")  # null-coded block


def test_multi_word_verb_gives_a_particle_and_paired_codes_a_symmetric_trigger(imported):
    triggers, _ = imported
    (sit,) = by_lemma(triggers, "sit", particle={"down"})
    assert sit.plover == "CONSULT" and not sit.symmetric  # its own code, not the block's null code
    assert {t.id for t in triggers if "sit" in t.lemmas} == {sit.id}
    (parley,) = by_lemma(triggers, "parley")
    assert parley.symmetric and parley.plover == "CONSULT"  # [046:046]
    (stride,) = by_lemma(triggers, "stride")
    assert stride.plover == "CONSULT" and stride.symmetric  # [042:043]: both CONSULT


def test_patterns_become_object_and_particle_triggers(imported):
    triggers, _ = imported
    (hostages,) = by_lemma(triggers, "rescue", objects={"hostages", "hostage"})
    assert hostages.plover == "RETREAT"
    (funds,) = [t for t in triggers if "krona" in t.objects]
    assert funds.objects >= {"krona", "bars", "ducat"}  # a synset, its phrases' last words, a synset inside
    (talks,) = by_lemma(triggers, "convene", objects={"talks"})
    assert talks.lemmas == {"convene", "parley"} and talks.plover == "CONSULT"  # one-word verbs of the block
    (with_both,) = by_lemma(triggers, "convene", particle={"with"})
    assert with_both.symmetric  # '%': a compound actor, "A and B"
    (summit,) = by_lemma(triggers, "convene", objects={"summit"})
    assert summit.symmetric


def test_report_lists_what_was_left_out(imported):
    triggers, report = imported
    assert report.blocks == 4 and report.triggers == len(triggers)
    assert [n.split(" (")[0] for n in report.null_verbs] == ["SALVAGE [---]", "CONVENE [---]"]
    assert any("* OFF [---]" in n for n in report.null_patterns)
    assert any("FORMALLY [ABC]" in n for n in report.unknown_codes)
    assert any(n.startswith("1129 -> ACCUSE") for n in report.mapped_by_root)
    assert any("QUIETLY [:110]" in n for n in report.reverse_only)
    reasons = " | ".join(report.patterns_left_out)
    assert "SAID * [0733]" in reasons and "words before the verb" in reasons
    assert "PUBLICLY LOUDLY" in reasons and "more than one word" in reasons
    assert "* + [0733]" in reasons and "nothing after the verb" in reasons  # SALVAGE alone is not coded
    assert report.same_as_verb == 1  # "* HARSHLY [1129]": every verb of the block codes ACCUSE alone
    summary = report.summary(examples=10)
    assert "1129 -> ACCUSE" in summary and "SALVAGE [---] (line 15)" in summary


def test_own_code_map(dictionary, nlp):
    triggers, report = to_triggers(dictionary, nlp, code_map={"07": "AID", "11": "REJECT"}, prefix="mine")
    assert all(t.id.startswith("mine.") for t in triggers)
    assert {t.plover for t in triggers} == {"AID", "REJECT"}
    with pytest.raises(CodebookError, match="SUPPORTIVE"):
        to_triggers(dictionary, nlp, code_map={"07": "SUPPORTIVE"})


def test_imported_triggers_code_sentences_next_to_our_lexicon(imported, nlp, finder):
    triggers, _ = imported
    ours = load_lexicon(project_root() / "codebook", imported=False)  # the hand-written entries alone
    coder = StatementCoder(nlp, add_triggers(ours, triggers))
    doc = nlp("Norway berated Chile on Monday.")
    rows = {(s.source_actor, s.target_actor, s.plover) for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}
    assert ("NOR", "CHL", "ACCUSE") in rows
    plain = StatementCoder(nlp, ours)
    assert not {(s.source_actor, s.target_actor) for s in plain(doc, finder(doc, dt.date(2025, 3, 1)), "t")} & {("NOR", "CHL")}
    with pytest.raises(CodebookError, match="repeat trigger ids"):
        add_triggers(ours, triggers[:1] * 2)


def test_layout_of_the_large_cameo_dictionaries(nlp):
    text = """\
####### SYNONYM SETS #######
&ARMOUR_
# members may hold digits, '/', '-' and apostrophes
+T-90/B_TANK
+50-CALIBER
+MOLE'S_GUN

####### VERB PATTERNS #######
---  HASTEN   [---]  ---
HASTEN
+FRETTED_AT {}
SPEED {SPEEDING SPEEDS SPED }
- * (TO)                                    [042:043]     # SPEED
- * {MEDICAL SHIPMENT}                      [073]         # HASTEN
- * (TO LIST) (OF {BANNED GROUPS})          [1722]        # HASTEN
- * OFF (FROM ^)                            [042]         # SPEED
- * (BEFORE COURT)                          [:173]        # HASTEN
- * &ARMOUR                                 [194]
- * DUST                                    [###]
"""
    dictionary = read_verb_dictionary(text)
    (block,) = dictionary.blocks
    assert dictionary.synsets["&ARMOUR"] == ("T-90/B TANK", "50-CALIBER", "MOLE'S GUN")
    assert block.forms[1].verb == "FRETTED" and block.forms[1].forms == () and block.patterns[-1].code == "###"
    triggers, report = to_triggers(dictionary, nlp)
    shapes = {(t.plover, t.particle, t.objects) for t in triggers}
    assert ("CONSULT", frozenset({"to"}), frozenset()) in shapes  # '(TO)' alone: a preposition
    assert ("AID", frozenset(), frozenset({"shipment"})) in shapes  # '{...}': a noun phrase, its head word
    assert ("CONSULT", frozenset({"off"}), frozenset()) in shapes  # '(FROM ^)': a preposition and an actor slot
    assert ("ASSAULT", frozenset(), frozenset({"tank", "50-caliber", "gun"})) in shapes
    assert all(t.lemmas == {"hasten", "speed"} for t in triggers)  # the block's one-word verbs
    assert any("BANNED GROUPS" in n for n in report.patterns_left_out)
    assert any("(BEFORE COURT)" in n for n in report.reverse_only)
    assert any("DUST [###]" in n for n in report.null_patterns)


def test_target_before_the_verb_and_source_after_from_is_a_reverse_trigger(nlp, finder):
    dictionary = read_verb_dictionary("--- UNSHACKLE [0841] ---\nUNSHACKLE\n- + * FROM $  [0841]\n- * FROM  [0841]\n")
    triggers, report = to_triggers(dictionary, nlp)
    (reverse,) = [t for t in triggers if t.reverse]
    assert reverse.particle == {"from"} and reverse.plover == "RETREAT" and report.same_as_verb == 1
    coder = StatementCoder(nlp, add_triggers(load_lexicon(project_root() / "codebook"), triggers))
    doc = nlp("Chile was unshackled from Peru on Monday.")  # the passive subject receives, "from" gives
    assert {(s.source_actor, s.target_actor) for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")} == {("PER", "CHL")}


def test_lenient_reading_skips_a_bad_block_with_its_verbs(caplog):
    text = "--- HELP [070] ---\nHELP\n--- SCOLD [111 ---\nSCOLD\n- * HARSHLY [1129]\n--- PRAISE [051] ---\nPRAISE\n"
    blocks = read_verb_dictionary(text, strict=False).blocks
    assert [(b.name, [f.verb for f in b.forms], len(b.patterns)) for b in blocks] == [("HELP", ["HELP"], 0), ("PRAISE", ["PRAISE"], 0)]
    assert "line 3" in caplog.text and "line 4" in caplog.text


def test_a_pattern_can_be_kept_to_the_verbs_its_comment_says_it_was_found_with(nlp):
    text = "--- GUARD [050] ---\nGUARD\nWATCH\n- * VIGIL [141]  # WATCH\n- * TREATY [081]\n- * FORT [191]  # SET_UP\n"
    dictionary = read_verb_dictionary(text)
    assert [p.comment for p in dictionary.blocks[0].patterns] == ["WATCH", "", "SET_UP"]
    whole, _ = to_triggers(dictionary, nlp)
    assert by_lemma(whole, "guard", objects={"vigil"})  # PETRARCH's reading: every verb of the block
    kept, report = to_triggers(dictionary, nlp, found_with=True)
    (vigil,) = [t for t in kept if "vigil" in t.objects]
    assert vigil.lemmas == {"watch"}
    (treaty,) = [t for t in kept if "treaty" in t.objects]
    assert treaty.lemmas == {"guard", "watch"}  # no comment: the whole block
    assert not [t for t in kept if "fort" in t.objects]
    assert any("SET_UP" in item for item in report.patterns_left_out)


def test_a_pattern_told_only_from_the_target_side_can_become_a_reverse_trigger(nlp):
    text = """--- SUFFER [---] ---
SUFFER
- * REBUKE                                  [:111]        # SUFFER
- * (TO)                                    [:075]        # SUFFER
- * BORDER (INTO)                           [:074]        # SUFFER
"""
    dictionary = read_verb_dictionary(text)
    triggers, report = to_triggers(dictionary, nlp)
    assert triggers == [] and len(report.reverse_only) == 3  # left out by default
    triggers, report = to_triggers(dictionary, nlp, reverse_only=True)
    (rebuke,) = triggers  # "X suffered a rebuke from Y": Y accuses X
    assert (rebuke.plover, rebuke.reverse, rebuke.symmetric, rebuke.objects, rebuke.cameo) == ("ACCUSE", True, False, {"rebuke"}, "111")
    assert any("REBUKE" in n for n in report.reverse_made)
    # no object word, or another preposition: the other party is not the actor after "from"
    assert sum("not after 'from'" in n for n in report.patterns_left_out) == 2


def test_forms_the_pipeline_lemmatises_as_another_verb_are_listed(nlp):
    from newscoder.petrarch_verbs import misread_forms
    forms = misread_forms(nlp)
    assert "waged" in forms("wage") and "staged" in forms("stage")  # read as "wag", "stag"
    assert forms("kill") == frozenset() and forms("attack") == frozenset()
    triggers, _ = to_triggers(read_verb_dictionary("--- WAGE [190] ---\nWAGE\n"), nlp)
    assert {"wage", "waged", "waging"} <= triggers[0].lemmas


# ---- entries alike but for their code ---------------------------------------------------------


SAME_SHAPE = """\
--- HOLD UP [---] ---
MOUNT
- * {PRETEND RAID}          [150]   # MOUNT
- * RAID                    [190]   # MOUNT
- * {NIGHT RAID}            [195]   # MOUNT
- * BLOCKADE (OF)           [191]   # MOUNT
- * {NAVAL BLOCKADE}        [191]   # MOUNT
- * {SEA BLOCKADE}          [195]   # MOUNT
- * PARADE (FOR)            [141]   # MOUNT
- * {VICTORY PARADE}        [051]   # MOUNT
- * VIGIL                   [141]   # MOUNT
"""


def test_entries_alike_but_for_their_code_keep_the_plain_pattern_or_the_majority(nlp):
    from newscoder.petrarch_verbs import VerbImport, resolve_same_shape
    triggers, report = to_triggers(read_verb_dictionary(SAME_SHAPE), nlp)
    # "mounted a raid": the pattern that dropped no word (RAID, 190) wins over {PRETEND RAID} 150
    (raid,) = by_lemma(triggers, "mount", objects={"raid"})
    assert (raid.plover, raid.cameo) == ("ASSAULT", "190")
    # "mounted a blockade": no plain pattern; two of three say COERCE (191), one ASSAULT (195)
    (blockade,) = by_lemma(triggers, "mount", objects={"blockade"})
    assert (blockade.plover, blockade.cameo) == ("COERCE", "191")
    # "mounted a parade": PROTEST 141 against SUPPORT 051, one each: a tie, left out and listed
    assert not by_lemma(triggers, "mount", objects={"parade"})
    assert report.same_shape_left_out == ["mount parade: 141 PROTEST, 051 SUPPORT"]
    assert len(report.same_shape_resolved) == 2
    assert by_lemma(triggers, "mount", objects={"vigil"})  # alone in its shape: untouched
    # the rule on entries alone: plain entries that disagree leave the decision to the majority
    make = lambda i, plover, code: replace(raid, id=i, plover=plover, cameo=code)
    group = [make("a", "PROTEST", "141"), make("b", "ASSAULT", "190"), make("c", "ASSAULT", "195")]
    kept = resolve_same_shape(group, {"c": 1}, VerbImport())
    assert [t.id for t in kept] == ["b"]


def test_the_shipped_cameo_lexicon_has_no_entries_alike_but_for_their_code():
    import json
    entries = json.loads((project_root() / "codebook" / "triggers_cameo.json").read_text("utf-8"))["triggers"]
    shapes = {}
    for e in entries:
        key = (tuple(e["lemmas"]), tuple(e.get("particle", [])), tuple(e.get("objects", [])), e.get("reverse", False))
        shapes.setdefault(key, set()).add(e["cameo"])
    assert not [key for key, codes in shapes.items() if len(codes) > 1]
