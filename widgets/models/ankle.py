"""The ankle (talocrural) joint and the knee-to-wall test, as numbers.

Conventions: see ``groundup.models`` (+ dorsiflexion / - plantarflexion, degrees; lengths in cm, ``_mm`` in mm).

Ankle model
    The foot turns about the ankle axis against a fixed shank. Clinical (non-weight-bearing, goniometer) norms:
    dorsiflexion 0-20 deg, plantarflexion 0-50 deg [S33]. The talar dome (trochlea) is wider in front: in
    dorsiflexion its wide front wedges into the mortise, the close-packed position; plantarflexion brings the
    narrow back into the mortise and is loose-packed, with less bony stability [S74][S82].

    How much of the dome sits under the tibia is modelled, as a schematic, by rolling the dome under the tibia:
    the contact point moves along the dome by (dome radius x angle), from the middle forward in dorsiflexion and
    backward in plantarflexion. Dome dimensions: 29.6 mm long, 31.0 mm wide in front, 28.2 mm in the middle,
    21.4 mm behind (160 dry tali) [F21]; radius 18.6 mm [F22].

Knee-to-wall (weight-bearing lunge) test
    Geometry model (the simplification, stated once): the heel stays down and the foot flat; the shank is a
    straight segment from the ankle axis to the point of the knee that touches the wall; the toe tip lies
    ``foot_cm`` in front of the ankle axis; the knee touches the wall directly above the line of the foot.
    Then, with the shin tilted ``angle`` from vertical (= ankle dorsiflexion, foot flat)::

        toe-to-wall distance = shank_cm * sin(angle) - foot_cm

    The clinical rule of thumb converts distance to angle in proportion: 1 cm ~ 3.6 deg [S34]. Healthy adults
    reach about 12 +/- 2.8 cm [S36] (secondary summary); below about 9-10 cm is a common "restricted" flag, a
    rule of thumb and not a validated cut-off [S94] (weak); changes smaller than the minimal detectable change,
    about 1.6-1.9 cm, may be measurement error [S35].
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from groundup.intro import DORSIFLEXION_NORM, PLANTARFLEXION_NORM, describe_ankle_angle
from groundup.models.sources import cite

# Slider range of the ankle model (deg): 50 plantarflexion to 25 dorsiflexion.
ANGLE_MIN, ANGLE_MAX = -50, 25

# Talar dome (trochlea), mm: length and widths behind / middle / in front [F21]; radius [F22].
DOME_LENGTH_MM = 29.6
DOME_WIDTH_BACK_MM = 21.4
DOME_WIDTH_MIDDLE_MM = 28.2
DOME_WIDTH_FRONT_MM = 31.0
DOME_RADIUS_MM = 18.6


@dataclass(frozen=True)
class AnkleState:
    angle: float  # deg, + dorsiflexion / - plantarflexion
    within_normal: bool  # inside 0-20 DF / 0-50 PF [S33]
    beyond_by: float  # deg past the end of the normal range (0 inside it)
    packing: str  # "close-packed" | "toward close-packed" | "neutral" | "loose-packed"
    contact_mm: float  # where the tibia sits on the dome, mm from its middle (+ toward the front)
    dome_width_mm: float  # width of the dome under the tibia there


def dome_width_at(position_mm: float) -> float:
    """Width of the talar dome (mm) at a point along it, mm from its middle (+ front), clamped to its ends."""
    half = DOME_LENGTH_MM / 2
    s = max(-half, min(half, position_mm))
    if s >= 0:
        return DOME_WIDTH_MIDDLE_MM + (DOME_WIDTH_FRONT_MM - DOME_WIDTH_MIDDLE_MM) * s / half
    return DOME_WIDTH_MIDDLE_MM + (DOME_WIDTH_MIDDLE_MM - DOME_WIDTH_BACK_MM) * s / half


def dome_contact_mm(angle: float) -> float:
    """Where the tibia sits on the dome (mm from its middle, + front): radius x angle, clamped to the dome."""
    half = DOME_LENGTH_MM / 2
    return max(-half, min(half, DOME_RADIUS_MM * math.radians(angle)))


def ankle_state(angle: float) -> AnkleState:
    """The ankle at ``angle`` degrees (+ dorsiflexion / - plantarflexion)."""
    if angle >= 0:
        beyond = max(0.0, angle - DORSIFLEXION_NORM)
    else:
        beyond = max(0.0, -angle - PLANTARFLEXION_NORM)
    if angle >= 0.75 * DORSIFLEXION_NORM:
        packing = "close-packed"
    elif angle > 0:
        packing = "toward close-packed"
    elif angle == 0:
        packing = "neutral"
    else:
        packing = "loose-packed"
    contact = dome_contact_mm(angle)
    return AnkleState(float(angle), beyond == 0, beyond, packing, contact, dome_width_at(contact))


def ankle_readout(state: AnkleState) -> list[tuple[str, str]]:
    """The readout as (icon, sentence) pairs: what the angle is, how stable the joint is, and why."""
    lines = [("✓" if state.within_normal else "⚠", describe_ankle_angle(round(state.angle)))]
    if not state.within_normal:
        lines.append(("⚠", f"That is {state.beyond_by:g}° past the usual range ({cite('S33')}): "
                           "more than most people reach when measured lying down."))
    width = f"{state.dome_width_mm:.1f} mm"
    if state.packing == "close-packed":
        lines.append(("ℹ", f"Close-packed: the wider front of the talus is wedged in the mortise ({width} of the "
                            f"dome's {DOME_WIDTH_FRONT_MM:g} mm under the tibia). The bones fit tightest here "
                            f"and the joint is most stable ({cite('S74', 'S82')})."))
    elif state.packing == "toward close-packed":
        lines.append(("ℹ", f"Moving toward close-packed: the wider front of the talus is entering the mortise "
                            f"({width} of the dome under the tibia) ({cite('S74', 'S82')})."))
    elif state.packing == "neutral":
        lines.append(("ℹ", f"Neutral: the middle of the talar dome ({width} wide) sits under the tibia."))
    else:
        lines.append(("ℹ", f"Loose-packed: the narrower back of the talus sits in the mortise ({width} under the "
                            f"tibia, against {DOME_WIDTH_FRONT_MM:g} mm in front). The bones hold it less "
                            f"firmly, so the ligaments carry more of the load: this is why sprains happen with "
                            f"the foot pointed and turned in ({cite('S74', 'S82')})."))
    return lines


# ---------------------------------------------------------------------------------------------- knee to wall

RULE_DEG_PER_CM = 3.6  # 1 cm toe-to-wall ~ 3.6 deg of dorsiflexion [S34]
NORM_MEAN_CM, NORM_SD_CM = 12.0, 2.8  # healthy adults [S36] (secondary)
RESTRICTED_BELOW_CM = (9.0, 10.0)  # rule-of-thumb "restricted" flag [S94] (weak)
MDC_CM = (1.6, 1.9)  # minimal detectable change, inter- and intra-rater [S35]

# Slider ranges and example values (an example adult, not norms).
SHIN_ANGLE_RANGE = (20, 60)
SHANK_RANGE_CM = (30, 50)
FOOT_RANGE_CM = (15.0, 25.0)
EXAMPLE_SHANK_CM = 40
# Ankle axis to toe tip for the course's 255 mm reference foot: the ankle joint centre is 57 mm in front of
# the heel skin (foot-skeleton reference, derived), so 255 - 57 = 198 mm, about 20 cm.
EXAMPLE_FOOT_CM = 20.0
EXAMPLE_SHIN_ANGLE = 45
ANKLE_HEIGHT_CM = 6.9  # ankle axis above the floor, reference foot (drawing only: it does not enter the distance)
HEEL_BEHIND_AXIS_CM = 5.7  # heel skin behind the ankle axis, reference foot (drawing only)


def toe_to_wall_cm(shank_cm: float, angle: float, foot_cm: float = EXAMPLE_FOOT_CM) -> float:
    """Toe-to-wall distance (cm) when the knee just touches the wall; negative if the knee stays behind the toe."""
    return shank_cm * math.sin(math.radians(angle)) - foot_cm


def shin_angle_for(distance_cm: float, shank_cm: float, foot_cm: float = EXAMPLE_FOOT_CM) -> float | None:
    """The exact shin angle (deg) that gives a toe-to-wall distance, or None if the knee cannot reach it."""
    ratio = (distance_cm + foot_cm) / shank_cm
    if not -1.0 <= ratio <= 1.0:
        return None
    return math.degrees(math.asin(ratio))


def rule_of_thumb_angle(distance_cm: float) -> float:
    """The angle the 1 cm ~ 3.6 deg rule [S34] reads from a toe-to-wall distance."""
    return RULE_DEG_PER_CM * distance_cm


def degrees_per_cm(shank_cm: float, angle: float) -> float:
    """Exact local conversion at this angle: how many degrees one more centimetre of distance is."""
    return math.degrees(1.0) / (shank_cm * math.cos(math.radians(angle)))


@dataclass(frozen=True)
class KneeToWallState:
    shank_cm: float
    foot_cm: float
    angle: float  # shin angle from vertical = ankle dorsiflexion, deg
    distance_cm: float  # toe-to-wall, exact geometry (negative: the knee stays behind the toes)
    knee_reaches: bool  # distance >= 0: a wall in front of the toes can be touched
    rule_angle: float  # what the 3.6 deg/cm rule reads from that distance
    rule_error: float  # rule_angle - angle
    local_deg_per_cm: float  # exact conversion at this angle
    band: str  # "restricted flag" (< 9 cm) | "grey zone" (9-10) | "typical" (10-14.8) | "above average"


def knee_to_wall(shank_cm: float, angle: float, foot_cm: float = EXAMPLE_FOOT_CM) -> KneeToWallState:
    """Everything the knee-to-wall model shows, for a shank length, shin angle and ankle-to-toe length."""
    distance = toe_to_wall_cm(shank_cm, angle, foot_cm)
    low, high = RESTRICTED_BELOW_CM
    if distance < low:
        band = "restricted flag"
    elif distance < high:
        band = "grey zone"
    elif distance <= NORM_MEAN_CM + NORM_SD_CM:  # (12 - 2.8 = 9.2 cm lies inside the flag's 9-10 cm zone)
        band = "typical"
    else:
        band = "above average"
    rule = rule_of_thumb_angle(distance)
    return KneeToWallState(
        float(shank_cm), float(foot_cm), float(angle), distance, distance >= 0, rule, rule - angle,
        degrees_per_cm(shank_cm, angle), band,
    )


def knee_to_wall_readout(state: KneeToWallState) -> list[tuple[str, str]]:
    """The readout as (icon, sentence) pairs."""
    lines: list[tuple[str, str]] = []
    if not state.knee_reaches:
        lines.append(("⚠", f"At a {state.angle:g}° shin angle the knee stays {-state.distance_cm:.1f} cm behind "
                           f"the toes: it cannot touch a wall in front of them. Tilt the shin further."))
        return lines
    lines.append(("ℹ", f"Toe-to-wall distance: {state.distance_cm:.1f} cm (exact geometry: "
                        f"{state.shank_cm:g} cm × sin {state.angle:g}° − {state.foot_cm:g} cm)."))
    lines.append(("≈", f"The rule of thumb (1 cm ≈ {RULE_DEG_PER_CM:g}°, {cite('S34')}) reads that as "
                       f"{state.rule_angle:.0f}°, {abs(state.rule_error):.0f}° "
                       f"{'more' if state.rule_error > 0 else 'less'} than the {state.angle:g}° set here. "
                       f"At this angle one more centimetre is {state.local_deg_per_cm:.1f}° of dorsiflexion: "
                       "the rule is a straight-line average, the geometry is not."))
    low, high = RESTRICTED_BELOW_CM
    verdict = {
        "restricted flag": ("⚠", f"Below the common 'restricted' flag of about {low:g}–{high:g} cm "
                                 f"({cite('S94')}; a rule of thumb, not a diagnosis)."),
        "grey zone": ("⚠", f"Inside the {low:g}–{high:g} cm zone where the common 'restricted' flag sits "
                           f"({cite('S94')}; a rule of thumb, not a diagnosis)."),
        "typical": ("✓", f"Within the healthy-adult range of about {NORM_MEAN_CM:g} ± {NORM_SD_CM:g} cm "
                         f"({cite('S36')})."),
        "above average": ("✓", f"More than the healthy-adult average of about {NORM_MEAN_CM:g} ± "
                               f"{NORM_SD_CM:g} cm ({cite('S36')})."),
    }[state.band]
    lines.append(verdict)
    lines.append(("↔", f"Only a change of more than about {MDC_CM[0]:g}–{MDC_CM[1]:g} cm between two "
                       f"measurements is a real change; smaller ones may be measurement error ({cite('S35')})."))
    return lines


MODEL_NOTE = (
    "Model: heel down, foot flat, the shank a straight line from the ankle axis to the knee, the knee touching "
    "the wall straight above the line of the foot. Shank and foot lengths are an example adult, not norms. "
    "Standing angles in this test are larger than the 0–20° measured lying down: one study's risk cut-off was a "
    f"36.5° lunge angle ({cite('S37')})."
)
