"""summaries.cooccurrence: actor x actor counts of shared sentences or documents, on a hand-built mentions table."""

import pandas as pd

from newscoder.summaries import cooccurrence


def _mentions(rows):
    """Mentions rows (doc_id, sent_id, actor_id, kind) with the other columns the function ignores."""
    return pd.DataFrame(
        [{"doc_id": d, "sent_id": s, "actor_id": a, "kind": k, "person": "", "text": a, "label": "ORG"} for d, s, a, k in rows]
    )


MENTIONS = _mentions([
    # doc a, sentence 0: TUR twice and ISR -> one shared sentence, TUR counted once
    ("a", 0, "TUR", "actor"), ("a", 0, "TUR", "person"), ("a", 0, "ISR", "actor"),
    # doc a, sentence 1: TUR, ISR and AZE
    ("a", 1, "TUR", "actor"), ("a", 1, "ISR", "metonym"), ("a", 1, "AZE", "place"),
    # doc b: sentence 0 TUR alone; sentence 1 AZE and ISR; an outlet and an empty actor are no actors
    ("b", 0, "TUR", "actor"), ("b", 1, "AZE", "actor"), ("b", 1, "ISR", "demonym"),
    ("b", 1, "XXX", "outlet"), ("b", 1, "", "entity"),
    # doc c: USA alone, so it shares nothing
    ("c", 0, "USA", "actor"),
])


def test_sentence_counts_are_symmetric_with_units_on_the_diagonal():
    matrix = cooccurrence(MENTIONS, unit="sentence", min_count=0)
    assert list(matrix.index) == ["AZE", "ISR", "TUR", "USA"] == list(matrix.columns)
    expected = pd.DataFrame(
        [[2, 2, 1, 0], [2, 3, 2, 0], [1, 2, 3, 0], [0, 0, 0, 1]],
        index=["AZE", "ISR", "TUR", "USA"], columns=["AZE", "ISR", "TUR", "USA"],
    )
    pd.testing.assert_frame_equal(matrix, expected, check_dtype=False)
    assert matrix.dtypes.map(lambda t: t.kind).eq("i").all()


def test_document_unit_counts_each_document_once():
    matrix = cooccurrence(MENTIONS, unit="document", min_count=0)
    assert matrix.loc["TUR", "ISR"] == 2  # docs a and b, though a names both in two sentences
    assert matrix.loc["TUR", "TUR"] == 2 and matrix.loc["AZE", "TUR"] == 2 and matrix.loc["USA", "USA"] == 1


def test_min_count_drops_actors_that_share_too_little():
    matrix = cooccurrence(MENTIONS, unit="sentence")
    assert "USA" not in matrix.index  # the default min_count=1: USA shares no sentence
    matrix = cooccurrence(MENTIONS, unit="sentence", min_count=4)
    assert list(matrix.index) == ["ISR"]  # ISR shares 4 (2 with AZE, 2 with TUR); AZE 3, TUR 3


def test_no_actor_gives_an_empty_matrix():
    assert cooccurrence(MENTIONS[MENTIONS["kind"] == "outlet"]).empty
