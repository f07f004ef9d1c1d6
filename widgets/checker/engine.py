"""The checker's reasoning: findings in, an explainable assessment out. Pure and deterministic.

``assess(findings)`` works in this order, and its output keeps that order (:meth:`Assessment.blocks`):

1. **Referral** (always first when present). Every ticked red-flag checkbox that is not a zone raises its red
   flag; a follow-up answer can raise one too (balance lost on two legs). The referral's action is the
   strongest among the flags raised: refer urgently > refer > avoid the area > modify. Each flag carries why
   it matters, suggested words for the client and, for the Ottawa rules, which rule is positive. Under an
   urgent referral (no massage today), a weaker flag keeps its reason but not its own client words or
   hands-on line: those offer work today, so they are deferred to a later session.
2. **Regions, ranked by a score.** Each ticked sign links to regions. A link is worth
   ``role points x evidence weight``: role points are 10 for the region the evidence points to first
   (primary) and 4 for one also worth considering (secondary); evidence weights are strong 1.0,
   moderate 0.8, weak 0.6, expert opinion 0.5. So a primary link always outweighs a secondary one
   (10 x 0.5 = 5 > 4 x 1.0 = 4). A region's score is the sum over the signs behind it. Ties go to the
   region with more signs behind it, then to the course order of regions. A sign whose follow-up question
   is not answered yet counts for nothing until it is. Each region lists every reason with its arithmetic.
3. **Next assessments**: for each region in rank order, the assessments its links name (or the region's own
   list), deduplicated in that order. An assessment a red flag rules out is kept, marked "not today".
4. **Techniques** of the ranked regions, in rank order: "not today" when a raised red flag withholds it
   (and always after a "refer urgently"), "with care" with each flag's note when a flag changes how to
   work (pain in an Ottawa zone alone also puts joint and deep local work "with care"), otherwise "suggested";
   each with its lesson section.
5. **Lessons** for the ranked regions, and **cautions** (the evidence note, follow-ups still to answer, signs'
   own cautions).

Wording rules: regions read "Pattern consistent with ...", assessments "Consider assessing ...", referrals start
with their action ("Refer urgently", "Refer", "Avoid the area", "Modify"); nothing here names a condition as the
client's (a red flag's reason may say what its signs can go with; the words for the client name none).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from groundup.checker.kb import ACTIONS, KnowledgeBase, LessonRef, RedFlag, Region, default_kb
from groundup.errors import GroundUpError

ACTION_RANK = {action: len(ACTIONS) - i for i, action in enumerate(ACTIONS)}  # refer urgently 4 ... modify 1
ROLE_POINTS = {"primary": 10, "secondary": 4}
EVIDENCE_WEIGHT = {"strong": 10, "moderate": 8, "weak": 6, "expert opinion": 5}  # tenths: 1.0, 0.8, 0.6, 0.5

REFERRAL_HEADLINE = {
    "refer urgently": "Refer urgently: no massage today; help the client get medical care today.",
    "refer": ("Refer: the client should see a medical professional. Until then, no work on the affected area, or "
              "only the light work the red flag describes."),
    "avoid the area": "Avoid the area: work only away from it today, and refer if it is severe or gets worse.",
    "modify": "Modify how you work today, and refer if you are unsure.",
}
SCOPE_NOTE = (
    "This checker suggests where to look and what to assess; it names no condition as the client's. Where a red "
    "flag's reason mentions a condition, it says what the signs can go with, for your understanding; the words "
    "for the client name none. Describe what you notice, stay within your scope of practice, and refer when "
    "unsure."
)
EVIDENCE_NOTE = (
    "Evidence grades rate how well a sign points to a region, not whether massage helps: massage for these "
    "signs is largely untested."
)
DEFERRED_SAY = (
    "None of this flag's own today: say only the urgent flag's words above, and ask the client to mention this "
    "to the doctor too."
)
DEFERRED_HANDS_ON = (
    "Not today: the urgent referral above comes first, and there is no massage today. At a later session, once "
    "the client has been seen: "
)
ZONE_CARE = (
    "Pain after a recent injury: no joint work or deep work near it until each criterion of the Ottawa rules "
    "and how old the injury is have been checked; if it is only a few days old, tick the sprain flag."
)
ZONE_WITHHELD_BY = frozenset({"ottawa", "acute-sprain"})  # a technique these withhold needs care with zone pain
REFERRAL_FIRST_NOTE = (
    "The referral comes first. The patterns below are for learning and for planning once the client has been "
    "seen."
)


@dataclass(frozen=True)
class Findings:
    """What the student ticked: red-flag checkbox ids, sign ids, and follow-up answers (sign id -> option id)."""

    red_flags: frozenset = frozenset()
    signs: frozenset = frozenset()
    answers: tuple = ()  # sorted (sign id, option id) pairs, so findings are hashable and comparable

    @classmethod
    def of(cls, red_flags=(), signs=(), answers=None) -> "Findings":
        return cls(frozenset(red_flags), frozenset(signs), tuple(sorted((answers or {}).items())))

    @property
    def answer(self) -> dict:
        return dict(self.answers)


@dataclass(frozen=True)
class FlagHit:
    flag: RedFlag
    found: tuple[str, ...]  # what raised it: the ticked checkboxes, or a follow-up answer
    rule_lines: tuple[str, ...]  # for rule flags: which rule is positive, or which criterion is present
    sources: str
    # Under an urgent referral, a weaker flag's own client words and hands-on line are deferred: they offer work
    # ("light pressure", "work around it") that "no massage today" rules out (fact sheet E2).
    deferred: bool = False

    @property
    def action(self) -> str:
        return self.flag.action

    @property
    def say(self) -> str:
        """The suggested words for the client, as shown (empty when deferred)."""
        return "" if self.deferred else self.flag.say

    @property
    def say_note(self) -> str:
        """What to say instead, for the student, when the flag's own words are deferred."""
        return DEFERRED_SAY if self.deferred else ""

    @property
    def hands_on(self) -> str:
        """The hands-on line, as shown."""
        text = self.flag.with_techniques
        return DEFERRED_HANDS_ON + text[0].lower() + text[1:] if self.deferred else text

    def texts(self) -> list[str]:
        f = self.flag
        return [f.title, f.action, f.why, self.say, self.say_note, self.hands_on, f.emergency, f.urgent_if,
                self.sources, *self.found, *self.rule_lines]


