"""Views and exports that scale: dyads by period, top-N with the rest as 'other', actor networks.

Everything here works on the statements table (SCHEMA.md) and gives small, sorted tables:

- `event_weights`: a net-cooperation weight per PLOVER category, from the CAMEO Goldstein scale
  (`data/goldstein.yaml`); `statement_weights` signs it by the statement's stance.
- `quad_class`: verbal/material cooperation/conflict, from stance and mode (the QuadClass of
  event data).
- `dyad_periods`: counts by quad class and net cooperation per dyad per week or month.
- `top_dyads`, `top_matrix`: the N largest by volume, the rest summed as 'other'.
- `actor_network`, `issue_network`, `dna_networks`: signed actor x actor networks and the
  actor x issue networks of Discourse Network Analysis (agreement, congruence, conflict), written
  by `write_networks` as GraphML (networkx; Gephi, igraph and R read it) and as edge-list CSV.
"""

from __future__ import annotations

import html
from functools import lru_cache
from importlib import resources
from itertools import combinations
from pathlib import Path

import pandas as pd
import yaml
from IPython.display import HTML

OTHER = "other"
QUAD_CLASSES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict", "neutral")
QUAD_COLUMNS = {q: "n_" + q.replace(" ", "_") for q in QUAD_CLASSES}
WEIGHTS = ("stance", "goldstein")
UNITS = ("week", "month")
PRECISE_ENOUGH = {"week": ("day",), "month": ("day", "month")}
DYAD_PERIOD_COLUMNS = ["dyad", "period", "n", *QUAD_COLUMNS.values(), "net_stance", "net_goldstein"]
EDGE_COLUMNS = ["source", "target", "n", "n_cooperative", "n_conflictual", "net_stance", "net_goldstein", "sign"]


