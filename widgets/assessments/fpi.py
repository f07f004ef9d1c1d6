"""The Foot Posture Index (FPI-6): six standing observations, each scored −2 to +2.

Pure scoring, no widgets. Sources (cited in lesson 02-tarsal-movement):

- Redmond AC, Crosbie J, Ouvrier RA. Development and validation of a novel rating system
  for scoring standing foot posture: the Foot Posture Index. Clin Biomech 2006;21:89-98;
  and the FPI-6 User Guide and Manual (Redmond 2005): the six items, the −2..+2 scale
  (+ pronated, − supinated), the −12..+12 total and the five categories below; the
  validity figures (64 % of static, 41 % of midstance variance explained).
- Langley B, Cramp M, Morrison SC. Clinical measures of static foot posture do not agree.
  J Foot Ankle Res 2016 (PMC5131537): one rater, 30 adults, two sessions; FPI-6 category
  agreement weighted kappa 0.92 (agreement between raters not tested).
- Åström M, Arvidson T. Alignment and joint motion in the normal foot. JOSPT
  1995;22:216-22: none of 121 healthy adults met the "ideal foot" criteria.
- Gijon-Nogueron G et al. JAPMA 2015;105(1):42-6: young Spanish adults, normal range −1 to +6.

The observation prompts are written in our own words from the manual's descriptions.
A score describes how a foot stands; it is never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

ITEM_MIN, ITEM_MAX = -2, 2
SCORES = tuple(range(ITEM_MIN, ITEM_MAX + 1))


@dataclass(frozen=True)
class Item:
    """One of the six observations, with what each score looks like."""

    number: int
    key: str
    name: str
    region: str  # "rearfoot" or "forefoot" (the manual's grouping)
    how: str  # where to stand and what to look at or feel
    levels: tuple[str, str, str, str, str]  # what −2, −1, 0, +1, +2 look like

    def level(self, score: int) -> str:
        return self.levels[check_score(score) - ITEM_MIN]

    @property
    def prompt(self) -> str:
        """The observation prompt shown to the student."""
        return f"{self.how} Supinated end (−2): {self.levels[0]}. Pronated end (+2): {self.levels[4]}."


ITEMS: tuple[Item, ...] = (
    Item(
        1, "talar_head", "Talar head palpation", "rearfoot",
        "Kneel in front of the client. Rest a thumb and index finger on either side of the front of the ankle, "
        "just in front of the ankle bones, and feel where the head of the talus stands out.",
        (
            "felt on the outer side, not on the inner side",
            "felt on the outer side, only slightly on the inner side",
            "felt about equally on both sides",
            "felt slightly on the outer side, clearly on the inner side",
            "felt on the inner side, not on the outer side",
        ),
    ),
    Item(
        2, "malleolar_curves", "Curves above and below the outer ankle bone (lateral malleolus)", "rearfoot",
        "From behind, follow the outline of the outer ankle: compare the curve just above the tip of the "
        "lateral malleolus with the curve just below it.",
        (
            "the curve below is straight or bulges outward",
            "the curve below is hollow but shallower than the curve above",
            "the two curves look about the same",
            "the curve below is deeper than the curve above",
            "the curve below is much deeper than the curve above",
        ),
    ),
    Item(
        3, "calcaneus", "Heel (calcaneus) position seen from behind", "rearfoot",
        "From directly behind, judge by eye how far the back of the heel tilts from vertical "
        "(no protractor needed).",
        (
            "tilted inward (inverted) by more than about 5°",
            "between vertical and about 5° inverted",
            "about vertical",
            "between vertical and about 5° everted",
            "tilted outward (everted) by more than about 5°",
        ),
    ),
    Item(
        4, "talonavicular_bulge", "Bulge at the talonavicular joint", "forefoot",
        "Look at the inner side of the midfoot, in front of and below the medial malleolus, where the talus "
        "meets the navicular.",
        (
            "the area is clearly hollow",
            "slightly but definitely hollow",
            "flat",
            "bulges slightly",
            "bulges clearly",
        ),
    ),
    Item(
        5, "medial_arch", "Height and shape of the inner (medial) arch", "forefoot",
        "From the inner side, look at the height of the medial longitudinal arch and whether it makes an even curve.",
        (
            "high, and sharply angled toward its heel end",
            "fairly high, a little sharp toward its heel end",
            "ordinary height, one even curve",
            "somewhat lowered and a little flattened in the middle",
            "very low and flat in the middle, the arch touching the floor",
        ),
    ),
    Item(
        6, "forefoot_abduction", "Forefoot turned in or out on the rearfoot", "forefoot",
        "Stand directly behind the client, in line with the heel, and see how many toes show on each side of the leg.",
        (
            "no toes show on the outer side; the inner toes show clearly",
            "the inner toes show clearly more than the outer toes",
            "the inner and outer toes show about equally",
            "the outer toes show clearly more than the inner toes",
            "no toes show on the inner side; the outer toes show clearly",
        ),
    ),
)

ITEM_KEYS = tuple(item.key for item in ITEMS)
TOTAL_MIN, TOTAL_MAX = ITEM_MIN * len(ITEMS), ITEM_MAX * len(ITEMS)

METHOD = (
    "The client stands barefoot in a relaxed stance on both feet, arms by the sides, looking straight ahead "
    "(a few steps on the spot first helps them settle). Ask them not to turn to watch you: twisting changes "
    "the posture you are scoring. Score one foot at a time."
)


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    low: int
    high: int

    @property
    def range_text(self) -> str:
        return f"{signed(self.low)} to {signed(self.high)}"

    def __contains__(self, total: int) -> bool:
        return self.low <= total <= self.high


# The FPI-6 manual's categories, from the supinated end to the pronated end.
CATEGORIES: tuple[Category, ...] = (
    Category("highly_supinated", "Highly supinated", -12, -5),
    Category("supinated", "Supinated", -4, -1),
    Category("normal", "Normal", 0, 5),
    Category("pronated", "Pronated", 6, 9),
    Category("highly_pronated", "Highly pronated", 10, 12),
)

# Young adults (Spanish sample): the range of scores found in healthy feet.
YOUNG_ADULT_RANGE = (-1, 6)

CAVEAT = (
    "Caution: the FPI-6 describes how a foot stands, not how it moves (it explained 64 % of the variation in "
    "standing posture but only 41 % at midstance of walking); the same rater put feet in the same category "
    "on two occasions (weighted κ 0.92), but two different raters may agree less; feet vary widely in healthy "
    "people. A score is an observation for planning and referral, never a diagnosis."
)

CAVEATS: tuple[str, ...] = (
    "Standing is not walking: in its validation the FPI-6 explained 64 % of the variation in static standing "
    "posture but only 41 % of foot posture at midstance of walking (Redmond et al. 2006).",
    "Repeatable: one rater put feet in the same category on two occasions with almost perfect agreement "
    "(weighted κ 0.92), far better than the navicular drop (κ 0.40); agreement between two different raters "
    "was not tested (Langley et al. 2016).",
    "Variation is not pathology: none of 121 healthy adults met the textbook criteria of an 'ideal foot' "
    "(Åström & Arvidson 1995); in healthy young Spanish adults typical scores ran from −1 to +6 (Gijon-Nogueron et al. 2015).",
    "Scope: a score describes posture. It names no condition; pain, swelling or a red flag means refer.",
)


def signed(n: int) -> str:
    """+3, 0, −2 (with a true minus sign)."""
    return f"+{n}" if n > 0 else ("0" if n == 0 else f"−{-n}")


def check_score(value) -> int:
    """One item's score: a whole number from −2 to +2."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"an FPI-6 item score is a whole number from −2 to +2, not {value!r}")
    if not ITEM_MIN <= value <= ITEM_MAX:
        raise ValueError(f"an FPI-6 item score is from −2 to +2, not {value}")
    return value


