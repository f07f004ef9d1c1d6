"""The single-leg stance widget, driven as a student would: type, choose, tick; read the result."""

import base64

import pytest

import groundup as gu
from groundup.assessments import balance
from groundup.assessments.balance_figure import norms_figure


@pytest.fixture
def tool():
    return gu.single_leg_stance()


def test_opens_waiting_for_input_with_labelled_controls(tool):
    assert "Waiting for the age and the time" in tool.result.value
    assert tool.band.label == "choose…"  # a visible prompt, not an empty box
    for control in (tool.age, tool.band, tool.seconds, tool.toes, *tool.flags.values()):
        assert control.description.strip(), control
    assert "secondary rounding" in tool.caveat.value and "Springer" in tool.caveat.value
    assert tool.figure_view.alt.startswith("Bar chart")


def test_typing_age_and_time_gives_the_comparison_and_marks_the_figure(tool):
    before = tool.figure_view.value
    tool.age.value = "72"
    assert tool.band.value == "70-79"
    tool.seconds.value = "15"
    assert "15 s is below the average time for healthy adults aged 70–79 (about 21 s)" in tool.result.value
    assert "What to do next" in tool.result.value
    assert tool.figure_view.value != before
    assert "The client's time of 15 s is marked" in tool.figure_view.alt
    tool.seconds.value = "30"
    assert "● At or above the average" in tool.result.value


def test_choosing_another_band_by_hand_clears_a_conflicting_age(tool):
    tool.age.value = "45"
    assert tool.band.value == "40-49"
    tool.band.value = "80+"
    assert tool.age.value == ""
    tool.seconds.value = "12"
    assert "aged 80 and over" in tool.result.value


def test_choosing_a_band_without_an_age_works(tool):
    tool.band.value = "50-59"
    tool.seconds.value = "41"
    assert "at or above the average time for healthy adults aged 50–59" in tool.result.value


def test_unreadable_input_is_a_message_not_a_traceback(tool):
    tool.age.value = "sixty"
    tool.seconds.value = "about ten"
    assert "Type the age as a whole number" in tool.input_note.value
    assert "Type the time in seconds" in tool.input_note.value
    assert "Waiting for the age and the time" in tool.result.value
    tool.age.value = "60"
    tool.seconds.value = "10"
    assert tool.input_note.value == ""


def test_a_red_flag_puts_the_referral_first(tool):
    tool.age.value = "30"
    tool.seconds.value = "45"
    tool.flags["two_legs"].value = True
    html = tool.result.value
    assert html.startswith('<div class="groundup-referral"')
    assert "⚠ Refer." in html and "Stop the balance test" in html
    # The time typed is not marked on the chart while a red flag is ticked.
    assert "The client's time" not in tool.figure_view.alt
    tool.flags["two_legs"].value = False
    assert not tool.result.value.startswith('<div class="groundup-referral"')


def test_toes_observation_adds_its_note(tool):
    tool.toes.value = "gripped"
    assert "toe-flexor" in tool.result.value


def test_under_18_says_the_norms_do_not_apply(tool):
    tool.age.value = "15"
    tool.seconds.value = "20"
    assert tool.band.value == ""
    assert "No norms for this age" in tool.result.value


def test_figure_png_alt_and_caption():
    figure = norms_figure("60-69", 27.5)
    assert figure.png.startswith(b"\x89PNG")
    assert "below its average" in figure.alt and "60–69" in figure.alt
    assert figure.caption.startswith("Average times fall with age")
    html = figure.html()
    assert base64.b64encode(figure.png).decode()[:40] in html and 'alt="Bar chart' in html


def test_figures_for_every_band_saved_for_a_person_to_look_at(artifacts):
    out = artifacts / "assessments"
    out.mkdir(exist_ok=True)
    for band in balance.BANDS:
        for seconds in (0.0, band.average_seconds, 45.0):
            figure = norms_figure(band.key, seconds)
            assert figure.alt and figure.caption
            (out / f"single-leg-stance-{band.key}-{seconds:g}s.png").write_bytes(figure.png)


def test_how_to_says_how_to_hold_the_test_steady_and_that_the_protocol_is_unchecked():
    from groundup.assessments.balance_view import HOW_TO

    for words in ("same position on every try", "each leg's best", "only comparable if you time it the same way",
                  "not yet been checked"):
        assert words in HOW_TO
