"""Pure logic behind the start-here practice slider."""

from __future__ import annotations

# Clinical norms (goniometer, non-weight-bearing): dorsiflexion 0-20 deg,
# plantarflexion 0-50 deg. World J Orthop 2017;8(1):21-29, Table 5.
DORSIFLEXION_NORM = 20
PLANTARFLEXION_NORM = 50


def describe_ankle_angle(degrees: float) -> str:
    """Name an ankle angle (+ = dorsiflexion, - = plantarflexion) in plain words."""
    if degrees > 0:
        where = "within" if degrees <= DORSIFLEXION_NORM else "beyond"
        return (
            f"{degrees:g}° of dorsiflexion: the top of the foot moves toward the shin "
            f"({where} the usual 0–{DORSIFLEXION_NORM}° range)."
        )
    if degrees < 0:
        where = "within" if -degrees <= PLANTARFLEXION_NORM else "beyond"
        return (
            f"{-degrees:g}° of plantarflexion: the foot points away from the shin "
            f"({where} the usual 0–{PLANTARFLEXION_NORM}° range)."
        )
    return "0°: neutral, the foot at a right angle to the shin."
