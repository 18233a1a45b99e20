"""Publication dates from an article's head: datelines, date lines, bylines (datelines.py).

Every line here is written for this test, in the forms wire services and newspapers use.
"""

from __future__ import annotations

import pytest

from newscoder.datelines import date_line_spans, dateline_span, infer_published, numeric_date


def published(text: str) -> str:
    found = infer_published(text)
    return found.date.isoformat() if found.date else ""


@pytest.mark.parametrize(
    "head, expected",
    [
        # wire datelines that carry their year, in both orders, with a region, an agency, a colon
        ("Kyiv, 3 March 2026 (AFP) - Drones struck a power plant.", "2026-03-03"),
        ("TBILISI, Georgia, Oct. 27, 2026 — Police detained two organisers.", "2026-10-27"),
        ("SRINAGAR, India, 7th May 2026: Troops exchanged fire overnight.", "2026-05-07"),
        ("SRINAGAR (India), May 7, 2026 — Troops exchanged fire overnight.", "2026-05-07"),
        ("TBILISI, Georgia — Oct. 26, 2026 — Police detained two organisers.", "2026-10-26"),
        # date lines under a title: labelled, bare, with a weekday, a time, a byline, ISO, numbers
        ("Published: 4 March 2026\n\nDrones struck a power plant.", "2026-03-04"),
        ("First published on Mon 26 Oct 2026 18.40 GMT\n\nPolice detained two organisers.", "2026-10-26"),
        ("Thursday, May 7, 2026 at 10:15 a.m. EDT\n\nTroops exchanged fire overnight.", "2026-05-07"),
        ("By Ana Ruiz · 4 March 2026 · 5 min read\n\nDrones struck a power plant.", "2026-03-04"),
        ("Nino Beridze, Caucasus correspondent | 26 October 2026\n\nPolice detained two organisers.", "2026-10-26"),
        ("Posted 2026-03-04T10:22:00Z\n\nDrones struck a power plant.", "2026-03-04"),
        ("26.10.2026 18:40\n\nPolice detained two organisers.", "2026-10-26"),
        ("Published 10/26/2026\n\nPolice detained two organisers.", "2026-10-26"),
        ("Posted: 26-Oct-2026\n\nPolice detained two organisers.", "2026-10-26"),
        ("2026/10/26 21:05\n\nPolice detained two organisers.", "2026-10-26"),
        ("Dated: Sunday, 26th of October 2026\n\nPolice detained two organisers.", "2026-10-26"),
        ("By NINO BERIDZE\nOCTOBER 26, 2026\n\nPolice detained two organisers.", "2026-10-26"),
        ("Updated 2 hours ago\nMay 7, 2026 / 10:15 AM\n\nTroops exchanged fire overnight.", "2026-05-07"),
        ("Monday 26 October 2026 | Print edition\n\nPolice detained two organisers.", "2026-10-26"),
        # a web page's first-published and last-modified lines: the first is the publication day
        ("First published on Tue 3 Mar 2026 06.30 GMT\nLast modified on Wed 4 Mar 2026 11.02 GMT\n\nDrones struck.", "2026-03-03"),
        ("Last modified on Wed 4 Mar 2026 11.02 GMT\nFirst published on Tue 3 Mar 2026 06.30 GMT\n\nDrones struck.", "2026-03-03"),
        ("Published On 3 Mar 2026\n\nDrones struck a power plant.", "2026-03-03"),
        # a press-release dateline names its wire between slashes
        ("GENEVA, March 3, 2026 /Rights Newswire/ -- Envoys met in the city.", "2026-03-03"),
        ("By Ana Ruiz | March 3, 2026\n\nDrones struck a power plant.", "2026-03-03"),
        # a byline that names the day after 'on'
        ("Posted by Ana Ruiz on March 3, 2026\n\nDrones struck a power plant.", "2026-03-03"),
        # a press release puts the date in brackets after the place; a dateline may be the date alone
        ("GENEVA (March 3, 2026) — Envoys met in the city.", "2026-03-03"),
        ("LIMA, Peru (3 March 2026) - Envoys met in the city.", "2026-03-03"),
        ("March 3, 2026 — Envoys met in the city for a second day.", "2026-03-03"),
        ("3 March 2026 (Newswire) - Envoys met in the city.", "2026-03-03"),
        # a colon after the place, and a date written the ISO way (its hyphens are not the dash)
        ("QUITO: June 9, 2026 — Students marched to the ministry.", "2026-06-09"),
        ("QUITO, Ecuador: 9 June 2026 - Students marched to the ministry.", "2026-06-09"),
        ("QUITO, 2026-06-09 — Students marched to the ministry.", "2026-06-09"),
        ("QUITO, 2026-06-09 (Andes Wire) - Students marched to the ministry.", "2026-06-09"),
        ("QUITO, June 9, 2026 - 40 students marched to the ministry.", "2026-06-09"),  # a number after the dash
        ("PUBLISHED: June 9, 2026 - 10:30 GMT\n\nStudents marched to the ministry.", "2026-06-09"),  # a date line
        # a region with a hyphenated word, and two places joined by 'and'
        ("SRINAGAR, India-administered Kashmir, May 7, 2026 (Valley Wire) — Troops exchanged fire.", "2026-05-07"),
        ("MUZAFFARABAD, Pakistan-administered Kashmir, May 7, 2026 — Troops exchanged fire.", "2026-05-07"),
        ("NEW DELHI and ISLAMABAD, May 7, 2026 — Both capitals recalled envoys.", "2026-05-07"),
        # a label that says so in words
        ("Publication date: 9 June 2026\n\nStudents marched to the ministry.", "2026-06-09"),
        ("Date published: June 9, 2026 | 3 min read\n\nStudents marched to the ministry.", "2026-06-09"),
        # a place in capitals and its date with no comma between them
        ("LIMA 9 June 2026 - Students marched to the ministry.", "2026-06-09"),
        ("NEW DELHI June 9, 2026 (Subcontinent Wire) — Students marched to the ministry.", "2026-06-09"),
        # forms of the web: a weekday and a clock, a slash before the time, dots between the numbers
        ("Tue 9 Jun 2026 14.00 BST\n\nStudents marched to the ministry.", "2026-06-09"),
        ("June 9, 2026 / 2:15 PM / Updated 3 hours ago\n\nStudents marched to the ministry.", "2026-06-09"),
        ("19.06.2026, 14:20\n\nStudents marched to the ministry.", "2026-06-19"),
        ("Posted 19.06.2026 at 14:20\n\nStudents marched to the ministry.", "2026-06-19"),
        ("QUITO (Andes Wire) 19/06/2026 - Students marched to the ministry.", "2026-06-19"),
        ("Published Tuesday, June 9th 2026, 2:15 pm\n\nStudents marched to the ministry.", "2026-06-09"),
        ("Mar. 3, 2026 at 2:15 p.m. ET\n\nDrones struck a power plant.", "2026-03-03"),
        ("Updated: March 4, 2026 | Published: March 3, 2026\n\nDrones struck a power plant.", "2026-03-03"),
    ],
)
def test_a_dated_head_gives_the_publication_day(head, expected):
    assert published("Title of the story\n" + head + "\n") == expected


