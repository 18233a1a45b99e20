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


WEB_PAGE = """Skip to content
Andes Post
Americas › Peru
Sign in | Subscribe

Peru and Chile reopen the Chacalluta crossing
Chile / Peru border reopens after talks
Rosa Quispe, Andes correspondent
Share on Facebook
Share: Facebook · X · Email

LIMA, June 14 - Peru and Chile agreed on Monday to reopen the crossing, officials said.
Shares of Andean freight companies rose after the deal.

Related stories
Bolivia and Paraguay sign a river transport pact
Explainer: Why is the Chacalluta crossing so busy?

Ecuador ends its state of emergency.

Read more
“We will not wait for Lima,” she said. “Not again.”
Lima's mayor welcomed the decision.

Related
Border queues
Truck drivers said the queues had shortened to an hour by Tuesday, and customs officers worked through the night.
Lima's mayor welcomed the decision.
Topics: Peru · Chile · Trade and transport
© 2026 Andes Post. All rights reserved.
More from Andes Post
Argentina raises its grain export tax
"""


def test_breadcrumbs_and_sharing_buttons_are_chrome_but_a_headline_with_a_slash_is_not():
    gone = removed(WEB_PAGE)
    assert "Americas › Peru" in gone
    assert "Sign in | Subscribe" in gone
    assert "Share on Facebook" in gone
    assert "Share: Facebook · X · Email" in gone
    assert "Chile / Peru border reopens after talks" not in gone
    assert not any(t.startswith("Shares of") for t in gone)


def test_a_signature_line_of_a_correspondent_is_chrome():
    assert "Rosa Quispe, Andes correspondent" in removed(WEB_PAGE)


def test_a_list_of_links_to_other_stories_is_chrome_up_to_the_first_blank_line():
    gone = removed(WEB_PAGE)
    assert "Related stories" in gone
    assert "Bolivia and Paraguay sign a river transport pact" in gone
    assert "Explainer: Why is the Chacalluta crossing so busy?" in gone
    assert "Ecuador ends its state of emergency." not in gone
    assert "Lima's mayor welcomed the decision." not in gone
    assert "“We will not wait for Lima,” she said. “Not again.”" not in gone
    assert "Border queues" not in gone  # a subheading that runs into article text
    assert "More from Andes Post" in gone
    assert "Argentina raises its grain export tax" in gone


def test_a_list_heading_in_a_paragraph_run_keeps_the_subheading_after_it():
    gone = removed("Related\nBorder queues\nTruck drivers said the queues had shortened to an hour by Tuesday.\n")
    assert gone == ["Related"]


def test_topic_lists_and_copyright_footers_are_chrome():
    gone = removed(WEB_PAGE)
    assert "Topics: Peru · Chile · Trade and transport" in gone
    assert "© 2026 Andes Post. All rights reserved." in gone
