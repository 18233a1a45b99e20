"""What the statement coder left out, so that a user can see what to add: filter drops and uncoded verbs.

`uncoded_report(coder, documents)` codes each (Doc, mentions, doc_id) again and returns two tables:
the most frequent reasons triggers were dropped (the filter's name, stance_rules.TRIGGER_FILTERS),
and the verbs of sentences that name two or more actors but gave no row — candidates for
codebook/triggers.yaml.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd
from spacy.tokens import Doc

from .entities import Mention
from .stance import ACTOR_KINDS, StatementCoder


def uncoded_report(coder: StatementCoder, documents: Iterable[tuple[Doc, list[Mention], str]], top: int = 20) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Drop reasons and uncoded verbs over documents.

    coder (StatementCoder): the coder to explain.
    documents (Iterable): (parsed Doc, its mentions, doc_id) for each document.
    top (int): how many rows of each table to keep, most frequent first.
    RETURNS (tuple[DataFrame, DataFrame]): drops (filter, trigger_id, n, example) and verbs
        (lemma, n, example), sorted by count then name.
    """
    drops: Counter[tuple[str, str]] = Counter()
    drop_example: dict[tuple[str, str], str] = {}
    verbs: Counter[str] = Counter()
    verb_example: dict[str, str] = {}
    for doc, mentions, doc_id in documents:
        coding = coder.code(doc, mentions, doc_id)
        for d in coding.drops:
            key = (d.filter, d.trigger_id)
            drops[key] += 1
            drop_example.setdefault(key, doc[d.token].sent.text.strip())
        coded = {s.start_char for s in coding.statements}
        for sent in doc.sents:
            actors = {m.actor_id for m in mentions if m.actor_id and m.kind in ACTOR_KINDS and sent.start <= m.start < sent.end}
            if len(actors) < 2 or sent.start_char in coded:
                continue
            for token in sent:
                if token.pos_ == "VERB" and coder.trigger_of(token) is None:
                    lemma = token.lemma_.lower()
                    verbs[lemma] += 1
                    verb_example.setdefault(lemma, sent.text.strip())
    drop_rows = sorted(((f, t, n, drop_example[(f, t)]) for (f, t), n in drops.items()), key=lambda r: (-r[2], r[0], r[1]))[:top]
    verb_rows = sorted(((v, n, verb_example[v]) for v, n in verbs.items()), key=lambda r: (-r[1], r[0]))[:top]
    return (pd.DataFrame(drop_rows, columns=["filter", "trigger_id", "n", "example"]),
            pd.DataFrame(verb_rows, columns=["lemma", "n", "example"]))