@pytest.mark.parametrize(
    "head",
    [
        "BEIRUT, Lebanon (AP) — Jets struck a depot south of the city.",  # no date at all
        "ISLAMABAD, March 3 (Newswire) - Talks began in the capital.",  # a day but no year
        "NEW DELHI/ISLAMABAD, May 7 (Newswire) - Troops exchanged fire.",
        "SRINAGAR, India, May 7th — Troops exchanged fire overnight.",
        "Updated 14.32 GMT\n\nJets struck a depot.",  # a time, no date
        "Last modified on Thu 5 Mar 2026 09.10 GMT\n\nJets struck a depot.",  # an update alone
        "Updated: March 5, 2026\n\nJets struck a depot.",
        "Updated at 09:10, Thursday 5 March 2026\n\nJets struck a depot.",  # an update, past its time
        "Published 3 hours ago\n\nJets struck a depot.",  # a time counted from the reader's clock
        "GENEVA, March 3 /Rights Newswire/ -- Envoys met in the city.",  # a day, no year
        "Updated 2:14 PM EDT, Wed March 4, 2026\n\nBEIRUT, Lebanon (AP) — Jets struck a depot.",
        "07/05/2026\n\nJets struck a depot.",  # May 7 or July 5: not guessed
        "March 3 — Envoys met in the city.",  # a date alone without its year is no dateline
        "GENEVA (March 3) — Envoys met in the city.",
        "The war that began on April 15, 2023\n\nJets struck a depot.",  # a title that holds a date
        "Quito: June 9, 2026 - Students marched.",  # before a colon, a place in capitals only: this may be a title
        "QUITO, 2026-06 — Students marched.",  # a month, not a day
        # a label in capitals before a colon or a dash is a date line, not a dateline's place
        "UPDATED: June 9, 2026 - 10:30 GMT\n\nStudents marched.",
        "UPDATE: June 9, 2026 — 10:30 GMT\n\nStudents marched.",
        "LAST MODIFIED - June 9, 2026 - 10:30\n\nStudents marched.",
        "Lima 9 June 2026 - Students marched.",  # without a comma, a place in capitals only
    ],
)
def test_a_head_without_a_full_publication_day_leaves_it_unknown(head):
    assert published("Title of the story\n" + head + "\n") == ""


