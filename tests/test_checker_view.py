"""The checker widget, driven as a student would (ticking boxes by setting .value, clicking Save)."""

from __future__ import annotations

import ipywidgets as w
import pytest

from groundup.checker.kb import default_kb
from groundup.checker.summary import notes_folder, save_summary, summary_html, summary_markdown
from groundup.checker.engine import Findings
from groundup.checker.view import Checker, checker
from groundup.errors import GroundUpError
from groundup.workspace import sync_workspace
from tests.checker_wording import forbidden_in

KB = default_kb()


@pytest.fixture
def notes(tmp_path, monkeypatch):
    folder = tmp_path / "notes"
    folder.mkdir()
    monkeypatch.setenv("GROUNDUP_NOTES_DIR", str(folder))
    return folder


def shown(widget) -> list[str]:
    """Every value-bearing string the widget shows, all the way down."""
    out = []
    for child in getattr(widget, "children", ()):
        out += shown(child)
    for attr in ("value", "description", "placeholder", "tooltip"):
        value = getattr(widget, attr, None)
        if isinstance(value, str):
            out.append(value)
    for label in getattr(widget, "_options_labels", ()) or ():
        out.append(label)
    return out


def test_the_lazy_name_builds_the_widget_with_its_handles():
    import groundup as gu

    c = gu.checker()
    assert isinstance(c, Checker) and isinstance(c, w.VBox)
    assert set(c.red_flags) == {i.id for i in KB.flag_items()} and set(c.signs) == set(KB.sign)
    assert set(c.follow_ups) == {"feet-collapse-edge", "poor-balance"}
    assert c.children[0] is c.referral and c.referral.layout.display == "none" and c.referral.value == ""


@pytest.mark.parametrize("first", ["", "import groundup.checker.kb; "])
def test_gu_checker_works_whatever_was_imported_first(first):
    """The package is also called checker: gu.checker(...) must open the widget either way."""
    import subprocess
    import sys

    code = first + "import groundup as gu; print(type(gu.checker(case='dancer-stiff-big-toe')).__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "Checker", out.stderr[-500:]


