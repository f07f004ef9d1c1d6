"""Foot Posture Index (FPI-6) scoring: items, totals and every category boundary of the manual."""

import pytest

from groundup.assessments import fpi

# (total, category key) at both edges of every band, per the FPI-6 manual (Redmond 2005/2006).
BOUNDARIES = [
    (-12, "highly_supinated"), (-5, "highly_supinated"),
    (-4, "supinated"), (-1, "supinated"),
    (0, "normal"), (5, "normal"),
    (6, "pronated"), (9, "pronated"),
    (10, "highly_pronated"), (12, "highly_pronated"),
]


@pytest.mark.parametrize("total, key", BOUNDARIES)
def test_every_category_boundary(total, key):
    assert fpi.category(total).key == key


def test_every_total_has_exactly_one_category_and_bands_are_contiguous():
    for total in range(-12, 13):
        assert sum(total in c for c in fpi.CATEGORIES) == 1, total
    for lower, upper in zip(fpi.CATEGORIES, fpi.CATEGORIES[1:]):
        assert upper.low == lower.high + 1
    assert (fpi.CATEGORIES[0].low, fpi.CATEGORIES[-1].high) == (fpi.TOTAL_MIN, fpi.TOTAL_MAX) == (-12, 12)


@pytest.mark.parametrize("bad", [-13, 13, 100])
def test_totals_outside_the_scale_are_refused(bad):
    with pytest.raises(ValueError, match="from -12 to \\+12"):
        fpi.category(bad)


def test_six_items_in_the_manuals_order_each_with_five_levels():
    assert [i.number for i in fpi.ITEMS] == [1, 2, 3, 4, 5, 6]
    assert [i.region for i in fpi.ITEMS] == ["rearfoot"] * 3 + ["forefoot"] * 3
    names = " ".join(i.name.lower() for i in fpi.ITEMS)
    for word in ("talar head", "malleol", "calcaneus", "talonavicular", "arch", "forefoot"):
        assert word in names
    for item in fpi.ITEMS:
        assert len(set(item.levels)) == 5 and all(item.levels)
        assert item.level(-2) in item.prompt and item.level(2) in item.prompt


def test_totals_from_mapping_and_sequence():
    assert fpi.total([2, 2, 2, 2, 2, 2]) == 12
    assert fpi.total([-2] * 6) == -12
    assert fpi.total([1, 0, 2, -1, 1, 0]) == 3
    scores = dict(zip(fpi.ITEM_KEYS, [2, 1, 1, 1, 1, 0]))
    result = fpi.score(scores)
    assert (result.total, result.category.key) == (6, "pronated")
    assert result.scores == (2, 1, 1, 1, 1, 0)


@pytest.mark.parametrize("bad, message", [
    ([0] * 5, "has 6 items"),
    ([0] * 7, "has 6 items"),
    ([3, 0, 0, 0, 0, 0], "from −2 to \\+2"),
    ([0, 0, 0, 0, 0, -3], "from −2 to \\+2"),
    ([0.5, 0, 0, 0, 0, 0], "whole number"),
    ([True, 0, 0, 0, 0, 0], "whole number"),
    ({"talar_head": 1}, "not scored"),
    ({**dict.fromkeys(fpi.ITEM_KEYS, 0), "toes": 1}, "unknown"),
])
def test_bad_scores_are_refused_with_a_clear_message(bad, message):
    with pytest.raises(ValueError, match=message):
        fpi.score(bad)


def test_summary_names_the_band_and_never_a_diagnosis():
    forbidden = ("diagnos" + "is of", "you have", "flat foot", "flatfoot", "cure")
    for total in range(-12, 13):
        scores = _scores_for(total)
        result = fpi.score(scores)
        assert result.total == total
        text = result.summary()
        assert fpi.signed(total) in text and result.category.label.lower() in text
        assert not any(word in text.lower() for word in forbidden)
        assert ("one study of healthy young adults" in text)
        assert ("outside" in text) == (not -1 <= total <= 6)


def test_caveats_state_validity_reliability_and_variation():
    text = fpi.CAVEAT + " ".join(fpi.CAVEATS)
    for figure in ("64 %", "41 %", "0.92", "121"):
        assert figure in text
    assert "never a diagnosis" in fpi.CAVEAT


def test_signed_uses_a_true_minus():
    assert [fpi.signed(n) for n in (-3, 0, 4)] == ["−3", "0", "+4"]


def _scores_for(total):
    scores, remaining = [], total
    for _ in range(6):
        step = max(-2, min(2, remaining))
        scores.append(step)
        remaining -= step
    return scores
