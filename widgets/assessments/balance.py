"""Timed single-leg (unipedal) stance, eyes open: compare a client's best of three tries with age norms.

Pure logic, no widgets. Sources (cited in lesson 04-the-toes):

- Springer BA, Marin R, Cyhan T, Roberts H, Gill NW. Normative values for the unipedal stance test
  with eyes open and closed. J Geriatr Phys Ther 2007;30(1):8-15: 549 healthy adults aged 18 and
  over, six age bands, mean and best of three trials, eyes open and closed; times fall with age and
  do not differ by sex; inter-rater ICC 0.994 (eyes open, best of three).
  The average best-of-three eyes-open times below are the rounded figures commonly quoted from that
  paper (via The Prehab Guys): a SECONDARY rounding, still to be checked against the paper's table.
  Timing stops near 45 s, so the youngest bands sit close to that ceiling. Eyes-closed norms are not
  included because the rounded figures for them were not available.
- Red flags asked before any balance work (a recent ankle or foot injury; a swollen, warm, tender
  calf on one side; numbness, tingling or burning; weakness or foot drop; new falls or dizziness) and
  "cannot stand steadily on two legs = refer": the course's red-flag screen and safety rule (the
  assessment map, signs 7 and 8), drawing on the Ottawa ankle and foot rules, Tintinalli's venous
  thromboembolism chapter and the Wells score, and NICE NG19 for the nerve signs.
- Toe gripping (toe-flexor or "claw" strategy) and toe lifting (the shin muscles that lift the foot
  and toes working together) as balance strategies; low intrinsic ("foot core") capacity: McKeon et
  al. 2015; Mickle et al. 2009. Evidence for reading these strategies in young adults is weak.

The result is always words about a time compared with an average, plus what to do next. It never
names a condition: a massage therapist observes, notes and refers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

CAP_SECONDS = 45.0  # the test is stopped at about 45 s; the norms top out near there
MIN_AGE = 18  # the norms were measured in adults aged 18 and over

SOURCE = (
    "Springer BA et al. Normative values for the unipedal stance test with eyes open and closed. "
    "J Geriatr Phys Ther 2007;30(1):8-15 (549 healthy adults)."
)
CAVEAT = (
    "These averages are a secondary rounding of Springer et al. (2007) as commonly quoted; they have not "
    "yet been checked against the paper's own table. Timing stops at about 45 s, so the youngest age bands "
    "sit near that ceiling. Only eyes-open norms are given here: eyes-closed norms are not included. "
    "An average is a middle value: many healthy people stand for less. This is a screen for your notes, "
    "not a diagnosis."
)


@dataclass(frozen=True)
class AgeBand:
    """One age band of the norms: ages ``low``..``high`` (``high`` None = and over)."""

    key: str
    low: int
    high: int | None
    average_seconds: float  # average best-of-three time, eyes open (secondary rounding)

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high}" if self.high is not None else f"{self.low} and over"

    def contains(self, age: int) -> bool:
        return age >= self.low and (self.high is None or age <= self.high)


BANDS: tuple[AgeBand, ...] = (
    AgeBand("18-39", 18, 39, 44.0),
    AgeBand("40-49", 40, 49, 41.0),
    AgeBand("50-59", 50, 59, 41.0),
    AgeBand("60-69", 60, 69, 32.0),
    AgeBand("70-79", 70, 79, 21.0),
    AgeBand("80+", 80, None, 9.0),
)
_BY_KEY = {band.key: band for band in BANDS}


@dataclass(frozen=True)
class RedFlag:
    key: str
    question: str  # what to ask or observe, shown next to its checkbox
    why: str  # why it means referral, in plain words


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "recent_injury",
        "A recent ankle or foot injury, or pain when standing on that leg",
        "A recent injury needs checking first (for example against the Ottawa ankle and foot rules); do not "
        "test balance on an injured leg.",
    ),
    RedFlag(
        "calf",
        "One calf swollen, warm or tender",
        "A swollen, warm, tender calf on one side needs a same-day medical assessment; sudden breathlessness, "
        "chest pain or coughing blood is an emergency.",
    ),
    RedFlag(
        "two_legs",
        "Cannot stand steadily on two legs without holding on",
        "Being unable to stand steadily on two feet is a reason to stop and refer before any balance testing.",
    ),
    RedFlag(
        "falls_dizziness",
        "Reports new falls, or dizziness",
        "New falls or dizziness can come from the inner ear, the nervous system or medicines, not only from the feet.",
    ),
    RedFlag(
        "numbness",
        "Numbness, tingling or burning in the feet",
        "Changed feeling in the feet can come from the nerves (for example with diabetes) and needs medical assessment.",
    ),
    RedFlag(
        "weakness",
        "New weakness in the leg or foot, or the front of the foot drops or catches when walking",
        "New weakness or a dropping foot needs medical assessment.",
    ),
)
_FLAG_KEYS = {flag.key for flag in RED_FLAGS}

TOE_OBSERVATIONS: dict[str, str] = {
    "not_observed": "Not watched",
    "relaxed": "Stayed relaxed on the floor",
    "gripped": "Gripped the floor (curled down)",
    "lifted": "Lifted up off the floor",
}
_TOE_NOTES = {
    "gripped": (
        "The toes gripped, usually read as a toe-flexor (\"claw\") strategy for holding balance (a hypothesis). "
        "Note it and compare sides. Gripping is not a measure of toe strength; how to read it is weakly supported."
    ),
    "lifted": (
        "The toes lifted, usually read as the shin muscles that raise the foot and toes working together to hold "
        "balance (a hypothesis). Note it and compare sides; how to read this strategy is weakly supported."
    ),
    "relaxed": "The toes stayed relaxed: nothing to add to your notes about the toes.",
}


class InputError(ValueError):
    """A typed value the tool cannot read; its message tells the student what to type."""


def parse_age(text: str | int | None) -> int | None:
    """Age in whole years from what the student typed; None when empty."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise InputError("Type the age as a whole number of years, for example 63.")
    if isinstance(text, int):
        value = text
    else:
        cleaned = str(text).strip()
        if not cleaned:
            return None
        if not re.fullmatch(r"\d{1,3}", cleaned):
            raise InputError("Type the age as a whole number of years, for example 63.")
        value = int(cleaned)
    if not 0 <= value <= 120:
        raise InputError("Type an age between 0 and 120 years.")
    return value


