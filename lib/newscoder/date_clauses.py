"""What the grammar of an act's clause says about its time, as tests on spaCy tokens: a future or
a plan ("will meet", "plans to meet"), a condition ("if Chile sends troops"), a habit ("regularly
shells"), a state ("still supports"), a perfect ("had agreed"), a report ("said Japan had lodged a
protest"), a quotation. `dates.DocumentDates` uses them to decide which acts get which date.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .doctext import doc_text
from .time_words import (
    BACKGROUND_NOUNS,
    BACKGROUND_PREPS,
    DAY_COUNTS,
    DEMAND_MODALS,
    EVENT_WORDS,
    FORWARD_MARKERS,
    FUTURE_MARKERS,
    FUTURE_VERBS,
    HABITUAL_WORDS,
    MODAL_WORDS,
    RECENT_WORDS,
    SPEECH_VERBS,
    STATIVE_VERBS,
    word_list,
)


QUOTES = "“”\"«»"  # double quotes only: a single ’ is as often an apostrophe


def looks_forward(token: Token) -> bool:
    """Whether a date in the clause of `token` lies ahead: a future, or a future in the past
    ('said it would expel them on January 8')."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return is_future(token) or any(c.dep_ == "aux" and c.lower_ in FORWARD_MARKERS for c in verb.children)


def is_future(token: Token) -> bool:
    """Whether the clause of `token` looks forward: 'will meet', 'is set to meet', 'plans to meet'."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in FUTURE_MARKERS:
            return True
    if verb.lemma_.lower() in FUTURE_VERBS and verb.tag_ == "VBN" and (any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ in ("acl", "amod")):
        return True  # "talks are scheduled for May 3", "the vote is set for Sunday", "talks set for Friday"
    head = verb.head
    if verb.dep_ == "xcomp" and (head.lemma_ in FUTURE_VERBS or head.lemma_ == "be" and head.lower_ in ("is", "are")):
        return True
    return False


_QUOTES = "newscoder_quotation_spans"


def quotation_spans(doc: Doc) -> list[tuple[int, int]]:
    """The quotations of a document as token ranges [start, end) of the words between the marks
    (“...”, "...", «...»; a quotation is not carried over a blank line)."""
    if _QUOTES in doc.user_data:
        return doc.user_data[_QUOTES]
    text = doc_text(doc)
    chars: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate(text):
        if ch in "“«" or ch == '"' and start is None:
            start = i
        elif ch in "”»" or ch == '"':
            if start is not None:
                chars.append((start, i))
            start = None
        elif ch == "\n" and start is not None and text[i - 1: i] == "\n":
            start = None
    spans = []
    for a, b in chars:
        inside = [t.i for t in doc if a < t.idx < b]
        if inside:
            spans.append((inside[0], inside[-1] + 1))
    doc.user_data[_QUOTES] = spans
    return spans


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside double quotation marks (“...”, "...", «...»), kept per Doc."""
    if "newscoder_quoted" not in doc.user_data:
        doc.user_data["newscoder_quoted"] = {i for a, b in quotation_spans(doc) for i in range(a, b)}
    return doc.user_data["newscoder_quoted"]


FIRST_PERSON = frozenset({"i", "we"})
CONTENT_PREPS = word_list("content_preps")
CONDITIONS = word_list("condition_marks")


def is_conditional(token: Token) -> bool:
    """Whether `token` lies in a condition: 'warned it would respond if Chile *sent* troops',
    'unless Peru *withdraws*'. (The consequence, 'would respond', is not the condition.)

    The clause verbs from `token` up to its sentence's root are checked for a mark 'if'/'unless'.
    """
    node = token
    while True:
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head


def quoting_verb(verb: Token) -> Token | None:
    """The verb of saying outside the quotation that a quoted modal clause is the words of
    ('“Both sides must stop shelling,” the envoy said on Monday': 'said'), or None."""
    quoted = quoted_tokens(verb.doc)
    modal = next((a for a in auxiliaries(verb) if a.lower_ in MODAL_WORDS), None)
    if modal is None or modal.i not in quoted:
        return None
    head = verb.head
    if head.i != verb.i and head.i not in quoted and head.lemma_.lower() in SPEECH_VERBS and not is_negated(head):
        return head
    return None


def reported_demand(verb: Token) -> Token | None:
    """The verb of saying that reports a demand told with 'must' or 'should' (`demand_modals`):
    'the envoy said on Monday that both sides *must stop* shelling' gives 'said', the speaker's
    stance taken as they speak; None for other modals ('said Peru *could strike*': only possible)."""
    if not any(a.lower_ in DEMAND_MODALS for a in auxiliaries(verb)):
        return None
    return reported_by(verb)