@dataclass(frozen=True)
class Referral:
    action: str  # the strongest action among the flags raised
    headline: str
    hits: tuple[FlagHit, ...]  # strongest first

    def texts(self) -> list[str]:
        return [self.action, self.headline, *(t for hit in self.hits for t in hit.texts())]


@dataclass(frozen=True)
class Reason:
    sign_id: str
    sign: str  # the sign's label, with the follow-up answer when there is one
    role: str
    evidence: str
    points10: int  # role points x evidence weight, in tenths
    because: str
    sources: str
    source_keys: tuple[str, ...] = ()

    @property
    def points(self) -> float:
        return self.points10 / 10

    @property
    def arithmetic(self) -> str:
        return (f"{self.role} link ({ROLE_POINTS[self.role]}) × evidence {self.evidence} "
                f"({EVIDENCE_WEIGHT[self.evidence] / 10:.1f}) = {self.points:g} points")

    def texts(self) -> list[str]:
        return [self.sign, self.role, self.evidence, self.because, self.sources, self.arithmetic]


@dataclass(frozen=True)
class RegionResult:
    region: Region
    score10: int
    reasons: tuple[Reason, ...]
    assessments: tuple[str, ...]  # assessment ids to consider for this region, in order

    @property
    def score(self) -> float:
        return self.score10 / 10

    @property
    def headline(self) -> str:
        return f"Pattern consistent with {self.region.pattern}."

    @property
    def evidence(self) -> str:
        """The strongest evidence grade among the reasons (for the badge)."""
        order = list(EVIDENCE_WEIGHT)
        return min((r.evidence for r in self.reasons), key=order.index)

    def texts(self) -> list[str]:
        return [self.region.name, self.headline, self.region.beyond, f"{self.score:g} points",
                *(t for r in self.reasons for t in r.texts())]


