"""Armed groups named again by a common noun: "the militants", "the gunmen", "the gang".

"The Ruritanian Liberation Army shelled the town on Monday. ... *The rebels* said they had
withdrawn": a definite noun for fighters or criminals (an agent noun of `group_sectors`, such as
REB or CRM) that names no actor of its own refers back to the armed group the article named last
with a name of that sector, as "the army" refers back to the army named before (rule
`group_named_before`, codebook/README.md "Who is meant"; a back-reference: confidence low).
Word lists: `group_sectors` and `referring_determiners` in codebook/stance_rules.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .entities import Mention
    from .stance import Party, StatementCoder, _Context

NAMED_KINDS = frozenset({"actor", "institution"})  # a group named by its own name, not "Syrian rebels"


def group_named_before(coder: StatementCoder, head: Token, m: Mention | None, ctx: _Context) -> list[Party] | None:
    """The armed group a definite agent noun of a group sector refers back to: "The Ruritanian
    Liberation Army shelled the town. ... *The rebels* said" -> the RLA (how `anaphor`). The noun has
    "the", "this" or "that" and its mention no actor; the group is the last actor named by its own
    name (`NAMED_KINDS`) with one of `group_sectors` before the noun. None when it does not apply."""
    from .stance import Party

    if m is None or m.kind != "agent" or m.actor_id or m.sector not in coder.rules.group_sectors:
        return None
    if not any(c.dep_ == "det" and c.lower_ in coder.rules.referring_determiners for c in head.children):
        return None
    before = [o for o in ctx.mention_at.values() if o.end <= m.start and o.actor_id and o.kind in NAMED_KINDS and o.sector in coder.rules.group_sectors]
    if not before:
        return None
    last = max(before, key=lambda o: o.start)
    return [Party(last.actor_id, "", "anaphor", last.start_char)]
