"""The checker's knowledge base: the course's own is valid and complete; broken ones give clear problems."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from groundup.checker import kb as kbmod
from groundup.errors import ValidationError
from groundup.resources import Lesson, Section, asset_path
from tests.checker_wording import conditions_in, forbidden_in, strings_in

KB_DIR = asset_path("checker")
KB = kbmod.load()


# ------------------------------------------------------------------------------------ the course's own KB
def test_the_course_knowledge_base_validates():
    assert kbmod.validate_folder() == []


def test_no_knowledge_base_text_has_a_forbidden_phrase():
    found = {}
    for path in sorted(KB_DIR.glob("*.yaml")):
        for text in strings_in(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if forbidden_in(text):
                found.setdefault(path.name, []).append(text[:80])
    assert found == {}


def test_no_condition_name_outside_the_red_flags_reasons():
    """Signs, regions, assessments and techniques never name a condition; nor do the words for the client."""
    texts = [flag.say for flag in KB.red_flags]
    for sign in KB.signs:
        texts += [sign.label, sign.description, sign.caution]
        links = list(sign.links) + [l for o in (sign.follow_up.options if sign.follow_up else ()) for l in o.links]
        texts += [link.because for link in links]
        if sign.follow_up:
            texts += [sign.follow_up.question, sign.follow_up.hint, *(o.label for o in sign.follow_up.options)]
    for region in KB.regions:
        texts += [region.name, region.pattern, region.beyond]
    for a in KB.assessments.values():
        texts += [a.name, a.tests, *a.how, *a.cutoffs, *a.caveats]
    for t in KB.techniques.values():
        texts += [t.name, t.how, t.stop]
    named = {text[:60]: conditions_in(text) for text in texts if conditions_in(text)}
    assert named == {}


def test_the_red_flags_of_the_issue_are_all_there_with_their_actions():
    expected = {
        "ottawa": "refer", "dvt": "refer urgently", "cellulitis": "refer urgently",
        "diabetic-foot": "refer urgently", "neuropathy": "modify", "pad": "refer", "hot-joint": "refer",
        "acute-sprain": "avoid the area", "open-wound": "avoid the area", "lisfranc": "refer",
        "possible-fracture": "refer",
        "balance-two-legs": "refer", "foot-drop": "refer",
    }
    actions = {flag.id: flag.action for flag in KB.red_flags}
    assert {k: actions.get(k) for k in expected} == expected
    for flag in KB.red_flags:
        assert flag.why and flag.say and flag.with_techniques and flag.sources, flag.id
        assert all(item.ask for item in flag.items), flag.id


def test_every_urgent_flag_says_no_massage_today_not_just_not_on_this_leg():
    """The headline of an urgent referral is "no massage today"; the flag's own lines and the client's words
    must not suggest the rest of the session can go ahead (fact sheet E2: no massage, same-day care)."""
    urgent = [flag for flag in KB.red_flags if flag.action == "refer urgently"]
    assert {flag.id for flag in urgent} >= {"dvt", "cellulitis", "diabetic-foot"}
    for flag in urgent:
        assert flag.with_techniques.startswith("No massage today"), flag.id
        assert "won't do the massage today" in flag.say, flag.id
        for text in (flag.say, flag.with_techniques):
            assert not re.search(r"massage (?:here|your legs|of the)|work on this foot", text), flag.id


def test_new_weakness_is_not_cleared_for_gentle_work_and_has_an_emergency_line():
    """Nothing clears work on a leg with new, unexplained weakness; sudden weakness can need an ambulance."""
    flag = KB.flag["foot-drop"]
    assert "fine" not in flag.with_techniques.lower()
    assert flag.with_techniques.startswith("Until the client has been seen")
    assert "suddenly" in flag.emergency and "slurred speech" in flag.emergency


def test_no_refer_flag_allows_more_than_light_work_before_the_client_is_seen():
    """The "refer" headline allows only the light work a flag describes; no refer-level flag may say more."""
    from groundup.checker.engine import REFERRAL_HEADLINE

    assert "only the light work the red flag describes" in REFERRAL_HEADLINE["refer"]
    for flag in KB.red_flags:
        if flag.action in ("refer", "refer urgently"):
            text = flag.with_techniques.lower()
            assert re.search(r"\bno\b|light|leave it out|lying or sitting", text), flag.id
            assert not re.search(r"\bfine\b|firm|deep work is", text), flag.id


def test_numb_feet_that_are_new_or_unchecked_also_get_a_recommended_check():
    """"Modify" fits known diabetic numbness (fact sheet E2); new, one-sided or worsening numbness that no doctor
    has seen also needs a check, in the reason and in the client's words."""
    flag = KB.flag["neuropathy"]
    assert flag.action == "modify"
    for phrase in ("new", "getting worse", "one side", "not been checked by a doctor", "recommend a check"):
        assert phrase in flag.why, phrase
    assert "If this is new or nobody has checked it yet, please mention it to your doctor." in flag.say


