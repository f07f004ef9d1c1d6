"""The subtalar joint's oblique axis, as numbers: one rotation, three coupled components.

Conventions: see ``groundup.models``: + pronation / - supination; components + eversion, + dorsiflexion,
+ abduction (so pronation's components are all positive); foot axes x forward, y medial, z up (right foot).

The axis is typically reported at about 42 deg from the horizontal and 16 deg medial to the foot's long axis,
and these values vary widely between people [S81][S83]. It runs from the back, outer and lower heel forward,
inward and upward, so a turn about it moves the foot in all three cardinal planes at once: pronation =
eversion + dorsiflexion + abduction, supination = inversion + plantarflexion + adduction [S81][S83].

The components are computed from the axis, not tabulated. A turn of angle t about a unit axis u is the rotation
vector t*u; its projections onto the foot's three cardinal axes are the frontal (long axis), sagittal
(medio-lateral axis) and transverse (vertical axis) components: cos 42 cos 16 = 0.71 of the turn is
eversion/inversion, cos 42 sin 16 = 0.20 dorsiflexion/plantarflexion, sin 42 = 0.67 abduction/adduction. This
split needs no order of rotations, so the signs never change along the slider. (Sequence-dependent Cardan
angles agree with it for small turns; ``cardan_angles`` gives them, and the tests check the two agree.) The
drawing turns the foot by the exact rotation matrix (Rodrigues' formula).

These are **open-chain** components: the foot moves under a still leg. Standing (closed chain), the foot is
held by the floor and the same joint motion shows up differently: pronation after heel contact is calcaneal
eversion with the talus adducting and plantarflexing and the tibia turning inward [S84] (teaching slides, weak).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

AXIS_INCLINATION = 42.0  # deg above the horizontal [S81][S83], typical
AXIS_DEVIATION = 16.0  # deg medial to the foot's long axis [S81][S83], typical
# Slider: 40 deg supination to 20 deg pronation, so the frontal-plane component spans about 28 deg of inversion
# to 14 deg of eversion, like the usual ranges (inversion 0-35, eversion 0-15 deg, mostly subtalar [S33]).
ROTATION_MIN, ROTATION_MAX = -40, 20


def axis_vector(inclination: float = AXIS_INCLINATION, deviation: float = AXIS_DEVIATION) -> np.ndarray:
    """Unit vector of the axis (x forward, y medial, z up), pointing forward, medially and up."""
    i, d = math.radians(inclination), math.radians(deviation)
    return np.array([math.cos(i) * math.cos(d), math.cos(i) * math.sin(d), math.sin(i)])


def rotation_about(axis: np.ndarray, angle: float) -> np.ndarray:
    """Right-hand rotation matrix for ``angle`` degrees about a unit ``axis`` (Rodrigues' formula)."""
    x, y, z = axis / np.linalg.norm(axis)
    k = np.array([[0, -z, y], [z, 0, -x], [-y, x, 0]])
    a = math.radians(angle)
    return np.eye(3) + math.sin(a) * k + (1 - math.cos(a)) * (k @ k)


def foot_rotation(pronation: float, inclination: float = AXIS_INCLINATION,
                  deviation: float = AXIS_DEVIATION) -> np.ndarray:
    """The foot's rotation matrix for a subtalar turn (+ pronation / - supination).

    A right-hand turn about the forward-medial-upward axis is supination (inversion, plantarflexion, adduction),
    so pronation is a turn of ``-pronation`` about it.
    """
    return rotation_about(axis_vector(inclination, deviation), -pronation)


def cardan_angles(matrix: np.ndarray) -> tuple[float, float, float]:
    """Right-hand angles (about x, y, z; deg) of ``matrix = Ry(b) @ Rz(c) @ Rx(a)``: returns (a, b, c)."""
    c = math.asin(max(-1.0, min(1.0, matrix[1, 0])))
    a = math.atan2(-matrix[1, 2], matrix[1, 1])
    b = math.atan2(-matrix[2, 0], matrix[0, 0])
    return math.degrees(a), math.degrees(b), math.degrees(c)


def compose(a: float, b: float, c: float) -> np.ndarray:
    """``Ry(b) @ Rz(c) @ Rx(a)`` from right-hand angles in degrees (the inverse of ``cardan_angles``)."""
    rx = rotation_about(np.array([1.0, 0, 0]), a)
    ry = rotation_about(np.array([0, 1.0, 0]), b)
    rz = rotation_about(np.array([0, 0, 1.0]), c)
    return ry @ rz @ rx


@dataclass(frozen=True)
class SubtalarState:
    rotation: float  # deg, + pronation / - supination
    eversion: float  # frontal plane, + eversion / - inversion
    dorsiflexion: float  # sagittal plane, + dorsiflexion / - plantarflexion
    abduction: float  # transverse plane, + abduction / - adduction
    inclination: float
    deviation: float
    matrix: np.ndarray  # the foot's rotation (for drawing)

    @property
    def name(self) -> str:
        return "pronation" if self.rotation > 0 else "supination" if self.rotation < 0 else "neutral"


def subtalar_state(rotation: float, inclination: float = AXIS_INCLINATION,
                   deviation: float = AXIS_DEVIATION) -> SubtalarState:
    """The three cardinal-plane components of a turn about the subtalar axis (+ pronation / - supination)."""
    matrix = foot_rotation(rotation, inclination, deviation)
    # Pronation is a turn of -rotation about the axis; its rotation vector is -rotation * u. Right-hand turns
    # about +x (forward) lift the medial edge = inversion, about +y (medial) drop the toes = plantarflexion,
    # about +z (up) swing the toes medially = adduction; the course's signs are the opposite, hence the minus.
    about_x, about_y, about_z = -rotation * axis_vector(inclination, deviation)
    return SubtalarState(float(rotation), float(-about_x), float(-about_y), float(-about_z), inclination,
                         deviation, matrix)


def _component(value: float, positive: str, negative: str) -> str:
    if round(value, 1) == 0:
        return f"0.0° {positive}/{negative}"
    return f"{'+' if value > 0 else '−'}{abs(value):.1f}° {positive if value > 0 else negative}"


def component_texts(state: SubtalarState) -> list[tuple[str, str]]:
    """(plane, signed text) for the three components."""
    return [
        ("frontal", _component(state.eversion, "eversion", "inversion")),
        ("sagittal", _component(state.dorsiflexion, "dorsiflexion", "plantarflexion")),
        ("transverse", _component(state.abduction, "abduction", "adduction")),
    ]


def subtalar_readout(state: SubtalarState) -> list[tuple[str, str]]:
    from groundup.models.sources import cite

    if state.rotation == 0:
        head = "Neutral: no turn about the subtalar axis."
    else:
        head = f"{abs(state.rotation):g}° of {state.name} about the subtalar axis moves the foot in three planes:"
    lines = [("ℹ", head)]
    for plane, text in component_texts(state):
        lines.append(("↻", f"{plane.capitalize()} plane: {text}"))
    lines.append(("ℹ", f"Axis: {state.inclination:g}° up from the horizontal and {state.deviation:g}° medial to "
                       f"the foot's long axis. These are typical values; they vary widely between people "
                       f"({cite('S81', 'S83')})."))
    lines.append(("⚠", "These are open-chain components: the foot moves under a still leg. Standing on the "
                       "foot (closed chain) the same joint motion looks different: after heel contact the heel "
                       "everts while the talus adducts and plantarflexes and the shin turns inward "
                       f"({cite('S84')}, a weak source)."))
    return lines


# A schematic right foot in its own axes (cm; x forward from the back of the heel, y medial, z up): the sole
# outline, the heel's vertical bisector (seen from behind), and the long axis from the heel to the 2nd toe.
# Illustrative shapes for the drawing only, scaled to a 25.5 cm foot.
FOOT_SOLE = np.array([
    [0.0, 0.0, 0], [0.4, 2.6, 0], [2.5, 3.6, 0], [8.0, 3.2, 0], [13.0, 4.4, 0], [18.5, 5.2, 0], [23.5, 4.6, 0],
    [25.5, 2.8, 0], [24.8, 0.5, 0], [22.5, -1.8, 0], [18.0, -3.8, 0], [12.0, -3.6, 0], [6.0, -3.0, 0],
    [2.0, -3.0, 0], [0.3, -2.0, 0], [0.0, 0.0, 0],
])
FOOT_PROFILE = np.array([  # the dorsum and heel seen from the side, in the foot's midline plane (y = 0.3)
    [0.0, 0.3, 1.5], [0.4, 0.3, 5.5], [4.0, 0.3, 7.5], [8.5, 0.3, 7.0], [14.0, 0.3, 5.0], [18.5, 0.3, 3.0],
    [25.5, 0.3, 1.2], [25.5, 0.3, 0.0], [0.0, 0.3, 0.0], [0.0, 0.3, 1.5],
])
HEEL_BISECTOR = np.array([[0.2, 0.0, 0.0], [0.2, 0.0, 6.0]])
HEEL_BASE = np.array([[0.2, -3.0, 0.0], [0.2, 3.0, 0.0]])
LONG_AXIS = np.array([[0.0, 0.0, 0.0], [25.0, 0.0, 0.0]])
AXIS_PIVOT = np.array([6.0, 0.0, 3.5])  # where the drawn axis passes (the subtalar joint, schematic)


def moved(points: np.ndarray, state: SubtalarState) -> np.ndarray:
    """Points of the foot after the turn, about the axis through ``AXIS_PIVOT``."""
    return (points - AXIS_PIVOT) @ state.matrix.T + AXIS_PIVOT
