"""The five joint models' numbers, checked against values worked out by hand (no Jupyter, no plotting)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from groundup.models import ankle, big_toe, gait, subtalar, windlass

# ----------------------------------------------------------------------------------------------- ankle


def test_dome_width_runs_from_narrow_back_to_wide_front():
    assert ankle.dome_width_at(0) == pytest.approx(28.2)
    assert ankle.dome_width_at(14.8) == pytest.approx(31.0)
    assert ankle.dome_width_at(-14.8) == pytest.approx(21.4)
    assert ankle.dome_width_at(99) == pytest.approx(31.0)  # clamped to the dome's ends
    # 20 deg dorsiflexion: the contact moves 18.6 mm x 0.349 rad = 6.49 mm forward; 28.2 + 2.8 x 6.49/14.8.
    state = ankle.ankle_state(20)
    assert state.contact_mm == pytest.approx(6.493, abs=1e-3)
    assert state.dome_width_mm == pytest.approx(29.43, abs=0.01)


@pytest.mark.parametrize("angle, within, beyond, packing", [
    (0, True, 0, "neutral"),
    (5, True, 0, "toward close-packed"),
    (20, True, 0, "close-packed"),
    (25, False, 5, "close-packed"),
    (-10, True, 0, "loose-packed"),
    (-50, True, 0, "loose-packed"),
])
def test_ankle_range_and_packing(angle, within, beyond, packing):
    state = ankle.ankle_state(angle)
    assert (state.within_normal, state.beyond_by, state.packing) == (within, beyond, packing)


def test_ankle_readout_names_the_packing_and_flags_the_range():
    close = " ".join(text for _, text in ankle.ankle_readout(ankle.ankle_state(20)))
    loose = " ".join(text for _, text in ankle.ankle_readout(ankle.ankle_state(-30)))
    assert "Close-packed" in close and "wider front of the talus" in close
    assert "Loose-packed" in loose and "narrower back" in loose
    icons = [icon for icon, _ in ankle.ankle_readout(ankle.ankle_state(25))]
    assert icons[0] == "⚠" and "5° past the usual range" in ankle.ankle_readout(ankle.ankle_state(25))[1][1]


# ------------------------------------------------------------------------------------------ knee to wall

@pytest.mark.parametrize("shank, angle, foot, distance", [
    (40, 45, 20, 40 * math.sqrt(2) / 2 - 20),  # 28.284 - 20 = 8.284 cm
    (40, 30, 20, 0.0),  # sin 30 = 0.5: the knee is exactly above the toe
    (45, 40, 19.8, 45 * 0.6427876 - 19.8),  # 28.925 - 19.8 = 9.125 cm
    (40, 25, 20, 40 * 0.4226183 - 20),  # 16.905 - 20 = -3.095: the knee stays behind the toe
])
def test_toe_to_wall_distance_by_hand(shank, angle, foot, distance):
    assert ankle.toe_to_wall_cm(shank, angle, foot) == pytest.approx(distance, abs=1e-4)


def test_knee_to_wall_against_the_rule_of_thumb():
    state = ankle.knee_to_wall(40, 45, 20)
    assert state.distance_cm == pytest.approx(8.2843, abs=1e-4)
    assert state.rule_angle == pytest.approx(8.2843 * 3.6, abs=1e-3)  # 29.8 deg
    assert state.rule_error == pytest.approx(29.823 - 45, abs=1e-3)
    assert state.band == "restricted flag"
    # Local exact conversion at 60 deg with a 40 cm shank: 57.2958 / (40 x 0.5) = 2.865 deg per cm.
    assert ankle.degrees_per_cm(40, 60) == pytest.approx(2.8648, abs=1e-4)
    # The inverse gives the angle back; a distance the knee cannot reach gives None.
    assert ankle.shin_angle_for(state.distance_cm, 40, 20) == pytest.approx(45)
    assert ankle.shin_angle_for(25, 40, 20) is None


@pytest.mark.parametrize("distance, band", [(8.9, "restricted flag"), (9.5, "grey zone"), (12, "typical"),
                                            (14.8, "typical"), (15.5, "above average")])
def test_knee_to_wall_bands(distance, band):
    angle = ankle.shin_angle_for(distance, 40, 20)
    assert ankle.knee_to_wall(40, angle, 20).band == band


def test_knee_to_wall_readout_gives_norm_flag_and_mdc_in_words():
    text = " ".join(t for _, t in ankle.knee_to_wall_readout(ankle.knee_to_wall(40, 45, 20)))
    assert "8.3 cm" in text and "30°" in text and "not a diagnosis" in text
    assert "1.6–1.9 cm" in text and "3.6°" in text
    behind = ankle.knee_to_wall_readout(ankle.knee_to_wall(40, 25, 20))
    assert len(behind) == 1 and "cannot touch" in behind[0][1]


# -------------------------------------------------------------------------------------------------- gait

@pytest.fixture(scope="module")
def curve():
    return gait.load_curve()


@pytest.mark.parametrize("pct, phase, rocker", [
    (0, "loading response", "heel"), (5, "loading response", "heel"), (10, "midstance", "ankle"),
    (20, "midstance", "ankle"), (40, "terminal stance", "forefoot"), (55, "pre-swing", "forefoot"),
    (59, "swing", None), (80, "swing", None), (100, "swing", None),
])
def test_phase_and_rocker_at_chosen_percentages(curve, pct, phase, rocker):
    assert gait.phase_at(curve, pct) == phase
    assert gait.rocker_at(curve, pct) == rocker


def test_curve_values_and_interpolation(curve):
    assert len(curve.pct) == 51 and curve.pct[1] - curve.pct[0] == 2
    assert gait.angle_at(curve, 44) == pytest.approx((11.8, 4.7))
    assert gait.angle_at(curve, 64)[0] == pytest.approx(-19.8)
    assert gait.angle_at(curve, 1)[0] == pytest.approx((-2.1 - 3.9) / 2)


def test_restriction_bites_in_late_stance_by_hand(curve):
    limit = gait.restriction(curve, 5)
    # The mean passes 5 deg between 18 % (4.1) and 20 % (5.2): 18 + 2 x 0.9/1.1 = 19.64 %; it falls back
    # between 52 % (8.4) and 54 % (4.9): 52 + 2 x 3.4/3.5 = 53.94 %. Worst: 11.8 - 5 = 6.8 deg at 44 %.
    assert len(limit.intervals) == 1
    start, end = limit.intervals[0]
    assert start == pytest.approx(19.636, abs=0.01) and end == pytest.approx(53.943, abs=0.01)
    assert limit.max_shortfall == pytest.approx(6.8) and limit.at_pct == pytest.approx(44)
    assert limit.phases == ["midstance", "terminal stance", "pre-swing"]
    assert limit.clipped.max() == pytest.approx(5)


def test_restriction_that_never_bites_and_one_that_bites_twice(curve):
    assert not gait.restriction(curve, 12).bites
    twice = gait.restriction(curve, -3)
    # Above -3 from the start until 0 + 2 x 0.9/1.8 = 1.0 %, then again from 8 + 2 x 1.1/2.0 = 9.1 %.
    assert twice.intervals[0] == pytest.approx((0.0, 1.0), abs=0.01)
    assert twice.intervals[1][0] == pytest.approx(9.1, abs=0.01)
    assert len(twice.intervals) >= 3


def test_gait_readout_names_phase_rocker_and_restriction(curve):
    limit = gait.restriction(curve, 5)
    text = " ".join(t for _, t in gait.gait_readout(curve, gait.instant(curve, 40, 5), limit))
    assert "terminal stance" in text and "Forefoot rocker" in text
    assert "20–54%" in text and "6.8°" in text and "6.1° more" in text and "expert opinion" in text
    swing = " ".join(t for _, t in gait.gait_readout(curve, gait.instant(curve, 80), None))
    assert "No rocker" in swing


def test_pose_puts_the_shank_over_the_foot_by_the_ankle_angle(curve):
    pose = gait.pose_at(curve, 20)
    assert pose.pivot == "ankle" and pose.foot_pitch == 0
    assert pose.shank_angle == pytest.approx(90 - gait.angle_at(curve, 20)[0])  # dorsiflexed: knee ahead
    assert gait.pose_at(curve, 80).pivot == "air"


# ---------------------------------------------------------------------------------------------- subtalar

def test_subtalar_components_by_hand():
    state = subtalar.subtalar_state(10)  # 10 deg of pronation
    c42, s42, c16, s16 = (math.cos(math.radians(42)), math.sin(math.radians(42)),
                          math.cos(math.radians(16)), math.sin(math.radians(16)))
    assert state.eversion == pytest.approx(10 * c42 * c16, abs=1e-9)  # 7.14 deg
    assert state.dorsiflexion == pytest.approx(10 * c42 * s16, abs=1e-9)  # 2.05 deg
    assert state.abduction == pytest.approx(10 * s42, abs=1e-9)  # 6.69 deg
    assert state.eversion == pytest.approx(7.143, abs=1e-3)


@pytest.mark.parametrize("rotation", range(subtalar.ROTATION_MIN, subtalar.ROTATION_MAX + 1, 5))
def test_triplanar_signs_pronation_positive_supination_negative(rotation):
    state = subtalar.subtalar_state(rotation)
    signs = {np.sign(v) for v in (state.eversion, state.dorsiflexion, state.abduction)}
    assert signs == {np.sign(rotation)}
    names = " ".join(text for _, text in subtalar.component_texts(state))
    if rotation > 0:
        assert all(word in names for word in ("eversion", "dorsiflexion", "abduction"))
    elif rotation < 0:
        assert all(word in names for word in ("inversion", "plantarflexion", "adduction"))


def test_rotation_matrix_agrees_with_components_for_small_turns():
    state = subtalar.subtalar_state(1.0)
    m = state.matrix
    assert np.allclose(m @ m.T, np.eye(3)) and np.linalg.det(m) == pytest.approx(1)
    about_x, about_y, about_z = subtalar.cardan_angles(m)
    assert (-about_x, -about_y, -about_z) == pytest.approx(
        (state.eversion, state.dorsiflexion, state.abduction), abs=0.01)
    assert np.allclose(subtalar.compose(*subtalar.cardan_angles(m)), m)
    # The drawn foot: pronation swings the toes laterally (-y) and lifts them (+z).
    tip_before, tip_after = subtalar.LONG_AXIS[1], subtalar.moved(subtalar.LONG_AXIS, subtalar.subtalar_state(5))[1]
    assert tip_after[1] < tip_before[1] and tip_after[2] > tip_before[2]


def test_subtalar_readout_states_typical_axis_and_open_chain():
    text = " ".join(t for _, t in subtalar.subtalar_readout(subtalar.subtalar_state(-20)))
    assert "42°" in text and "16°" in text and "vary widely" in text
    assert "open-chain" in text and "closed chain" in text and "−14.3° inversion" in text


# ---------------------------------------------------------------------------------------------- windlass

def test_windlass_rise_is_zero_at_rest_and_grows_with_extension():
    assert windlass.windlass_state(0).rise == 0
    assert windlass.windlass_state(0).shortening == 0
    rises = [windlass.windlass_state(e).rise for e in range(0, 66, 5)]
    assert all(b > a for a, b in zip(rises, rises[1:]))


def test_windlass_shortening_and_truss_height_by_hand():
    # Shortening = radius x angle: 0.9 cm x 65 deg (1.1345 rad) = 1.021 cm, Hicks's "about 1 cm".
    state = windlass.windlass_state(65)
    assert state.shortening == pytest.approx(0.9 * math.radians(65))
    assert state.shortening == pytest.approx(1.0, abs=0.05)
    # Height at rest: |(A - H) x (M - H)| / |M - H| = |6.5 x 1.3 - 5.1 x 16.3| / 16.352 = 4.567 cm.
    assert windlass.windlass_state(0).height == pytest.approx(74.68 / math.hypot(16.3, 1.3), abs=1e-3)
    # Height with the shorter tie, by the law of cosines (another route than Heron's formula).
    a, b, c = windlass.REARFOOT_STRUT, windlass.FOREFOOT_STRUT, windlass.TIE_AT_REST - state.shortening
    heel_angle = math.acos((a * a + c * c - b * b) / (2 * a * c))
    assert state.height == pytest.approx(a * math.sin(heel_angle), abs=1e-9)
    assert state.rise == pytest.approx(0.7916, abs=1e-3)
    # The drawing points keep the strut lengths.
    assert math.dist(state.heel, state.apex) == pytest.approx(a)
    assert math.dist(state.apex, state.head) == pytest.approx(b)


def test_windlass_refuses_an_impossible_truss():
    with pytest.raises(ValueError):
        windlass.apex_height(windlass.REARFOOT_STRUT + windlass.FOREFOOT_STRUT + 1)


def test_windlass_readout_gives_hicks_reference_and_caveat():
    text = " ".join(t for _, t in windlass.windlass_readout(windlass.windlass_state(65)))
    assert "Hicks 1954" in text and "about 1 cm" in text and "active muscle" in text and "walking" in text


# ----------------------------------------------------------------------------------------------- big toe

def test_demand_curve_key_points():
    assert big_toe.demand(29) == 0 and big_toe.demand(30) == 0
    assert big_toe.demand(40) == pytest.approx(15)  # half way between heel off and 50 %: smoothstep gives half
    assert big_toe.demand(50) == pytest.approx(30)
    assert big_toe.demand(57) == pytest.approx(42) and big_toe.demand(59) == pytest.approx(42)
    assert big_toe.demand(60) == 0  # the toe has left the ground
    assert big_toe.demand(57, 65) == pytest.approx(65)
    x = np.linspace(30, 59, 300)
    assert np.all(np.diff(big_toe.demand(x)) >= -1e-12)  # never dips on the way up


@pytest.mark.parametrize("available, peak, short, start, phases", [
    (60, 42, 0, None, []),
    (42, 42, 0, None, []),
    (30, 42, 12, 50.0, ["pre-swing"]),
    (60, 65, 5, None, ["pre-swing"]),
    (20, 42, 22, 42.3, ["terminal stance", "pre-swing"]),
])
def test_big_toe_shortfall(available, peak, short, start, phases):
    state = big_toe.big_toe_state(available, peak)
    assert state.max_shortfall == pytest.approx(short, abs=1e-6)
    assert state.phases == phases
    if short:
        assert state.at_pct == pytest.approx(57)
        assert state.intervals[-1][1] == pytest.approx(59)
        if start is not None:
            # 20 deg is reached where 30 x (3t^2 - 2t^3) = 20: t = 0.613, so 30 + 20 x 0.613 = 42.3 %.
            assert state.intervals[0][0] == pytest.approx(start, abs=0.15)
    else:
        assert state.intervals == [] and state.spare == available - peak


def test_big_toe_readout_names_compensations_as_expert_opinion():
    text = " ".join(t for _, t in big_toe.big_toe_readout(big_toe.big_toe_state(30), "measured"))
    assert "Short by up to 12°" in text and "expert opinion" in text and "turning the foot out" in text
    assert "schematic" in text and "Nawoczenski" in text
    ok = " ".join(t for _, t in big_toe.big_toe_readout(big_toe.big_toe_state(70, 65), "traditional"))
    assert "Enough range" in ok and "traditional teaching" in ok
