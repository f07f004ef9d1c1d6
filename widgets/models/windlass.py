"""The windlass mechanism as a truss, in numbers.

Conventions: see ``groundup.models`` (big-toe angle + extension, degrees; lengths in cm).

The arch is drawn as a truss (medial side view): a rearfoot strut from the heel to the apex and a forefoot
strut from the apex to the centre of the 1st metatarsal head, hinged at the apex; the plantar fascia is the tie
that joins the heel to the ball of the foot, wrapped under the 1st metatarsal head. Extending the big toe winds
the fascia around the head like a rope around a windlass drum [S20]:

    fascia shortening = head radius x extension (radians)

The struts are rigid, so a shorter tie brings their ends together and lifts the apex; the arch height is the
apex's height above the tie line (the triangle's height, from Heron's formula).

Hicks (1954) found the effective cable shortens by about 1 cm in the 1st ray, pulling the heel toward the
metatarsal heads and raising the arch, even in feet of cadavers [S20]: that is the reference value. Modern work
qualifies the story: the static windlass poorly predicts what the arch does in walking [S21]; push-off
stiffening comes mainly from active muscle [S22]; and engaging the windlass can even make the arch more
compliant [S88].

Geometry (the course's reference foot, 255 mm, medial view, x forward from the back of the calcaneus and z up
from the floor, cm): heel contact (1.5, 1.2), apex at the talar head (8.0, 6.3), 1st metatarsal head centre
(17.8, 2.5). The drum radius is this package's estimate, 0.9 cm, chosen so that a full 65 deg extension winds on
1.0 cm of fascia, Hicks's figure: the agreement at 65 deg is by construction, not a test of the model. The radius
is plausible: about half the ~20 mm width of the 1st metatarsal head in the course's skeleton reference (itself
an estimate there).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

HEEL = (1.5, 1.2)
APEX = (8.0, 6.3)
MT1_HEAD = (17.8, 2.5)
HEAD_RADIUS_CM = 0.9  # estimate, calibrated to Hicks's ~1 cm at 65 deg (see above)
EXTENSION_MIN, EXTENSION_MAX = 0, 65
HICKS_SHORTENING_CM = 1.0  # [S20]
HALLUX_LENGTH_CM = 5.5  # 1st MTP centre to the tip of the hallux bone (drawing only)
HALLUX_REST_PITCH = -12.4  # the hallux's slope at rest, deg (MTP centre -> IP joint, reference foot)


def _distance(p, q) -> float:
    return math.hypot(q[0] - p[0], q[1] - p[1])


REARFOOT_STRUT = _distance(HEEL, APEX)
FOREFOOT_STRUT = _distance(APEX, MT1_HEAD)
TIE_AT_REST = _distance(HEEL, MT1_HEAD)


def shortening_cm(extension: float, radius_cm: float = HEAD_RADIUS_CM) -> float:
    """Fascia wound onto the metatarsal head: radius x angle (radians)."""
    return radius_cm * math.radians(max(0.0, extension))


def apex_height(tie: float, rear: float = REARFOOT_STRUT, fore: float = FOREFOOT_STRUT) -> float:
    """Height of the truss apex above the tie (cm) for a tie length, by Heron's formula."""
    if not abs(rear - fore) < tie < rear + fore:
        raise ValueError(f"a {tie:.2f} cm tie cannot close a truss of struts {rear:.2f} and {fore:.2f} cm")
    s = (rear + fore + tie) / 2
    area = math.sqrt(s * (s - rear) * (s - fore) * (s - tie))
    return 2 * area / tie


@dataclass(frozen=True)
class WindlassState:
    extension: float  # big-toe extension, deg
    shortening: float  # cm of fascia wound on
    tie: float  # tie length, cm
    height: float  # apex height above the tie, cm
    rise: float  # height minus the height at 0 deg, cm
    heel: tuple[float, float]  # drawing points (cm), heel kept in place
    apex: tuple[float, float]
    head: tuple[float, float]


def windlass_state(extension: float, radius_cm: float = HEAD_RADIUS_CM) -> WindlassState:
    """The truss with the big toe extended ``extension`` degrees."""
    short = shortening_cm(extension, radius_cm)
    tie = TIE_AT_REST - short
    height = apex_height(tie)
    rise = height - apex_height(TIE_AT_REST)
    # Place it: the heel stays where it is, the head slides back along the tie's resting direction.
    ux, uz = (MT1_HEAD[0] - HEEL[0]) / TIE_AT_REST, (MT1_HEAD[1] - HEEL[1]) / TIE_AT_REST
    head = (HEEL[0] + ux * tie, HEEL[1] + uz * tie)
    along = (REARFOOT_STRUT ** 2 - FOREFOOT_STRUT ** 2 + tie ** 2) / (2 * tie)  # apex foot along the tie
    apex = (HEEL[0] + ux * along - uz * height, HEEL[1] + uz * along + ux * height)
    return WindlassState(float(extension), short, tie, height, rise, HEEL, apex, head)


def windlass_readout(state: WindlassState) -> list[tuple[str, str]]:
    from groundup.models.sources import cite

    lines = [
        ("ℹ", f"Big toe extended {state.extension:g}°: the plantar fascia winds {state.shortening * 10:.1f} mm onto "
              f"the 1st metatarsal head ({HEAD_RADIUS_CM * 10:g} mm radius × {math.radians(state.extension):.2f} "
              "radians)."),
        ("▲" if state.rise > 0 else "ℹ",
         f"The shorter tie pulls heel and ball of the foot together: the arch apex rises {state.rise * 10:.1f} mm "
         f"(from {apex_height(TIE_AT_REST) * 10:.0f} to {state.height * 10:.0f} mm above the fascia)."),
        ("ℹ", f"Reference: {cite('S20')} found the fascia shortens by about {HICKS_SHORTENING_CM:g} cm "
              f"({HICKS_SHORTENING_CM * 10:g} mm) with the toe fully extended. This model's drum radius is set to "
              f"match that at {EXTENSION_MAX}° ({shortening_cm(EXTENSION_MAX) * 10:.1f} mm)."),
        ("⚠", "A truss is a simplification: its struts are rigid and its tie does not stretch. Newer studies "
              f"qualify the windlass story: it poorly predicts what the arch does in walking ({cite('S21')}), "
              f"push-off stiffening comes mainly from active muscle ({cite('S22')}), and engaging it can even make "
              f"the arch more compliant, less stiff ({cite('S88')})."),
    ]
    return lines
