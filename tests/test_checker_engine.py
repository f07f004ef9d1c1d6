"""The checker's engine: a referral always first, ranked regions with explainable scores, safe wording."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groundup.checker import panels
from groundup.textsafe import escape
from groundup.checker.engine import ACTION_RANK, EVIDENCE_WEIGHT, ROLE_POINTS, Findings, assess
from groundup.checker.kb import default_kb
from groundup.checker.summary import summary_html, summary_markdown
from groundup.errors import GroundUpError
from tests.checker_wording import conditions_in, forbidden_in

KB = default_kb()


def sign_variants():
    """Each sign as the student can tick it: (sign id, follow-up answer or None)."""
    out = []
    for sign in KB.signs:
        if sign.follow_up:
            out += [(sign.id, option.id) for option in sign.follow_up.options]
        else:
            out.append((sign.id, None))
    return out


def sign_sets(size_max=3):
    """Every set of up to three distinct signs, with every combination of follow-up answers."""
    variants = sign_variants()
    for size in range(size_max + 1):
        for combo in combinations(variants, size):
            ids = [sign_id for sign_id, _ in combo]
            if len(set(ids)) == len(ids):
                yield combo


def findings(red_flags=(), combo=()):
    return Findings.of(red_flags, [s for s, _ in combo], {s: o for s, o in combo if o})


def flag_triggers():
    """The ways one red flag can be raised from step 1: (flag id, ticked checkbox ids)."""
    out = []
    for flag in KB.red_flags:
        if not flag.rules:
            out.append((flag.id, (flag.id,)))
            continue
        for item in flag.items:
            if item.zone:
                continue
            out.append((flag.id, (item.id,)))
            for rule in flag.rules:
                if item.id in rule.any:
                    out.append((flag.id, (rule.zone, item.id)))
    return out


def all_outputs(assessment) -> list[str]:
    """Every string the engine, the panels and the summary show for this assessment."""
    f = assessment.findings
    return assessment.texts() + [
        panels.referral_html(assessment), panels.regions_html(assessment), panels.assessments_html(assessment),
        panels.techniques_html(assessment), panels.cautions_html(assessment), panels.sources_html(assessment, KB),
        summary_markdown(f, KB), summary_html(f, KB),
    ]


_CLEAN: set[str] = set()  # strings already scanned (most repeat from one combination to the next)


def check_wording(assessment, full=True):
    """No forbidden phrase in anything shown. ``full``: also scan the whole HTML panels and the summaries (they
    only join the engine's strings with fixed template text, so a sample of combinations covers them)."""
    for text in (all_outputs(assessment) if full else assessment.texts()):
        if text in _CLEAN:
            continue
        assert not forbidden_in(text), (forbidden_in(text), text[:200])
        _CLEAN.add(text)
    for region in assessment.regions:
        assert region.headline.startswith("Pattern consistent with ")
        assert not conditions_in(region.headline + " ".join(r.because for r in region.reasons))
    for item in assessment.assessments:
        assert item.line.startswith("Consider assessing ") or item.line.startswith("Not today: ")


# ----------------------------------------------------------------------------------------------- acceptance
SETS = list(sign_sets())
TRIGGERS = flag_triggers()


def test_the_exhaustive_sets_are_what_they_claim():
    assert len(TRIGGERS) >= len(KB.red_flags) and {f for f, _ in TRIGGERS} == {f.id for f in KB.red_flags}
    assert len({tuple(s for s, _ in combo) for combo in SETS}) == sum(
        __import__("math").comb(len(KB.signs), k) for k in range(4))


@pytest.mark.parametrize("flag_id, ticked", TRIGGERS, ids=[f"{f}:{'+'.join(t)}" for f, t in TRIGGERS])
def test_every_red_flag_with_every_set_of_up_to_three_signs_puts_the_referral_first(flag_id, ticked):
    for n, combo in enumerate(SETS):
        result = assess(findings(ticked, combo))
        blocks = result.blocks()
        assert blocks[0][0] == "referral", (flag_id, combo)
        assert result.referral is not None and flag_id in {hit.flag.id for hit in result.referral.hits}
        strongest = max(ACTION_RANK[hit.action] for hit in result.referral.hits)
        assert ACTION_RANK[result.referral.action] == strongest
        assert result.referral.headline.split(":")[0] in ("Refer urgently", "Refer", "Avoid the area") or \
            result.referral.action == "modify"
        check_wording(result, full=len(combo) <= 1 or n % 10 == 0)


def test_without_red_flags_every_set_of_up_to_three_signs_is_worded_safely():
    for combo in SETS:
        result = assess(findings((), combo))
        raised = {o for _, o in combo} & {"two-legs"}
        assert (result.referral is not None) == bool(raised)
        if raised:
            assert result.blocks()[0][0] == "referral"
        check_wording(result)  # every combination in full


# The fact sheet's §D7 table: each of the article's eight signs and the region it names first.
ARTICLE_TOP_REGION = {
    ("cannot-squat-to-parallel", None): "talocrural",  # ankle dorsiflexion
    ("back-rounds-deadlift", None): "hip-motor-control",  # hip-hinge pattern, hamstrings, motor skill
    ("knees-cave-in", None): "talocrural",  # limited ankle dorsiflexion
    ("feet-collapse-edge", "inner"): "subtalar-tarsals",  # pronated loading
    ("feet-collapse-edge", "outer"): "subtalar-tarsals",  # supinated/inverted loading
    ("feet-turn-out", None): "talocrural",  # limited dorsiflexion (expert opinion)
    ("stiff-back-of-body", None): "metatarsal-arch",  # superficial back line: plantar fascia first
    ("toes-grip-or-lift", None): "toes-first-mtp",  # toe-flexor / anterior-compartment strategy
    ("poor-balance", "one-leg"): "balance-systems",  # balance declines with age; non-foot causes
}
EXTRA_TOP_REGIONS = {
    ("recurring-sprains", None): {"talocrural", "balance-systems"},
    ("stiff-big-toe", None): {"toes-first-mtp"},
    ("calf-tightness", None): {"talocrural"},
    ("morning-heel-pain", None): {"metatarsal-arch"},
}


@pytest.mark.parametrize("sign, expected", ARTICLE_TOP_REGION.items(), ids=[f"{s}-{o}" for s, o in ARTICLE_TOP_REGION])
def test_each_article_sign_gives_the_top_region_of_the_fact_sheet(sign, expected):
    result = assess(findings((), [sign]))
    assert result.regions[0].region.id == expected
    assert result.referral is None
    # the evidence grade of that top link is the one the fact sheet gives
    assert result.regions[0].reasons[0].role == "primary"


def test_the_article_signs_table_covers_all_eight():
    assert {s for s, _ in ARTICLE_TOP_REGION} == {s.id for s in KB.signs if s.article}


def test_evidence_grades_of_the_article_signs_match_the_fact_sheet():
    grade = {(s, o): assess(findings((), [(s, o)])).regions[0].reasons[0].evidence for s, o in ARTICLE_TOP_REGION}
    assert grade == {
        ("cannot-squat-to-parallel", None): "moderate", ("back-rounds-deadlift", None): "expert opinion",
        ("knees-cave-in", None): "moderate", ("feet-collapse-edge", "inner"): "weak",
        ("feet-collapse-edge", "outer"): "weak", ("feet-turn-out", None): "expert opinion",
        ("stiff-back-of-body", None): "weak", ("toes-grip-or-lift", None): "weak",
        ("poor-balance", "one-leg"): "strong",
    }


def test_toes_gripping_or_lifting_is_graded_by_what_the_toes_do_not_by_toe_strength():
    """Fact sheet D7 #7: moderate only for toe strength in older adults; weak for reading gripping against
    lifting; the "foot core" link rests on a concept paper (A8), so it is expert opinion."""
    result = assess(findings((), [("toes-grip-or-lift", None)]))
    grades = {r.region.id: r.reasons[0].evidence for r in result.regions}
    assert grades == {"toes-first-mtp": "weak", "metatarsal-arch": "expert opinion"}
    assert [r.score for r in result.regions] == [6, 2]


@pytest.mark.parametrize("sign, expected", EXTRA_TOP_REGIONS.items(), ids=[s for s, _ in EXTRA_TOP_REGIONS])
def test_the_extra_signs_point_to_their_regions(sign, expected):
    result = assess(findings((), [sign]))
    top = result.regions[0].score10
    assert {r.region.id for r in result.regions if r.score10 == top} == expected


# ------------------------------------------------------------------------------------------- the score
def test_the_score_is_the_documented_sum_and_the_ranking_follows_it():
    for combo in SETS[::7]:
        result = assess(findings((), combo))
        for region in result.regions:
            assert region.score10 == sum(r.points10 for r in region.reasons)
            for reason in region.reasons:
                assert reason.points10 == ROLE_POINTS[reason.role] * EVIDENCE_WEIGHT[reason.evidence]
                assert f"= {reason.points:g} points" in reason.arithmetic
        keys = [(-r.score10, -len({x.sign_id for x in r.reasons})) for r in result.regions]
        assert keys == sorted(keys)


def test_a_primary_link_always_outweighs_a_secondary_one():
    weakest_primary = ROLE_POINTS["primary"] * min(EVIDENCE_WEIGHT.values())
    strongest_secondary = ROLE_POINTS["secondary"] * max(EVIDENCE_WEIGHT.values())
    assert weakest_primary > strongest_secondary


def test_ticking_more_signs_changes_the_ranking():
    one = assess(findings((), [("stiff-big-toe", None)]))
    three = assess(findings((), [("stiff-big-toe", None), ("knees-cave-in", None), ("calf-tightness", None)]))
    assert one.regions[0].region.id == "toes-first-mtp" and three.regions[0].region.id == "talocrural"


@settings(max_examples=150, deadline=None)
@given(
    flags=st.sets(st.sampled_from(sorted(KB.item))),
    signs=st.sets(st.sampled_from(sorted(KB.sign))),
    answers=st.fixed_dictionaries({}, optional={
        s.id: st.sampled_from([o.id for o in s.follow_up.options]) for s in KB.signs if s.follow_up}),
)
def test_assess_is_deterministic_and_never_fails_on_any_ticks(flags, signs, answers):
    f = Findings.of(flags, signs, answers)
    first, second = assess(f), assess(Findings.of(sorted(flags, reverse=True), sorted(signs), dict(answers)))
    assert first == second and first.texts() == second.texts()
    if first.referral:
        assert first.blocks()[0][0] == "referral"
    check_wording(first)


# ----------------------------------------------------------------------------- red flags and techniques
def test_the_strongest_action_leads_and_every_flag_is_listed():
    result = assess(Findings.of(["neuropathy", "dvt", "open-wound"]))
    assert result.referral.action == "refer urgently"
    assert [hit.flag.id for hit in result.referral.hits] == ["dvt", "open-wound", "neuropathy"]
    assert result.referral.headline.startswith("Refer urgently")
    assert "ambulance" in result.referral.hits[0].flag.say
    assert result.referral.hits[0].flag.emergency


def test_an_urgent_referral_withholds_every_technique_and_hands_on_test():
    result = assess(Findings.of(["dvt"], ["knees-cave-in", "stiff-big-toe", "morning-heel-pain"]))
    assert result.techniques and all(t.status == "not today" for t in result.techniques)
    assert all(a.status == "not today" for a in result.assessments if a.id != "sprain-history")
    assert all(t.line.startswith("Not today:") for t in result.techniques)


def test_a_fresh_sprain_withholds_the_ankle_and_tarsal_techniques_and_marks_the_rest():
    result = assess(Findings.of(["acute-sprain"], ["knees-cave-in", "stiff-big-toe"]))
    status = {t.id: t.status for t in result.techniques}
    assert status["t1"] == status["t2"] == status["t3"] == status["t4"] == "not today"
    assert status["t7"] == status["calf-soft-tissue"] == "with care"
    t7 = next(t for t in result.techniques if t.id == "t7")
    assert t7.notes == (KB.flag["acute-sprain"].with_techniques,)
    assert result.referral.action == "avoid the area"


def test_a_positive_ottawa_criterion_or_a_midfoot_injury_withholds_calf_work_and_a_fresh_sprain_keeps_it_high():
    """Tenderness along the distal fibula is an Ottawa criterion: calf and fibularis work "down to the Achilles
    tendon" must not be offered "with care" then (fact sheet E1: positive -> refer; E2: gentle proximal work)."""
    for ticked in (["ankle-zone-pain", "lateral-malleolus-tender"], ["lisfranc"], ["possible-fracture"]):
        result = assess(Findings.of(ticked, ["calf-tightness"]))
        calf = next(t for t in result.techniques if t.id == "calf-soft-tissue")
        assert calf.status == "not today", ticked
    sprain = assess(Findings.of(["acute-sprain"], ["calf-tightness"]))
    calf = next(t for t in sprain.techniques if t.id == "calf-soft-tissue")
    assert calf.status == "with care" and "upper calf, well away from the ankle" in calf.stop


def test_numb_feet_modify_every_technique_with_light_pressure():
    result = assess(Findings.of(["neuropathy"], ["stiff-big-toe"]))
    assert result.referral.action == "modify"
    assert result.techniques and all(t.status == "with care" for t in result.techniques)
    assert all("Light pressure only, no heat" in " ".join(t.notes) for t in result.techniques)


def test_without_flags_techniques_are_suggested_with_their_lesson():
    result = assess(Findings.of([], ["knees-cave-in"]))
    assert [t.id for t in result.techniques][:4] == ["t1", "t2", "t3", "calf-soft-tissue"]
    assert all(t.status == "suggested" for t in result.techniques)
    assert all(t.lesson.lesson and t.lesson.label for t in result.techniques)


def test_balance_lost_on_two_legs_is_a_red_flag_from_the_follow_up_answer():
    result = assess(Findings.of([], ["poor-balance"], {"poor-balance": "two-legs"}))
    assert result.referral.action == "refer" and result.referral.hits[0].flag.id == "balance-two-legs"
    assert "On two legs as well" in result.referral.hits[0].found[0]
    stance = next(a for a in result.assessments if a.id == "single-leg-stance")
    assert stance.status == "not today"


def test_a_sign_waits_for_its_follow_up_answer():
    result = assess(Findings.of([], ["feet-collapse-edge"]))
    assert result.regions == () and len(result.pending) == 1 and "Inner or outer edge?" in result.pending[0]
    assert result.blocks()[-1][1][0] == result.pending[0]
    answered = assess(Findings.of([], ["feet-collapse-edge"], {"feet-collapse-edge": "outer"}))
    assert answered.pending == () and answered.regions[0].region.id == "subtalar-tarsals"
    assert "Outer edge" in answered.regions[0].reasons[0].sign


def test_ottawa_positive_partial_and_zone_only():
    positive = assess(Findings.of(["ankle-zone-pain", "lateral-malleolus-tender"]))
    assert positive.referral.action == "refer"
    assert positive.referral.hits[0].rule_lines[0].startswith("Ottawa ankle rule positive: pain in the malleolar zone")
    partial = assess(Findings.of(["navicular-tender"]))
    assert partial.referral.action == "refer"
    assert partial.referral.hits[0].rule_lines[0].startswith("A criterion of the Ottawa foot rule is present")
    both = assess(Findings.of(["cannot-bear-weight"]))
    assert len(both.referral.hits[0].rule_lines) == 2  # the criterion belongs to both rules
    zone_only = assess(Findings.of(["midfoot-zone-pain"]))
    assert zone_only.referral is None
    assert any("does not make the Ottawa foot rule positive" in c for c in zone_only.cautions)


def test_cannot_walk_now_or_a_deformed_foot_after_an_injury_is_a_referral_outside_the_exact_ottawa_rules():
    """Fact sheet E2: possible fracture = Ottawa-positive, deformity, or cannot take 4 steps -> refer. A client
    who walked right after the injury but cannot now fails the exact Ottawa criterion; with a fresh sprain
    ticked, the result must still be a referral, not just "avoid the area"."""
    result = assess(Findings.of(["acute-sprain", "possible-fracture"], ["calf-tightness", "stiff-big-toe"]))
    assert result.referral.action == "refer"
    assert [h.flag.id for h in result.referral.hits] == ["possible-fracture", "acute-sprain"]
    flag = KB.flag["possible-fracture"]
    assert "four steps" in flag.title and "out of shape" in flag.title and flag.urgent_if
    assert result.blocks()[0][0] == "referral"
    status = {t.id: t.status for t in result.techniques}
    assert all(status[t] == "not today" for t in ("t1", "t2", "t3", "t7", "calf-soft-tissue"))
    assert all(a.status == "not today" for a in result.assessments if a.id not in ("sprain-history", "hip-rotation", "toe-touch"))


def test_the_case_studies_give_the_results_the_lesson_teaches():
    def run(case_id):
        case = KB.cases[case_id]
        return assess(Findings.of(case.red_flags, case.signs, dict(case.answers)))

    runner = run("runner-recurring-sprains")
    assert runner.referral is None and [r.region.id for r in runner.regions[:2]] == ["balance-systems", "talocrural"]
    dancer = run("dancer-stiff-big-toe")
    assert dancer.regions[0].region.id == "toes-first-mtp" and dancer.assessments[0].id == "first-mtp-extension"
    squat = run("knees-cave-in-squat")
    assert squat.regions[0].region.id == "talocrural" and squat.regions[0].score == 24
    diabetes = run("diabetes-numb-feet")
    assert diabetes.referral.action == "refer urgently"
    assert [h.flag.id for h in diabetes.referral.hits] == ["diabetic-foot", "neuropathy"]
    sprain = run("sprain-yesterday")
    assert sprain.referral.action == "refer" and sprain.referral.hits[0].flag.id == "ottawa"


def test_the_scope_note_says_what_the_checker_really_does_with_condition_names():
    """Red flags' reasons mention conditions (what signs can go with), so the note must not claim the checker
    names none at all: it names none as the client's. Headlines start with their action, not always "Refer"."""
    from groundup.checker.engine import REFERRAL_HEADLINE, SCOPE_NOTE

    assert "names no condition as the client's" in SCOPE_NOTE and "can go with" in SCOPE_NOTE
    assert "names no condition." not in SCOPE_NOTE
    for action, headline in REFERRAL_HEADLINE.items():
        assert headline.lower().startswith(action), action
    result = assess(Findings.of(["dvt"]))
    assert SCOPE_NOTE in result.cautions and conditions_in(result.referral.hits[0].flag.why)


def test_unknown_ids_are_one_clear_error():
    with pytest.raises(GroundUpError, match="does not know: nope"):
        assess(Findings.of(["nope"]))
    with pytest.raises(GroundUpError, match="feet-collapse-edge=middle"):
        assess(Findings.of([], ["feet-collapse-edge"], {"feet-collapse-edge": "middle"}))


def test_panels_put_words_and_icons_not_colour_alone():
    result = assess(Findings.of(["dvt"], ["knees-cave-in"]))
    assert "Evidence: moderate" in panels.regions_html(result)
    assert "✖ Not today" in panels.techniques_html(result)
    assert "Action: refer urgently" in panels.referral_html(result)
    assert "Suggested words for the client" in panels.referral_html(result)
    clean = assess(Findings.of([], ["knees-cave-in"]))
    assert panels.referral_html(clean) == "" and "✔ Suggested" in panels.techniques_html(clean)


# Words that offer hands-on work today. Under "refer urgently" (no massage today) none may appear in the
# referral panel outside the deferred "At a later session" clause (fact sheet E2; review 2, E-1).
OFFERS_WORK = [r"light pressure", r"\bI'll use\b", r"\bI'll keep\b", r"\bwork around\b", r"keep the work",
               r"keep everything else gentle", r"\btoday we'll do\b", r"\bgentle work\b", r"\blight touch\b",
               r"\blying or sitting\b", r"\bkeep work\b", r"\bkeep (?:the )?pressure\b", r"\bwork elsewhere\b"]
_OFFERS = __import__("re").compile("|".join(OFFERS_WORK), __import__("re").IGNORECASE)
URGENT = [(f, t) for f, t in TRIGGERS if KB.flag[f].action == "refer urgently"]


def _panel_lines(html: str) -> list[tuple[str, str]]:
    """(label, text) of each labelled line in the referral panel."""
    import re
    return [(label, re.sub(r"<[^>]+>", "", text)) for label, text in re.findall(r"<div><b>([^<]*):</b>(.*?)</div>", html)]


@pytest.mark.parametrize("urgent_id, urgent_ticks", URGENT, ids=[f"{f}:{'+'.join(t)}" for f, t in URGENT])
def test_an_urgent_referral_is_not_undercut_by_a_weaker_flags_words_or_hands_on_line(urgent_id, urgent_ticks):
    from groundup.checker.engine import DEFERRED_HANDS_ON
    later = DEFERRED_HANDS_ON.split("At a later session")[0]
    for other_id, other_ticks in TRIGGERS:
        result = assess(Findings.of(set(urgent_ticks) | set(other_ticks), ["calf-tightness"]))
        html = panels.referral_html(result)
        assert result.referral.action == "refer urgently" and html.index("Refer urgently") < html.index("gu-flag")
        for hit in result.referral.hits:
            if hit.action == "refer urgently":
                assert hit.say and "no massage today" in (hit.say + " " + hit.hands_on).lower()
                continue
            assert escape(hit.flag.say) not in html and escape(hit.flag.why) in html, (urgent_id, other_id)
            assert hit.hands_on.startswith(later), (urgent_id, other_id)
        lines = _panel_lines(html)
        assert {"Suggested words for the client", "Hands-on work"} <= {label for label, _ in lines}
        for label, line in lines:
            if "at a later session" in label:  # a deferred flag's reason, labelled as for later
                continue
            today = line.split("At a later session")[0]
            assert not _OFFERS.search(today), (urgent_id, other_id, label, _OFFERS.findall(today), line)
        assert all(t.status == "not today" for t in result.techniques)
        check_wording(result, full=False)


def test_the_lesson_case_of_numb_feet_with_a_new_sore_says_no_massage_only():
    result = assess(Findings.of(["diabetic-foot", "neuropathy"]))
    html = __import__("html").unescape(panels.referral_html(result))
    assert "I'll use light pressure" not in html and "we won't do the massage today" in html
    numb = result.referral.hits[1]
    assert numb.flag.id == "neuropathy" and numb.deferred and numb.hands_on.startswith("Not today")
    alone = assess(Findings.of(["neuropathy"]))
    assert not alone.referral.hits[0].deferred and "I'll use light pressure" in __import__("html").unescape(panels.referral_html(alone))


def test_pain_in_an_ottawa_zone_alone_puts_joint_and_deep_local_work_under_care():
    """Review 2, F-K1: a zone box means pain after a recent injury; with no criterion ticked, ankle traction must
    not stay "Suggested" (fact sheet E1: negative rules do not make a fresh injury fit for deep local work)."""
    from groundup.checker.engine import ZONE_CARE
    for zone in ("ankle-zone-pain", "midfoot-zone-pain"):
        result = assess(Findings.of([zone], ["calf-tightness", "knees-cave-in", "stiff-big-toe"]))
        assert result.referral is None
        for tech in result.techniques:
            if set(KB.techniques[tech.id].contraindications) & {"ottawa", "acute-sprain"}:
                assert tech.status == "with care" and ZONE_CARE in tech.notes, (zone, tech.id)
    clean = assess(Findings.of([], ["calf-tightness"]))
    assert all(t.status == "suggested" for t in clean.techniques)


def test_standing_and_whole_leg_tests_wait_when_the_injured_foot_has_not_been_seen():
    """Review 2, F-K2: a standing toe-touch, or turning the whole leg, is not for a client who may not bear weight."""
    for flag in ("ottawa", "possible-fracture", "lisfranc"):
        ticked = ["ankle-zone-pain", "cannot-bear-weight"] if flag == "ottawa" else [flag]
        result = assess(Findings.of(ticked, ["calf-tightness", "knees-cave-in", "stiff-big-toe"]))
        status = {a.id: a.status for a in result.assessments}
        assert status["toe-touch"] == "not today", flag
        assert status["hip-rotation"] == "not today", flag
