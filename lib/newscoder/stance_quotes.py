"""First person inside a quotation: "we", "us" and "our" are the quoted speaker's actor.

"“We are no threat to Chile,” said a Bolivian minister": "we" is Bolivia, the speaker's country,
whatever actor the quotation names before it ("“Chile knows that we are no threat,” she said" is not
Chile calling itself no threat). The speaker is the subject of a speech verb (the lexicon's
`speech_verbs`) outside the quotation, in the sentence where it ends or begins ("..., said A",
"A said: “...”"). With no such speaker, or one the text resolves only to an actor named inside the
quotation, the rule does not apply and the pronoun is read as any other. The pronouns are data:
`quoted_first_person` in codebook/stance_rules.yaml. The row keeps the speaker's `how`, marked
`quoted_speaker` (confidence medium: the role comes from another clause), or the way a pronoun
speaker was resolved across sentences (low).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .date_clauses import quotation_spans, quoted_tokens

if TYPE_CHECKING:
    from .stance import Party, StatementCoder, _Context

QUOTED_SPEAKER = "quoted_speaker"  # Party.how of a first-person pronoun read as the quotation's speaker


def first_person_in_quote(coder: StatementCoder, head: Token, ctx: _Context) -> list[Party] | None:
    """The speaker's actors for a first-person pronoun (`quoted_first_person`) inside a quotation.

    coder (StatementCoder): the coder (its rules, lexicon and noun-phrase reading).
    head (Token): the pronoun.
    ctx (_Context): the document's mentions.
    RETURNS (list[Party] | None): the speaker's parties, marked `quoted_speaker`; None when the
        word is no such pronoun, stands in no quotation, or the quotation has no speaker outside it.
    """
    if head.lower_ not in coder.rules.quoted_first_person or head.text == "US":
        return None
    quote = next(((a, b) for a, b in quotation_spans(head.doc) if a <= head.i < b), None)
    if quote is None:
        return None
    speaker = _speaker_of(coder, quote, head.doc, ctx)
    if not speaker:
        return []
    return [p if p.how in coder.rules.remote_parties else replace(p, how=QUOTED_SPEAKER) for p in speaker]


def _speaker_of(coder: StatementCoder, quote: tuple[int, int], doc: Doc, ctx: _Context) -> list[Party]:
    """The actors of the subject of a speech verb outside every quotation, in the sentence that
    holds the quotation's last or first word (nearest the quotation first), else in the sentence
    just before one it opens; never an actor named inside a quotation."""
    a, b = quote
    spans = quotation_spans(doc)
    quoted = quoted_tokens(doc)
    inside = [(doc[start].idx, doc[end - 1].idx + len(doc[end - 1])) for start, end in spans]
    sentences = [doc[b - 1].sent]
    if doc[a].sent.start != sentences[0].start:
        sentences.append(doc[a].sent)
    opening = doc[a].sent.start
    before = doc[opening - 1].sent if opening > 0 else None
    if before is not None and a - opening <= 1 and any(i in quoted for i in range(before.start, before.end)):
        # "“...,” A stated. “... we ...”": a quotation opening the sentence after an attributed
        # quotation goes on in the same speaker's words
        sentences.append(before)
    words = coder.lexicon.speech_verbs
    for sent in sentences:
        verbs = [t for t in sent if t.i not in quoted and t.lemma_.lower() in words and t.pos_ in ("VERB", "AUX")]
        verbs.sort(key=lambda t: min(abs(t.i - a), abs(t.i - b)))
        for verb in verbs:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in quoted), None)
            if subj is None:
                continue
            found = [p for p in coder.parties(subj, ctx, 1) if not any(x <= p.start_char < y for x, y in inside)]
            if not found and subj.lower_ in ("he", "she") and ctx.last_person is not None:
                found = [ctx.last_person]  # "“... Boric ...,” she said": not Boric, the person named before
            if not found and subj.lower_ in coder.rules.subject_pronouns and ctx.previous_subject[0] is not None:
                # "A Bolivian envoy arrived. “We ...,” she said": the last sentence's subject (low)
                found = [replace(p, how="previous_subject") for p in ctx.previous_subject[1]]
            if found:
                return found
    return []
