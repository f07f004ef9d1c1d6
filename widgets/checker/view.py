"""The symptom checker widget: ``gu.checker(case=None)``.

A thin view over the engine. Handles kept for tests and lessons:

- ``.red_flags``: red-flag checkbox id -> Checkbox (step 1); ``.signs``: sign id -> Checkbox (step 2);
  ``.follow_ups``: sign id -> RadioButtons (the required follow-up questions);
- ``.referral`` (HTML, the first child: shown only when a red flag is raised), ``.results`` (ranked regions),
  ``.next_assessments``, ``.techniques``, ``.cautions``, ``.sources`` (HTML);
- ``.client``, ``.notes`` (typed by the student), ``.save_button``, ``.saved`` (where it was saved),
  ``.summary`` (the summary shown); ``.assessment`` is the engine's latest result.
"""

from __future__ import annotations

import ipywidgets as w

from groundup.checker import panels
from groundup.checker.engine import Findings, assess
from groundup.checker.kb import KnowledgeBase, default_kb
from groundup.checker.summary import save_summary, summary_html, summary_markdown
from groundup.errors import GroundUpError
from groundup.textsafe import escape

# Long checkbox labels wrap instead of being cut off with "...".
STYLE = """<style>
.gu-checker .widget-checkbox, .gu-checker .jupyter-widget-checkbox { width: 100%; height: auto; }
.gu-checker .widget-checkbox label, .gu-checker .jupyter-widget-checkbox label {
  white-space: normal; overflow: visible; height: auto; line-height: 1.4; }
.gu-checker .widget-radio-box label, .gu-checker .jupyter-widget-radio-box label { white-space: normal; }
.gu-checker .gu-ask { color: #333; font-size: 90%; margin: -2px 0 6px 26px; }
.gu-checker h3 { margin: 10px 0 4px 0; } .gu-checker h4 { margin: 8px 0 2px 0; }
</style>"""
STEP_BOX = w.Layout(border="1px solid #999", padding="4px 12px", margin="6px 0")
FULL = w.Layout(width="100%")


def _checkbox(label: str) -> w.Checkbox:
    return w.Checkbox(value=False, description=label, indent=False, layout=w.Layout(width="100%"))


def _ask(text: str) -> w.HTML:
    return w.HTML(f'<div class="gu-ask">{escape(text)}</div>', layout=FULL)