def parse_seconds(text: str | float | int | None) -> float | None:
    """A time in seconds from what the student typed (a comma works as the decimal mark); None when empty."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise InputError("Type the time in seconds, for example 27.5.")
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        cleaned = str(text).strip().lower().removesuffix("s").strip().replace(",", ".")
        if not cleaned:
            return None
        if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", cleaned):
            raise InputError("Type the time in seconds, for example 27.5.")
        value = float(cleaned)
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise InputError("Type a time of zero seconds or more.")
    if value > 600:
        raise InputError("That is more than ten minutes: type the best time in seconds, for example 27.5.")
    return value


def band_for_age(age: int) -> AgeBand | None:
    """The norms' age band for an age in years, or None under 18."""
    return next((band for band in BANDS if band.contains(age)), None)


def band(key: str) -> AgeBand:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise InputError(f"Unknown age band {key!r}; choose one of {', '.join(_BY_KEY)}.") from None


@dataclass(frozen=True)
class Result:
    """What the screen says, in words. ``status`` is one of the keys of ``STATUSES``."""

    status: str
    headline: str
    details: tuple[str, ...] = ()
    next_steps: tuple[str, ...] = ()
    referral: tuple[str, ...] = ()  # why to refer, one line per red flag ticked; shown first
    band: AgeBand | None = None
    seconds: float | None = None  # the time compared (after the 45 s ceiling)
    toe_note: str = ""


# status -> (icon, short name). The icon and the words carry the meaning, never colour alone.
STATUSES = {
    "incomplete": ("✎", "Waiting for the age and the time"),
    "outside_norms": ("ℹ", "No norms for this age"),
    "at_or_above": ("●", "At or above the average for this age band"),  # neutral icon: a screen clears no one
    "below": ("▼", "Below the average for this age band"),
    "refer": ("⚠", "Refer"),
}

NEXT_AT_OR_ABOVE = (
    "Nothing about this time needs follow-up. Note it with the date so you can compare next time.",
    "Note what the toes did and whether the two sides differed.",
)
NEXT_BELOW = (
    "Being below an average is common: an average sits in the middle of healthy people's times, so many healthy "
    "people time below it. With no red flags, note it and compare next time.",
    "Ask the red-flag questions again (a recent injury, a swollen calf, falls, dizziness, numbness, weakness); "
    "any yes means refer.",
    "Watch what the toes do and test the other side; note both times and the date.",
    "Balance depends on more than the feet: the inner ear, the nervous system and some medicines play a part. If the client is "
    "worried about their balance, suggest they talk to their doctor or a physiotherapist. If they report a new fall or "
    "dizziness, tick that red flag: it means refer.",
    "We found no trials showing that foot massage improves balance: keep your work comfortable and make no promises.",
)
# At 0 s the "below an average is common" reassurance would read oddly next to "could not hold the position at all".
NEXT_BELOW_ZERO = (
    "Not being able to stand on one leg at all is worth mentioning to their doctor, especially if it is new.",
) + NEXT_BELOW[1:]
NEXT_OUTSIDE_NORMS = (
    "Note the time and the date for your records; do not compare it with these adult norms.",
)
REFER_TIME_NOTE = "A time was entered; with a red flag, do not use it."
NEXT_REFER = (
    "Stop the balance test. Do not time it today.",
    "Describe what you noticed, say it is outside what you can assess, and suggest the client sees their "
    "doctor soon (straight away if it started suddenly).",
)


