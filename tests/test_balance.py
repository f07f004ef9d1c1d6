"""The single-leg stance screen: age bands, the 45 s ceiling, red flags first, words never a diagnosis."""

import re

import pytest

from groundup.assessments import balance as b

# The rounded Springer et al. (2007) eyes-open best-of-three averages as the fact sheet gives them.
EXPECTED = {"18-39": 44, "40-49": 41, "50-59": 41, "60-69": 32, "70-79": 21, "80+": 9}


def test_bands_are_the_published_age_groups_with_the_rounded_averages():
    assert {band.key: band.average_seconds for band in b.BANDS} == EXPECTED
    assert [band.label for band in b.BANDS] == ["18–39", "40–49", "50–59", "60–69", "70–79", "80 and over"]
    # Contiguous from 18 upward, no gaps or overlaps.
    for before, after in zip(b.BANDS, b.BANDS[1:]):
        assert after.low == before.high + 1


@pytest.mark.parametrize("age, key", [
    (18, "18-39"), (39, "18-39"), (40, "40-49"), (49, "40-49"), (50, "50-59"), (59, "50-59"),
    (60, "60-69"), (69, "60-69"), (70, "70-79"), (79, "70-79"), (80, "80+"), (104, "80+"),
])
def test_every_band_boundary(age, key):
    assert b.band_for_age(age).key == key


def test_no_band_under_18():
    assert b.band_for_age(17) is None
    result = b.assess(age=12, seconds=30)
    assert result.status == "outside_norms" and "18 and over" in result.headline
    assert result.next_steps == b.NEXT_OUTSIDE_NORMS and "do not compare it" in result.next_steps[0]


@pytest.mark.parametrize("seconds, status", [(32, "at_or_above"), (32.0, "at_or_above"), (31.9, "below"),
                                             (45, "at_or_above"), (0, "below")])
def test_at_or_above_versus_below_the_average(seconds, status):
    assert b.assess(age=65, seconds=seconds).status == status


def test_below_says_how_far_below_in_words():
    result = b.assess(age=63, seconds=27.5)
    assert result.headline == "27.5 s is below the average time for healthy adults aged 60–69 (about 32 s)."
    assert "4.5 s below the average of about 32 s (86 % of it)" in result.details[0]
    assert result.next_steps == b.NEXT_BELOW
    # Being below an average is common, and the first thing the student reads about it.
    assert result.next_steps[0].startswith("Being below an average is common")


def test_a_time_equal_to_the_average_says_so():
    result = b.assess(age=65, seconds=32)
    assert result.status == "at_or_above"
    assert result.details == ("That equals the average of about 32 s.",)


def test_zero_seconds_is_described_not_rejected():
    result = b.assess(band_key="70-79", seconds=0)
    assert result.status == "below"
    assert any("could not hold the position" in line for line in result.details)
    # No "below an average is common" reassurance next to a 0 s time; the doctor line comes first instead.
    assert result.next_steps == b.NEXT_BELOW_ZERO
    assert result.next_steps[0].startswith("Not being able to stand on one leg at all")
    assert not any(line.startswith("Being below an average is common") for line in result.next_steps)


def test_a_new_fall_is_sent_to_the_red_flag_not_only_suggested():
    advice = " ".join(b.NEXT_BELOW)
    assert "has fallen" not in advice
    assert "tick that red flag: it means refer" in advice


def test_times_above_the_ceiling_count_as_45_seconds():
    result = b.assess(age=25, seconds=120)
    assert result.seconds == 45 and result.status == "at_or_above"
    assert "120 s counts as 45 s" in result.details[0]


def test_age_wins_over_a_band_chosen_by_hand():
    assert b.assess(age=75, band_key="18-39", seconds=25).band.key == "70-79"


@pytest.mark.parametrize("kwargs, missing", [
    ({}, "the client's age or age band and the best time"),
    ({"age": 50}, "the best time"),
    ({"seconds": 20}, "the client's age or age band"),
])
def test_incomplete_input_says_what_is_missing(kwargs, missing):
    result = b.assess(**kwargs)
    assert result.status == "incomplete" and result.headline == f"Enter {missing} to compare."