def test_a_year_less_dateline_takes_the_year_of_a_date_line_and_says_so():
    text = "Title\nBy Ana Ruiz | Published March 3, 2026\n\nISLAMABAD, March 3 (Newswire) - Talks began."
    found = infer_published(text)
    assert found.date.isoformat() == "2026-03-03" and "with the year of the line" in found.rule


def test_a_dateline_without_year_says_why_the_date_is_unknown():
    found = infer_published("Title\n\nISLAMABAD, March 3 (Newswire) - Talks began.")
    assert found.date is None and any("no year" in note for note in found.notes)


def test_the_dateline_year_is_the_one_nearest_the_date_line():
    # Across new year: an update on January 2 lends the year before to a December 31 dateline.
    text = "Title\nUpdated January 2, 2027\n\nQUITO, Dec. 31 (Wire) - Police clashed with students."
    assert published(text) == "2026-12-31"
    # Filed a day after the web page's date (time zones): the same year, not the year before.
    text = "Title\nPublished Oct. 26, 2026 11:50 PM\n\nTBILISI, Georgia, Oct. 27 (Bulletin) — Police detained two."
    found = infer_published(text)
    assert found.date.isoformat() == "2026-10-27"
    assert any("2026-10-26" in note for note in found.notes)  # the disagreement is noted


def test_a_last_modified_line_is_a_date_line_the_resolver_leaves_out():
    text = "A title\nLast modified on Wed 4 Mar 2026 11.02 GMT\n\nOfficials met on March 2, 2026, in Kyiv.\n"
    (start, end), = date_line_spans(text)
    assert text[start:end].startswith("Last modified on")
    # it lends its year to a year-less dateline, which gives the day
    assert published("Title\nLast modified on Wed 4 Mar 2026 11.02 GMT\n\nKYIV, March 3 (Wire) - Drones struck.") == "2026-03-03"


def test_a_labelled_first_publication_wins_over_a_bare_date_line_above_it():
    # A page that shows its last change as a bare date above the line that says "First published".
    text = "Title\nWed 4 Mar 2026 09.12 GMT\nFirst published on Tue 3 Mar 2026 14.00 GMT\n\nDrones struck."
    found = infer_published(text)
    assert found.date.isoformat() == "2026-03-03" and "First published" in found.rule
    assert any("2026-03-04" in note for note in found.notes)


def test_a_headline_byline_and_dateline_without_a_year_take_the_year_of_the_copyright():
    text = ("Students march on the ministry\nBy Ana Ruiz, Andes Wire\n\n"
            "QUITO, June 9 (Andes Wire) - Students marched to the ministry on Tuesday, police said.\n\n© 2026 Andes Wire")
    assert published(text) == "2026-06-09"


