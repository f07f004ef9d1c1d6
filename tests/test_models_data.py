"""The gait data file carries its source and caveats; a damaged copy is reported line by line, never as a traceback."""

from __future__ import annotations

import pytest

from groundup.errors import ValidationError
from groundup.models import gait
from groundup.resources import asset_path

def data_text() -> str:
    return asset_path(*gait.DATA_FILE).read_text(encoding="utf-8")


def test_data_file_carries_source_population_caveat_and_events():
    curve = gait.load_curve()
    assert "Schwartz MH" in curve.source and "J Biomech 2008;41:1639-50" in curve.source
    assert "children" in curve.population
    assert "Plug-in-Gait" in curve.caveat and "Adult curves are similar in shape but not identical" in curve.caveat
    assert curve.events == {"opposite_foot_off": 10, "heel_off": 30, "opposite_foot_contact": 50, "foot_off": 59}
    # The header is readable by a person opening the CSV, not only by the loader.
    head = data_text().split("pct_gait_cycle")[0]
    assert head.count("\n# ") > 5 and "[S29]" in head


@pytest.mark.parametrize("pct, mean, sd", [(0, -2.1, 5.6), (6, -5.6, 4.3), (44, 11.8, 4.7), (46, 11.8, 4.9),
                                          (60, -13.8, 9.5), (64, -19.8, 8.8), (86, 2.4, 4.1), (100, -2.3, 5.4)])
def test_data_matches_the_published_values(pct, mean, sd):
    """Spot values of Schwartz et al. 2008, free speed: minimum -5.6 at 4-6 %, peak dorsiflexion 11.8 at
    44-46 %, peak plantarflexion -19.8 at 64 %, +2.4 at 86 % (as quoted in the course fact sheet, §B3-B4)."""
    curve = gait.load_curve()
    i = list(curve.pct).index(pct)
    assert (curve.mean[i], curve.sd[i]) == (mean, sd)


def test_curve_shape_extremes_are_where_the_paper_puts_them():
    curve = gait.load_curve()
    assert curve.pct[curve.mean.argmax()] in (44, 46) and curve.mean.max() == 11.8
    assert curve.pct[curve.mean.argmin()] == 64 and curve.mean.min() == -19.8


def damaged(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_every_problem_is_reported_with_its_line():
    text = data_text()
    text = damaged(text, "# caveat: >-", "# not_the_caveat: >-")
    text = damaged(text, "\n20,5.2,3.8\n", "\n20,five,3.8\n")
    text = damaged(text, "\n40,11.1,4.4\n", "\n40,11.1,-4.4\n")
    text = damaged(text, "\n60,-13.8,9.5\n", "\n58,-13.8,9.5\n")
    curve, problems = gait.parse_curve(text, "gait.csv")
    assert curve is None
    messages = [str(p) for p in problems]
    assert any(m.startswith("gait.csv:1: caveat:") for m in messages)
    lines = text.splitlines()
    line_of = {row: i + 1 for i, row in enumerate(lines)}
    assert any(m.startswith(f"gait.csv:{line_of['20,five,3.8']}: row: not a number") for m in messages)
    assert any(m.startswith(f"gait.csv:{line_of['40,11.1,-4.4']}: 40%: a standard deviation") for m in messages)
    assert any(m.startswith(f"gait.csv:{line_of['58,-13.8,9.5']}: 58%: percentages must increase") for m in messages)


@pytest.mark.parametrize("text, expected", [
    ("", "the first data line must be"),
    ("# events: [1, 2\npct_gait_cycle,ankle_dorsiflexion_deg_mean,ankle_dorsiflexion_deg_sd\n0,1,1\n100,1,1\n",
     "not valid YAML"),
    ("# events: {opposite_foot_off: 50, heel_off: 30, opposite_foot_contact: 50, foot_off: 59}\n", "events"),
])
def test_bad_headers_are_problems_not_exceptions(text, expected):
    curve, problems = gait.parse_curve(text, "x.csv")
    assert curve is None and any(expected in str(p) for p in problems)


def test_read_curve_raises_one_validation_error_listing_everything(tmp_path):
    bad = tmp_path / "gait.csv"
    bad.write_text(damaged(damaged(data_text(), "\n2,-3.9,5.2\n", "\n2,-3.9\n"), "# source: >-", "# sauce: >-"))
    with pytest.raises(ValidationError) as caught:
        gait.read_curve(bad)
    assert len(caught.value.problems) == 2
    assert "\n" not in str(caught.value) and "(and 1 more problem)" in str(caught.value)