def test_a_sore_on_a_diabetic_or_numb_foot_points_to_the_urgent_flag_not_the_milder_one():
    """Ticking only "open wound" for a diabetic client's new sore would give "avoid the area"; the open-wound
    question must send the student to the urgent flag, and that flag's label must name numb feet too."""
    urgent = KB.flag["diabetic-foot"]
    assert urgent.action == "refer urgently" and "with diabetes or numb feet" in urgent.title
    wound = KB.item["open-wound"]
    assert "With diabetes or numb feet" in wound.ask and "A new sore or ulcer on the foot" in wound.ask
    assert urgent.title.startswith("A new sore or ulcer on the foot")


def test_a_skin_infection_or_a_wound_that_is_not_healing_gets_a_recommended_check():
    """Review 2, F-K3: every red flag leads to a referral; broken or infected skin needs a check (fact sheet E2)."""
    wound = KB.flag["open-wound"]
    assert "needs a doctor's or pharmacist's check" in wound.why and "urgent skin flag" in wound.why
    assert "please have it checked" in wound.say


def test_the_big_toe_is_the_commonest_site_of_gout_flares_not_of_every_hot_joint():
    """Review 2, F-K4: fact sheet E2 [S65] says the 1st MTP is the most common site of gout flares."""
    why = KB.flag["hot-joint"].why
    assert "most common site of gout flares" in why and "infected joint" in why


def test_red_flag_reasons_say_what_signs_can_go_with_and_label_advice_beyond_their_sources():
    """Review 2, N-K1, N-K2, N-K5: reasons say "can go with"; a fresh injury may be anywhere on the foot; the
    stroke line and the causes of poor balance are marked as beyond the cited sources."""
    assert KB.flag["pad"].why.startswith("These signs can go with reduced blood flow")
    assert "leave the injured area alone" in KB.flag["acute-sprain"].say
    assert "standard first-aid advice, beyond the sources cited here" in KB.flag["foot-drop"].emergency
    assert "general knowledge, not from the sources cited here" in KB.flag["balance-two-legs"].why
    assert "catch most injuries" in KB.flag["ottawa"].why and "almost every" not in KB.flag["ottawa"].why


def test_blood_thinners_mean_light_pressure_everywhere():
    assert "keep the pressure light everywhere" in KB.flag["needs-clearance"].with_techniques


def test_the_heel_lift_reading_does_not_claim_limited_dorsiflexion():
    """Fact sheet D6: the heel-lift group had weaker plantarflexors [S52]; reading it as limited dorsiflexion is
    the NASM model [S50]. The cut-off must say "may", name the model and send to the knee-to-wall test."""
    cutoff = KB.assessments["squat-heel-lift"].cutoffs[0]
    assert "dorsiflexion is part of the pattern" not in cutoff
    assert "may be part of the pattern" in cutoff and "trainers' model" in cutoff
    assert "weaker calves" in cutoff and "knee-to-wall" in cutoff