def test_two_date_lines_that_disagree_keep_the_first_and_note_the_other():
    found = infer_published("Title\nPublished 4 March 2026\nBy Ana Ruiz, 5 March 2026\n\nDrones struck.")
    assert found.date.isoformat() == "2026-03-04" and any("2026-03-05" in note for note in found.notes)


def test_numeric_dates_are_read_only_in_the_one_order_that_makes_a_date():
    assert numeric_date(26, 10) == (10, 26)
    assert numeric_date(10, 26) == (10, 26)
    assert numeric_date(7, 5) is None
    assert numeric_date(13, 13) is None


def test_date_line_spans_cover_the_date_lines_and_not_the_story():
    text = "A title\nPublished 4 March 2026\n\nOfficials met on March 2, 2026, in Kyiv.\n"
    (start, end), = date_line_spans(text)
    assert text[start:end] == "Published 4 March 2026"


def test_an_ambiguous_numeric_date_line_lends_its_year_to_a_dateline_of_the_same_day():
    # '06/05/2026' alone could be May 6 or June 5; with 'ISLAMABAD, May 6' both numbers agree.
    text = "Title\n06/05/2026 14:20\n\nISLAMABAD, May 6 (Newswire) - Talks began in the capital."
    assert published(text) == "2026-05-06"
    # a numeric line of another day lends nothing
    text = "Title\n07/05/2026 14:20\n\nISLAMABAD, May 6 (Newswire) - Talks began in the capital."
    assert published(text) == ""


def test_a_picture_caption_with_a_date_is_not_a_date_line():
    text = "Title\nProtesters in Tbilisi, 25 October 2026. Photograph: Wire Agency\nPublished 26 October 2026\n\nPolice detained two."
    assert published(text) == "2026-10-26"
    assert published("Title\nPolice in Tbilisi, 25 October 2026 (Photo: Wire)\n\nPolice detained two organisers.") == ""


def test_a_date_first_dateline_is_left_out_of_the_acts_dates():
    text = "Title of the story\nMarch 3, 2026 — Envoys met in the city.\n"
    start, end = dateline_span(text)
    assert text[start:end].startswith("March 3, 2026 —")


@pytest.mark.parametrize(
    "body, expected",
    [
        ("The vote was held on October 25, 2026.", "2026-10-27"),  # a few days before the dateline
        ("The war of October 2025 is not forgotten.", ""),  # a month alone is history as often as news
        ("A run-off is set for November 16, 2026.", "2026-10-27"),  # a plan a few weeks after the dateline
        ("The party was founded in March 2012.", ""),  # too far from the dateline to lend a year
        # two dates that put the dateline in different years: every date must agree, so none
        ("The vote of October 4, 2026 was disputed. A run-off is due on November 2, 2027.", ""),
    ],
)
def test_a_year_less_dateline_takes_the_year_of_a_date_near_it_in_the_story(body, expected):
    assert published("Title\n\nTBILISI, Oct. 27 (Bulletin) — Police detained two organisers.\n" + body) == expected


def test_a_year_less_dateline_takes_the_year_of_the_copyright_line_last():
    text = "Title\n\nTBILISI, Oct. 27 (Bulletin) — Police detained two organisers.\n\n© 2026 Caucasus Bulletin. All rights reserved."
    found = infer_published(text)
    assert found.date.isoformat() == "2026-10-27" and "copyright" in found.rule
    assert published(text.replace("© 2026", "© 2025-2026")) == ""  # a range of years names no one year
    assert published(text.replace("© 2026 Caucasus Bulletin", "© Caucasus Bulletin 2026")) == "2026-10-27"
    # a date line's year comes first
    assert published("Title\nUpdated January 2, 2027\n\nQUITO, Dec. 31 (Wire) - Police clashed.\n© 2027 Wire") == "2026-12-31"


