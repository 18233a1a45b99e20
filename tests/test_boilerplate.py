"""Bylines, wire credit lines and photo credits are page chrome, never article text."""

from __future__ import annotations

from newscoder.boilerplate import find_boilerplate

ARTICLE = """Ministers agree to reopen the border crossing

By Tomasz Wiśniewski and Ana-María O’Neill

LIMA, June 14 (Andes Wire) - Peru and Chile agreed on Monday to reopen the Chacalluta crossing.
By Tuesday, traders from both sides were queueing at the gate, officials said.
Trucks wait at the crossing near Tacna, June 13. ANDES WIRE/Rosa Quispe
A customs officer checks papers in Arica. Photograph: Diego Vera/Coastal Times
The agreement was reached after reporting by local radio exposed the delays.
Reporting by Rosa Quispe in Tacna; Editing by Mark Dole
(Additional reporting by Jin Park in Santiago)
Lucía Ramos reported from Arica. Edited by Paul Ames.
"""


def removed(article: str) -> list[str]:
    return [r.text for r in find_boilerplate(article)]


def test_a_byline_of_names_is_chrome_but_a_sentence_opening_with_by_is_not():
    gone = removed(ARTICLE)
    assert "By Tomasz Wiśniewski and Ana-María O’Neill" in gone
    assert not any(t.startswith("By Tuesday") for t in gone)


def test_wire_credit_lines_are_chrome_but_reporting_inside_a_sentence_is_not():
    gone = removed(ARTICLE)
    assert "Reporting by Rosa Quispe in Tacna; Editing by Mark Dole" in gone
    assert "(Additional reporting by Jin Park in Santiago)" in gone
    assert "Lucía Ramos reported from Arica. Edited by Paul Ames." in gone
    assert not any("local radio" in t for t in gone)


def test_photo_credits_take_their_caption_with_them():
    gone = removed(ARTICLE)
    assert "Trucks wait at the crossing near Tacna, June 13. ANDES WIRE/Rosa Quispe" in gone
    assert "A customs officer checks papers in Arica. Photograph: Diego Vera/Coastal Times" in gone
    assert not any("agreed on Monday" in t for t in gone)