TIME_MARKS = word_list("time_marks")


def in_future_time_clause(token: Token) -> bool:
    """Whether `token` lies in a clause of time under a future act: 'Peru will respond *when Chile
    withdraws*', 'would stay *until the vote is held*' (told in the present, done later, if at all)."""
    verb = _path_to_clause(token)[-1]
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS and c.i < verb.i for c in verb.children):
        return False
    head = verb.head
    return is_future(head) or any(a.dep_ == "aux" and a.lower_ in FORWARD_MARKERS for a in head.children)


def auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def is_present_act(verb: Token) -> bool:
    """'accuses', 'is shelling', 'has suspended', 'are expelled': told in the present, no modal."""
    auxes = auxiliaries(verb)
    if any(a.tag_ == "MD" for a in auxes):
        return False
    if auxes and auxes[0].lemma_ == "do":
        return auxes[0].tag_ in ("VBZ", "VBP") and verb.tag_ == "VB"  # "does not accept"
    if not auxes:
        # a headline's "Chile and Peru hold talks" is often tagged VB: a subject and no auxiliary say present
        # (not an imperative, which opens its sentence)
        return verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VB" and (any(c.dep_ == "nsubj" for c in verb.children) or verb.i > verb.sent.start)
    return verb.tag_ in ("VBN", "VBG") and auxes[0].tag_ in ("VBZ", "VBP")


def is_present_perfect(verb: Token) -> bool:
    """'has suspended', 'have been shelling' (not 'had agreed')."""
    return any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries(verb))


def tensed_verb(token: Token, top: Token) -> Token:
    """The verb whose tense tells when the act at `token` happened: its own, else the first verb
    above it, else `top` ('Aid agencies ready convoys as both sides *trade* blame': 'trade')."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.i != top.i:
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else top


def is_background(token: Token) -> bool:
    """'the Bahamas, which have pledged officers', 'a Briton held by Kurds': a relative clause or a
    participle on a noun (used for present perfects, which are otherwise the story's news)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON")


def day_count_before_mark(verb: Token) -> tuple[int, str] | None:
    """The signed count in days of '*three days after* Chile shelled the port' at the clause verb
    ('shelled'), and its unit: (-3, 'day') (+3 for 'before'); '*a week after* ...' gives (-7, 'week');
    None without a written count ('days after', 'hours after').
    Example: 'a day after Chile expelled two envoys' gives (-1, 'day') at 'expelled'.
    """
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    if not marks or marks[0].i < 2:
        return None
    unit, number = verb.doc[marks[0].i - 1], verb.doc[marks[0].i - 2]
    if unit.lower_ not in ("day", "days", "week", "weeks"):
        return None
    n = 1 if number.lower_ == "the" else DAY_COUNTS.get(number.lower_) or (int(number.text) if number.text.isdigit() else None)
    if n is None:
        return None
    days = n * (7 if unit.lower_.startswith("week") else 1)
    return (-days if marks[0].lower_ == "after" else days), unit.lower_.rstrip("s")


def planned_infinitive(verb: Token) -> Token | None:
    """The infinitive a plan told in the present looks forward to, or None: 'Russia is planning *to
    keep* troops there', 'Chile plans *to host* the summit', 'the envoy is *to hold* talks', 'drills
    are due *to begin* next week' (a `future_verbs` verb, or 'be' with 'to' or with such an adjective).
    """
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxes = auxiliaries(verb)
    tensed = auxes[0] if auxes else verb
    if tensed.tag_ not in ("VBZ", "VBP") or any(a.tag_ == "MD" or a.lemma_ == "have" for a in auxes):
        return None
    heads = [verb] if verb.lemma_.lower() in FUTURE_VERBS or verb.lemma_ == "be" else []
    if verb.lemma_ == "be":
        heads += [c for c in verb.children if c.dep_ == "acomp" and c.lemma_.lower() in FUTURE_VERBS]
    for head in heads:
        for c in head.children:
            if c.dep_ == "xcomp" and c.tag_ in ("VB", "VBN") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return c  # ("the accord is due *to be signed* on Friday")
    return None


def is_future_in_past(token: Token) -> bool:
    """'said the sponsors *would raise* every complaint': a plan reported in the past, not yet done."""
    verb = _path_to_clause(token)[-1]
    quoted = quoted_tokens(token.doc)
    # ('would “issue a statement rejecting the congress”': the 'would' is the writer's, outside the quotation)
    return any(a.dep_ == "aux" and a.lower_ in FORWARD_MARKERS and a.i not in quoted for a in verb.children) and not is_negated(verb)


def _path_to_clause(token: Token) -> list[Token]:
    """`token` and its heads up to and including the first verb (the clause it belongs to)."""
    path = [token]
    while path[-1].pos_ not in ("VERB", "AUX") and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def reported_by(verb: Token) -> Token | None:
    """The verb of saying whose report `verb` is ('said Japan *had lodged* a protest'), or None
    (also where the saying is denied: 'did not confirm that police had beaten him' reports nothing)."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.i != verb.i and head.lemma_.lower() in SPEECH_VERBS and not is_negated(head):
        return head
    return None


def is_stative_passive(verb: Token) -> bool:
    """'its borders have been closed', 'the fighters have been protected': a present perfect passive
    with no agent tells the state the act left, not the act ('have been closed by Chile' keeps it, and
    so does a passive that keeps an object: 'we have been sent four letters')."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ in ("agent", "dobj") for c in verb.children)


def is_nonfinite(verb: Token) -> bool:
    """A participle or infinitive with no auxiliary and no subject of its own ('a statement
    *rejecting* the plan', 'troops *sent* to the border'): it has no tense, so its time is that of
    the clause it hangs from."""
    return verb.tag_ in ("VBG", "VBN", "VB") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "expl") and c.lower_ != "to" for c in verb.children)


