"""Summaries of the mentions table that the entity notebook shows: small, sorted, testable."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from .boilerplate import Removal
from .corpus import Document

ACTOR_KINDS = {"actor", "demonym", "metonym", "institution", "place", "person", "regime"}


def actor_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """Rows that refer to an actor (directly, or through a person who stood for it)."""
    return mentions[(mentions["actor_id"] != "") & mentions["kind"].isin(ACTOR_KINDS)]


def actors_per_document(mentions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per document: its title and its actors with mention counts, most mentioned first."""
    counts = actor_mentions(mentions).groupby(["doc_id", "actor_id"]).size().rename("n").reset_index()
    counts = counts.sort_values(["doc_id", "n", "actor_id"], ascending=[True, False, True])
    listed = counts.groupby("doc_id").apply(
        lambda g: ", ".join(f"{a} ({n})" for a, n in zip(g["actor_id"], g["n"])), include_groups=False
    )
    table = documents[["doc_id", "published", "outlet", "status"]].copy()
    table["actors"] = table["doc_id"].map(listed).fillna("")
    table["n_actors"] = table["doc_id"].map(counts.groupby("doc_id").size()).fillna(0).astype(int)
    return table.sort_values("doc_id").set_index("doc_id")


def top_persons(mentions: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The most mentioned persons, with the actor(s) they stood for and how many documents name them."""
    persons = mentions[(mentions["kind"] == "person") & (mentions["person"] != "")]
    table = persons.groupby("person").agg(
        mentions=("doc_id", "size"),
        documents=("doc_id", "nunique"),
        actors=("actor_id", lambda s: ", ".join(sorted({a for a in s if a}))),
    )
    table = table.reset_index().sort_values(["mentions", "person"], ascending=[False, True])
    return table.head(n).set_index("person")


def cooccurrence(mentions: pd.DataFrame, unit: str = "sentence", min_count: int = 1) -> pd.DataFrame:
    """Actor x actor counts of the sentences (or documents) in which both are mentioned.

    mentions (DataFrame): the mentions table.
    unit (str): 'sentence' or 'document'.
    min_count (int): drop actors with fewer co-occurrences than this in total.
    RETURNS (DataFrame): a symmetric matrix, actors sorted by id; the diagonal counts units.
    """
    if unit not in ("sentence", "document"):
        raise ValueError(f"unit must be 'sentence' or 'document', not {unit!r}")
    keys = ["doc_id", "sent_id"] if unit == "sentence" else ["doc_id"]
    # Each actor once per unit; joining the unit's actors with themselves gives every ordered pair
    # (a, a included) once per unit they share, counted into the matrix in one step rather than a
    # cell at a time.
    pairs = actor_mentions(mentions)[[*keys, "actor_id"]].dropna(subset=keys).drop_duplicates()
    actors = sorted(set(pairs["actor_id"]))
    joined = pairs.merge(pairs, on=keys)
    index = pd.Index(actors)
    counts = np.zeros((len(actors), len(actors)), dtype=np.int64)
    np.add.at(counts, (index.get_indexer(joined["actor_id_x"]), index.get_indexer(joined["actor_id_y"])), 1)
    matrix = pd.DataFrame(counts, index=actors, columns=actors)
    off_diagonal = matrix.sum(axis=1) - pd.Series(np.diagonal(matrix.to_numpy()), index=actors)
    keep = [a for a in actors if off_diagonal[a] >= min_count]
    return matrix.loc[keep, keep]


def render_entities(text: str, mentions: pd.DataFrame, removals: list[Removal] = (), title: str = "") -> str:
    """The article with its mentions highlighted by displaCy; text, title and labels are escaped.

    text (str): the document text as read from the file.
    mentions (DataFrame): that document's rows of the mentions table.
    removals (list[Removal]): boilerplate spans, shown as REMOVED.
    title (str): a heading above the article.
    RETURNS (str): HTML. Labels show the actor id (persons as PERSON + actor, outlets as OUTLET,
    places used as locations as PLACE).
    """
    ents = [{"start": r.start, "end": r.end, "label": f"REMOVED {r.kind}"} for r in removals]
    for row in mentions.sort_values("start_char").itertuples():
        if row.kind in ("entity",) and not row.actor_id:
            continue
        if row.kind == "person":
            label = f"PERSON {row.actor_id}".strip()
        elif row.kind in ("outlet", "non_actor"):
            label = "OUTLET" if row.kind == "outlet" else "NOT ACTOR"
        elif row.kind == "place" and not row.actor_id:
            label = "PLACE"
        else:
            label = row.actor_id
        ents.append({"start": int(row.start_char), "end": int(row.end_char), "label": label})
    ents.sort(key=lambda e: e["start"])
    colors = {"OUTLET": "#d9d9d9", "NOT ACTOR": "#d9d9d9", "PLACE": "#e8f4d9"}
    colors.update({f"REMOVED {kind}": "#eeeeee" for kind in ("chrome", "caption", "duplicate")})
    colors.update({f"PERSON {a}".strip(): "#f9d8b5" for a in mentions["actor_id"].unique()})
    # displaCy escapes the text but inserts the title and labels as they are: escape them here.
    for ent in ents:
        ent["label"] = html.escape(ent["label"])
    colors = {html.escape(k): v for k, v in colors.items()}
    from spacy import displacy  # imported here: only this view needs spaCy

    return displacy.render(
        {"text": text, "ents": ents, "title": html.escape(title) if title else None}, style="ent", manual=True,
        page=False, jupyter=False, options={"colors": colors},
    )


def removals_table(documents: list[Document]) -> pd.DataFrame:
    """One row per removed stretch of page chrome, caption or repeated line."""
    rows = [
        {"doc_id": d.doc_id, "start_char": r.start, "end_char": r.end, "kind": r.kind, "text": r.text}
        for d in documents
        for r in d.removals
    ]
    return pd.DataFrame(rows, columns=["doc_id", "start_char", "end_char", "kind", "text"]).set_index("doc_id")


def entity_summary(documents: pd.DataFrame, mentions: pd.DataFrame) -> str:
    """A few sentences on what the entity step found, for the notebook's summary."""
    ok = documents[documents["status"] == "ok"]
    actors = actor_mentions(mentions)
    top = actors.groupby("actor_id")["doc_id"].nunique().sort_values(ascending=False)
    top = top.groupby(top).head(len(top)).reset_index().sort_values(["doc_id", "actor_id"], ascending=[False, True])
    persons = mentions[(mentions["kind"] == "person") & (mentions["person"] != "")]
    lines = [
        f"{len(ok)} of {len(documents)} documents analysed; "
        f"{len(documents) - len(ok)} skipped or failed (see status_detail).",
        f"{len(mentions)} entity mentions, {len(actors)} of them referring to "
        f"{actors['actor_id'].nunique()} distinct actors; {persons['person'].nunique()} distinct persons.",
        "Actors named in the most documents: "
        + ", ".join(f"{a} ({n})" for a, n in zip(top["actor_id"].head(5), top["doc_id"].head(5))) + ".",
        f"Outlet names recognised and kept out of the actors: {int((mentions['kind'] == 'outlet').sum())}.",
    ]
    return "\n".join(lines)


# ---- statements -------------------------------------------------------------------------------

def statements_html(statements: pd.DataFrame, texts: dict[str, str], limit: int | None = None) -> str:
    """The coded statements as an HTML table, each sentence with its trigger marked.

    statements (DataFrame): the statements table.
    texts (dict): doc_id -> document text, for the sentence and trigger offsets.
    limit (int): show at most this many rows.
    RETURNS (str): HTML; all corpus text is escaped.
    """
    rows = []
    table = statements.sort_values(["doc_id", "start_char", "statement_id"]).head(limit)
    for r in table.itertuples():
        text = texts[r.doc_id]
        start, end = int(r.start_char), int(r.end_char)
        t0, t1 = int(r.trigger_start), int(r.trigger_end)
        sentence = (
            html.escape(text[start:t0].lstrip()) + "<mark>" + html.escape(text[t0:t1]) + "</mark>" + html.escape(text[t1:end].rstrip())
        )
        toward = html.escape(r.target_actor) or f"<i>{html.escape(r.issue)}</i>"
        issue = f" ({html.escape(r.issue)})" if r.target_actor and r.issue else ""
        rows.append(
            f"<tr><td>{html.escape(r.doc_id[:12])}</td><td>{html.escape(r.source_actor)}</td><td>{toward}{issue}</td>"
            f"<td>{html.escape(r.plover)}</td><td>{int(r.stance):+d}</td><td>{html.escape(r.mode)}</td><td>{sentence}</td></tr>"
        )
    head = "<tr><th>doc</th><th>source</th><th>toward</th><th>PLOVER</th><th>stance</th><th>mode</th><th>sentence</th></tr>"
    return f'<table class="dataframe"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def net_stance(statements: pd.DataFrame) -> pd.DataFrame:
    """Source x target sum of stances (+1 cooperative, -1 conflictual) over statements toward actors."""
    dyadic = statements[statements["target_actor"] != ""]
    if dyadic.empty:
        return pd.DataFrame()
    matrix = dyadic.pivot_table(index="source_actor", columns="target_actor", values="stance", aggfunc="sum", fill_value=0)
    actors = sorted(set(matrix.index) | set(matrix.columns))
    return matrix.reindex(index=actors, columns=actors, fill_value=0).astype(int)


def issue_agreement(statements: pd.DataFrame) -> pd.DataFrame:
    """Actor x issue: how often each actor was for (+) and against (-) each issue, DNA-style."""
    rows = statements[statements["issue"] != ""]
    if rows.empty:
        return pd.DataFrame()
    counts = rows.groupby(["source_actor", "issue", "stance"]).size().unstack("stance", fill_value=0)
    cells = {
        key: " ".join(p for p in (f"+{row.get(1, 0)}" if row.get(1, 0) else "", f"−{row.get(-1, 0)}" if row.get(-1, 0) else "", f"0×{row.get(0, 0)}" if row.get(0, 0) else "") if p)
        for key, row in counts.iterrows()
    }
    table = pd.Series(cells).unstack(fill_value="")
    table.index.name, table.columns.name = "actor", "issue"
    return table.sort_index().sort_index(axis=1)


def uncoded_sentences(sentences: pd.DataFrame, mentions: pd.DataFrame, statements: pd.DataFrame, texts: dict[str, str], min_actors: int = 2) -> pd.DataFrame:
    """Sentences that name at least `min_actors` actors but gave no statement: where to extend the lexicon."""
    actors = actor_mentions(mentions[mentions["kind"] != "place"])
    named = actors.groupby(["doc_id", "sent_id"])["actor_id"].apply(lambda s: ", ".join(sorted(set(s))))
    count = actors.groupby(["doc_id", "sent_id"])["actor_id"].nunique()
    coded = set(zip(statements["doc_id"], statements["sent_id"].astype(int)))
    rows = []
    for r in sentences.itertuples():
        key = (r.doc_id, int(r.sent_id))
        if count.get(key, 0) >= min_actors and key not in coded:
            rows.append({"doc_id": r.doc_id, "sent_id": int(r.sent_id), "actors": named[key], "sentence": texts[r.doc_id][r.start_char : r.end_char].strip()})
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "actors", "sentence"]).set_index(["doc_id", "sent_id"])