def _data(name: str) -> dict:
    return yaml.safe_load(resources.files("newscoder").joinpath(f"data/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def event_weights() -> dict[str, float]:
    """Goldstein weight per PLOVER category: the mean over the CAMEO roots mapped to it.

    RETURNS (dict[str, float]): e.g. {'AGREE': 4.0, 'ASSAULT': -9.67, ...}, rounded to 2 places.
    """
    goldstein = _data("goldstein.yaml")
    roots: dict[str, list[str]] = {}
    for root, category in _data("cameo_plover.yaml")["roots"].items():
        roots.setdefault(category, []).append(root)
    for category, extra in (goldstein.get("extra_roots") or {}).items():
        roots.setdefault(category, []).extend(extra)
    scale = goldstein["roots"]
    return {c: round(sum(scale[r] for r in rs) / len(rs), 2) for c, rs in sorted(roots.items())}


def statement_weights(statements: pd.DataFrame, weights: str = "goldstein") -> pd.Series:
    """Each statement's contribution to net cooperation.

    'stance': the stance itself (+1, 0, -1). 'goldstein': the size of its PLOVER category's
    Goldstein weight, signed by the stance (the coder's stance decides the direction, the scale
    the intensity); a statement without a category counts as its stance.
    """
    if weights not in WEIGHTS:
        raise ValueError(f"Parameter 'weights' must be one of {', '.join(WEIGHTS)}; got {weights!r}.")
    stance = statements["stance"].astype(int)
    if weights == "stance":
        return stance.astype(float)
    size = statements["plover"].map(lambda p: abs(event_weights().get(p, 1.0)) if p else 1.0).astype(float)
    return (size * stance).round(2)


def quad_class(statements: pd.DataFrame) -> pd.Series:
    """Verbal or material cooperation or conflict, from stance and mode; stance 0 is 'neutral'."""
    def one(stance: int, mode: str) -> str:
        if stance == 0:
            return "neutral"
        kind = "material" if mode == "material" else "verbal"
        return f"{kind} {'cooperation' if stance > 0 else 'conflict'}"

    return pd.Series([one(int(s), m) for s, m in zip(statements["stance"], statements["mode"])], index=statements.index, dtype=object)


def dyad_of(source: str, target: str) -> str:
    """An undirected dyad id: the two actor ids sorted and joined by '-' ('ISR-TUR')."""
    return "-".join(sorted((source, target)))


def dyadic(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements between two different actors, with their dyad, quad class and both weights."""
    rows = statements[(statements["target_actor"] != "") & (statements["source_actor"] != "")
                      & (statements["source_actor"] != statements["target_actor"])].copy()
    rows["dyad"] = [dyad_of(s, t) for s, t in zip(rows["source_actor"], rows["target_actor"])]
    rows["quad"] = quad_class(rows)
    rows["w_stance"] = statement_weights(rows, "stance") if len(rows) else pd.Series(dtype=float)
    rows["w_goldstein"] = statement_weights(rows, "goldstein") if len(rows) else pd.Series(dtype=float)
    return rows


def period_of(date: str, unit: str) -> str:
    """The period a date falls in: 'YYYY-MM' for a month, the ISO week's Monday 'YYYY-MM-DD' for a week."""
    if unit == "month":
        return date[:7]
    day = pd.Timestamp(date)
    return (day - pd.Timedelta(days=day.weekday())).strftime("%Y-%m-%d")


def dyad_periods(statements: pd.DataFrame, unit: str = "month") -> pd.DataFrame:
    """Counts by quad class and net cooperation per dyad per period (all dyads: the full table).

    statements (DataFrame): the statements table.
    unit (str): 'week' or 'month'. A statement counts when its act is dated at least that
        precisely (a week needs a day; a month, a day or a month); the others are left out.
    RETURNS (DataFrame): DYAD_PERIOD_COLUMNS, sorted by dyad and period.
    """
    if unit not in UNITS:
        raise ValueError(f"Parameter 'time_unit' must be one of {', '.join(UNITS)}; got {unit!r}.")
    rows = dyadic(statements)
    rows = rows[rows["date_precision"].isin(PRECISE_ENOUGH[unit])]
    if rows.empty:
        return pd.DataFrame([], columns=DYAD_PERIOD_COLUMNS)
    rows = rows.assign(period=[period_of(str(d), unit) for d in rows["event_date"]])
    return _aggregate(rows, ["dyad", "period"])


def _aggregate(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    counts = pd.crosstab([rows[k] for k in keys], rows["quad"]).reindex(columns=list(QUAD_CLASSES), fill_value=0)
    counts.columns = [QUAD_COLUMNS[q] for q in counts.columns]
    sums = rows.groupby(keys).agg(n=("quad", "size"), net_stance=("w_stance", "sum"), net_goldstein=("w_goldstein", "sum"))
    table = sums.join(counts).reset_index()
    table["net_stance"] = table["net_stance"].astype(int)
    table["net_goldstein"] = table["net_goldstein"].round(2)
    return table[DYAD_PERIOD_COLUMNS].sort_values(keys, kind="mergesort").reset_index(drop=True)


def ranked_dyads(statements: pd.DataFrame) -> list[str]:
    """Dyads by volume (statements), most first; ties by id."""
    counts = dyadic(statements)["dyad"].value_counts()
    return sorted(counts.index, key=lambda d: (-counts[d], d))


def top_dyads(table: pd.DataFrame, n: int) -> pd.DataFrame:
    """A dyad x period table with the `n` largest dyads by volume kept and the rest summed as 'other'."""
    if table.empty:
        return table
    volume = table.groupby("dyad")["n"].sum()
    keep = sorted(volume.index, key=lambda d: (-volume[d], d))[:n]
    kept = table[table["dyad"].isin(keep)]
    rest = table[~table["dyad"].isin(keep)]
    if not rest.empty:
        summed = rest.drop(columns="dyad").groupby("period").sum(numeric_only=True).reset_index()
        summed.insert(0, "dyad", OTHER)
        kept = pd.concat([kept, summed[DYAD_PERIOD_COLUMNS]], ignore_index=True)
    order = {d: i for i, d in enumerate([*keep, OTHER])}
    kept = kept.assign(_o=kept["dyad"].map(order)).sort_values(["_o", "period"], kind="mergesort")
    return kept.drop(columns="_o").reset_index(drop=True)


def top_matrix(matrix: pd.DataFrame, n: int, *, volume: pd.Series | None = None) -> pd.DataFrame:
    """A square actor x actor matrix cut to the `n` actors of most volume, the rest summed as 'other'.

    matrix (DataFrame): square, the same actors as index and columns.
    n (int): actors kept by name.
    volume (Series): the ranking; default the row plus column sums (absolute values).
    RETURNS (DataFrame): at most n + 1 rows and columns, kept actors sorted by id, 'other' last.
    """
    if matrix.empty or len(matrix) <= n:
        return matrix
    if volume is None:
        volume = matrix.abs().sum(axis=1) + matrix.abs().sum(axis=0)
    keep = sorted(sorted(volume.index, key=lambda a: (-volume[a], a))[:n])
    label = {a: (a if a in keep else OTHER) for a in matrix.index}
    cut = matrix.groupby(label).sum().T.groupby(label).sum().T
    order = [*keep, OTHER]
    return cut.reindex(index=order, columns=order, fill_value=0)


def paginate(table: pd.DataFrame, n: int, what: str = "rows") -> HTML:
    """The first `n` rows of a long table, under a line giving its total and where the rest is.

    RETURNS (HTML): the caption and the table (pandas' HTML, every cell escaped); its text form is
        stable from run to run, so committed notebooks do not change.
    """
    shown = table.head(n)
    caption = f"{len(table)} {what}" + (f"; the first {len(shown)} shown, all in tables/" if len(table) > n else "")
    return HTML(f'<p class="table-total">{html.escape(caption)}</p>\n{shown.to_html(escape=True)}')


# ---- networks ---------------------------------------------------------------------------------

def actor_edges(statements: pd.DataFrame) -> pd.DataFrame:
    """Directed, signed actor x actor edges: source -> target with counts and net cooperation.

    RETURNS (DataFrame): EDGE_COLUMNS; `sign` is the sign of net_goldstein (+1, 0, -1).
    """
    rows = dyadic(statements)
    if rows.empty:
        return pd.DataFrame([], columns=EDGE_COLUMNS)
    rows = rows.rename(columns={"source_actor": "source", "target_actor": "target"})
    stance = rows["stance"].astype(int)
    table = rows.assign(coop=(stance > 0).astype(int), conf=(stance < 0).astype(int)).groupby(["source", "target"]).agg(
        n=("quad", "size"), n_cooperative=("coop", "sum"), n_conflictual=("conf", "sum"),
        net_stance=("w_stance", "sum"), net_goldstein=("w_goldstein", "sum"),
    ).reset_index()
    table["net_stance"] = table["net_stance"].astype(int)
    table["net_goldstein"] = table["net_goldstein"].round(2)
    table["sign"] = table["net_goldstein"].map(lambda w: (w > 0) - (w < 0))
    return table[EDGE_COLUMNS].sort_values(["source", "target"], kind="mergesort").reset_index(drop=True)


def issue_edges(statements: pd.DataFrame) -> pd.DataFrame:
    """Actor x issue edges (DNA's affiliation network): how often each actor was for and against each issue.

    RETURNS (DataFrame): actor, issue, n, n_agree, n_disagree, n_neutral, agreement (the stance
        taken most: +1, -1, or 0 when tied or neutral).
    """
    rows = statements[(statements["issue"] != "") & (statements["source_actor"] != "")]
    columns = ["actor", "issue", "n", "n_agree", "n_disagree", "n_neutral", "agreement"]
    if rows.empty:
        return pd.DataFrame([], columns=columns)
    stance = rows["stance"].astype(int)
    table = rows.assign(agree=(stance > 0).astype(int), disagree=(stance < 0).astype(int), neutral=(stance == 0).astype(int))
    table = table.groupby(["source_actor", "issue"]).agg(
        n=("stance", "size"), n_agree=("agree", "sum"), n_disagree=("disagree", "sum"), n_neutral=("neutral", "sum"),
    ).reset_index().rename(columns={"source_actor": "actor"})
    table["agreement"] = [(a > d) - (a < d) for a, d in zip(table["n_agree"], table["n_disagree"])]
    return table[columns].sort_values(["actor", "issue"], kind="mergesort").reset_index(drop=True)


def dna_edges(statements: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """DNA's one-mode actor networks through issues: congruence and conflict.

    Two actors are congruent on an issue when both took the same position on it (both for, or
    both against), and in conflict when they took opposite positions; the edge weight counts the
    issues (as Discourse Network Analysis does with its default 'count' normalisation off).
    RETURNS (dict): 'congruence' and 'conflict' -> undirected edges (source < target, weight, issues).
    """
    positions = issue_edges(statements)
    positions = positions[positions["agreement"] != 0]
    edges: dict[str, dict[tuple[str, str], list[str]]] = {"congruence": {}, "conflict": {}}
    for issue, group in positions.groupby("issue"):
        for (a, sa), (b, sb) in combinations(sorted(zip(group["actor"], group["agreement"])), 2):
            kind = "congruence" if sa == sb else "conflict"
            edges[kind].setdefault((a, b), []).append(str(issue))
    return {
        kind: pd.DataFrame(
            [{"source": a, "target": b, "weight": len(issues), "issues": ";".join(sorted(issues))} for (a, b), issues in sorted(found.items())],
            columns=["source", "target", "weight", "issues"],
        )
        for kind, found in edges.items()
    }


def _graph(edges: pd.DataFrame, *, directed: bool, kinds: dict[str, str] | None = None):
    import networkx as nx

    graph = nx.DiGraph() if directed else nx.Graph()
    nodes = sorted(set(edges["source"]) | set(edges["target"])) if not edges.empty else []
    for node in nodes:
        graph.add_node(node, label=node, kind=(kinds or {}).get(node, "actor"))
    for row in edges.to_dict("records"):
        source, target = row.pop("source"), row.pop("target")
        graph.add_edge(source, target, **{k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()})
    return graph


def write_networks(statements: pd.DataFrame, folder: str | Path) -> dict[str, Path]:
    """Write the networks as GraphML and as edge-list CSV under `folder` (an output's `networks/`).

    actors: directed, signed source -> target (weights n, net_stance, net_goldstein, sign);
    actor_issue: bipartite actor - issue (DNA affiliation; n_agree, n_disagree, agreement);
    congruence, conflict: undirected actor - actor through shared or opposed issue positions.
    RETURNS (dict[str, Path]): file name -> path, GraphML and CSV for each network.
    """
    import networkx as nx

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    issues = issue_edges(statements).rename(columns={"actor": "source", "issue": "target"})
    kinds = {**{a: "actor" for a in issues["source"]}, **{i: "issue" for i in issues["target"]}}
    networks = {
        "actors": (actor_edges(statements), True, None),
        "actor_issue": (issues, False, kinds),
        **{kind: (edges, False, None) for kind, edges in dna_edges(statements).items()},
    }
    written = {}
    for name, (edges, directed, node_kinds) in networks.items():
        csv = folder / f"{name}_edges.csv"
        edges.to_csv(csv, index=False, lineterminator="\n", encoding="utf-8")
        graphml = folder / f"{name}.graphml"
        nx.write_graphml(_graph(edges, directed=directed, kinds=node_kinds), graphml, encoding="utf-8")
        written[csv.name], written[graphml.name] = csv, graphml
    return written


def net_matrix(statements: pd.DataFrame, weights: str = "goldstein") -> pd.DataFrame:
    """Source x target net cooperation: the sum of `statement_weights` over statements toward actors."""
    rows = statements[statements["target_actor"] != ""]
    if rows.empty:
        return pd.DataFrame()
    rows = rows.assign(w=statement_weights(rows, weights))
    matrix = rows.pivot_table(index="source_actor", columns="target_actor", values="w", aggfunc="sum", fill_value=0)
    actors = sorted(set(matrix.index) | set(matrix.columns))
    matrix = matrix.reindex(index=actors, columns=actors, fill_value=0)
    return matrix.astype(int) if weights == "stance" else matrix.round(1)


def select_dyads(events: pd.DataFrame, dyads: str = "", n: int = 12) -> pd.DataFrame:
    """The events of the chosen dyads ('ISR-TUR;USA-IRN', either order), or of the `n` most reported."""
    if dyads:
        wanted = {";".join(sorted(d.strip().upper().split("-"))) for d in dyads.split(";") if d.strip()}
        return events[events["actors"].isin(wanted)].reset_index(drop=True)
    counts = events.groupby("actors")["n_reports"].sum()
    keep = sorted(counts.index, key=lambda a: (-counts[a], a))[:n]
    return events[events["actors"].isin(keep)].reset_index(drop=True)