def is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def is_habitual(verb: Token) -> bool:
    """'regularly shells', 'has long criticised', 'meets every year', 'never signs': no one date."""
    near = list(verb.children) + [g for c in verb.children if c.dep_ in ("npadvmod", "prep", "advmod") for g in c.subtree]
    return any(t.lower_ in HABITUAL_WORDS and (t.pos_ in ("ADV", "DET") or t.dep_ in ("neg", "advmod", "det")) for t in near)


def is_stative(verb: Token) -> bool:
    """'Turkey regards the YPG as a terror group', 'still supports': a present state, not an act."""
    return not is_perfect(verb) and verb.lemma_.lower() in STATIVE_VERBS or any(c.lower_ == "still" for c in verb.children)


def is_disposition(verb: Token) -> bool:
    """'the government is unable to help', 'Chile has so far been unwilling to act', told by the
    writer or quoted of a third party (not reported by a verb of saying, not a quoted speaker's own
    'we are unable'): a state of ability or will, not an act."""
    if verb.lemma_ != "be" or verb.dep_ in ("aux", "auxpass", "ccomp"):
        return False
    if verb.i in quoted_tokens(verb.doc) and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in verb.children):
        return False
    return any(c.dep_ == "acomp" and c.pos_ == "ADJ" and any(g.dep_ == "xcomp" and g.tag_ == "VB" for g in c.children)
               for c in verb.children)


def in_background_phrase(node: Token) -> bool:
    """Whether `node` opens, or is the object of, a phrase of circumstance beside the act above it
    (`background_preps`, `background_nouns`): 'despite *pledges* by Chile', '*without* pressure from
    Peru', 'amid *protests*', 'against a backdrop of *threats*'. An act named there takes no date
    from the clause above: it is the setting of that act, at a time the sentence does not give."""
    if node.dep_ in ("prep", "mark") and node.lower_ in BACKGROUND_PREPS:
        return True
    head = node.head
    if head.i == node.i:
        return False
    if node.dep_ in ("pobj", "pcomp") and head.lower_ in BACKGROUND_PREPS:
        return True
    return node.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in BACKGROUND_NOUNS


def is_recent(verb: Token) -> bool:
    """'recently expelled', 'has lately criticised': an adverb that puts the act near the story."""
    return any(t.lower_ in RECENT_WORDS and t.pos_ == "ADV" for t in verb.children)


def is_added(verb: Token, act: Token) -> bool:
    """'X added that <act>', '“<act>,” X added': `act` is reported as more of a report just told."""
    if verb.lemma_ != "add" or verb.tag_ != "VBD" or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    return act.i > verb.i or verb.sent.text.lstrip()[:1] in QUOTES


def refers_to_meeting(sent: Span) -> bool:
    """'the meeting', 'this meeting', 'that summit': the sentence tells of a meeting already named."""
    return any(
        t.lemma_.lower() in EVENT_WORDS and t.pos_ == "NOUN" and any(c.lower_ in ("the", "this", "that") for c in t.children)
        for t in sent
    )


def is_bare_quote(sent: Span) -> bool:
    """A sentence that is a quotation and nothing else: no speaker, no verb of saying of its own."""
    text = sent.text.strip().rstrip(".!?")
    return len(text) > 2 and text[0] in QUOTES and text[-1] in QUOTES and not any(q in text[1:-1] for q in QUOTES)


def is_perfect(token: Token) -> bool:
    """'had agreed', 'have agreed': done at a time the clause does not give."""
    if token.tag_ != "VBN":
        return False
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children) or (previous is not None and previous.lemma_ == "have")