@dataclass(frozen=True)
class NextAssessment:
    id: str
    name: str
    regions: tuple[str, ...]  # names of the regions it is suggested for
    withheld_by: tuple[str, ...]  # titles of the red flags that make it "not today"
    tests: str
    how: tuple[str, ...]
    cutoffs: tuple[str, ...]
    caveats: tuple[str, ...]
    lesson: LessonRef
    sources: str

    @property
    def status(self) -> str:
        return "not today" if self.withheld_by else "consider"

    @property
    def line(self) -> str:
        if self.withheld_by:
            return f"Not today: {self.name} (because of: {'; '.join(self.withheld_by)})."
        return f"Consider assessing {self.tests}: {self.name}."

    def texts(self) -> list[str]:
        return [self.name, self.line, self.tests, *self.regions, *self.withheld_by, *self.how, *self.cutoffs,
                *self.caveats, self.lesson.label, self.sources]


@dataclass(frozen=True)
class TechniqueResult:
    id: str
    code: str
    name: str
    region: str  # name of the region it was suggested for
    status: str  # "suggested" | "with care" | "not today"
    notes: tuple[str, ...]  # why it is withheld, or how to take care
    how: str
    stop: str
    lesson: LessonRef
    sources: str

    @property
    def line(self) -> str:
        label = f"{self.code} {self.name}"
        if self.status == "not today":
            return f"Not today: {label} ({'; '.join(self.notes)})."
        if self.status == "with care":
            return f"With care: {label}. {' '.join(self.notes)}"
        return f"Suggested: {label}."

    def texts(self) -> list[str]:
        return [self.code, self.name, self.region, self.status, self.line, *self.notes, self.how, self.stop,
                self.lesson.label, self.sources]


@dataclass(frozen=True)
class Assessment:
    findings: Findings
    referral: Referral | None
    regions: tuple[RegionResult, ...]
    assessments: tuple[NextAssessment, ...]
    techniques: tuple[TechniqueResult, ...]
    lessons: tuple[LessonRef, ...]
    cautions: tuple[str, ...]
    pending: tuple[str, ...] = field(default=())  # follow-up questions still to answer

    def blocks(self) -> list[tuple[str, list[str]]]:
        """The output in the order it must be shown: the referral first whenever there is one."""
        out = []
        if self.referral:
            out.append(("referral", self.referral.texts()))
        out.append(("regions", [t for r in self.regions for t in r.texts()]))
        out.append(("assessments", [t for a in self.assessments for t in a.texts()]))
        out.append(("techniques", [line for tech in self.techniques for line in tech.texts()]))
        out.append(("lessons", [ref.label for ref in self.lessons]))
        out.append(("cautions", list(self.pending) + list(self.cautions)))
        return out

    def texts(self) -> list[str]:
        """Every string the assessment can show, for wording checks."""
        return [t for _, lines in self.blocks() for t in lines if t]


# ---------------------------------------------------------------------------------------------- the engine
@dataclass(frozen=True)
class _Prepared:
    """What does not depend on the findings, worked out once per knowledge base (keeps assess() fast)."""

    kb: KnowledgeBase
    # sign id -> option id ("" for none) -> (region id, reason, assessment ids) for each link
    links: dict
    course_order: dict
    flag_order: dict
    flag_citation: dict
    assessment_citation: dict
    technique_citation: dict
    contraindications: dict  # assessment or technique id -> frozenset of red-flag ids


_PREPARED: dict[int, _Prepared] = {}


