"""Why a trigger the filters kept gave no row: the `reason` values of uncoded.csv (docs/SCHEMA.md).

The statement coder (`stance.StatementCoder.code`) records one of these for every kept trigger
that ends without a row, at the step that ended it; `stance_report.uncoded_rows` writes it. Plain
strings, so that the notebook that reads the table need not import the coder.
"""

from __future__ import annotations

# `statements` found neither a source nor a target actor in the trigger's clause
NO_ACTOR = "no actor in its clause"
# a target was found but no source ("the shelling of Peru", with no one said to do it)
NO_SOURCE = "no source actor"
# a receiving act ("received arms from B") without both the giver and the receiver
NO_GIVER = "no giver or receiver"
# a noun act with a source but no one it is aimed at ("Chilean airstrikes" alone)
NOUN_NO_TARGET = "noun act with no target"
# a source, but neither a target actor nor an issue ("Chile condemned the verdict")
NO_TARGET = "no target or issue"
# every target found was the source itself, in the same sector ("Chile urged Chile")
OWN_TARGET = "source is its own target"
# the same statement as a trigger governing it ("convened for discussions": rule `_outer_acts_only`)
OUTER_ACT = "repeats the act of a governing trigger"
# a noun phrase naming an act already coded ("A and B met. The meeting ...")
NAMED_BEFORE = "names an act coded before"
# the same statement as another trigger of the sentence gave, kept there (`_dedupe`)
DUPLICATE = "same statement as another trigger"
# a verb of a sentence naming two or more actors that is not in the lexicon
NOT_IN_LEXICON = "verb not in the lexicon"

NO_ROW_REASONS = (NO_ACTOR, NO_SOURCE, NO_GIVER, NOUN_NO_TARGET, NO_TARGET, OWN_TARGET, OUTER_ACT, NAMED_BEFORE, DUPLICATE)