def _as_scores(scores: Mapping[str, int] | Sequence[int]) -> tuple[int, ...]:
    if isinstance(scores, Mapping):
        unknown = sorted(set(scores) - set(ITEM_KEYS))
        missing = [key for key in ITEM_KEYS if key not in scores]
        if unknown:
            raise ValueError(f"unknown FPI-6 item(s): {', '.join(unknown)}")
        if missing:
            raise ValueError(f"FPI-6 item(s) not scored: {', '.join(missing)}")
        values = [scores[key] for key in ITEM_KEYS]
    else:
        values = list(scores)
        if len(values) != len(ITEMS):
            raise ValueError(f"the FPI-6 has {len(ITEMS)} items, got {len(values)} scores")
    return tuple(check_score(v) for v in values)


def total(scores: Mapping[str, int] | Sequence[int]) -> int:
    """The sum of the six item scores, −12 to +12."""
    return sum(_as_scores(scores))


def category(total_score: int) -> Category:
    """The FPI-6 manual's category for a total."""
    if isinstance(total_score, bool) or not isinstance(total_score, int):
        raise ValueError(f"an FPI-6 total is a whole number, not {total_score!r}")
    for cat in CATEGORIES:
        if total_score in cat:
            return cat
    raise ValueError(f"an FPI-6 total is from {TOTAL_MIN} to +{TOTAL_MAX}, not {total_score}")


@dataclass(frozen=True)
class Result:
    scores: tuple[int, ...]
    total: int
    category: Category

    @property
    def in_young_adult_range(self) -> bool:
        low, high = YOUNG_ADULT_RANGE
        return low <= self.total <= high

    def summary(self) -> str:
        """One plain-words sentence: the total and its band, never a diagnosis."""
        cat = self.category
        text = (
            f"Total {signed(self.total)} (possible range −12 to +12): in the FPI-6 manual's "
            f"“{cat.label.lower()}” band ({cat.range_text})."
        )
        if self.in_young_adult_range:
            text += (" In one study of healthy young adults, typical scores ran from −1 to +6 "
                     "(young adults only; not a norm for older clients).")
        else:
            text += (" This lies outside the −1 to +6 found in one study of healthy young adults "
                     "(young adults only; not a norm for older clients): an observation to note, not a diagnosis.")
        return text

    def item_lines(self) -> list[str]:
        return [f"{item.number}. {item.name}: {signed(s)} ({item.level(s)})" for item, s in zip(ITEMS, self.scores)]


def score(scores: Mapping[str, int] | Sequence[int]) -> Result:
    """Score the six observations (a mapping item key → score, or six scores in item order)."""
    values = _as_scores(scores)
    t = sum(values)
    return Result(values, t, category(t))