def _prepare(kb: KnowledgeBase) -> _Prepared:
    found = _PREPARED.get(id(kb))
    if found is not None and found.kb is kb:
        return found
    links: dict = {}
    for sign in kb.signs:
        variants = {"": (sign.label, sign.links)}
        if sign.follow_up:
            variants = {o.id: (f"{sign.label} ({o.label})", sign.links + o.links) for o in sign.follow_up.options}
        links[sign.id] = {
            key: tuple(
                (link.region,
                 Reason(sign.id, label, link.role, link.evidence, ROLE_POINTS[link.role] * EVIDENCE_WEIGHT[link.evidence],
                        link.because, kb.citation(link.sources), link.sources),
                 link.assess or kb.region[link.region].assessments)
                for link in sign_links)
            for key, (label, sign_links) in variants.items()
        }
    prepared = _Prepared(
        kb, links,
        {r.id: n for n, r in enumerate(kb.regions)},
        {f.id: n for n, f in enumerate(kb.red_flags)},
        {f.id: kb.citation(f.sources) for f in kb.red_flags},
        {a.id: kb.citation(a.sources) for a in kb.assessments.values()},
        {t.id: kb.citation(t.sources) for t in kb.techniques.values()},
        {**{a.id: frozenset(a.contraindications) for a in kb.assessments.values()},
         **{t.id: frozenset(t.contraindications) for t in kb.techniques.values()}},
    )
    _PREPARED[id(kb)] = prepared
    return prepared


def _check(findings: Findings, kb: KnowledgeBase) -> None:
    unknown = sorted(i for i in findings.red_flags if i not in kb.item)
    unknown += sorted(s for s in findings.signs if s not in kb.sign)
    for sign_id, option_id in findings.answers:
        sign = kb.sign.get(sign_id)
        if sign is None or sign.follow_up is None or sign.follow_up.option(option_id) is None:
            unknown.append(f"{sign_id}={option_id}")
    if unknown:
        raise GroundUpError(f"the checker does not know: {', '.join(unknown)}")


def _referral(findings: Findings, kb: KnowledgeBase, answers: dict, prep: _Prepared) -> Referral | None:
    from_answers: dict[str, list[str]] = {}  # red flag id -> the follow-up answers that raise it
    for sign_id, option_id in answers.items():
        sign = kb.sign[sign_id]
        option = sign.follow_up.option(option_id)
        if sign_id in findings.signs and option.red_flag:
            from_answers.setdefault(option.red_flag, []).append(
                f"{sign.label}: {sign.follow_up.question} {option.label}")
    raised_by_box = {kb.item[i].flag for i in findings.red_flags if not kb.item[i].zone}
    hits = []
    for flag_id in sorted(raised_by_box | set(from_answers), key=prep.flag_order.__getitem__):
        flag = kb.flag[flag_id]
        ticked_ids = {i.id for i in flag.items if i.id in findings.red_flags}
        rule_lines = []
        for rule in flag.rules:
            present = [kb.item[c].label for c in rule.any if c in ticked_ids]
            if not present:
                continue
            if rule.zone in ticked_ids:
                rule_lines.append(f"{rule.name} positive: {kb.item[rule.zone].label.lower()} and "
                                  f"{'; '.join(p[0].lower() + p[1:] for p in present)}.")
            else:
                rule_lines.append(f"A criterion of the {rule.name} is present ({'; '.join(present)}) although "
                                  f"{kb.item[rule.zone].label.lower()} is not ticked: any positive criterion still "
                                  f"means referral.")
        found = tuple(i.label for i in flag.items if i.id in ticked_ids) + tuple(from_answers.get(flag_id, ()))
        hits.append(FlagHit(flag, found, tuple(rule_lines), prep.flag_citation[flag_id]))
    if not hits:
        return None
    hits.sort(key=lambda h: -ACTION_RANK[h.action])  # stable: knowledge-base order within an action
    action = hits[0].action
    if action == "refer urgently":  # no massage today: a weaker flag's words must not offer any work
        hits = [replace(h, deferred=True) if h.action != action else h for h in hits]
    return Referral(action, REFERRAL_HEADLINE[action], tuple(hits))