CONFIDENCE_LEVELS = ("low", "medium", "high")


def at_confidence(statements: pd.DataFrame, minimum: str = "low") -> pd.DataFrame:
    """The statements whose confidence is `minimum` or higher ('low' keeps all, 'high' only high)."""
    if minimum not in CONFIDENCE_LEVELS:
        raise ValueError(f"confidence must be one of {', '.join(CONFIDENCE_LEVELS)}; got {minimum!r}")
    keep = set(CONFIDENCE_LEVELS[CONFIDENCE_LEVELS.index(minimum):])
    return statements[statements["confidence"].isin(keep)].reset_index(drop=True)


def stance_summary(statements: pd.DataFrame) -> str:
    """A few sentences on what the stance coder found, for the notebook's summary."""
    if statements.empty:
        return "No statements were coded."
    by_plover = statements["plover"].value_counts()
    dyads = statements[statements["target_actor"] != ""].groupby(["source_actor", "target_actor"])["stance"].sum()
    most = dyads.reindex(dyads.abs().sort_values(ascending=False, kind="mergesort").index).head(3)
    lines = [
        f"{len(statements)} statements in {statements['doc_id'].nunique()} documents: "
        f"{int((statements['stance'] > 0).sum())} cooperative, {int((statements['stance'] < 0).sum())} conflictual; "
        f"{int((statements['mode'] == 'material').sum())} material acts.",
        "Most frequent categories: " + ", ".join(f"{k} ({v})" for k, v in by_plover.head(4).items()) + ".",
        "Strongest dyads (net stance): " + ", ".join(f"{s}→{t} ({v:+d})" for (s, t), v in most.items()) + ".",
        f"Statements toward an issue: {int((statements['issue'] != '').sum())}.",
    ]
    return "\n".join(lines)