def test_importing_the_engine_stays_light():
    import subprocess
    import sys

    code = ("import sys, groundup.checker.engine, groundup.checker.summary, groundup.checker.panels; "
            "print(sorted(m for m in ('ipywidgets', 'matplotlib', 'jupyterlab') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"


def test_ticking_a_red_flag_puts_the_referral_panel_first_and_unticking_hides_it():
    c = checker()
    c.signs["knees-cave-in"].value = True
    c.red_flags["dvt"].value = True
    assert c.children[0] is c.referral and c.referral.layout.display == "block"
    assert "Refer urgently" in c.referral.value and "Suggested words for the client" in c.referral.value
    assert "safety panel at the top" in c.flag_note.value and "safety panel at the top comes first" in c.results.value
    assert "✖ Not today" in c.techniques.value and "✔ Suggested" not in c.techniques.value
    c.red_flags["dvt"].value = False
    assert c.referral.layout.display == "none" and c.referral.value == "" and c.flag_note.value == ""
    assert "✔ Suggested" in c.techniques.value


def test_ticking_signs_changes_the_ranked_list():
    c = checker()
    assert "No sign ticked yet" in c.results.value
    c.signs["stiff-big-toe"].value = True
    first = c.results.value
    assert first.index("The toes and the big-toe joint") < first.index("The metatarsal arch")
    c.signs["knees-cave-in"].value = True
    c.signs["calf-tightness"].value = True
    second = c.results.value
    assert second != first
    assert second.index("The ankle joint (talocrural)") < second.index("The toes and the big-toe joint")
    assert "Pattern consistent with limited ankle dorsiflexion" in second and "Evidence: moderate" in second
    assert "Consider assessing" in c.next_assessments.value and "How:" in c.next_assessments.value


def test_the_follow_up_question_appears_with_the_sign_and_is_required():
    c = checker()
    holder = c._follow_up_boxes["feet-collapse-edge"]
    assert holder.layout.display == "none"
    c.signs["feet-collapse-edge"].value = True
    assert holder.layout.display == "flex"
    radios = c.follow_ups["feet-collapse-edge"]
    assert radios.description == "Inner or outer edge?" and radios.value is None
    assert "Still to answer" in c.results.value and "<ol" not in c.results.value
    radios.value = "inner"
    assert "Still to answer" not in c.results.value and "The subtalar joint and the tarsals" in c.results.value


def test_balance_on_two_legs_raises_the_referral_from_step_2():
    c = checker()
    c.signs["poor-balance"].value = True
    c.follow_ups["poor-balance"].value = "two-legs"
    assert c.referral.layout.display == "block" and "Losing balance standing on two legs" in c.referral.value


@pytest.mark.parametrize("case_id", sorted(KB.cases))
def test_each_case_preloads_its_findings_and_shows_nothing_forbidden(case_id):
    case = KB.cases[case_id]
    c = checker(case=case_id)
    assert {i for i, box in c.red_flags.items() if box.value} == set(case.red_flags)
    assert {s for s, box in c.signs.items() if box.value} == set(case.signs)
    assert {s: r.value for s, r in c.follow_ups.items() if r.value} == dict(case.answers)
    assert case.title in c.children[1].value or case.title in c.children[2].value
    assert (c.referral.layout.display == "block") == bool(case.red_flags)
    for text in shown(c):
        assert not forbidden_in(text), (forbidden_in(text), text[:120])


def test_the_two_red_flag_cases_lead_with_the_right_action():
    diabetes = checker(case="diabetes-numb-feet")
    assert "Safety first: Refer urgently" in diabetes.referral.value
    assert diabetes.referral.value.index("A new sore or ulcer") < diabetes.referral.value.index("Numbness, tingling")
    sprain = checker(case="sprain-yesterday")
    assert "Ottawa ankle rule positive" in sprain.referral.value and "Safety first: Refer:" in sprain.referral.value


def test_an_unknown_case_is_one_clear_error():
    with pytest.raises(GroundUpError, match="no case study called 'nope'; the cases are: runner-recurring-sprains"):
        checker(case="nope")


def test_every_control_has_a_visible_label():
    c = checker()
    controls = [*c.red_flags.values(), *c.signs.values(), *c.follow_ups.values(), c.client, c.notes, c.save_button]
    assert all(control.description.strip() for control in controls)
    assert c.save_button.tooltip


def test_lesson_links_open_in_a_new_tab():
    c = checker(case="knees-cave-in-squat")
    html = c.next_assessments.value + c.techniques.value + c.cautions.value
    assert "Lesson 1" in html
    assert 'target="_blank"' in html or "not in this copy of the course yet" in html
    for chunk in html.split("<a ")[1:]:
        assert 'target="_blank"' in chunk.split(">")[0] and 'href="0' in chunk.split(">")[0]


def test_saving_writes_only_what_was_ticked_and_typed_and_says_where(notes):
    c = checker()
    c.red_flags["neuropathy"].value = True
    c.signs["feet-collapse-edge"].value = True
    c.follow_ups["feet-collapse-edge"].value = "outer"
    c.client.value = "C-014"
    c.notes.value = "Light pressure only. <script>alert(1)</script>"
    c.save_button.click()
    saved = list(notes.iterdir())
    assert len(saved) == 1 and saved[0].name.startswith("checker-notes-") and saved[0].suffix == ".md"
    text = saved[0].read_text(encoding="utf-8")
    assert str(saved[0]) in c.saved.value and c.saved.value.startswith("<p>✔ Saved to")
    assert "- [x] Numbness, tingling or burning in the feet" in text
    assert "Outer edge: the weight rolls onto the little-toe side" in text
    assert "Client: C-014" in text and "Light pressure only." in text
    # nothing the checker worked out, and nothing unticked
    for not_ticked in ("Pattern consistent", "Consider assessing", "Refer", "T4", "Evidence:", "Tight calves"):
        assert not_ticked not in text
    assert "&lt;script&gt;" in c.summary.value and "<script>" not in c.summary.value
    c.save_button.click()
    assert len(list(notes.iterdir())) == 2  # a second save never overwrites the first


def test_a_failed_save_says_so_and_loses_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("GROUNDUP_NOTES_DIR", str(blocker))
    c = checker()
    c.notes.value = "keep me"
    c.save_button.click()
    assert c.saved.value.startswith("<p>✘ Could not save the summary") and "keep me" in c.summary.value
    assert c.notes.value == "keep me"


def test_notes_go_to_the_workspace_or_else_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("GROUNDUP_NOTES_DIR", raising=False)
    report = sync_workspace(tmp_path / "course")
    monkeypatch.setenv("GROUNDUP_HOME", str(report.workspace / ".groundup"))
    assert notes_folder() == report.workspace
    monkeypatch.setenv("GROUNDUP_HOME", str(tmp_path / "elsewhere"))
    monkeypatch.chdir(tmp_path)
    assert notes_folder() == tmp_path
    monkeypatch.setenv("GROUNDUP_NOTES_DIR", str(tmp_path / "chosen"))
    assert notes_folder() == tmp_path / "chosen"


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path):
    path = save_summary("# hello\n", tmp_path)
    assert path.read_text() == "# hello\n" and [p.name for p in tmp_path.iterdir()] == [path.name]


def test_the_summary_escapes_and_lists_nothing_when_nothing_is_ticked():
    f = Findings.of()
    md, html = summary_markdown(f, KB), summary_html(f, KB, client="<b>x</b>")
    assert md.count("(nothing ticked)") == 2 and "Client:" not in md
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