@pytest.mark.parametrize("flag", [flag.key for flag in b.RED_FLAGS])
def test_any_red_flag_means_refer_whatever_the_time(flag):
    result = b.assess(age=30, seconds=45, flags={flag})
    assert result.status == "refer"
    assert result.referral and result.next_steps == b.NEXT_REFER
    html = b.result_html(result)
    # The referral comes before anything else in the result.
    assert html.startswith('<div class="groundup-referral"')
    # The typed time is not compared with the norms: it is only said that it must not be used.
    assert result.details == (b.REFER_TIME_NOTE,)
    assert html.index("Refer") < html.index("do not use it")
    assert "average" not in html


def test_a_red_flag_without_a_time_adds_no_time_note():
    assert b.assess(age=30, flags={"calf"}).details == ()


def test_cannot_stand_on_two_legs_is_a_red_flag():
    assert "two_legs" in {flag.key for flag in b.RED_FLAGS}
    assert b.assess(flags={"two_legs"}).status == "refer"


@pytest.mark.parametrize("flag, words", [("recent_injury", "injured leg"), ("calf", "same-day medical assessment")])
def test_a_recent_injury_or_a_swollen_calf_means_refer_before_standing_on_one_leg(flag, words):
    result = b.assess(age=30, seconds=20, flags={flag})
    assert result.status == "refer"
    assert any(words in reason for reason in result.referral)


def test_unknown_flag_or_toe_observation_is_an_input_error():
    with pytest.raises(b.InputError):
        b.assess(flags={"gout"})
    with pytest.raises(b.InputError):
        b.assess(toes="wiggled")
    with pytest.raises(b.InputError):
        b.assess(band_key="90-99", seconds=3)


@pytest.mark.parametrize("toes, words", [("gripped", "toe-flexor"), ("lifted", "shin muscles"), ("relaxed", "relaxed")])
def test_toe_observation_adds_a_note(toes, words):
    assert words in b.assess(age=40, seconds=30, toes=toes).toe_note
    assert b.assess(age=40, seconds=30).toe_note == ""


@pytest.mark.parametrize("typed, value", [("63", 63), (" 7 ", 7), ("", None), (None, None), (80, 80)])
def test_parse_age(typed, value):
    assert b.parse_age(typed) == value


@pytest.mark.parametrize("typed", ["sixty", "63.5", "-4", "200", True])
def test_parse_age_rejects_with_a_message(typed):
    with pytest.raises(b.InputError, match="Type"):
        b.parse_age(typed)


@pytest.mark.parametrize("typed, value", [("27.5", 27.5), ("27,5", 27.5), ("30 s", 30.0), (".5", 0.5), ("", None),
                                          (12, 12.0), ("0", 0.0)])
def test_parse_seconds(typed, value):
    assert b.parse_seconds(typed) == value


@pytest.mark.parametrize("typed", ["abc", "-3", "1e3", "nan", "700", float("inf")])
def test_parse_seconds_rejects_with_a_message(typed):
    with pytest.raises(b.InputError, match="(?i)type"):
        b.parse_seconds(typed)


NAMES_OF_CONDITIONS = re.compile(r"\b(you have|diagnos(is|ed|e)|neuropathy|vestibular disorder|fall risk is high)\b", re.I)


@pytest.mark.parametrize("kwargs", [
    {"age": 70, "seconds": 3}, {"age": 20, "seconds": 45}, {"age": 85, "seconds": 0, "toes": "gripped"},
    {"age": 60, "seconds": 10, "flags": {"numbness", "weakness"}},
])
def test_result_words_never_name_a_condition(kwargs):
    result = b.assess(**kwargs)
    text = " ".join([result.headline, *result.details, *result.next_steps, *result.referral, result.toe_note])
    assert not NAMES_OF_CONDITIONS.search(text), text


def test_caveat_states_the_norms_limits():
    for words in ("secondary rounding", "45 s", "eyes-closed norms are not included", "not a diagnosis"):
        assert words in b.CAVEAT


def test_result_html_escapes_and_marks_status_with_icon_and_words():
    html = b.result_html(b.assess(age=45, seconds=44))
    assert "● At or above the average for this age band." in html
    assert "✔" not in html  # a tick would read as "passed": the screen clears no one
    below = b.result_html(b.assess(age=45, seconds=4))
    assert "▼ Below the average for this age band." in below
    assert "<script" not in b.result_html(b.Result("below", "<script>x</script>"))