def dating_table(statements: pd.DataFrame) -> pd.DataFrame:
    """How the statements were dated: counts by precision (rows) and basis (columns)."""
    precisions = ["day", "month", "year", "none"]
    bases = ["explicit", "relative", "publication", "none"]
    table = pd.crosstab(statements["date_precision"], statements["date_basis"])
    table = table.reindex(index=precisions, columns=bases, fill_value=0)
    table.index.name, table.columns.name = "precision", "basis"
    return table


def dated_examples(statements: pd.DataFrame, n: int = 12) -> pd.DataFrame:
    """A sample of dated statements with the words that dated them, in document order."""
    dated = statements[statements["date_precision"] != "none"]
    columns = ["doc_id", "source_actor", "trigger", "target_actor", "event_date", "date_precision", "date_basis", "date_text", "sentence"]
    return dated.sort_values(["doc_id", "start_char", "statement_id"], kind="mergesort")[columns].head(n).reset_index(drop=True)


def events_with_sources(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The events table for reading: date, what happened, and the outlets that reported it."""
    outlet = {d: (o if isinstance(o, str) and o else d) for d, o in zip(documents["doc_id"], documents["outlet"])}
    view = events[["date", "label", "plover", "stance", "n_reports"]].copy()
    view["sources"] = events["doc_ids"].map(lambda ids: "; ".join(sorted({outlet.get(d, d) for d in ids.split(";")})))
    return view.reset_index(drop=True)


def timeline_summary(statements: pd.DataFrame, events: pd.DataFrame, shown: pd.DataFrame) -> str:
    """A few sentences on dating and merging, for the timeline notebook's summary."""
    if statements.empty:
        return "No statements were coded, so there is nothing to date."
    dated = statements["date_precision"] != "none"
    lines = [
        f"{int(dated.sum())} of {len(statements)} statements dated "
        f"({int((statements['date_precision'] == 'day').sum())} to the day, "
        f"{int((statements['date_precision'] == 'month').sum())} to the month, "
        f"{int((statements['date_precision'] == 'year').sum())} to the year).",
        f"They merge into {len(events)} events; {int((events['n_reports'] > 1).sum())} are reported by more than one article.",
        f"The timeline shows {len(shown)} events.",
    ]
    top = events.sort_values(["n_reports", "n_statements", "date"], ascending=[False, False, True], kind="mergesort").head(3)
    if not top.empty:
        lines.append("Most reported: " + "; ".join(f"{r.date} {r.label} ({r.n_reports} reports)" for r in top.itertuples()) + ".")
    return "\n".join(lines)
