"""What the statement coder left out, so that a user can see what to add.

`uncoded_rows` is run by the coding pass on every document; its rows make `uncoded.csv`
(SCHEMA.md): each trigger a filter dropped (the filter's name, `stance_rules.TRIGGER_FILTERS`),
each trigger kept in a sentence that names an actor but that gave no row (the step of the coder
that ended it: no actor in its clause, no target, a repeat of another act, ...; `stance_reasons`),
and each verb of a sentence naming two or more actors that is not in the lexicon and gave no row
(a candidate for `codebook/triggers.yaml`). `uncoded_summary` counts them for the
stance notebook; `uncoded_report` does both for parsed documents (tests, a session in a notebook).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from .stance_reasons import NO_ACTOR, NOT_IN_LEXICON
from .tables import UNCODED_COLUMNS

if TYPE_CHECKING:  # the notebook that reads the uncoded table needs none of these, nor spaCy's import time
    from spacy.tokens import Doc

    from .entities import Mention
    from .stance import Coding, StatementCoder


def uncoded_rows(coder: StatementCoder, doc: Doc, mentions: list[Mention], coding: Coding, doc_id: str,
                 sent_ids: dict[int, int] | None = None) -> list[dict]:
    """The rows of uncoded.csv for one coded document.

    coder (StatementCoder): the coder that coded it.
    doc (Doc): the parsed document.
    mentions (list[Mention]): its resolved mentions.
    coding (Coding): what `coder.code` gave for it.
    doc_id (str): the document id.
    sent_ids (dict): token index -> sentence number, as in mentions.csv.
    RETURNS (list[dict]): doc_id, sent_id, start_char, word, lemma, trigger_id, reason; in text order.
    """
    from .stance import ACTOR_KINDS  # here, not at the top: see TYPE_CHECKING above

    sent_ids = sent_ids or {}
    rows: list[dict] = []

    def row(token_i: int, trigger_id: str, reason: str) -> dict:
        token = doc[token_i]
        return {"doc_id": doc_id, "sent_id": sent_ids.get(token_i, 0), "start_char": token.idx, "word": token.text,
                "lemma": token.lemma_.lower(), "trigger_id": trigger_id, "reason": reason}

    dropped = {d.token for d in coding.drops}
    rows += [row(d.token, d.trigger_id, d.filter) for d in coding.drops]
    coded_sents = {s.start_char for s in coding.statements}
    coded_triggers = {s.trigger_start for s in coding.statements}
    actor_starts = sorted(m.start for m in mentions if m.actor_id and m.kind in ACTOR_KINDS)
    actors_at: dict[int, set[str]] = {}
    for m in mentions:
        if m.actor_id and m.kind in ACTOR_KINDS:
            actors_at.setdefault(m.start, set()).add(m.actor_id)
    for sent in doc.sents:
        actors = {a for i in actor_starts if sent.start <= i < sent.end for a in actors_at[i]}
        if not actors:
            continue
        for token in sent:
            if token.i in dropped:
                continue
            entry = coder.trigger_of(token)
            if entry is not None:
                if token.idx not in coded_triggers:
                    # the step of the coder that ended the trigger (`Coding.no_row`); a trigger word the
                    # screen never saw as one of its sentence's kept triggers has no actor to start from
                    rows.append(row(token.i, entry.id, coding.no_row.get(token.i, NO_ACTOR)))
            elif len(actors) >= 2 and token.pos_ == "VERB" and sent.start_char not in coded_sents:
                rows.append(row(token.i, "", NOT_IN_LEXICON))
    return sorted(rows, key=lambda r: r["start_char"])


def sentence_texts(sentences: pd.DataFrame, texts: dict[str, str]) -> dict[tuple[str, int], str]:
    """(doc_id, sent_id) -> the sentence's text, from the sentences table and the documents' texts."""
    return {(r.doc_id, int(r.sent_id)): texts[r.doc_id][r.start_char:r.end_char].strip()
            for r in sentences.itertuples() if r.doc_id in texts}


def uncoded_summary(uncoded: pd.DataFrame, sentence_of: dict[tuple[str, int], str] | None = None, top: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The most frequent reasons triggers gave no row, and the most frequent verbs the lexicon lacks.

    uncoded (DataFrame): the uncoded table.
    sentence_of (dict): (doc_id, sent_id) -> sentence text, for an example of each; empty: none.
    top (int | None): rows to keep of each table, most frequent first; None keeps all.
    RETURNS (tuple[DataFrame, DataFrame]): reasons (reason, trigger_id, n, example) and verbs
        (lemma, n, example), sorted by count, then name.
    """
    sentence_of = sentence_of or {}

    def example(group: pd.DataFrame) -> str:
        first = group.iloc[0]  # the group's first in text order: `uncoded` is sorted below, once
        return sentence_of.get((first["doc_id"], int(first["sent_id"])), "")

    uncoded = uncoded.sort_values(["doc_id", "start_char"], kind="stable")  # not once per group: ~1 s per notebook
    triggers = uncoded[uncoded["reason"] != NOT_IN_LEXICON]
    reasons = [(r, t, len(g), example(g)) for (r, t), g in triggers.groupby(["reason", "trigger_id"], sort=True)]
    reasons = sorted(reasons, key=lambda x: (-x[2], x[0], x[1]))[:top]
    verbs = [(lemma, len(g), example(g)) for lemma, g in uncoded[uncoded["reason"] == NOT_IN_LEXICON].groupby("lemma", sort=True)]
    verbs = sorted(verbs, key=lambda x: (-x[1], x[0]))[:top]
    return (pd.DataFrame(reasons, columns=["reason", "trigger_id", "n", "example"]),
            pd.DataFrame(verbs, columns=["lemma", "n", "example"]))


def uncoded_report(coder: StatementCoder, documents: Iterable[tuple[Doc, list[Mention], str]], top: int = 20) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reasons and uncoded verbs over parsed documents, coded here (as `uncoded_summary`).

    coder (StatementCoder): the coder to explain.
    documents (Iterable): (parsed Doc, its mentions, doc_id) for each document.
    top (int): how many rows of each table to keep, most frequent first.
    """
    rows, sentence_of = [], {}
    for doc, mentions, doc_id in documents:
        sent_ids = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
        rows += uncoded_rows(coder, doc, mentions, coder.code(doc, mentions, doc_id, sent_ids), doc_id, sent_ids)
        sentence_of.update({(doc_id, n): sent.text.strip() for n, sent in enumerate(doc.sents)})
    return uncoded_summary(pd.DataFrame(rows, columns=UNCODED_COLUMNS), sentence_of, top)