def assess(
    *,
    age: int | None = None,
    band_key: str | None = None,
    seconds: float | None = None,
    flags: frozenset[str] | set[str] | tuple[str, ...] = (),
    toes: str = "not_observed",
) -> Result:
    """Compare a best-of-three eyes-open time with the average for the client's age band.

    ``age`` (years) wins over ``band_key`` when both are given. Any red flag ticked makes the
    result a referral, whatever the time.
    """
    unknown = set(flags) - _FLAG_KEYS
    if unknown:
        raise InputError(f"Unknown red flag {sorted(unknown)[0]!r}.")
    if toes not in TOE_OBSERVATIONS:
        raise InputError(f"Unknown toe observation {toes!r}.")
    toe_note = _TOE_NOTES.get(toes, "")

    chosen: AgeBand | None = None
    if age is not None:
        chosen = band_for_age(age)
    elif band_key:
        chosen = band(band_key)

    capped = None if seconds is None else min(float(seconds), CAP_SECONDS)
    comparison = _compare(chosen, capped, seconds) if chosen and capped is not None else ()

    if flags:
        reasons = tuple(flag.why for flag in RED_FLAGS if flag.key in flags)
        return Result(
            "refer",
            "Refer before any balance testing: a red flag was ticked.",
            details=(REFER_TIME_NOTE,) if seconds is not None else (),
            next_steps=NEXT_REFER,
            referral=reasons,
            band=chosen,
            seconds=capped,
            toe_note=toe_note,
        )
    if age is not None and chosen is None:
        return Result(
            "outside_norms",
            f"The norms were measured in adults aged {MIN_AGE} and over; they do not apply at age {age}.",
            next_steps=NEXT_OUTSIDE_NORMS,
            band=None,
            seconds=capped,
            toe_note=toe_note,
        )
    if chosen is None or capped is None:
        missing = [what for what, value in (("the client's age or age band", chosen), ("the best time", capped))
                   if value is None]
        return Result("incomplete", f"Enter {' and '.join(missing)} to compare.", band=chosen, seconds=capped,
                      toe_note=toe_note)
    if capped >= chosen.average_seconds:
        return Result(
            "at_or_above",
            f"{fmt_seconds(capped)} s is at or above the average time for healthy adults aged {chosen.label} "
            f"(about {fmt_seconds(chosen.average_seconds)} s).",
            details=comparison,
            next_steps=NEXT_AT_OR_ABOVE,
            band=chosen,
            seconds=capped,
            toe_note=toe_note,
        )
    return Result(
        "below",
        f"{fmt_seconds(capped)} s is below the average time for healthy adults aged {chosen.label} "
        f"(about {fmt_seconds(chosen.average_seconds)} s).",
        details=comparison,
        next_steps=NEXT_BELOW_ZERO if capped == 0 else NEXT_BELOW,
        band=chosen,
        seconds=capped,
        toe_note=toe_note,
    )


def _compare(chosen: AgeBand, capped: float, typed: float | None) -> tuple[str, ...]:
    lines = []
    if typed is not None and typed > CAP_SECONDS:
        lines.append(f"Timing stops at {fmt_seconds(CAP_SECONDS)} s, so {fmt_seconds(typed)} s counts as {fmt_seconds(CAP_SECONDS)} s.")
    if capped == 0:
        lines.append("0 s: the client could not hold the position at all.")
    difference = capped - chosen.average_seconds
    if difference < 0:
        lines.append(
            f"That is {fmt_seconds(-difference)} s below the average of about {fmt_seconds(chosen.average_seconds)} s "
            f"({round(100 * capped / chosen.average_seconds)} % of it)."
        )
    elif difference == 0:
        lines.append(f"That equals the average of about {fmt_seconds(chosen.average_seconds)} s.")
    else:
        lines.append(f"That is {fmt_seconds(difference)} s above the average of about {fmt_seconds(chosen.average_seconds)} s.")
    return tuple(lines)


def fmt_seconds(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def result_html(result: Result) -> str:
    """The result as HTML: referral first (when any), then the comparison, next steps and the toes."""
    from groundup.textsafe import escape

    icon, name = STATUSES[result.status]
    parts = []
    if result.referral:
        reasons = "".join(f"<li>{escape(r)}</li>" for r in result.referral)
        steps = "".join(f"<li>{escape(s)}</li>" for s in result.next_steps)
        parts.append(
            '<div class="groundup-referral" role="alert" style="border:2px solid #D55E00;padding:6px 10px;'
            'margin-bottom:8px">'
            f"<p><b>{icon} Refer.</b> {escape(result.headline)}</p><ul>{reasons}</ul>"
            f"<p><b>What to do</b></p><ul>{steps}</ul></div>"
        )
        if result.details:
            parts.append("".join(f"<p><i>{escape(d)}</i></p>" for d in result.details))
    else:
        parts.append(f'<p class="groundup-status-{result.status}"><b>{icon} {escape(name)}.</b> '
                     f"{escape(result.headline)}</p>")
        if result.details:
            parts.append("<ul>" + "".join(f"<li>{escape(d)}</li>" for d in result.details) + "</ul>")
        if result.next_steps:
            parts.append("<p><b>What to do next</b></p><ul>"
                         + "".join(f"<li>{escape(s)}</li>" for s in result.next_steps) + "</ul>")
    if result.toe_note:
        parts.append(f"<p><b>The toes.</b> {escape(result.toe_note)}</p>")
    return "".join(parts)
