"""The FPI-6 scorer widget: set the sliders, read the live total, category, figure and caveat."""

import re

import pytest

import groundup as gu
from groundup.assessments import fpi


@pytest.fixture
def scorer():
    return gu.fpi_scorer()


def _shown_total(scorer):
    match = re.search(r"Total: <b>([−+]?\d+)</b>", scorer.readout.value)
    return match.group(1)


def test_every_item_has_a_visible_label_and_prompt(scorer):
    assert len(scorer.sliders) == 6
    for item, slider, level in zip(fpi.ITEMS, scorer.sliders, scorer.levels):
        assert slider.description == f"Item {item.number} score"
        assert (slider.min, slider.max, slider.step, slider.value) == (-2, 2, 1, 0)
        assert item.level(0) in level.value.replace("&#x27;", "'")
    html = " ".join(child.value for row in scorer.children if hasattr(row, "children") for child in row.children
                    if hasattr(child, "value") and isinstance(child.value, str))
    for item in fpi.ITEMS:
        assert item.name in html.replace("&#x27;", "'")


def test_starts_neutral(scorer):
    assert scorer.total == 0
    assert _shown_total(scorer) == "0"
    assert "Category: <b>Normal</b>" in scorer.readout.value


def test_setting_values_updates_total_category_and_figure(scorer):
    before = scorer.figure_view.value
    for slider, value in zip(scorer.sliders, [2, 2, 1, 1, 0, 0]):
        slider.value = value
    assert scorer.total == 6
    assert _shown_total(scorer) == "+6"
    assert "Category: <b>Pronated</b> (+6 to +9)" in scorer.readout.value
    assert scorer.figure_view.value != before
    assert "marker at +6 sits in the pronated band" in scorer.figure_view.alt
    assert fpi.ITEMS[0].level(2) in scorer.levels[0].value and "+2" in scorer.levels[0].value


@pytest.mark.parametrize("values, total, label", [
    ([-2, -2, -1, 0, 0, 0], -5, "Highly supinated"),
    ([-1, 0, 0, 0, 0, 0], -1, "Supinated"),
    ([1, 1, 1, 1, 1, 0], 5, "Normal"),
    ([2, 2, 2, 2, 1, 0], 9, "Pronated"),
    ([2, 2, 2, 2, 2, 0], 10, "Highly pronated"),
])
def test_boundaries_through_the_widget(scorer, values, total, label):
    for slider, value in zip(scorer.sliders, values):
        slider.value = value
    assert _shown_total(scorer) == fpi.signed(total)
    assert f"Category: <b>{label}</b>" in scorer.readout.value


def test_reset_button_and_set_scores(scorer):
    scorer.set_scores([-2] * 6)
    assert _shown_total(scorer) == "−12"
    with pytest.raises(ValueError):
        scorer.set_scores([9] * 6)
    assert scorer.total == -12  # bad input changed nothing
    scorer.reset_button.click()
    assert scorer.total == 0 and _shown_total(scorer) == "0"


def test_caveat_line_is_shown(scorer):
    assert "not how it moves" in scorer.caveat.value and "never a diagnosis" in scorer.caveat.value
    assert "How to stand the client" in scorer.method.value


def test_scale_figures_render_with_alt_text(artifacts):
    from groundup.assessments.fpi_figure import scale_figure

    out = artifacts / "assessments"
    out.mkdir(exist_ok=True)
    for total in (-12, -5, -1, 0, 5, 6, 10, 12):
        figure = scale_figure(total)
        assert figure.png.startswith(b"\x89PNG") and figure.alt and figure.caption
        assert fpi.category(total).label.lower() in figure.alt
        (out / f"fpi-scale-{total:+d}.png").write_bytes(figure.png)
