"""The checker's wording rules, as data the tests scan every output against.

Massage therapists do not diagnose: the checker says "pattern consistent with", "consider assessing" and
"refer". It never says "you have", never names a diagnosis as the client's, never promises a cure.
"""

from __future__ import annotations

import re

# Never anywhere: not in the knowledge base, the engine, the summary or the widget.
FORBIDDEN = [
    r"\bdiagnos\w*",  # diagnose, diagnosis, diagnostic
    r"\byou have\b",
    r"\byou['’]ve got\b",
    r"\byou suffer",
    r"\bsuffering from\b",
    r"\bcur(?:e|es|ed|ing|ative)\b",
    r"\bguarantee",
    r"\bwill (?:fix|heal)\b",
    r"\bthis is (?:a|an) (?:sprain|fracture|tear|injury|condition)\b",
    r"\bconfirms?\b",
    r"\brules? out\b",
]

# Condition names: allowed only where a red flag explains why to refer (never in the words for the client,
# and never as what a sign, region, assessment or technique "is").
CONDITION_NAMES = [
    "plantar fasciitis", "fasciitis", "hallux rigidus", "hallux limitus", "rigidus", "limitus", "flat foot",
    "flatfoot", "flat feet", "pes planus", "pes cavus", "tendinopathy", "tendinitis", "tendonitis", "bunion",
    "hallux valgus", "neuroma", "arthritis", "chronic ankle instability", "fracture", "dvt", "thrombosis",
    "gout", "cellulitis", "neuropathy", "peripheral artery disease", "lisfranc injury", "stroke",
]

_FORBIDDEN = re.compile("|".join(FORBIDDEN), re.IGNORECASE)
_CONDITIONS = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in CONDITION_NAMES) + r")\b", re.IGNORECASE)


def forbidden_in(text: str) -> list[str]:
    """The forbidden phrases found in ``text`` (empty when it is clean)."""
    return [m.group(0) for m in _FORBIDDEN.finditer(text or "")]


def conditions_in(text: str) -> list[str]:
    return [m.group(0) for m in _CONDITIONS.finditer(text or "")]


def strings_in(value):
    """Every string inside nested dicts, lists and tuples (keys included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)
