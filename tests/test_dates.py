"""Date resolution: each rule on sentences of its own, against a known publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.dates import DateResolver, counted_back, load_named_events
from newscoder.paths import project_root

# Wednesday 2024-03-13; the week before runs Monday 03-04 to Sunday 03-10.
PUBLISHED = dt.date(2024, 3, 13)


@pytest.fixture(scope="module")
def resolver(nlp):
    return DateResolver(nlp, load_named_events(project_root() / "codebook"))


def date_of(nlp, resolver, text: str, trigger: str, published: dt.date | None = PUBLISHED, nth: int = 0):
    doc = nlp(text)
    at = -1
    for _ in range(nth + 1):
        at = text.index(trigger, at + 1)
    found = resolver(doc, published).date_at(at)
    return found.value, found.precision, found.basis


@pytest.mark.parametrize(
    "weekday, expected",
    [
        ("Monday", "2024-03-11"),
        ("Tuesday", "2024-03-12"),
        ("Wednesday", "2024-03-13"),  # the publication weekday itself: the same day
        ("Thursday", "2024-03-07"),
        ("Friday", "2024-03-08"),
        ("Saturday", "2024-03-09"),
        ("Sunday", "2024-03-10"),
    ],
)
def test_past_weekday_is_the_latest_such_day_on_or_before_publication(nlp, resolver, weekday, expected):
    text = f"The Danish foreign minister met his Chilean counterpart on {weekday} in Oslo."
    assert date_of(nlp, resolver, text, "met") == (expected, "day", "relative")


@pytest.mark.parametrize(
    "weekday, expected",
    [("Monday", "2024-03-18"), ("Wednesday", "2024-03-20"), ("Thursday", "2024-03-14"), ("Sunday", "2024-03-17")],
)
def test_future_tense_weekday_is_the_next_such_day(nlp, resolver, weekday, expected):
    text = f"The Danish foreign minister will meet his Chilean counterpart on {weekday} in Oslo."
    assert date_of(nlp, resolver, text, "meet") == (expected, "day", "relative")


def test_explicit_full_date_and_partial_dates(nlp, resolver):
    assert date_of(nlp, resolver, "Chile signed the treaty on Feb. 4, 2023.", "signed") == ("2023-02-04", "day", "explicit")
    assert date_of(nlp, resolver, "Chile recalled its ambassador in November 2022.", "recalled") == ("2022-11", "month", "explicit")
    assert date_of(nlp, resolver, "Peru broke off relations with Chile in 1979.", "broke") == ("1979", "year", "explicit")


def test_year_less_date_takes_the_year_that_puts_it_before_publication(nlp, resolver):
    # Published in March 2024: a past "June 2" is June 2023, a past "March 1" is this year's.
    assert date_of(nlp, resolver, "Chile expelled two diplomats on June 2.", "expelled") == ("2023-06-02", "day", "explicit")
    assert date_of(nlp, resolver, "Chile expelled two diplomats on March 1.", "expelled") == ("2024-03-01", "day", "explicit")


def test_named_day_from_the_codebook_overrides_the_year_guess(nlp, resolver):
    text = "Norway condemned the September 11 attacks in a statement on Monday."
    assert date_of(nlp, resolver, text, "attacks") == ("2001-09-11", "day", "explicit")
    assert date_of(nlp, resolver, text, "condemned") == ("2024-03-11", "day", "relative")


def test_named_days_are_read_from_the_codebook_file(nlp, tmp_path):
    (tmp_path / "dated_events.yaml").write_text("events:\n  - id: treaty_day\n    date: '1999-07-01'\n    phrases: [July 1]\n", encoding="utf-8")
    resolver = DateResolver(nlp, load_named_events(tmp_path))
    doc = nlp("Fiji marked the July 1 treaty.")
    assert resolver(doc, PUBLISHED).date_at(doc.text.index("treaty")).value == "1999-07-01"


def test_relative_day_counts_from_an_explicit_date_earlier_in_the_passage(nlp, resolver):
    text = "Officials told reporters on March 7 that Chile had agreed. Chile said on Thursday it would lift the ban."
    # March 7, 2024 is a Thursday: the Thursday is that day, not the Thursday before publication.
    assert date_of(nlp, resolver, text, "said") == ("2024-03-07", "day", "relative")


def test_anchor_does_not_cross_a_paragraph(nlp, resolver):
    text = "Officials told reporters on March 4 that talks were held.\n\nChile said on Thursday it would lift the ban."
    assert date_of(nlp, resolver, text, "said") == ("2024-03-07", "day", "relative")


def test_previous_night_counts_from_the_day_just_named(nlp, resolver):
    text = "Oslo confirmed on Tuesday that Danish and Chilean officials met the previous night in Bergen."
    assert date_of(nlp, resolver, text, "met") == ("2024-03-11", "day", "relative")


def test_week_in_one_month_gives_the_month_and_across_two_gives_nothing(nlp, resolver):
    assert date_of(nlp, resolver, "Chile recalled its ambassador last week.", "recalled") == ("2024-03", "month", "relative")
    # Published Tuesday 2024-04-02: last week ran March 25-31, still one month.
    assert date_of(nlp, resolver, "Chile recalled its ambassador last week.", "recalled", dt.date(2024, 4, 2))[:2] == ("2024-03", "month")
    # Published Wednesday 2024-05-08: last week ran April 29 - May 5, two months.
    assert date_of(nlp, resolver, "Chile recalled its ambassador last week.", "recalled", dt.date(2024, 5, 8))[:2] == ("", "none")


def test_pluperfect_reported_by_a_verb_of_saying_takes_the_report_date(nlp, resolver):
    # The report tells fresh news: the recall is dated by the saying (development gold, manual 8.6).
    text = "Chile said on Monday that Peru had recalled its ambassador."
    assert date_of(nlp, resolver, text, "said")[:2] == ("2024-03-11", "day")
    assert date_of(nlp, resolver, text, "recalled")[:2] == ("2024-03-11", "day")


def test_pluperfect_without_a_report_or_with_a_denied_one_stays_undated(nlp, resolver):
    assert date_of(nlp, resolver, "By then Peru had recalled its ambassador.", "recalled")[:2] == ("", "none")
    text = "Chile did not confirm on Monday that Peru had recalled its ambassador."
    assert date_of(nlp, resolver, text, "recalled")[:2] == ("", "none")


def test_pluperfect_with_a_day_of_its_own_takes_that_day(nlp, resolver):
    text = "Farmers told the radio that Peruvian troops had burned their barns on Sunday night, killing two cows."
    assert date_of(nlp, resolver, text, "burned") == ("2024-03-10", "day", "relative")
    text = "The agency said it had begun handing out tents on Saturday to families in Arica."
    assert date_of(nlp, resolver, text, "begun")[:2] == ("2024-03-09", "day")
    # an infinitive's date is a later act's: 'had agreed to reopen the port by June' is not June
    text = "Chile said on Monday that Peru had agreed to reopen the port by June 2024."
    assert date_of(nlp, resolver, text, "agreed")[:2] == ("2024-03-11", "day")


def test_pluperfect_coordinated_with_a_dated_one_shares_its_day(nlp, resolver):
    text = "An official said Chile had called both envoys on Tuesday and that neither had asked for a delay."
    assert date_of(nlp, resolver, text, "asked")[:2] == ("2024-03-12", "day")


def test_since_another_event_is_only_a_reference_point(nlp, resolver):
    # A named day or an event's date inside a noun phrase: the act began after it, at no known date.
    assert date_of(nlp, resolver, "Chile has criticised Peru since September 11.", "criticised")[:2] == ("", "none")
    assert date_of(nlp, resolver, "Chile has criticised Peru since the March 2021 floods.", "criticised")[:2] == ("", "none")
    # ... also written after the event's noun: the date of the deployment does not date the refusal
    assert date_of(nlp, resolver, "Chile has criticised Peru since the floods in March 2021.", "criticised")[:2] == ("", "none")
    text = "Ecuador said on Monday that it would not recall its troops despite three deaths since the first deployment in June 2023."
    assert date_of(nlp, resolver, text, "recall")[:2] == ("2024-03-11", "day")


def test_since_a_date_gives_the_start_of_the_act_at_its_precision(nlp, resolver):
    assert date_of(nlp, resolver, "Chile has pressed Peru since March 2021.", "pressed") == ("2021-03", "month", "explicit")
    assert date_of(nlp, resolver, "Chile has besieged the port since late last year.", "besieged")[:2] == ("2023", "year")


def test_no_publication_date_keeps_only_dates_with_their_own_year(nlp, resolver):
    assert date_of(nlp, resolver, "Chile recalled its ambassador on Monday.", "recalled", None)[:2] == ("", "none")
    assert date_of(nlp, resolver, "Chile recalled its ambassador on June 2.", "recalled", None)[:2] == ("", "none")
    assert date_of(nlp, resolver, "Chile recalled its ambassador on June 2, 2021.", "recalled", None) == ("2021-06-02", "day", "explicit")


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Chile has suspended trade with Peru.", "suspended"),  # present perfect
        ("Chile accuses Peru of spying on its navy.", "accuses"),  # present
        ("Chilean ships are shelling the Peruvian coast.", "shelling"),  # present progressive
        ("Chile recently recalled its ambassador.", "recalled"),  # near the story
        ("In recent days Chile has expelled two Peruvian diplomats.", "expelled"),
    ],
)
def test_story_date_present_and_recent_acts_take_the_publication_month(nlp, resolver, text, trigger):
    assert date_of(nlp, resolver, text, trigger) == ("2024-03", "month", "publication")


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Chile regularly criticises Peru over fishing.", "criticises"),  # habitual
        ("Chile has long criticised Peru over fishing.", "criticised"),
        ("Chilean and Peruvian envoys meet every year in Quito.", "meet"),
        ("Chile will recall its ambassador.", "recall"),  # future, no date given
        ("Chile could recall its ambassador.", "recall"),  # modal
        ("Chile had recalled its ambassador.", "recalled"),  # pluperfect: before the story
        ("Chile previously recalled its ambassador.", "recalled"),  # history
    ],
)
def test_story_date_leaves_habitual_future_and_earlier_acts_undated(nlp, resolver, text, trigger):
    assert date_of(nlp, resolver, text, trigger)[:2] == ("", "none")


def test_today_and_this_morning_are_the_anchor_day(nlp, resolver):
    assert date_of(nlp, resolver, "Chile expelled two Peruvian diplomats today.", "expelled") == ("2024-03-13", "day", "relative")
    assert date_of(nlp, resolver, "Chile expelled two Peruvian diplomats this morning.", "expelled")[:2] == ("2024-03-13", "day")


def test_undated_news_act_is_dated_by_publication_month_unless_a_same_day_report(nlp, resolver):
    # Nothing in the article is dated to its own publication day: only the month is safe.
    assert date_of(nlp, resolver, "Chile recalled its ambassador to Peru.", "recalled") == ("2024-03", "month", "publication")
    # The article dates an act to its publication day: a same-day report.
    text = "Chile thanked Norway for its help.\n\nChile confirmed on Wednesday that talks took place."
    assert date_of(nlp, resolver, text, "thanked") == ("2024-03-13", "day", "publication")


def test_undated_act_next_to_a_dated_one_takes_its_day(nlp, resolver):
    text = "The Danish and Chilean ministers met on Monday in Oslo. The Danish minister thanked Chile for its support."
    assert date_of(nlp, resolver, text, "thanked") == ("2024-03-11", "day", "relative")


def test_a_date_word_inside_a_name_is_not_a_date(nlp, resolver):
    assert date_of(nlp, resolver, "On Monday, Chile Today reported that Peru closed the border.", "closed")[0] != "2024-03-13"


def test_bad_named_events_file_names_the_file_and_entry(tmp_path):
    from newscoder.errors import CodebookError

    (tmp_path / "dated_events.yaml").write_text("events:\n  - id: x\n    date: 'March 5'\n    phrases: [x]\n", encoding="utf-8")
    load_named_events.cache_clear()
    with pytest.raises(CodebookError, match=r"dated_events.yaml, entry 1: date 'March 5' is not YYYY-MM-DD"):
        load_named_events(tmp_path)


def test_headline_meeting_takes_the_day_the_article_gives_the_meeting(nlp, resolver):
    text = "Chile and Peru hold talks in Quito\nOfficials from both countries met on Monday in Quito. The talks focused on water."
    assert date_of(nlp, resolver, text, "hold") == ("2024-03-11", "day", "relative")


def test_headline_without_a_dated_meeting_is_dated_by_publication(nlp, resolver):
    text = "Chile recalls its ambassador to Peru\nThe decision follows a dispute over fishing rights."
    assert date_of(nlp, resolver, text, "recalls") == ("2024-03", "month", "publication")


def test_back_reference_to_the_meeting_takes_its_date(nlp, resolver):
    text = "Danish and Chilean ministers met in Oslo on Monday.\n\nA report followed.\n\nDuring the meeting, the ministers signed a fisheries accord."
    assert date_of(nlp, resolver, text, "signed") == ("2024-03-11", "day", "relative")


def test_since_inside_a_noun_phrase_does_not_block_the_verb(nlp, resolver):
    # The 'since' dates the support, not the thanking, which is the article's undated news act.
    text = "Norway thanked Chile for its constant support since the March 2021 floods."
    assert date_of(nlp, resolver, text, "thanked") == ("2024-03", "month", "publication")


def test_days_after_gives_the_month_when_the_few_days_before_the_anchor_lie_in_one_month(nlp, resolver):
    text = "The summit on Tuesday comes days after Chilean officials met Peruvian envoys in Lima."
    assert date_of(nlp, resolver, text, "met") == ("2024-03", "month", "relative")
    # Published Tuesday 2024-04-09: "Monday" is April 8, and a few days before it reach into March.
    text = "The summit on Monday comes days after Chilean officials met Peruvian envoys in Lima."
    assert date_of(nlp, resolver, text, "met", dt.date(2024, 4, 9))[:2] == ("", "none")


def test_a_date_on_the_attribution_dates_the_reported_act(nlp, resolver):
    text = "Chile saw Peru's troop build-up as a provocation, according to the Chilean defence minister on March 4, 2024."
    assert date_of(nlp, resolver, text, "saw") == ("2024-03-04", "day", "explicit")


def test_a_participle_on_a_meeting_noun_dates_the_meeting(nlp, resolver):
    text = "Norway has hosted talks between Chile and Peru, with the latest meeting taking place on February 27, 2024."
    assert date_of(nlp, resolver, text, "meeting") == ("2024-02-27", "day", "explicit")
    assert date_of(nlp, resolver, text, "hosted")[0] != "2024-02-27"  # the hosting spans several rounds


def test_a_meeting_dated_to_its_week_takes_the_day_the_article_gives_it(nlp, resolver):
    text = ("Chilean and Peruvian officials convened in Quito this week, the foreign ministry said.\n"
            "The meeting, held on Monday, was the first in a decade.")
    assert date_of(nlp, resolver, text, "convened") == ("2024-03-11", "day", "relative")
    # Two meetings dated that month: no way to tell which one the week's is.
    two = text + "\nA second meeting, held on Tuesday, dealt with fishing rights."
    assert date_of(nlp, resolver, two, "convened")[:2] == ("2024-03", "month")


def test_a_bare_quotation_takes_the_date_of_the_speech_it_continues(nlp, resolver):
    text = ("Chile and Peru resume talks\n"
            "On Friday, the Chilean minister spoke to reporters in Lima.\n"
            "“We are close friends of Peru,” the minister said. “The dialogue must continue.”")
    assert date_of(nlp, resolver, text, "continue") == ("2024-03-08", "day", "relative")
    # A present-tense sentence that is not a quotation gets no such date.
    plain = text.replace("“The dialogue must continue.”", "The dialogue must continue.")
    assert date_of(nlp, resolver, plain, "continue")[:2] == ("", "none")


def test_since_a_full_calendar_date_gives_the_day_the_act_began(nlp, resolver):
    text = "Since February 27, 2024, Norway has hosted talks between Chile and Peru."
    assert date_of(nlp, resolver, text, "hosted") == ("2024-02-27", "day", "explicit")
    # A month gives the month the act began; a named day is another event's, only a reference point.
    assert date_of(nlp, resolver, text.replace("February 27, 2024", "February 2024"), "hosted")[:2] == ("2024-02", "month")
    assert date_of(nlp, resolver, text.replace("February 27, 2024", "September 11"), "hosted")[0] != "2001-09-11"


def test_a_past_act_right_after_a_sentence_about_the_meeting_is_part_of_it(nlp, resolver):
    text = ("Chilean and Peruvian envoys met in Quito on Monday.\n\nFishing was a theme of the week.\n\n"
            "The meeting was chaired by a Swiss diplomat. Both sides agreed to reopen the border.")
    assert date_of(nlp, resolver, text, "agreed") == ("2024-03-11", "day", "relative")
    # Present or ongoing acts next to it are not dated by the meeting, only by the story (month).
    ongoing = text.replace("Both sides agreed to reopen", "Both sides are working to reopen")
    assert date_of(nlp, resolver, ongoing, "working") == ("2024-03", "month", "publication")


def test_an_added_statement_continues_the_report_before_it(nlp, resolver):
    text = ("Chilean and Peruvian ministers met in Quito on Monday.\n\nFishing was a theme of the week.\n\n"
            "During the meeting, the ministers praised Ecuador, the statement said.\n"
            "The ministry added that the Chilean minister thanked Bolivia for its help.")
    assert date_of(nlp, resolver, text, "thanked") == ("2024-03-11", "day", "relative")


# ---- day counts, quotations, year ends, plans ----------------------------------------------------
def test_previous_day_counts_from_the_last_day_named_even_in_an_earlier_paragraph(nlp, resolver):
    text = "The ministers met in Oslo on Monday.\n\nThe previous day, Chile expelled a Peruvian diplomat."
    assert date_of(nlp, resolver, text, "expelled") == ("2024-03-10", "day", "relative")


@pytest.mark.parametrize(
    "count, expected",
    [("Two days later", "2024-03-06"), ("The next day", "2024-03-05"), ("Three days earlier", "2024-03-01")],
)
def test_days_later_and_earlier_count_from_the_day_before_them(nlp, resolver, count, expected):
    text = f"The ministers met in Oslo on March 4.\n\n{count}, Chile expelled a Peruvian diplomat."
    assert date_of(nlp, resolver, text, "expelled") == (expected, "day", "relative")


def test_a_day_after_the_meeting_counts_from_the_meeting(nlp, resolver):
    text = ("The ministers met in Oslo on March 4.\n\nPeru protested on Thursday.\n\n"
            "A day after the meeting, Chile expelled a Peruvian diplomat.")
    assert date_of(nlp, resolver, text, "expelled") == ("2024-03-05", "day", "relative")
    # Without a dated meeting to count from, no guess.
    assert date_of(nlp, resolver, "A day after the meeting, Chile expelled a Peruvian diplomat.", "expelled")[:2] == ("", "none")


def test_a_weekday_inside_a_quotation_counts_from_the_day_it_was_said(nlp, resolver):
    # Said on Friday March 8: "on Monday" is March 4, not the Monday before publication (March 11).
    text = "“We met the Peruvian envoy on Monday,” the Chilean minister said on Friday."
    assert date_of(nlp, resolver, text, "met") == ("2024-03-04", "day", "relative")
    text = "On Friday, the Chilean minister spoke to reporters in Lima.\n\n“We met the Peruvian envoy on Monday,” he said."
    assert date_of(nlp, resolver, text, "met") == ("2024-03-04", "day", "relative")


def test_year_less_december_date_in_a_january_article_is_last_december(nlp, resolver):
    text = "Chile expelled two Peruvian diplomats on December 28."
    assert date_of(nlp, resolver, text, "expelled", dt.date(2025, 1, 5)) == ("2024-12-28", "day", "explicit")
    # A plan made in December for January is next year's.
    text = "Chile said it would expel two Peruvian diplomats on January 8."
    assert date_of(nlp, resolver, text, "expel", dt.date(2024, 12, 30))[:2] == ("2025-01-08", "day")
    text = "Talks between Chile and Peru are scheduled for January 8."
    assert date_of(nlp, resolver, text, "Talks", dt.date(2024, 12, 30))[:2] == ("2025-01-08", "day")


def test_future_act_carries_the_date_it_is_planned_for(nlp, resolver):
    assert date_of(nlp, resolver, "Chile will host talks with Peru next month.", "host") == ("2024-04", "month", "relative")


def test_the_dateline_dates_no_act(nlp, resolver):
    # The dateline's day is the article's (publication), not the meeting's.
    text = "Envoys meet in Lima\n\nLIMA, March 12 (Wire) - Chilean envoys met Peruvian officials in Lima."
    assert date_of(nlp, resolver, text, "met") == ("2024-03", "month", "publication")


def test_a_neighbours_day_is_carried_from_the_sentence_right_before_only(nlp, resolver):
    text = "The Danish and Chilean ministers met on Monday in Oslo. Fishing was discussed. The Danish minister thanked Chile."
    assert date_of(nlp, resolver, text, "thanked") == ("2024-03", "month", "publication")
    # A present-tense act dated to a weekday ('takes effect on Friday') is a schedule: nothing to carry.
    text = "The truce between Chile and Peru takes effect on Friday. Norway thanked both sides."
    assert date_of(nlp, resolver, text, "thanked") == ("2024-03", "month", "publication")


def test_a_pluperfects_day_is_not_carried_to_the_next_sentence(nlp, resolver):
    # the pluperfect tells a time before the story's; the next sentence goes on in the story's time
    text = "The coast guard said pirates had boarded a tanker late on Monday. The Bolivian navy sent two frigates."
    assert date_of(nlp, resolver, text, "sent") == ("2024-03", "month", "publication")
    text = "Pirates boarded a tanker late on Monday. The Bolivian navy sent two frigates."
    assert date_of(nlp, resolver, text, "sent") == ("2024-03-11", "day", "relative")


def test_trigger_written_from_its_auxiliary_is_dated_at_its_verb(nlp, resolver):
    text = "Chile and Peru have pressed Bolivia since January to reopen the border."
    assert date_of(nlp, resolver, text, "have pressed")[:2] == ("2024-01", "month")
    # 'did not attend': a past act, the story's month; 'has not condemned': a state, no date
    assert date_of(nlp, resolver, "Peru did not attend the talks in Quito.", "did not attend") == ("2024-03", "month", "publication")
    assert date_of(nlp, resolver, "Peru has not condemned the Chilean strikes.", "has not condemned")[:2] == ("", "none")


def test_modal_anywhere_above_the_act_gives_no_date(nlp, resolver):
    text = "Recent talks suggest Chile and Peru may be close to a fisheries deal."
    assert date_of(nlp, resolver, text, "deal")[:2] == ("", "none")


def test_present_states_stay_undated(nlp, resolver):
    assert date_of(nlp, resolver, "Chile regards the militia as a terrorist group.", "regards")[:2] == ("", "none")
    assert date_of(nlp, resolver, "Chile still supports the Peruvian plan.", "supports")[:2] == ("", "none")


def test_times_of_day_and_lengths_neither_date_nor_block_an_act(nlp, resolver):
    text = "Chile and Peru signed a 30-day truce in Quito."
    assert date_of(nlp, resolver, text, "signed") == ("2024-03", "month", "publication")
    text = "Chile accused Peru of shelling a port hours before the talks."
    assert date_of(nlp, resolver, text, "accused") == ("2024-03", "month", "publication")


def test_would_reports_a_plan_not_yet_done_but_a_refusal_is_dated_by_its_saying(nlp, resolver):
    # future in the past: planned, not done, and not on the day it was said
    text = "The Chilean minister said on Tuesday that his navy would escort the fishing fleet."
    assert date_of(nlp, resolver, text, "escort")[:2] == ("", "none")
    assert date_of(nlp, resolver, text, "said")[:2] == ("2024-03-12", "day")
    # with a date of its own it is dated forward; a refusal ('would not') is made as it is said
    text = "The Chilean minister said on Tuesday that his navy would escort the fleet on Friday."
    assert date_of(nlp, resolver, text, "escort")[:2] == ("2024-03-15", "day")
    text = "The Chilean minister said his country would not negotiate under threats."
    assert date_of(nlp, resolver, text, "negotiate") == ("2024-03", "month", "publication")


def test_a_participle_under_a_future_act_lies_ahead_with_it(nlp, resolver):
    # a participle has no tense of its own: under 'would issue' the condemning is not done yet,
    # and it does not take the day of the meeting it names
    text = "Chilean and Peruvian envoys met in Lima on Monday. The Bolivian union said it would issue a statement condemning the talks."
    assert date_of(nlp, resolver, text, "condemning")[:2] == ("", "none")
    text = "Chilean and Peruvian envoys met in Lima on Monday. The Bolivian union would “issue a statement rejecting the meeting”, its leader said."
    assert date_of(nlp, resolver, text, "rejecting")[:2] == ("", "none")
    # (under a past act it is done with it)
    text = "Chilean and Peruvian envoys met in Lima on Monday. The Bolivian union issued a statement condemning the talks."
    assert date_of(nlp, resolver, text, "condemning") == ("2024-03-11", "day", "relative")


def test_when_gives_the_time_of_the_clause_it_joins(nlp, resolver):
    # a 'when' right after a date is told at that date, even where 'since' makes it a reference point
    text = "It was Peru's first rocket test since October 2023, when it launched a rocket from the coast."
    assert date_of(nlp, resolver, text, "launched") == ("2023-10", "month", "explicit")
    # an act is done at the time of its own 'when' clause: 'last week' from Wednesday April 3 is March 25-31
    text = "Three fishermen were killed when the Chilean navy shelled the port last week."
    assert date_of(nlp, resolver, text, "killed", published=dt.date(2024, 4, 3)) == ("2024-03", "month", "relative")
    text = "Three fishermen were killed when the Chilean navy shelled the port."
    assert date_of(nlp, resolver, text, "killed", published=dt.date(2024, 4, 3)) == ("2024-04", "month", "publication")


def test_a_quoted_modal_in_a_later_sentence_of_the_quotation_is_dated_by_its_saying(nlp, resolver):
    # the quotation opened by 'said on Monday:' goes on over the next sentence: the speaker's stance
    text = "The envoy said on Monday: “Both sides have agreed to a truce. They must now respect it.”"
    assert date_of(nlp, resolver, text, "must")[:2] == ("2024-03-11", "day")
    # (outside quotation marks, or opened by a question, it is only required: no date)
    text = "The envoy said on Monday that both sides had agreed. They must now respect the truce."
    assert date_of(nlp, resolver, text, "must")[:2] == ("", "none")
    text = "Reporters asked on Monday: “Both sides have agreed to a truce. Must they respect it?”"
    assert date_of(nlp, resolver, text, "Must")[:2] == ("", "none")


def test_a_speakers_own_plan_is_a_pledge_also_with_our_and_over_several_sentences(nlp, resolver):
    # 'our aim is to': the speaker's own plan, as 'we plan to' is
    text = "“Our aim is to defend the coast,” the minister said on Monday."
    assert date_of(nlp, resolver, text, "defend")[:2] == ("2024-03-11", "day")
    text = "“Their aim is to take the coast,” the minister said on Monday."
    assert date_of(nlp, resolver, text, "take")[:2] == ("", "none")
    # a later sentence of the quotation, opened by the saying or going on after a bare quotation
    text = "The minister said on Monday: “We did our part. We will defend the coast.”"
    assert date_of(nlp, resolver, text, "defend")[:2] == ("2024-03-11", "day")
    text = "“Peru wants a war,” the minister said on Monday. “What else can we do? Our mission is to defend the coast.”"
    assert date_of(nlp, resolver, text, "defend")[:2] == ("2024-03-11", "day")


def test_a_weekday_after_another_weekday_still_counts_from_publication(nlp, resolver):
    # Published Wednesday March 13: Monday is the 11th and Tuesday the 12th, not the Tuesday before Monday.
    text = "Chilean students marched through Santiago on Monday. Police detained dozens of them on Tuesday."
    assert date_of(nlp, resolver, text, "detained") == ("2024-03-12", "day", "relative")


def test_a_present_perfect_in_a_relative_clause_is_background(nlp, resolver):
    text = "Chile thanked Bolivia, which has sent two hundred police officers to the border."
    assert date_of(nlp, resolver, text, "sent")[:2] == ("", "none")
    assert date_of(nlp, resolver, "Bolivia has sent two hundred police officers to the border.", "sent")[:2] == ("2024-03", "month")


# ---- the head, conditions, pledges, states, part-of-day and counted clauses ------------------------
def test_a_weekday_with_a_part_of_the_day_is_that_weekday(nlp, resolver):
    assert date_of(nlp, resolver, "Peruvian ships shelled the port on Monday night.", "shelled") == ("2024-03-11", "day", "relative")
    assert date_of(nlp, resolver, "Chile recalled its envoy late on Sunday afternoon.", "recalled")[:2] == ("2024-03-10", "day")


def test_a_title_and_standfirst_are_dated_by_the_story_month_whatever_their_parse(nlp, resolver):
    text = ("Lima News\nWorld | Americas\nChilean Navy Shells Peruvian Port as Envoys Trade Blame\n"
            "Fishermen flee the coast while Lima recalls its ambassador\n"
            "By Ana Ruiz\nPublished 13 March 2024\n\n"
            "LIMA (Lima News) - Chilean warships shelled the port of Ilo on Tuesday, officials said.")
    assert date_of(nlp, resolver, text, "Shells") == ("2024-03", "month", "publication")
    assert date_of(nlp, resolver, text, "recalls") == ("2024-03", "month", "publication")
    # the date line dates the article, not the shelling; the body's own day stays
    assert date_of(nlp, resolver, text, "shelled") == ("2024-03-12", "day", "relative")
    # a title told as a plan is not dated
    plan = text.replace("Chilean Navy Shells Peruvian Port as Envoys Trade Blame", "Chile to Recall Its Ambassador From Lima")
    assert date_of(nlp, resolver, plan, "Recall")[:2] == ("", "none")


def test_an_act_inside_a_condition_has_no_date(nlp, resolver):
    text = "Chile warned on Monday that it would respond if Peru sent troops to the border."
    assert date_of(nlp, resolver, text, "sent")[:2] == ("", "none")
    assert date_of(nlp, resolver, text, "warned")[:2] == ("2024-03-11", "day")
    assert date_of(nlp, resolver, "Peru will lift the ban unless Chile expels the envoy.", "expels")[:2] == ("", "none")


def test_a_speakers_own_we_will_in_a_quotation_is_dated_by_the_speaking(nlp, resolver):
    text = "“We will defend every metre of our coast,” the Chilean minister said on Tuesday."
    assert date_of(nlp, resolver, text, "defend")[:2] == ("2024-03-12", "day")
    # also for a trigger written from its subject, and in a bare quotation that goes on with the speech
    text = "“We did not come here to rest,” the commander said on Monday. “We will go where the gangs are.”"
    assert date_of(nlp, resolver, text, "We will")[:2] == ("2024-03-11", "day")
    # a third party's future, or one outside quotation marks, has no date yet
    text = "The Chilean minister said on Tuesday that Peru will defend its coast."
    assert date_of(nlp, resolver, text, "defend")[:2] == ("", "none")


def test_a_present_perfect_passive_without_agent_is_a_state(nlp, resolver):
    assert date_of(nlp, resolver, "The border crossings have been closed to traders.", "closed")[:2] == ("", "none")
    # with its agent, or an object left, it is an act the story reports
    assert date_of(nlp, resolver, "The border crossings have been closed by Peruvian troops.", "closed") == ("2024-03", "month", "publication")
    assert date_of(nlp, resolver, "We have been sent three letters by the ministry.", "sent")[:2] == ("2024-03", "month")


def test_a_length_written_with_a_hyphen_dates_nothing(nlp, resolver):
    text = "Fishermen have been protected by the navy throughout the seven-year dispute."
    assert date_of(nlp, resolver, text, "protected")[0] != "2017-03"


def test_the_same_day_is_the_day_just_named(nlp, resolver):
    text = "Peru protested on March 4, and Chile the same day recalled its ambassador."
    assert date_of(nlp, resolver, text, "recalled") == ("2024-03-04", "day", "relative")


def test_so_many_days_after_a_clause_counts_back_from_the_day_it_hangs_from(nlp, resolver):
    text = "Peruvian troops crossed the border on Thursday, three days after Chilean ships shelled the port."
    assert date_of(nlp, resolver, text, "shelled") == ("2024-03-04", "day", "relative")
    text = "Peruvian troops crossed the border on Monday, two days before Chile recalled its envoy."
    assert date_of(nlp, resolver, text, "recalled")[:2] == ("2024-03-13", "day")
    # no day to count from: no guess
    text = "Peruvian troops crossed the border last month, three days after Chilean ships shelled the port."
    assert date_of(nlp, resolver, text, "shelled")[:2] == ("", "none")


def test_a_same_day_report_dates_its_undated_acts_to_the_day_only_in_the_same_paragraph(nlp, resolver):
    text = ("Chilean warships shelled the port of Ilo on Wednesday. Fishermen fled. Peru recalled its envoy.\n\n"
            "Bolivia condemned the shelling.")
    # (published Wednesday: the shelling is the publication day, so this is a same-day report)
    assert date_of(nlp, resolver, text, "recalled") == ("2024-03-13", "day", "publication")
    assert date_of(nlp, resolver, text, "condemned") == ("2024-03", "month", "publication")


@pytest.mark.parametrize(
    "phrase, expected",
    [("last Wednesday", "2024-03-06"), ("last Monday", "2024-03-11"), ("last Thursday", "2024-03-07")],
)
def test_last_weekday_is_the_latest_one_before_publication_a_week_back_on_the_same_weekday(nlp, resolver, phrase, expected):
    # Published Wednesday 2024-03-13.
    text = f"Peruvian ships shelled the port {phrase}."
    assert date_of(nlp, resolver, text, "shelled") == (expected, "day", "relative")


def test_next_weekday_is_the_first_one_after_publication(nlp, resolver):
    text = "Chilean and Peruvian envoys will meet in Quito next Saturday."
    assert date_of(nlp, resolver, text, "meet") == ("2024-03-16", "day", "relative")
    text = "Chilean and Peruvian envoys will meet in Quito next Wednesday."
    assert date_of(nlp, resolver, text, "meet")[:2] == ("2024-03-20", "day")


def test_a_day_in_the_acts_own_phrase_dates_it_but_not_a_day_of_what_it_is_about(nlp, resolver):
    # the means ('by shelling ... on Monday') is the act itself
    text = "An official said Peru had in fact broken the truce by shelling the port on Monday afternoon."
    assert date_of(nlp, resolver, text, "broken")[:2] == ("2024-03-11", "day")
    text = "Chilean police broke up the march by firing tear gas on Monday night."
    assert date_of(nlp, resolver, text, "broke")[:2] == ("2024-03-11", "day")
    # the content of an accusation is another act: the accusation is the story's, undated
    text = "The Chilean minister accused Peru of shelling the port on Monday."
    assert date_of(nlp, resolver, text, "accused")[0] != "2024-03-11"


def test_a_clause_of_time_under_a_future_act_lies_ahead_too(nlp, resolver):
    text = "Bolivia will reopen the crossing when Paraguay withdraws its patrol boats."
    assert date_of(nlp, resolver, text, "withdraws")[1] == "none"
    text = "The observers said they would stay in Asuncion until the recount is finished."
    assert date_of(nlp, resolver, text, "finished")[1] == "none"
    # a clause of time under a past act is the story's past, dated as before
    text = "Bolivia reopened the crossing after Paraguay withdrew its patrol boats on Monday."
    assert date_of(nlp, resolver, text, "withdrew")[:2] == ("2024-03-11", "day")


def test_a_would_outside_a_quotation_makes_the_quoted_words_a_plan(nlp, resolver):
    # the writer's 'would' governs the quoted act: not done on the day of the saying
    text = "The union would “send a letter demanding the minister's resignation”, its leader said on Monday."
    assert date_of(nlp, resolver, text, "demanding")[1] == "none"
    # a speaker's own quoted 'we will' is still dated by the speaking
    text = "“We will send a letter to the minister,” the union leader said on Monday."
    assert date_of(nlp, resolver, text, "send")[:2] == ("2024-03-11", "day")


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("earlier this year", ("2024", "year")),
        ("earlier this week", ("2024-03", "month")),  # Monday 11 to Wednesday 13 March
        ("in recent weeks", ("2024-03", "month")),  # near the story, like "in recent days"
        ("last weekend", ("2024-03", "month")),  # 9 and 10 March
        ("over the weekend", ("2024-03", "month")),
        ("this past weekend", ("2024-03", "month")),
        ("in mid-February", ("2024-02", "month")),
    ],
)
def test_periods_near_the_anchor_give_their_month_or_year(nlp, resolver, phrase, expected):
    text = f"Paraguayan gunboats shelled the river port {phrase}."
    assert date_of(nlp, resolver, text, "shelled")[:2] == expected


def test_a_weekend_across_two_months_gives_no_date(nlp, resolver):
    # published Tuesday 2024-04-02: the weekend before is Saturday 30 and Sunday 31 March ...
    text = "Paraguayan gunboats shelled the river port over the weekend."
    assert date_of(nlp, resolver, text, "shelled", published=dt.date(2024, 4, 2))[:2] == ("2024-03", "month")
    # ... published Monday 2024-09-02 it is Saturday 31 August and Sunday 1 September: no one month
    assert date_of(nlp, resolver, text, "shelled", published=dt.date(2024, 9, 2))[1] == "none"


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # in one paragraph an undated act takes the day of the act dated right before it
        ("Chilean gunboats shelled the port of Arica on Monday. The Peruvian navy sent two frigates to the area.",
         "sent", ("2024-03-11", "day", "relative")),
        # across a paragraph break a plain act is a new step of the story: only the story's month
        ("Chilean gunboats shelled the port of Arica on Monday.\nThe Peruvian navy sent two frigates to the area.",
         "sent", ("2024-03", "month", "publication")),
        # ... while a report told by a verb of saying, or quoted, goes on with the report before it
        ("Chilean gunboats shelled the port of Arica on Monday.\nTwo fishing boats were sunk, the Peruvian navy said.",
         "sunk", ("2024-03-11", "day", "relative")),
        ("Chilean gunboats shelled the port of Arica on Monday.\n“They sank two of our fishing boats,” a harbour official said.",
         "sank", ("2024-03-11", "day", "relative")),
    ],
)
def test_an_undated_act_takes_the_day_before_it_across_a_paragraph_only_as_a_report(nlp, resolver, text, trigger, expected):
    assert date_of(nlp, resolver, text, trigger) == expected


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # a planning participle on a noun is a plan as its passive is: the weekday ahead, the year ahead
        ("Chile said talks set for Friday would go ahead.", "talks", ("2024-03-15", "day", "relative")),
        ("Bolivia criticised a vote scheduled for 3 May.", "vote", ("2024-05-03", "day", "explicit")),
    ],
)
def test_a_planning_participle_on_a_noun_looks_forward(nlp, resolver, text, trigger, expected):
    assert date_of(nlp, resolver, text, trigger) == expected


def test_a_count_of_days_in_a_plan_counts_from_the_day_planned_before_it(nlp, resolver):
    # a plan's "ten days later" counts from the last day named, planned ones too (28 March) ...
    text = "The summit will be held in Quito on 28 March. Peru said border talks are due to resume in Lima ten days later."
    assert date_of(nlp, resolver, text, "resume") == ("2024-04-07", "day", "relative")
    # ... but a past act's count starts from a day already past: a plan is not its base
    text = "The summit will be held in Quito on 28 March. Two days later, Bolivia recalled its envoy."
    assert date_of(nlp, resolver, text, "recalled")[0] != "2024-03-30"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the NER may leave "last night" out at the end of a sentence; it is still the day before
        ("Bolivian police arrested twenty sailors last night.", ("2024-03-12", "day", "relative")),
        ("Bolivian police arrested twenty sailors yesterday.", ("2024-03-12", "day", "relative")),
        # the night before the anchor spans two days (12 and 13 March): their month
        ("Bolivian police arrested twenty sailors overnight.", ("2024-03", "month", "relative")),
        # a day told with it wins over the night's month
        ("Bolivian police arrested twenty sailors overnight into Tuesday.", ("2024-03-12", "day", "relative")),
    ],
)
def test_last_night_and_overnight_are_read_where_the_ner_leaves_them_out(nlp, resolver, sentence, expected):
    assert date_of(nlp, resolver, sentence, "arrested") == expected


def test_a_night_across_two_months_gives_no_date(nlp, resolver):
    # published Friday 2024-03-01: the night before runs from 29 February into 1 March
    text = "Bolivian police arrested twenty sailors overnight."
    assert date_of(nlp, resolver, text, "arrested", published=dt.date(2024, 3, 1))[1] == "none"


def test_that_day_and_that_night_are_the_day_just_named(nlp, resolver):
    text = "Paraguayan gunboats shelled the port on Sunday. Bolivia recalled its envoy later that day."
    assert date_of(nlp, resolver, text, "recalled") == ("2024-03-10", "day", "relative")
    text = "Paraguayan gunboats shelled the port on Sunday. Police detained two sailors that night."
    assert date_of(nlp, resolver, text, "detained") == ("2024-03-10", "day", "relative")


def test_a_range_of_days_is_dated_by_its_first_day(nlp, resolver):
    text = "Bolivian and Paraguayan envoys will meet in Quito on 25-26 January."
    assert date_of(nlp, resolver, text, "meet") == ("2025-01-25", "day", "explicit")
    text = "Bolivian and Paraguayan envoys met in Quito on March 5-6."
    assert date_of(nlp, resolver, text, "met") == ("2024-03-05", "day", "explicit")
    text = "Bolivian and Paraguayan envoys met in Quito on March 5-6, 2023."
    assert date_of(nlp, resolver, text, "met") == ("2023-03-05", "day", "explicit")


def test_a_quoted_modal_is_dated_by_the_saying_outside_the_quotation(nlp, resolver):
    # the speaker's own words: a stance taken as they speak
    text = "“Both sides must stop shelling the port,” the Bolivian envoy said on Monday."
    assert date_of(nlp, resolver, text, "must")[:2] == ("2024-03-11", "day")
    # reported, a demand ('must', 'should') is still the speaker's stance, taken as they speak ...
    text = "The Bolivian envoy said on Monday that both sides must stop shelling the port."
    assert date_of(nlp, resolver, text, "must")[:2] == ("2024-03-11", "day")
    text = "The Bolivian envoy said on Monday that Paraguay should withdraw its gunboats."
    assert date_of(nlp, resolver, text, "withdraw")[:2] == ("2024-03-11", "day")
    # ... while a reported possibility is only possible: no date
    text = "The Bolivian envoy said on Monday that Paraguay could shell the port."
    assert date_of(nlp, resolver, text, "shell")[1] == "none"


def test_an_explicit_date_anchors_only_the_sentences_near_it(nlp, resolver):
    # A text without line breaks is one long paragraph: "March 4" (a Monday) anchors "Monday" in the
    # next sentence, but not a weekday told several sentences later, which counts from publication.
    text = ("Officials told reporters on March 4 that Chile had recalled its envoy. Peru protested on Monday. "
            "Trade talks stalled. Both sides traded blame. Analysts expect little progress. The Chilean minister spoke on Tuesday.")
    assert date_of(nlp, resolver, text, "protested") == ("2024-03-04", "day", "relative")
    assert date_of(nlp, resolver, text, "spoke") == ("2024-03-12", "day", "relative")


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("three days ago", ("2024-03-10", "day", "relative")),
        ("a week ago", ("2024-03", "month", "relative")),  # the week around March 6 lies in March
        ("two weeks ago", ("", "none", "none")),  # the week around February 28 spans two months
        ("a month ago", ("2024-02", "month", "relative")),
        ("two years ago", ("2022", "year", "relative")),
    ],
)
def test_a_count_back_with_ago_is_read_at_the_precision_it_allows(nlp, resolver, phrase, expected):
    text = f"Chilean jets struck the port of Arica {phrase}, officials said."
    assert date_of(nlp, resolver, text, "struck") == expected
    assert counted_back("days ago", PUBLISHED) is None and counted_back("weeks ago", PUBLISHED) is None  # how many is not said


@pytest.mark.parametrize(
    "published, phrase, expected",
    [
        # a Sunday article: its week runs Monday to that Sunday, and last week is the one before
        (dt.date(2027, 1, 3), "last week", "2026-12"),  # Dec 21-27
        (dt.date(2026, 11, 1), "last week", "2026-10"),  # Oct 19-25
        (dt.date(2026, 11, 1), "earlier this week", ""),  # Oct 26 - Nov 1: two months
        (dt.date(2026, 11, 8), "last week", ""),  # Oct 26 - Nov 1 again
        (dt.date(2026, 11, 8), "earlier this week", "2026-11"),
        # a Wednesday article, as before
        (dt.date(2024, 3, 13), "last week", "2024-03"),
    ],
)
def test_a_week_is_counted_from_the_publication_day_itself(nlp, resolver, published, phrase, expected):
    text = f"Ecuadorian police detained forty students {phrase} in Quito."
    assert date_of(nlp, resolver, text, "detained", published=published)[0] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count of weeks from the day just named gives the month of that week, as 'two weeks ago' does
        ("Chile expelled the envoys on March 4. Two weeks later, Peru shelled the port.", "2024-03"),  # Mar 15-21
        ("Chile expelled the envoys on Feb. 12. A week later, Peru shelled the port.", "2024-02"),  # Feb 16-22
        ("Chile expelled the envoys on March 11. A week earlier, Peru shelled the port.", "2024-03"),  # Mar 1-7
        ("Chile expelled the envoys on March 8. A week earlier, Peru shelled the port.", ""),  # Feb 27 - Mar 4: two months
    ],
)
def test_a_count_of_weeks_from_the_day_named_gives_the_month_of_that_week(nlp, resolver, text, expected):
    assert date_of(nlp, resolver, text, "shelled")[0] == expected


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # a plan told in the present lies ahead: dated by the day it is planned for, else by none
        ("Bolivia is planning to keep its troops in the valley once the floods recede.", "planning", ("", "none", "none")),
        ("Ecuador plans to host the regional summit on 3 April.", "plans", ("2024-04-03", "day", "explicit")),
        ("The envoy is to hold two rounds of talks, the first on 4-5 April.", "is to", ("2024-04-04", "day", "explicit")),
        ("Peru objected to the forum, which aims to gather twenty delegations in Quito on 18 April.", "aims",
         ("2024-04-18", "day", "explicit")),
        ("Joint naval patrols with Chile are due to begin next week.", "patrols", ("2024-03", "month", "relative")),
        ("The accord is due to be signed on Friday.", "accord", ("2024-03-15", "day", "relative")),
        # a speaker's own quoted plan is a pledge, dated by the speaking, as 'we will' is
        ("“We plan to defend the border,” the general said on Monday.", "plan", ("2024-03-11", "day", "relative")),
        # a plan reported as said keeps the future reading of its infinitive's day
        ("Chile said on Monday it is set to sign the accord on Friday.", "set", ("2024-03-15", "day", "relative")),
    ],
)
def test_a_plan_told_in_the_present_is_dated_by_the_day_it_is_for(nlp, resolver, text, trigger, expected):
    assert date_of(nlp, resolver, text, trigger) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count of weeks from a named act gives the month of that week, when the week lies in one month
        ("Ecuador hosted the summit on Monday, March 4. Bolivia expelled two envoys a week after the summit.", "2024-03"),
        ("Ecuador hosted talks on Friday, March 1. Bolivia expelled two envoys a week before the talks.", "2024-02"),
        ("Ecuador hosted the summit on Friday, Feb. 23. Bolivia expelled two envoys a week after the summit.", ""),  # Feb 27 - Mar 4
        ("Bolivia expelled two envoys a week after the summit.", ""),  # no day for the summit
        # ... and from the day of the clause it hangs from
        ("Bolivia shelled the port on Tuesday, March 12, a week after Ecuador expelled its envoys.", "2024-03"),
    ],
)
def test_a_count_of_weeks_from_a_named_act_gives_the_month_of_that_week(nlp, resolver, text, expected):
    assert date_of(nlp, resolver, text, "expelled")[0] == expected


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # 'the day after <clause>' counts back from the day of the clause it hangs from, like 'a day after'
        ("Bolivia recalled its ambassador on Friday, the day after Ecuador shelled the port.", "shelled", "2024-03-07"),
        ("Bolivia recalled its ambassador on Friday, the day before Ecuador shelled the port.", "shelled", "2024-03-09"),
        ("Bolivia recalled its ambassador on Friday, the day after Ecuador shelled the port.", "recalled", "2024-03-08"),
        # a count from a named act finds the act by the noun made from its verb
        ("Ecuador shelled the port on Thursday. The day after the shelling, Bolivia recalled its ambassador.", "recalled", "2024-03-08"),
        ("Ecuador signed the accord on Thursday. Two days after the signing, Bolivia recalled its ambassador.", "recalled", "2024-03-09"),
        ("Ecuador shelled the port on Thursday. A day after the summit, Bolivia recalled its ambassador.", "recalled", ""),
    ],
)
def test_a_day_count_from_an_act_counts_from_that_acts_day(nlp, resolver, text, trigger, expected):
    assert date_of(nlp, resolver, text, trigger)[0] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 'at the time' is the time just named, at its own precision
        ("Two truces signed in 2021 collapsed within days, and both sides accused each other at the time of rearming.", ("2021", "year")),
        ("Bolivia recalled its envoy in March 2022. Ecuador accused it at the time of breaking the accord.", ("2022-03", "month")),
        ("Bolivia recalled its envoy on Friday. Ecuador accused it at that time of breaking the accord.", ("2024-03-08", "day")),
        ("Ecuador accused Bolivia at the time of breaking the accord.", ("", "none")),  # no time named
        # ('at the time of the recall' names another act's time: the story date as before)
        ("Bolivia recalled its envoy in March 2022. Ecuador accused it at the time of the recall.", ("2024-03", "month")),
    ],
)
def test_at_the_time_is_the_time_just_named(nlp, resolver, text, expected):
    assert date_of(nlp, resolver, text, "accused")[:2] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the anchor act of 'a day after the summit' is found by a word of the dated clause too
        "Leaders gathered in Quito on Thursday for a regional summit. A day after the summit, Bolivia recalled its ambassador.",
        "The summit in Quito on Thursday ended without a deal. A day after the summit, Bolivia recalled its ambassador.",
        # (not by a word of another time in that clause: the summit is not Saturday's)
        "Ecuador and Bolivia met in Quito on Thursday. Bolivia shelled the port on Saturday, days after the summit. "
        "A day after the summit, Bolivia recalled its ambassador.",
    ],
)
def test_a_day_after_a_named_act_finds_the_act_in_the_clause_that_dates_it(nlp, resolver, text):
    assert date_of(nlp, resolver, text, "recalled")[0] == "2024-03-08"


@pytest.mark.parametrize(
    "text, expected",
    [
        # weeks and months counted from the last day or month named, at month precision
        ("Ecuador shelled the port on March 4. Bolivia recalled its ambassador the following week.", "2024-03"),
        ("Ecuador shelled the port on March 14. The week before, Bolivia recalled its ambassador.", "2024-03"),
        ("Ecuador shelled the port on Monday, March 11. Later that week, Bolivia recalled its ambassador.", "2024-03"),
        ("Ecuador shelled the port on Feb. 29. The following week, Bolivia recalled its ambassador.", "2024-03"),  # Mar 4-10
        ("Ecuador shelled the port on March 6. The previous week, Bolivia recalled its ambassador.", ""),  # Feb 25 - Mar 2
        ("Ecuador shelled the port in December 2023. Two months later, Bolivia recalled its ambassador.", "2024-02"),
        ("Ecuador shelled the port in January. Later that month, Bolivia recalled its ambassador.", "2024-01"),
        ("Ecuador shelled the port on Jan. 9. The following month, Bolivia recalled its ambassador.", "2024-02"),
    ],
)
def test_weeks_and_months_counted_from_the_last_date_named(nlp, resolver, text, expected):
    assert date_of(nlp, resolver, text, "recalled")[0] == expected


@pytest.mark.parametrize("phrase", ["in recent days", "over the past few days", "in the last few weeks", "in the past week",
                                    "over the past two weeks"])
def test_the_days_just_past_are_the_story_month(nlp, resolver, phrase):
    text = f"Bolivia has recalled two envoys {phrase}."
    assert date_of(nlp, resolver, text, "recalled") == ("2024-03", "month", "publication")


@pytest.mark.parametrize(
    "published, text, trigger, expected",
    [
        # a day of the month alone lies on the tense's side of the anchor, in this month or the next one over
        (dt.date(2025, 1, 6), "Bolivia recalled its ambassador on the 28th.", "recalled", "2024-12-28"),
        (dt.date(2025, 1, 6), "Bolivia recalled its ambassador on the 3rd, officials said.", "recalled", "2025-01-03"),
        (dt.date(2025, 1, 6), "Bolivia will recall its ambassador on the 3rd.", "recall", "2025-02-03"),
        (dt.date(2025, 3, 2), "Bolivia recalled its ambassador on the 30th.", "recalled", "2025-01-30"),  # no 30 February
        # (an ordinal before a noun is no date)
        (dt.date(2025, 1, 6), "Police raided the office on the 3rd floor.", "raided", "2025-01"),
    ],
)
def test_a_day_of_the_month_alone_takes_the_month_of_the_tense(nlp, resolver, published, text, trigger, expected):
    assert date_of(nlp, resolver, text, trigger, published=published)[0] == expected


@pytest.mark.parametrize(
    "published, text, trigger, expected",
    [
        # 'last March' is the latest March before the anchor's month; 'Tuesday last week' that day of that week
        (dt.date(2024, 3, 13), "Bolivia recalled its ambassador last March.", "recalled", ("2023-03", "month")),
        (dt.date(2024, 5, 13), "Bolivia recalled its ambassador last March.", "recalled", ("2024-03", "month")),
        (dt.date(2024, 3, 13), "Bolivia will recall its ambassador next March.", "recall", ("2025-03", "month")),
        (dt.date(2024, 3, 13), "Bolivia will recall its ambassador next May.", "recall", ("2024-05", "month")),
        (dt.date(2024, 3, 13), "Bolivia recalled its ambassador on Tuesday last week.", "recalled", ("2024-03-05", "day")),
        (dt.date(2024, 3, 13), "Bolivia will recall its ambassador on Friday next week.", "recall", ("2024-03-22", "day")),
        # 'this Tuesday' is the weekday read by the tense
        (dt.date(2024, 3, 13), "Bolivia recalled its ambassador this Tuesday.", "recalled", ("2024-03-12", "day")),
        (dt.date(2024, 3, 13), "Bolivia will recall its ambassador this Friday.", "recall", ("2024-03-15", "day")),
        # 'the month' after a part-of word is the anchor's month; 'the first week of March' is March
        (dt.date(2024, 3, 13), "Bolivia recalled its ambassador at the start of the month.", "recalled", ("2024-03", "month")),
        (dt.date(2024, 3, 13), "Bolivia recalled its ambassador earlier in the month.", "recalled", ("2024-03", "month")),
        (dt.date(2024, 3, 13), "Bolivia recalled its ambassador in the first week of March.", "recalled", ("2024-03", "month")),
        (dt.date(2024, 3, 13), "Bolivia recalled its ambassador at the start of the year.", "recalled", ("2024", "year")),
        (dt.date(2024, 3, 13), "Bolivia recalled its ambassador for a year.", "recalled", ("", "none")),
        # (a length is no date)
        (dt.date(2024, 3, 13), "Bolivia recalled its ambassador for a month.", "recalled", ("", "none")),
    ],
)
def test_calendar_words_relative_to_the_anchor(nlp, resolver, published, text, trigger, expected):
    assert date_of(nlp, resolver, text, trigger, published=published)[:2] == expected


@pytest.mark.parametrize(
    "phrase, expected",
    [
        # a part of the day the NER finds apart from its day, 'this past', 'earlier on', two days named together
        ("last Tuesday night", ("2024-03-12", "day")),
        ("this past Sunday", ("2024-03-10", "day")),
        ("earlier on Tuesday", ("2024-03-12", "day")),
        ("on Saturday and Sunday", ("2024-03-09", "day")),
        ("in the first half of 2023", ("2023", "year")),
        ("the day before yesterday", ("2024-03-11", "day")),
        ("in the early hours of Monday morning", ("2024-03-11", "day")),
    ],
)
def test_more_ways_of_writing_a_day(nlp, resolver, phrase, expected):
    text = f"Bolivia recalled its ambassador {phrase}."
    assert date_of(nlp, resolver, text, "recalled")[:2] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # years counted from the last date named, or from the named act, at year precision
        ("Ecuador shelled the port in 2021. The following year, Bolivia recalled its ambassador.", ("2022", "year")),
        ("Ecuador shelled the port in May 2021. Two years later, Bolivia recalled its ambassador.", ("2023", "year")),
        ("Bolivia recalled its ambassador the previous year.", ("2023", "year")),  # from publication
        ("Ecuador and Bolivia met in March 2021. A year after the meeting, Bolivia recalled its ambassador.", ("2022", "year")),
        ("Ecuador and Bolivia met in March 2021. Two months after the meeting, Bolivia recalled its ambassador.", ("2021-05", "month")),
        # (a count of days needs the act's day)
        ("Ecuador and Bolivia met in March 2021. A day after the meeting, Bolivia recalled its ambassador.", ("", "none")),
    ],
)
def test_years_counted_from_the_last_date_named(nlp, resolver, text, expected):
    assert date_of(nlp, resolver, text, "recalled")[:2] == expected


@pytest.mark.parametrize(
    "phrase, expected",
    [
        # a date in the year named by 'last year', 'this year', 'next year'
        ("on March 11 last year", ("2023-03-11", "day")),
        ("in December of last year", ("2023-12", "month")),
        ("in late December last year", ("2023-12", "month")),
        ("in January this year", ("2024-01", "month")),
    ],
)
def test_a_date_in_the_year_named_last_or_this_year(nlp, resolver, phrase, expected):
    text = f"Bolivia recalled its ambassador {phrase}."
    assert date_of(nlp, resolver, text, "recalled")[:2] == expected


@pytest.mark.parametrize(
    "published, text, trigger, expected",
    [
        # a day that falls on one date every year is read like that date without a year
        (dt.date(2025, 1, 6), "Bolivia recalled its ambassador on Christmas Day.", "recalled", "2024-12-25"),
        (dt.date(2025, 1, 6), "Bolivia recalled its ambassador on New Year's Eve.", "recalled", "2024-12-31"),
        (dt.date(2024, 12, 20), "Bolivia will recall its ambassador on New Year's Day.", "recall", "2025-01-01"),
    ],
)
def test_a_yearly_day_is_its_date_on_the_tenses_side(nlp, resolver, published, text, trigger, expected):
    assert date_of(nlp, resolver, text, trigger, published=published)[0] == expected


def test_the_first_time_since_a_date_is_no_start_and_a_possessive_day_dates_its_noun(nlp, resolver):
    # 'for the first time since 2011': the act is now, 2011 only a reference point
    text = "Bolivia recalled its ambassador for the first time since 2011."
    assert date_of(nlp, resolver, text, "recalled") == ("2024-03", "month", "publication")
    assert date_of(nlp, resolver, "Bolivia has backed the rebels since 2011.", "backed")[:2] == ("2011", "year")
    # 'Monday's vote' dates the vote, not the act done to it
    text = "The Bolivian minister sharply criticised Monday's vote."
    assert date_of(nlp, resolver, text, "vote")[:2] == ("2024-03-11", "day")
    assert date_of(nlp, resolver, text, "criticised")[:2] != ("2024-03-11", "day")
    # (a day in the act's own phrase still dates it)
    text = "Police broke up the march by firing tear gas on Monday night."
    assert date_of(nlp, resolver, text, "broke")[:2] == ("2024-03-11", "day")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a weekday told from the last day named: before it, after it, or in its own week
        ("Bolivia had recalled its ambassador the previous Monday.", "2024-03-04"),
        ("Bolivia recalled its ambassador the following Monday.", "2024-03-11"),
        ("Bolivia recalled its ambassador that Friday.", "2024-03-08"),
        ("Bolivia recalled its ambassador on the Saturday.", "2024-03-09"),
    ],
)
def test_a_weekday_told_from_the_last_day_named(nlp, resolver, sentence, expected):
    text = "Ecuador shelled the port on Thursday, March 7. " + sentence
    assert date_of(nlp, resolver, text, "recalled")[0] == expected


def test_the_last_days_of_a_month_are_that_month_not_the_days_just_past(nlp, resolver):
    assert date_of(nlp, resolver, "Bolivia recalled its ambassador in the last days of February.", "recalled")[:2] == ("2024-02", "month")


@pytest.mark.parametrize(
    "phrase, expected",
    [
        # a hedged count back is read at month or year precision, never at a day
        ("some three weeks ago", ("2024-02", "month")),  # Feb 18-24
        ("about a month ago", ("2024-02", "month")),
        ("around two years ago", ("2022", "year")),
        ("about three days ago", ("", "none")),
    ],
)
def test_a_hedged_count_back_keeps_only_a_month_or_a_year(nlp, resolver, phrase, expected):
    text = f"Bolivia recalled its ambassador {phrase}."
    assert date_of(nlp, resolver, text, "recalled")[:2] == expected


def test_a_disposition_told_by_the_writer_is_a_state_not_an_act(nlp, resolver):
    # 'is unable to', 'has been unwilling to': ability or will, not an act done
    assert date_of(nlp, resolver, "The Bolivian government is unable to help its citizens abroad.", "unable")[:2] == ("", "none")
    assert date_of(nlp, resolver, "Ecuador has so far been unwilling to recall its ambassador.", "unwilling")[:2] == ("", "none")
    # (reported by a verb of saying it is the saying's news: dated by the saying)
    text = "The Bolivian minister said on Monday that the government was unable to help."
    assert date_of(nlp, resolver, text, "unable")[:2] == ("2024-03-11", "day")
    # quoted, a third party's disposition is still its state; the speaker's own ('we are unable') is her stance
    text = "“We found the prisoners ourselves,” the mother said on Monday. “The government is unable to help them.”"
    assert date_of(nlp, resolver, text, "unable")[:2] == ("", "none")
    text = "“We found the prisoners ourselves, and the government is unable to help them,” the mother said on Monday."
    assert date_of(nlp, resolver, text, "unable")[:2] == ("", "none")
    text = "“We found the prisoners ourselves,” the minister said on Monday. “We are unable to help them.”"
    assert date_of(nlp, resolver, text, "unable")[:2] == ("2024-03-11", "day")


def test_a_present_perfect_right_after_a_past_year_goes_on_with_that_history(nlp, resolver):
    text = "Bolivia annexed the islands in 1998. It has also built a naval base there."
    assert date_of(nlp, resolver, text, "built")[:2] == ("", "none")
    # (after a day of the story's own time it is the story's news)
    text = "Bolivia annexed the islands on Monday. It has also built a naval base there."
    assert date_of(nlp, resolver, text, "built") == ("2024-03", "month", "publication")
    # (and a year in another clause of that sentence is not its main act's)
    text = "Bolivia, which annexed the islands in 1998, protested. It has also built a naval base there."
    assert date_of(nlp, resolver, text, "built") == ("2024-03", "month", "publication")


@pytest.mark.parametrize(
    "published, phrase, expected",
    [
        # 'the week' after a part-of word is the anchor's week; 'the week before last' two weeks back
        (dt.date(2024, 3, 13), "at the end of the week", "2024-03"),
        (dt.date(2024, 3, 13), "earlier in the week", "2024-03"),
        (dt.date(2024, 3, 20), "the week before last", "2024-03"),  # Mar 4-10
        (dt.date(2024, 3, 13), "the week before last", ""),  # Feb 26 - Mar 3: two months
        (dt.date(2024, 3, 13), "for a week", ""),  # a length
    ],
)
def test_the_week_of_the_anchor_and_the_week_before_last(nlp, resolver, published, phrase, expected):
    text = f"Bolivia recalled its ambassador {phrase}."
    assert date_of(nlp, resolver, text, "recalled", published=published)[0] == expected


def test_an_actors_next_act_takes_the_day_of_its_dated_act(nlp, resolver):
    # the same actor named again, by its noun or inside a longer name, a few sentences on
    text = ("Chile's Defence Ministry said on Monday that talks with Peru had begun. Officials from both sides met in Arica. "
            "The ministry also criticised the Peruvian fishing fleet.")
    assert date_of(nlp, resolver, text, "criticised") == ("2024-03-11", "day", "relative")
    text = "Defence Minister Ana Ruiz met her Peruvian counterpart on Monday in Lima. The talks covered fishing rights. Ruiz thanked Peru for its help."
    assert date_of(nlp, resolver, text, "thanked") == ("2024-03-11", "day", "relative")


def test_another_actor_or_a_pluperfects_day_is_not_taken_for_the_next_act(nlp, resolver):
    # another actor, a pronoun (named here by no one), a pluperfect's day (before the story's time)
    text = "Chile's navy seized two trawlers on Monday. Fishermen protested in the port. Peru recalled its ambassador."
    assert date_of(nlp, resolver, text, "recalled") == ("2024-03", "month", "publication")
    text = "Ana Ruiz signed a fishing accord on Monday in Lima. Fishermen protested in the port. She thanked Peru for its help."
    assert date_of(nlp, resolver, text, "thanked") == ("2024-03", "month", "publication")
    text = "The coast guard said the rebels had seized two boats on Monday. Fishermen protested in the port. The rebels released the crews."
    assert date_of(nlp, resolver, text, "released") == ("2024-03", "month", "publication")



@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # a future state or refusal reported by a verb of saying: the speaker's stance, dated by the saying
        ("The defence minister said on Tuesday that the army would remain in its barracks.", "remain", ("2024-03-12", "day", "relative")),
        ("Chile's navy said on Monday that its ships will not take part in the exercise.", "take part", ("2024-03-11", "day", "relative")),
        ("The envoy said on Monday that the border would be open to traders.", "be open", ("2024-03-11", "day", "relative")),
        # a reported future act is a plan, not done yet; its own date still wins
        ("The minister said on Monday that the navy would escort the fishing fleet.", "escort", ("", "none", "none")),
        ("The minister said on Monday that the talks would not resume on Friday.", "resume", ("2024-03-15", "day", "relative")),
        # a negated saying reports nothing; a refusal on a condition is still taken as it is said,
        # the condition itself is no act
        ("The ministry did not say on Monday that the army would remain there.", "remain", ("", "none", "none")),
        ("Peru's envoy said on Monday that Lima would not open the border if Chile sent troops.", "open", ("2024-03-11", "day", "relative")),
        ("Peru's envoy said on Monday that Lima would not open the border if Chile sent troops.", "sent", ("", "none", "none")),
    ],
)
def test_reported_future_state_or_refusal_is_dated_by_the_saying(nlp, resolver, text, trigger, expected):
    assert date_of(nlp, resolver, text, trigger) == expected



NO_DATE_ROW = ("", "none", "none")
STORY_MONTH = ("2024-03", "month", "publication")


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # an act named in a phrase of circumstance beside the act above it
        ("Chile sent troops to the border despite pledges by Peru to withdraw.", "pledges", NO_DATE_ROW),
        ("Chile sent troops to the border despite pledges by Peru to withdraw.", "sent", STORY_MONTH),
        ("The envoy said that without pressure from Peru the talks would fail.", "pressure", NO_DATE_ROW),
        ("The expulsion came against a backdrop of threats by Peru.", "threats", NO_DATE_ROW),
        ("Chile expelled two envoys amid protests by Peru.", "protests", NO_DATE_ROW),
        ("Chile expelled two envoys amid protests by Peru.", "expelled", STORY_MONTH),
        # a date of its own still dates it
        ("Chile sent troops despite pledges made by Peru on Monday to withdraw.", "pledges", ("2024-03-11", "day", "relative")),
    ],
)
def test_an_act_named_in_a_phrase_of_circumstance_takes_no_date_from_the_act_above(nlp, resolver, text, trigger, expected):
    assert date_of(nlp, resolver, text, trigger) == expected
