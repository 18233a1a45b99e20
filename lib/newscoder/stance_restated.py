"""An issue named only by the act's own words is no issue the act is for or against.

"Chile *imposed sanctions*", "the US is *reimposing sanctions* lifted under the deal", "filed a
*lawsuit*": the issue phrase (SANCTIONS, LEGAL_PROCEEDINGS) is the word that makes the trigger an
act, the object its lexicon entry requires (`Trigger.objects`) or the noun trigger itself. A row
toward that issue alone would say the actor is for or against its own measure (-1 toward
sanctions for imposing them); the act is aimed at an actor or at nothing the sentence names, so
the row is left out (no target, no issue). An issue named beside the act ("backed a round of UN
*sanctions*", "condemned the *sanctions*": the object of a verb that needs none) is still its issue,
and so is one in a row that has a target actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from .lexicon import Trigger
    from .stance import StatementCoder

OWN_OBJECT_DEPS = ("dobj", "obj", "nsubjpass", "attr")


def issue_restates_act(coder: StatementCoder, token: Token, entry: Trigger, issue: str, doc: Doc) -> bool:
    """Is this issue named by the trigger's own words: the trigger, or an object word its entry needs?

    coder (StatementCoder): the coder (its issue matchers).
    token (Token): the trigger.
    entry (Trigger): its lexicon entry.
    issue (str): the issue `issue_of` found ("" for none).
    doc (Doc): the document.
    RETURNS (bool): True when the issue only restates the act ("imposed *sanctions*").
    """
    if not issue:
        return False
    spans = [doc[token.i:token.i + 1]]
    if entry.objects:
        spans += [doc[c.left_edge.i:c.i + 1] for c in token.children
                  if c.dep_ in OWN_OBJECT_DEPS and (c.lemma_.lower() in entry.objects or c.lower_ in entry.objects)]
    return any(found == issue for span in spans for _, found in coder._issues_in(span))