def _section_text(lesson_key: str, slug: str) -> str:
    """The Markdown of one numbered section of a lesson notebook (up to the next "## " heading)."""
    import json

    from groundup.resources import SECTION_HEADING, lessons_dir, slugify

    nb = json.loads((lessons_dir() / f"{lesson_key}.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    out, inside = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            heading = SECTION_HEADING.match(line)
            inside = bool(heading) and slugify(heading.group(2)) == slug
        elif inside:
            out.append(line)
    return "\n".join(out)


def test_soft_tissue_techniques_give_position_hands_feel_and_body_mechanics_and_link_where_taught():
    """The checker's how-to is all a student sees for calf and sole work: it needs the client's position, the
    hand (not the thumbs), the direction, what to feel for and body mechanics; the lesson link must land on a
    section that teaches the technique (the calf in lesson 5, section 5) or discusses sole work."""
    for tid in ("calf-soft-tissue", "plantar-soft-tissue"):
        how = KB.techniques[tid].how
        for part in ("lying", "not the thumbs", "toward", "Feel for", "body weight", "wrists straight"
                     if tid == "plantar-soft-tissue" else "straight wrists"):
            assert part in how, (tid, part)
    calf = KB.techniques["calf-soft-tissue"]
    taught = _section_text(calf.lesson.lesson, calf.lesson.section)
    assert "soft-tissue work on the calf" in taught and "forearm" in taught and "Not today" in taught
    sole = KB.techniques["plantar-soft-tissue"]
    assert "work on the sole" in _section_text(sole.lesson.lesson, sole.lesson.section).lower()
    rotation = KB.assessments["hip-rotation"]
    assert "turn each leg in and out from the hip" in _section_text(rotation.lesson.lesson, rotation.lesson.section)


def test_rounding_the_forefoot_keeps_the_thumbs_still():
    assert "keep the thumbs still" in KB.techniques["t6"].how and "not thumb force" in KB.techniques["t6"].how


def test_the_ottawa_rules_are_their_exact_criteria():
    ottawa = KB.flag["ottawa"]
    rules = {rule.name: (rule.zone, set(rule.any)) for rule in ottawa.rules}
    assert rules == {
        "Ottawa ankle rule": ("ankle-zone-pain", {"lateral-malleolus-tender", "medial-malleolus-tender", "cannot-bear-weight"}),
        "Ottawa foot rule": ("midfoot-zone-pain", {"fifth-metatarsal-tender", "navicular-tender", "cannot-bear-weight"}),
    }
    label = {item.id: item.label for item in ottawa.items}
    assert "distal 6 cm of the posterior edge of the fibula or at the tip of the lateral malleolus" in label["lateral-malleolus-tender"]
    assert "distal 6 cm of the posterior edge of the tibia or at the tip of the medial malleolus" in label["medial-malleolus-tender"]
    assert "base of the 5th metatarsal" in label["fifth-metatarsal-tender"]
    assert "navicular" in label["navicular-tender"]
    assert "both immediately after the injury and now (four steps)" in label["cannot-bear-weight"]
    assert label["ankle-zone-pain"] == "Pain in the malleolar zone" and label["midfoot-zone-pain"] == "Pain in the midfoot zone"


def test_ottawa_questions_include_the_criterion_sites_and_never_clear_an_injury():
    ottawa = {item.id: item for item in KB.flag["ottawa"].items}
    midfoot = ottawa["midfoot-zone-pain"].ask
    assert "bases of the long foot bones" in midfoot and "5th metatarsal" in midfoot and "navicular" in midfoot
    for item_id in ("lateral-malleolus-tender", "medial-malleolus-tender", "fifth-metatarsal-tender", "navicular-tender"):
        assert "A press that does not hurt never clears an injury." in ottawa[item_id].ask, item_id
    assert "emergency department" in ottawa["cannot-bear-weight"].ask


def test_ottawa_accuracy_gives_the_adults_only_figure_so_a_negative_is_not_over_trusted():
    ottawa = KB.flag["ottawa"]
    assert "about 91% in a review of adults only" in ottawa.why and "S14" in ottawa.sources
    assert "never as a clearance" in ottawa.why


def test_peace_is_spelled_out_with_all_five_letters():
    why = KB.flag["acute-sprain"].why
    for word in ("protect", "elevate", "avoid anti-inflammatories", "compress", "educate"):
        assert word in why, word


def test_cut_offs_use_colons_not_dashes_that_read_as_minus_signs_and_say_where_figures_come_from():
    for a in KB.assessments.values():
        for text in (*a.cutoffs, *a.caveats):
            assert not re.search(r"\S - \S", text), (a.id, text)
    assert "(6-9 mm in one study)" in KB.assessments["navicular-drop"].cutoffs[0]
    inner = KB.sign["feet-collapse-edge"].follow_up.option("inner").links
    assert any("5-9 mm is commonly called normal (6-9 mm in one study)" in link.because for link in inner)
    assert "one study of young Spanish adults" in KB.assessments["fpi6"].cutoffs[1]
    assert "(from a secondary summary)" in KB.assessments["knee-to-wall"].cutoffs[1]
    assert "secondary source" in KB.assessments["first-mtp-extension"].cutoffs[1]


def test_hypotheses_and_unconfirmed_findings_say_so():
    def because(sign_id, region):
        return next(l.because for l in KB.sign[sign_id].links if l.region == region)

    assert "none of the course's sources tests" in because("cannot-squat-to-parallel", "hip-motor-control")
    assert "none of the course's sources tests" in because("back-rounds-deadlift", "hip-motor-control")
    assert "mirror copy" in because("stiff-back-of-body", "metatarsal-arch")
    assert KB.sources["S34"].short.startswith("Physiopedia")
    assert "doi:10.5312/wjo.v8.i1.21" in KB.sources["S33"].full and "9-4-synovial-joints" in KB.sources["S3"].full


def test_signs_are_the_articles_eight_and_at_least_four_more():
    article = [s for s in KB.signs if s.article]
    assert len(article) == 8 and len(KB.signs) - 8 >= 4
    collapse = KB.sign["feet-collapse-edge"]
    assert collapse.follow_up.question == "Inner or outer edge?"
    assert {o.id for o in collapse.follow_up.options} == {"inner", "outer"}
    assert collapse.links == ()  # nothing counts until the edge is known


def test_regions_and_their_parts():
    assert [r.id for r in KB.regions] == [
        "talocrural", "subtalar-tarsals", "metatarsal-arch", "toes-first-mtp", "hip-motor-control", "balance-systems"]
    for region in KB.regions:
        assert region.assessments and region.lessons
        assert bool(region.techniques) != region.outside_foot
    for assessment in KB.assessments.values():
        assert assessment.how and assessment.cutoffs and assessment.sources


def test_techniques_are_the_transcripts_seven_plus_soft_tissue_work():
    codes = sorted(t.code for t in KB.techniques.values())
    assert codes == sorted(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "Calf", "Sole"])
    urgent = {f.id for f in KB.red_flags if f.action == "refer urgently"}
    for tech in KB.techniques.values():
        assert tech.region in KB.region and tech.lesson and tech.stop
        assert urgent <= set(tech.contraindications), f"{tech.id}: an urgent red flag must withhold it"


def test_every_link_has_a_grade_from_the_four():
    for sign in KB.signs:
        links = list(sign.links) + [l for o in (sign.follow_up.options if sign.follow_up else ()) for l in o.links]
        assert links, sign.id
        for link in links:
            assert link.evidence in ("strong", "moderate", "weak", "expert opinion")
            assert link.because and link.sources


def test_sources_are_written_out_as_citations():
    used = set()
    for path in KB_DIR.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in _values_of(data, "sources"):
            used.update(text)
    assert used and used <= set(KB.sources)
    for key in used:
        assert len(KB.sources[key].full) > 30, key


def _values_of(data, key):
    if isinstance(data, dict):
        for k, v in data.items():
            if k == key and isinstance(v, list):
                yield v
            else:
                yield from _values_of(v, key)
    elif isinstance(data, list):
        for item in data:
            yield from _values_of(item, key)


def test_cases_of_the_lesson_are_there():
    assert set(KB.cases) == {"runner-recurring-sprains", "dancer-stiff-big-toe", "knees-cave-in-squat",
                             "diabetes-numb-feet", "sprain-yesterday"}


# ----------------------------------------------------------------------------- malformed knowledge bases
@pytest.fixture
def broken(tmp_path):
    """A copy of the course's KB to break, one file at a time."""
    folder = tmp_path / "kb"
    shutil.copytree(KB_DIR, folder)

    def mutate(file: str, old: str, new: str) -> Path:
        path = folder / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    mutate.folder = folder
    return mutate


def _line_of(path: Path, marker: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if marker in line:
            return number
    raise AssertionError(f"{marker!r} not in {path}")


MALFORMED = [
    # (file, old, new, item id, message, marker of the line the problem points to)
    ("signs.yaml", "      - region: talocrural\n        role: primary\n        evidence: moderate\n        because: >-\n          Squat",
     "      - region: talocrurall\n        role: primary\n        evidence: moderate\n        because: >-\n          Squat",
     "cannot-squat-to-parallel", "unknown region 'talocrurall'", "region: talocrurall"),
    ("regions.yaml", "assessments: [knee-to-wall, knee-straight-bent", "assessments: [knee-to-floor, knee-straight-bent",
     "talocrural", "unknown assessment 'knee-to-floor'", "knee-to-floor"),
    ("regions.yaml", "techniques: [t7]", "techniques: [t8]", "toes-first-mtp", "unknown technique 't8'", "[t8]"),
    ("techniques.yaml", "diabetic-foot, hot-joint]", "diabetic-foot, hot-joints]", "t1", "unknown red flag 'hot-joints'",
     "hot-joints]"),
    ("assessments.yaml", "{lesson: 01-the-ankle, section: why-sprains-happen-with-the-foot-pointed}",
     "{lesson: 07-the-knee, section: why-sprains-happen-with-the-foot-pointed}",
     "sprain-history", "unknown lesson '07-the-knee' (not in the course plan)", "07-the-knee"),
    ("cases.yaml", "section: a-dancer-with-a-stiff-big-toe}", "section: a-dancer-with-a-stiff-toe}",
     "dancer-stiff-big-toe", "has no section 'a-dancer-with-a-stiff-toe'", "a-dancer-with-a-stiff-toe"),
    ("signs.yaml", "        evidence: moderate", "        evidence: very strong", "cannot-squat-to-parallel",
     "unknown evidence grade 'very strong'", "very strong"),
    ("red_flags.yaml", "    action: refer urgently", "    action: see a doctor", "dvt", "unknown action 'see a doctor'",
     "see a doctor"),
    ("cases.yaml", "  - id: dancer-stiff-big-toe", "  - id: runner-recurring-sprains", "runner-recurring-sprains",
     "duplicate case id", "- id: runner-recurring-sprains"),
    ("cases.yaml", "signs: [recurring-sprains, poor-balance]", "signs: [recurring-sprain, poor-balance]",
     "runner-recurring-sprains", "unknown sign 'recurring-sprain'", "recurring-sprain,"),
    ("signs.yaml", "red_flag: balance-two-legs", "red_flag: balance-on-two-legs", "poor-balance",
     "unknown red flag 'balance-on-two-legs'", "balance-on-two-legs"),
    ("signs.yaml", "sources: [S53, S34]", "sources: [S53, S340]", "cannot-squat-to-parallel", "unknown source 'S340'",
     "S340"),
    ("red_flags.yaml", "    label: A new sore or ulcer", "    colour: red\n    label: A new sore or ulcer", "diabetic-foot",
     "unknown field 'colour'", "colour: red"),
    ("cases.yaml", "    answers: {poor-balance: one-leg}\n    lesson: {lesson: 05-assessment-and-the-symptom-checker, section: a-runner",
     "    lesson: {lesson: 05-assessment-and-the-symptom-checker, section: a-runner", "runner-recurring-sprains",
     "sign 'poor-balance' needs an answer to its follow-up question", "signs: [recurring-sprains, poor-balance]"),
]


@pytest.mark.parametrize("file, old, new, item, message, marker", MALFORMED, ids=[m[4][:40] for m in MALFORMED])
def test_a_malformed_file_gives_one_clear_problem_naming_file_line_and_id(broken, file, old, new, item, message, marker):
    path = broken(file, old, new)
    problems = kbmod.validate_folder(broken.folder)
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert problem.file.endswith(f"/{file}") and problem.item == item and message in problem.message, str(problem)
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if marker in line]
    expected_line = hits[-1] if message.startswith("duplicate") else hits[0]
    assert problem.line == expected_line, str(problem)
    assert str(problem).startswith(f"{problem.file}:{expected_line}: {item}: ")


def test_missing_field_names_the_item(broken):
    path = broken("red_flags.yaml",
                  "    say: >-\n      The middle of your foot has been sore and swollen since that twist. Injuries there are easy to miss, so\n"
                  "      I'd like a doctor to look at it before I work on this foot.\n", "")
    problems = kbmod.validate_folder(broken.folder)
    assert [(p.item, p.message, p.line) for p in problems] == [("lisfranc", "missing 'say'", _line_of(path, "- id: lisfranc"))]


def test_invalid_yaml_and_a_missing_file_are_reported_with_the_file(broken):
    broken("sources.yaml", "  S2:\n", "  S2\n    oops: [\n")
    (broken.folder / "techniques.yaml").unlink()
    problems = kbmod.validate_folder(broken.folder)
    assert len(problems) == 2, [str(p) for p in problems]
    messages = {p.file.rsplit("/", 1)[1]: p for p in problems}
    assert "not valid YAML" in messages["sources.yaml"].message and messages["sources.yaml"].line > 0
    assert messages["techniques.yaml"].message.startswith("missing file")


def test_problems_in_several_files_are_all_reported_and_load_raises_with_all(broken):
    broken("signs.yaml", "        evidence: moderate", "        evidence: some")
    broken("red_flags.yaml", "    action: refer urgently", "    action: later")
    broken("techniques.yaml", "    region: toes-first-mtp", "    region: toes")
    problems = kbmod.validate_folder(broken.folder)
    assert {p.file.rsplit("/", 1)[1] for p in problems} == {"signs.yaml", "red_flags.yaml", "techniques.yaml"}
    with pytest.raises(ValidationError) as raised:
        kbmod.load(broken.folder)
    assert len(raised.value.problems) == 3 and "(and 2 more problems)" in str(raised.value)


def test_a_file_that_is_not_a_mapping_or_has_unknown_keys(broken):
    (broken.folder / "cases.yaml").write_text("- just a list\n")
    broken("regions.yaml", "regions:\n", "zones: []\nregions:\n")
    problems = [str(p) for p in kbmod.validate_folder(broken.folder)]
    assert any("cases.yaml:1: must be a mapping" in p for p in problems), problems
    assert any("regions.yaml:" in p and "unknown top-level key 'zones'" in p for p in problems), problems


# ------------------------------------------------------------------------------------- lesson sections
def _lesson(key: str, *titles: str) -> Lesson:
    from groundup.resources import lab_anchor, slugify

    sections = tuple(Section(n, t, slugify(t), lab_anchor(f"{n}. {t}")) for n, t in enumerate(titles, start=1))
    return Lesson(int(key[:2]), key, f"{key}.ipynb", key, sections)


def _real_05():
    from groundup.resources import lessons

    return [lesson for lesson in lessons() if lesson.key.startswith("05-")]


def test_sections_of_a_lesson_not_written_yet_wait_and_become_strict_when_it_exists():
    # Without lesson 01 the KB's 01 sections are accepted and shown as "not in this copy yet" ...
    base = _real_05()
    kb = kbmod.load(lessons=base)
    ref = kb.assessments["knee-to-wall"].lesson
    assert ref.href is None and "not in this copy of the course yet" in ref.label
    # ... with a lesson 01 that lacks the section, it is a problem naming the file and the id.
    problems = kbmod.validate_folder(lessons=base + [_lesson("01-the-ankle", "The mortise", "Ankle sprains")])
    assert any(p.item == "knee-to-wall" and "has no section 'the-knee-to-wall-test'" in p.message
               and p.file.endswith("assessments.yaml") for p in problems), [str(p) for p in problems]
    # ... and with the section there, it resolves to a relative link with JupyterLab's anchor.
    lesson01 = _lesson("01-the-ankle", "Why sprains happen with the foot pointed", "The knee-to-wall test",
                       "Technique: ankle traction three ways")
    problems = kbmod.validate_folder(lessons=base + [lesson01])
    assert not any("01-the-ankle" in p.message for p in problems), [str(p) for p in problems]


def test_resolved_links_are_relative_with_the_lab_anchor():
    lesson01 = _lesson("01-the-ankle", "Why sprains happen with the foot pointed", "The knee-to-wall test",
                       "Technique: ankle traction three ways")
    checker = kbmod._Checker(KB_DIR, "x", [lesson01])
    ref = checker.resolve_lesson("f", 1, "i", "01-the-ankle", "technique-ankle-traction-three-ways")
    assert ref.href == "01-the-ankle.ipynb#3.-Technique:-ankle-traction-three-ways"
    assert ref.label == "Lesson 1, section 3: Technique: ankle traction three ways"
    assert checker.problems == []


def test_an_unknown_lesson_key_is_always_a_problem():
    checker = kbmod._Checker(KB_DIR, "x", [])
    assert checker.resolve_lesson("f.yaml", 3, "item", "09-the-knee", "anything") is None
    assert [str(p) for p in checker.problems] == ["x/f.yaml:3: item: unknown lesson '09-the-knee' (not in the course plan)"]


def test_the_expected_lesson_sections_are_listed_for_the_lead():
    """Every lesson section the KB points to, by lesson; those of existing lessons resolve (checked above)."""
    refs = set()
    for region in KB.regions:
        refs.update((r.lesson, r.section) for r in region.lessons)
    refs.update((a.lesson.lesson, a.lesson.section) for a in KB.assessments.values())
    refs.update((t.lesson.lesson, t.lesson.section) for t in KB.techniques.values())
    refs.update((c.lesson.lesson, c.lesson.section) for c in KB.cases.values())
    lessons_named = {lesson for lesson, _ in refs}
    assert lessons_named <= set(kbmod.COURSE_PLAN)
    assert {"01-the-ankle", "02-tarsal-movement", "03-the-metatarsal-arch", "04-the-toes",
            "05-assessment-and-the-symptom-checker"} <= lessons_named


def test_the_lesson_5_bank_teaches_no_massage_today_and_that_the_checker_never_says_what_a_client_has():
    """Review 2, F-B1, F-B2: the right answer for a diabetic client's new sore is "no massage today", not just no
    massage of that foot (fact sheet E2); the checker's reasons can mention a condition, but it never tells you
    a client has one."""
    bank = yaml.safe_load((asset_path("questions") / "05-assessment-and-the-symptom-checker.yaml").read_text())
    questions = {q["id"]: q for q in bank["questions"]}
    action = questions["checker-diabetes-action"]
    urgent = next(c for c in action["choices"] if c["id"] == action["answer"])
    assert urgent["text"] == "Refer urgently: no massage today"
    text = "\n".join(strings_in(bank))
    assert "that foot today" not in text and "massage of the foot" not in text
    assert "never names a condition" not in text
