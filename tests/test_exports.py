"""Views that scale and exports for other tools: weights, dyads by period, top-N with 'other', networks."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from newscoder import exports, figures


def statement(source, target, stance, plover="CONSULT", date="2024-03-05", precision="day", mode="verbal", issue=""):
    return dict(source_actor=source, target_actor=target, stance=stance, plover=plover, event_date=date,
                date_precision=precision, mode=mode, issue=issue)


def table(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def test_goldstein_weights_come_from_the_cameo_roots_of_each_plover_category():
    weights = exports.event_weights()
    assert weights["CONSULT"] == 1.0 and weights["AID"] == 7.0
    assert weights["ASSAULT"] == pytest.approx((-9 - 10 - 10) / 3, abs=0.01)
    assert all(w < 0 for c, w in weights.items() if c in {"ACCUSE", "THREATEN", "COERCE", "SANCTION"})


def test_statement_weight_takes_its_size_from_goldstein_and_its_sign_from_the_stance():
    rows = table(statement("DNK", "CHL", 1, "AID"), statement("DNK", "CHL", -1, "ASSAULT"), statement("DNK", "CHL", -1, ""))
    assert list(exports.statement_weights(rows, "goldstein")) == [7.0, -9.67, -1.0]
    assert list(exports.statement_weights(rows, "stance")) == [1.0, -1.0, -1.0]
    with pytest.raises(ValueError, match="'weights' must be one of"):
        exports.statement_weights(rows, "loudness")


def test_dyad_periods_count_quad_classes_per_week_and_leave_out_coarser_dates():
    rows = table(
        statement("DNK", "CHL", 1, date="2024-03-04"),                       # Monday
        statement("CHL", "DNK", -1, "ASSAULT", date="2024-03-10", mode="material"),  # Sunday, same week, other order
        statement("DNK", "CHL", 1, date="2024-03", precision="month"),       # only to the month
        statement("DNK", "PER", 1, date="2024-03-12"),
        statement("DNK", "", 1, issue="TRADE"),                              # toward an issue: no dyad
    )
    weeks = exports.dyad_periods(rows, "week")
    assert list(weeks["dyad"]) == ["CHL-DNK", "DNK-PER"] and list(weeks["period"]) == ["2024-03-04", "2024-03-11"]
    first = weeks.iloc[0]
    assert (first["n"], first["n_verbal_cooperation"], first["n_material_conflict"], first["net_stance"]) == (2, 1, 1, 0)
    assert first["net_goldstein"] == pytest.approx(1.0 - 9.67)
    months = exports.dyad_periods(rows, "month")
    assert months.set_index("dyad").loc["CHL-DNK", "n"] == 3


def test_top_dyads_keeps_the_largest_and_sums_the_rest_as_other():
    rows = table(*[statement("DNK", "CHL", 1)] * 3, *[statement("DNK", "PER", -1)] * 2, statement("ARG", "BRA", 1), statement("ARG", "URY", 1))
    view = exports.top_dyads(exports.dyad_periods(rows, "month"), 2)
    assert list(view["dyad"]) == ["CHL-DNK", "DNK-PER", "other"]
    assert view.set_index("dyad").loc["other", "n"] == 2 and view["n"].sum() == 7


def test_top_matrix_keeps_n_actors_by_volume_and_sums_the_rest_as_other():
    actors = ["A", "B", "C", "D"]
    matrix = pd.DataFrame([[9, 3, 0, 1], [3, 8, 1, 0], [0, 1, 1, 0], [1, 0, 0, 2]], index=actors, columns=actors)
    cut = exports.top_matrix(matrix, 2, volume=pd.Series([9, 8, 1, 2], index=actors))
    assert list(cut.index) == ["A", "B", "other"] and list(cut.columns) == ["A", "B", "other"]
    assert cut.loc["A", "other"] == 1 and cut.loc["other", "other"] == 3 and cut.to_numpy().sum() == matrix.to_numpy().sum()
    assert exports.top_matrix(matrix, 10) is matrix


def test_actor_network_is_directed_signed_and_weighted_by_count_and_intensity(tmp_path):
    rows = table(statement("DNK", "CHL", 1, "AID"), statement("DNK", "CHL", 1, "CONSULT"), statement("CHL", "DNK", -1, "THREATEN"),
                 statement("DNK", "", 1, issue="TRADE"), statement("CHL", "", -1, issue="TRADE"), statement("PER", "", 1, issue="TRADE"))
    written = exports.write_networks(rows, tmp_path)
    graph = nx.read_graphml(written["actors.graphml"])
    assert graph.is_directed()
    assert graph.edges["DNK", "CHL"]["n"] == 2 and graph.edges["DNK", "CHL"]["net_goldstein"] == 8.0
    assert graph.edges["CHL", "DNK"]["sign"] == -1
    edges = pd.read_csv(written["actors_edges.csv"])
    assert list(edges.columns) == exports.EDGE_COLUMNS and len(edges) == 2
    congruence = nx.read_graphml(written["congruence.graphml"])
    conflict = nx.read_graphml(written["conflict.graphml"])
    assert set(congruence.edges) == {("DNK", "PER")} and congruence.edges["DNK", "PER"]["issues"] == "TRADE"
    assert {tuple(sorted(e)) for e in conflict.edges} == {("CHL", "DNK"), ("CHL", "PER")}
    bipartite = nx.read_graphml(written["actor_issue.graphml"])
    assert bipartite.nodes["TRADE"]["kind"] == "issue" and bipartite.edges["CHL", "TRADE"]["agreement"] == -1


def test_networks_are_byte_stable(tmp_path):
    rows = table(statement("DNK", "CHL", 1, "AID"), statement("CHL", "DNK", -1, "THREATEN"), statement("DNK", "", 1, issue="TRADE"))
    a = exports.write_networks(rows, tmp_path / "a")
    b = exports.write_networks(rows.iloc[::-1].reset_index(drop=True), tmp_path / "b")
    for name in a:
        assert a[name].read_bytes() == b[name].read_bytes(), name


def test_select_dyads_takes_named_dyads_in_either_order_or_the_most_reported():
    events = pd.DataFrame({"actors": ["CHL;DNK", "DNK;PER", "ARG;BRA"], "n_reports": [5, 3, 1]})
    assert list(exports.select_dyads(events, "dnk-chl")["actors"]) == ["CHL;DNK"]
    assert list(exports.select_dyads(events, "", 2)["actors"]) == ["CHL;DNK", "DNK;PER"]


def test_paginated_table_says_its_total():
    shown = exports.paginate(pd.DataFrame({"x": ["<b>"] * 100}), 10, "rows").data
    assert "100 rows; the first 10 shown" in shown and shown.count("<td>") == 10
    assert "<b>" not in shown.replace('<p class="table-total">', "")  # cells are escaped


def test_figures_stay_within_a_page_for_many_dyads_and_articles():
    many = pd.DataFrame([statement(f"A{i:03d}", f"B{i:03d}", 1, date=f"2024-{1 + i % 12:02d}-0{1 + i % 7}") for i in range(300)])
    view = exports.top_dyads(exports.dyad_periods(many, "week"), 12)
    assert view["dyad"].nunique() == 13
    fig = figures.dyad_periods(view)
    assert fig.get_size_inches()[1] <= figures.PAGE_HEIGHT
    events = pd.DataFrame({"date": ["2024-03-05"] * 60, "actors": [f"A{i};B{i}" for i in range(60)], "n_reports": [1] * 60,
                           "stance": [1] * 60, "mode": ["verbal"] * 60, "label": ["x"] * 60, "event_id": [str(i) for i in range(60)],
                           "doc_ids": [f"d{i}" for i in range(60)], "n_statements": [1] * 60, "date_precision": ["day"] * 60})
    fig = figures.timeline(events, max_lanes=12)
    assert len(fig.axes[0].get_yticklabels()) == 12 and "12 most reported of 60 dyads" in fig.axes[0].get_title(loc="left")
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(200)], "published": ["2024-03-06"] * 200, "outlet": ["X"] * 200, "status": ["ok"] * 200})
    fig = figures.coverage(events, documents, max_rows=40)
    assert fig.get_size_inches()[1] <= figures.PAGE_HEIGHT and len(fig.axes[0].get_yticklabels()) == 40