def test_a_dateline_without_a_date_has_a_span_only_when_asked_for():
    text = "Title of the story\nQUITO, Ecuador (Andes Wire) — Students marched to the ministry.\n"
    assert dateline_span(text) is None  # it dates nothing: the date resolver does not ask for it
    start, end = dateline_span(text, undated=True)
    assert text[start:end].rstrip() == "QUITO, Ecuador (Andes Wire) —"
    start, end = dateline_span("Title\nLIMA - Police cleared the square.\n", undated=True)
    assert (start, end) == (6, 13)
    # a dated dateline is the whole of it, date included
    text = "Title\nQUITO, June 9 (Andes Wire) - Students marched.\n"
    start, end = dateline_span(text, undated=True)
    assert text[start:end].rstrip() == "QUITO, June 9 (Andes Wire) -"
    # a sentence in lower case is no dateline
    assert dateline_span("Title\nStudents marched - and police watched.\n", undated=True) is None


def test_a_dateline_below_a_long_head_of_page_chrome_is_still_read():
    # a web copy whose menus, share links and related headlines fill more than the head lines
    chrome = ["Skip to navigation", "ANDES WIRE", "Home", "World", "Americas", "Business", "Sport", "Video",
              "Advertisement", "Americas › Ecuador", "Ecuador shuts two ports as strike spreads",
              "Dockworkers walk out for a third day", "By Lucia Paredes", "Updated 9 June 2026, 18:20 ECT",
              "Share", "Email", "Print", "Save", "Listen", "3 min read", "Most viewed", "Related"]
    story = "QUITO, June 9 (Andes Wire) - Ecuador shut two Pacific ports on Tuesday as a strike spread, officials said.\n"
    text = "\n".join(chrome) + "\n\n" + story
    assert published(text) == "2026-06-09"  # the dateline, with the year of the updated line
    start, end = dateline_span(text)
    assert text[start:end].rstrip() == "QUITO, June 9 (Andes Wire) -"
    # the dateline opens the first paragraph of the story: one further down opens no story
    later = "\n".join(chrome) + "\n\nEcuador shut two Pacific ports on Tuesday as a strike spread, officials said.\n" + story
    assert published(later) == ""
    assert dateline_span(later) is None


@pytest.mark.parametrize(
    "dateline",
    [
        # the dash that ends a dateline as text converted from other formats writes it
        "QUITO, June 9 (Andes Wire) \u2012 Students marched.",  # figure dash
        "QUITO, June 9 (Andes Wire) \u2015 Students marched.",  # horizontal bar
        "QUITO, June 9 (Andes Wire) \u2212 Students marched.",  # minus sign
        "QUITO, June 9 \u2010 Students marched.",  # hyphen
        "QUITO, June 9 (Andes Wire) \u2e3a Students marched.",  # two-em dash
        # no dash after the agency's brackets, and the agency before the date
        "QUITO, June 9 (Andes Wire) Students marched to the ministry.",
        "QUITO (Andes Wire) June 9 - Students marched to the ministry.",
    ],
)
def test_more_ways_of_ending_a_wire_dateline_are_read(dateline):
    text = "Students march in Quito\nBy Lucia Paredes\nUpdated 9 June 2026\n\n" + dateline + "\n"
    assert published(text) == "2026-06-09"
    start, end = dateline_span(text)
    assert text[start:end].startswith("QUITO") and "Students" not in text[start:end]


def test_a_lower_case_sentence_after_brackets_is_no_dateline():
    # the dash may be left out only where a story opens with a capital after the agency
    assert published("Title\nBy Lucia Paredes\nUpdated 9 June 2026\n\nQUITO, June 9 (Andes Wire) students marched.\n") == ""


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Published 19-06-2026 18:20", "2026-06-19"),  # day first: the only order that makes a date
        ("Published 2026.06.19", "2026-06-19"),  # year first, with dots
        ("Updated 06-19-2026", "2026-06-19"),  # an updated line lends its year to the dateline
    ],
)
def test_numeric_date_lines_with_dashes_or_dots_are_read(line, expected):
    assert published("Students march in Quito\n" + line + "\n\nStudents marched to the ministry on Friday.\n") == (expected if "Published" in line else "")
    assert published("Students march in Quito\n" + line + "\n\nQUITO, June 19 (Andes Wire) - Students marched.\n") == expected