class Checker(w.VBox):
    """Step 1 safety screen, step 2 signs, step 3 results, and a practice-notes summary."""

    def __init__(self, case: str | None = None, kb: KnowledgeBase | None = None):
        super().__init__(layout=w.Layout(width="100%"))
        self.add_class("gu-checker")
        self.kb = kb = kb or default_kb()
        self.case = None
        if case is not None:
            self.case = kb.cases.get(case)
            if self.case is None:
                raise GroundUpError(f"no case study called {case!r}; the cases are: {', '.join(kb.cases)}")

        # The referral panel: always the first child, shown only when a red flag is raised.
        self.referral = w.HTML(layout=w.Layout(width="100%", display="none"))

        header = [w.HTML(STYLE + "<h3>Symptom checker: screen, observe, refer</h3><p>Work through the steps in "
                         "order. The checker points to regions to assess and names no condition as the client's.</p>", layout=FULL)]
        if self.case:
            header.append(w.HTML(f'<div style="{panels.BOX}"><b>Case study: {escape(self.case.title)}</b>'
                                 f"<p>{escape(self.case.story)}</p></div>", layout=FULL))

        # Step 1: the safety screen.
        self.red_flags: dict[str, w.Checkbox] = {}
        step1 = [w.HTML("<h3>Step 1 · Safety screen</h3><p>Ask and look before anything else. Tick everything "
                        "you find; any red flag puts a referral at the top.</p>", layout=FULL)]
        for group in kb.flag_groups:
            flags = [f for f in kb.red_flags if f.group == group.id]
            if flags:
                step1.append(w.HTML(f"<h4>{escape(group.title)}</h4>", layout=FULL))
            for flag in flags:
                if flag.rules:
                    rules = "".join(
                        f"<li><b>{escape(r.name)}</b>: {escape(kb.item[r.zone].label.lower())} AND any of: "
                        f"{'; '.join(escape(kb.item[c].label.lower()) for c in r.any)}.</li>"
                        for r in flag.rules)
                    step1.append(w.HTML(f"<div><b>{escape(flag.title)}</b>. {escape(flag.intro)}<ul>{rules}</ul>"
                                        f"</div>", layout=FULL))
                for item in flag.items:
                    box = _checkbox(item.label)
                    self.red_flags[item.id] = box
                    step1 += [box, _ask(item.ask)]
        self.flag_note = w.HTML(layout=FULL)
        step1.append(self.flag_note)

        # Step 2: signs, with their follow-up questions.
        self.signs: dict[str, w.Checkbox] = {}
        self.follow_ups: dict[str, w.RadioButtons] = {}
        self._follow_up_boxes: dict[str, w.VBox] = {}
        step2 = [w.HTML("<h3>Step 2 · Signs</h3><p>Tick what you see or what the client tells you.</p>", layout=FULL)]
        for group in kb.sign_groups:
            signs = [s for s in kb.signs if s.group == group.id]
            if signs:
                step2.append(w.HTML(f"<h4>{escape(group.title)}</h4>", layout=FULL))
            for sign in signs:
                box = _checkbox(sign.label)
                self.signs[sign.id] = box
                step2 += [box, _ask(sign.description)]
                if sign.follow_up:
                    radios = w.RadioButtons(
                        options=[(o.label, o.id) for o in sign.follow_up.options], value=None,
                        description=sign.follow_up.question, style={"description_width": "initial"},
                        layout=w.Layout(width="auto"),
                    )
                    self.follow_ups[sign.id] = radios
                    hint = w.HTML(f'<div class="gu-ask">Required. {escape(sign.follow_up.hint)}</div>', layout=FULL)
                    holder = w.VBox([radios, hint], layout=w.Layout(display="none", margin="0 0 6px 26px"))
                    self._follow_up_boxes[sign.id] = holder
                    step2.append(holder)

        # Step 3: results.
        self.results = w.HTML(layout=FULL)
        self.next_assessments = w.HTML(layout=FULL)
        self.techniques = w.HTML(layout=FULL)
        self.cautions = w.HTML(layout=FULL)
        self.sources = w.HTML(layout=FULL)
        step3 = [
            w.HTML("<h3>Step 3 · Results</h3><h4>Regions to consider, ranked</h4>", layout=FULL), self.results,
            w.HTML("<h4>Next assessments</h4>", layout=FULL), self.next_assessments,
            w.HTML("<h4>Techniques</h4>", layout=FULL), self.techniques,
            self.cautions, self.sources,
        ]

        # The practice-notes summary.
        self.client = w.Text(description="Client code (no names)", placeholder="e.g. C-014",
                             style={"description_width": "initial"}, layout=w.Layout(width="60%"))
        self.notes = w.Textarea(description="Your notes", placeholder="What you observed, what you did, whom you referred to and why",
                                style={"description_width": "initial"}, layout=w.Layout(width="90%", height="80px"))
        self.save_button = w.Button(description="Save summary", icon="save", button_style="",
                                    tooltip="Save what you ticked and typed as a Markdown file in your course folder")
        self.saved = w.HTML(layout=FULL)
        self.summary = w.HTML(layout=FULL)
        notes_box = [
            w.HTML("<h3>Practice notes</h3><p>The summary holds only what you ticked and typed. Use a client "
                   "code, never a name.</p>", layout=FULL),
            self.client, self.notes, self.save_button, self.saved, self.summary,
        ]

        self.children = [
            self.referral, *header,
            w.VBox(step1, layout=STEP_BOX), w.VBox(step2, layout=STEP_BOX), w.VBox(step3, layout=STEP_BOX),
            w.VBox(notes_box, layout=STEP_BOX),
        ]

        if self.case:
            for item_id in self.case.red_flags:
                self.red_flags[item_id].value = True
            for sign_id in self.case.signs:
                self.signs[sign_id].value = True
            for sign_id, option_id in self.case.answers:
                self.follow_ups[sign_id].value = option_id
        for control in [*self.red_flags.values(), *self.signs.values(), *self.follow_ups.values()]:
            control.observe(self._changed, names="value")
        for control in (self.client, self.notes):
            control.observe(self._summary_changed, names="value")
        self.save_button.on_click(self._save)
        self.update()

    # -- reading the controls
    def findings(self) -> Findings:
        return Findings.of(
            [i for i, box in self.red_flags.items() if box.value],
            [s for s, box in self.signs.items() if box.value],
            {s: radios.value for s, radios in self.follow_ups.items() if radios.value is not None},
        )

    # -- updating the panels
    def _changed(self, _change=None) -> None:
        self.update()

    def _summary_changed(self, _change=None) -> None:
        self.summary.value = summary_html(self.findings(), self.kb, self.client.value, self.notes.value)

    def update(self) -> None:
        for sign_id, holder in self._follow_up_boxes.items():
            holder.layout.display = "flex" if self.signs[sign_id].value else "none"
        try:
            self.assessment = assessment = assess(self.findings(), self.kb)
        except Exception as exc:  # never a traceback for a click: say what happened instead
            self.results.value = f"<p>⚠ The checker could not work this out ({escape(exc)}). Untick the last box and try again.</p>"
            return
        referral = panels.referral_html(assessment)
        self.referral.value = referral
        self.referral.layout.display = "block" if referral else "none"
        self.flag_note.value = (
            f"<p><b>{panels.ACTION_ICON[assessment.referral.action]} Red flag ticked:</b> see the safety panel at "
            f"the top ({escape(assessment.referral.action)}).</p>" if assessment.referral else "")
        self.results.value = panels.regions_html(assessment)
        self.next_assessments.value = panels.assessments_html(assessment)
        self.techniques.value = panels.techniques_html(assessment)
        self.cautions.value = panels.cautions_html(assessment)
        self.sources.value = panels.sources_html(assessment, self.kb)
        self._summary_changed()

    def _save(self, _button=None) -> None:
        markdown = summary_markdown(self.findings(), self.kb, self.client.value, self.notes.value)
        try:
            path = save_summary(markdown)
        except OSError as exc:
            self.saved.value = f"<p>✘ Could not save the summary: {escape(exc.strerror or exc)}. Nothing was lost: it is still shown below.</p>"
            return
        self.saved.value = f"<p>✔ Saved to <code>{escape(path)}</code></p>"
        self._summary_changed()


def checker(case: str | None = None) -> Checker:
    """The symptom checker; ``case`` preloads a case study's findings (see assets/checker/cases.yaml)."""
    return Checker(case=case)
