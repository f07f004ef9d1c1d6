"""The model widgets: moving a control redraws the figure and rewrites the readout, in place."""

from __future__ import annotations

import ipywidgets as w
import pytest

import groundup as gu
from groundup.models import view
from groundup.views import FigureView

MODELS = ["ankle_model", "knee_to_wall", "gait_model", "subtalar_model", "windlass_model", "big_toe_model"]


def other_value(slider):
    return slider.max if slider.value != slider.max else slider.min


@pytest.mark.parametrize("name", MODELS)
def test_moving_the_slider_changes_figure_and_readout(name):
    model = getattr(gu, name)()
    assert isinstance(model.figure_view, FigureView) and isinstance(model.readout, w.HTML)
    figure_before, readout_before, alt_before = model.figure_view.value, model.readout.value, model.figure_view.alt
    assert "<img" in figure_before and "groundup-readout" in readout_before and alt_before
    model.slider.value = other_value(model.slider)
    assert model.figure_view.value != figure_before
    assert model.readout.value != readout_before
    assert model.figure_view.alt != alt_before
    assert "groundup-error" not in model.readout.value


@pytest.mark.parametrize("name", MODELS)
def test_every_control_has_a_visible_label_with_units(name):
    model = getattr(gu, name)()
    for key, control in model.controls.items():
        assert control.description, key
        if isinstance(control, (w.IntSlider, w.FloatSlider)):
            assert "(°)" in control.description or "(cm)" in control.description or "(%)" in control.description
            assert control.continuous_update
    assert model.slider in model.controls.values()


def test_readout_is_announced_and_escaped():
    html = view.readout_html([("⚠", "a <b>bold</b> claim & more")])
    assert 'role="status"' in html and 'aria-live="polite"' in html
    assert "&lt;b&gt;" in html and "<b>" not in html and 'aria-hidden="true"' in html


def test_ankle_model_reads_close_and_loose_packed():
    model = gu.ankle_model()
    model.slider.value = 20
    assert "Close-packed" in model.readout.value and model.state.angle == 20
    model.slider.value = -30
    assert "Loose-packed" in model.readout.value


def test_knee_to_wall_every_slider_counts():
    model = gu.knee_to_wall()
    assert "8.3 cm" in model.readout.value  # 40 cm x sin 45 - 20 cm
    model.shank_slider.value = 50
    assert "15.4 cm" in model.readout.value  # 50 x 0.7071 - 20 = 15.36
    model.foot_slider.value = 25
    assert "10.4 cm" in model.readout.value  # 35.36 - 25
    model.slider.value = 20
    assert "cannot touch" in model.readout.value and "no wall distance" in model.figure_view.alt


def test_gait_overlay_checkbox_and_limit():
    model = gu.gait_model(pct=40)
    assert model.limit_slider.disabled
    plain = model.figure_view.value
    assert "bites" not in model.readout.value
    model.limit_checkbox.value = True
    assert not model.limit_slider.disabled
    assert "bites from 20–54%" in model.readout.value and model.figure_view.value != plain
    model.limit_slider.value = 12
    assert "never bites" in model.readout.value
    model.limit_checkbox.value = False
    assert model.limit_slider.disabled and "bites" not in model.readout.value


def test_big_toe_peak_choice():
    model = gu.big_toe_model(available=50)
    assert "Enough range" in model.readout.value
    model.peak_choice.value = "traditional"
    assert "Short by up to 15°" in model.readout.value and "traditional teaching" in model.readout.value


def test_a_failing_update_shows_words_not_a_traceback(monkeypatch):
    model = gu.windlass_model()
    figure = model.figure_view.value

    def broken(extension, radius_cm=0.9):
        raise ValueError("a 99 cm tie cannot close a truss")

    monkeypatch.setattr("groundup.models.windlass.windlass_state", broken)
    model.slider.value = 40  # must not raise
    assert "groundup-error" in model.readout.value and "could not update" in model.readout.value
    assert model.figure_view.value == figure  # the last good picture stays
    assert isinstance(model.last_error, ValueError)


def test_names_resolve_lazily_from_the_package():
    for name in MODELS:
        assert name in dir(gu)
        assert callable(getattr(gu, name))