def assess(findings: Findings, kb: KnowledgeBase | None = None) -> Assessment:
    """Reason from what the student ticked to a referral, ranked regions, assessments and techniques."""
    kb = kb or default_kb()
    prep = _prepare(kb)
    _check(findings, kb)
    answers = findings.answer
    referral = _referral(findings, kb, answers, prep)
    raised = [hit.flag for hit in referral.hits] if referral else []
    raised_ids = {f.id for f in raised}
    urgent = [f.title for f in raised if f.action == "refer urgently"]
    # Pain in an Ottawa zone alone raises no flag, but it means pain after a recent injury (review 2, F-K1).
    zone_pain = any(i in findings.red_flags and kb.item[i].zone for i in findings.red_flags)

    # Regions: sum each ticked sign's links, in knowledge-base order (deterministic).
    pending, cautions = [], []
    reasons: dict[str, list[Reason]] = {}
    assess_ids: dict[str, list[str]] = {}
    for sign in kb.signs:
        if sign.id not in findings.signs:
            continue
        key = ""
        if sign.follow_up:
            key = answers.get(sign.id, "")
            if not key:
                pending.append(f"Answer the follow-up question for \"{sign.label}\" ({sign.follow_up.question}) "
                               f"to include this sign in the results.")
                continue
        if sign.caution:
            cautions.append(sign.caution)
        for region_id, reason, ids in prep.links[sign.id][key]:
            reasons.setdefault(region_id, []).append(reason)
            listed = assess_ids.setdefault(region_id, [])
            listed.extend(a for a in ids if a not in listed)
    ranked = sorted(
        (RegionResult(kb.region[rid], sum(r.points10 for r in rs), tuple(rs), tuple(assess_ids[rid]))
         for rid, rs in reasons.items()),
        key=lambda r: (-r.score10, -len({x.sign_id for x in r.reasons}), prep.course_order[r.region.id]),
    )

    # Next assessments, deduplicated in rank order.
    for_regions: dict[str, list[str]] = {}
    for result in ranked:
        for aid in result.assessments:
            for_regions.setdefault(aid, []).append(result.region.name)
    next_assessments = []
    for aid, names in for_regions.items():
        info = kb.assessments[aid]
        contra = prep.contraindications[aid]
        withheld = [f.title for f in raised if f.id in contra]
        if urgent and contra:  # an urgent referral stops every hands-on test
            withheld = list(dict.fromkeys(withheld + urgent))
        next_assessments.append(NextAssessment(
            aid, info.name, tuple(names), tuple(withheld), info.tests, info.how, info.cutoffs, info.caveats,
            info.lesson, prep.assessment_citation[aid]))

    # Techniques of the ranked regions.
    techniques, seen = [], set()
    for result in ranked:
        for tid in result.region.techniques:
            if tid in seen:
                continue
            seen.add(tid)
            tech = kb.techniques[tid]
            contra = prep.contraindications[tid]
            withheld = [f.title for f in raised if f.id in contra]
            if urgent:  # an urgent referral stops all hands-on work
                withheld = list(dict.fromkeys(withheld + urgent))
            if withheld:
                status, notes = "not today", tuple(withheld)
            else:
                notes = tuple(f.with_techniques for f in raised if f.id not in contra)
                if zone_pain and contra & ZONE_WITHHELD_BY:
                    notes += (ZONE_CARE,)
                status, notes = ("with care", notes) if notes else ("suggested", ())
            techniques.append(TechniqueResult(tid, tech.code, tech.name, result.region.name, status, notes,
                                              tech.how, tech.stop, tech.lesson, prep.technique_citation[tid]))

    lessons = tuple(dict.fromkeys(ref for result in ranked for ref in result.region.lessons))

    notes = []
    if referral and ACTION_RANK[referral.action] >= ACTION_RANK["refer"]:
        notes.append(REFERRAL_FIRST_NOTE)
    if findings.red_flags:
        for flag in kb.red_flags:
            for rule in flag.rules:
                if rule.zone in findings.red_flags and not any(c in findings.red_flags for c in rule.any):
                    notes.append(f"{kb.item[rule.zone].label} alone does not make the {rule.name} positive: check "
                                 f"each of its criteria, and whether the injury is only a few days old.")
    if ranked:
        notes.append(EVIDENCE_NOTE)
    notes.extend(cautions)
    notes.append(SCOPE_NOTE)
    return Assessment(findings, referral, tuple(ranked), tuple(next_assessments), tuple(techniques), lessons,
                      tuple(dict.fromkeys(notes)), tuple(pending))
