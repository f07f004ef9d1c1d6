"""Small widget views shared by the course: the setup line and an in-place figure."""

from __future__ import annotations

import ipywidgets as w

from groundup.figures import Figure


# JupyterLab reads keys pressed on a focused drop-down list as notebook commands (ArrowDown selects the
# next cell, "d d" deletes a cell). Marking each drop-down in an output with Lumino's
# data-lm-suppress-shortcuts attribute gives those keys back to the list, so keyboard users can choose.
KEYBOARD_GUARD_JS = """
(function () {
  if (window.__groundupKeyboardGuard) { return; }
  window.__groundupKeyboardGuard = true;
  const mark = () => document.querySelectorAll('.jp-OutputArea select:not([data-lm-suppress-shortcuts])')
    .forEach((el) => el.setAttribute('data-lm-suppress-shortcuts', 'true'));
  mark();
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
})();
"""


def keyboard_guard() -> None:
    """Let drop-down lists in the course's widgets keep the keys pressed on them (see KEYBOARD_GUARD_JS)."""
    from IPython.display import Javascript, display

    display(Javascript(KEYBOARD_GUARD_JS))


def setup() -> w.HTML:
    """Run once at the top of every lesson: sets figure style and says where progress is kept."""
    from groundup import __version__, style
    from groundup.workspace import state_dir

    style.apply()
    keyboard_guard()
    return w.HTML(
        f"Ground Up {__version__} is ready. Your answers are saved in <code>{state_dir()}</code>.",
        layout=w.Layout(margin="0 0 4px 0"),
    )


class FigureView(w.HTML):
    """A figure that updates in place; its image carries alt text, its caption the takeaway."""

    def show(self, figure: Figure) -> None:
        self.figure = figure
        self.value = figure.html()

    @property
    def alt(self) -> str:
        return self.figure.alt if getattr(self, "figure", None) else ""


def practice_slider() -> w.VBox:
    """The start-here warm-up: drag (or use the arrow keys) and read what the angle means."""
    from groundup.intro import describe_ankle_angle

    slider = w.IntSlider(
        value=0, min=-50, max=25, step=1, description="Ankle angle (°)",
        style={"description_width": "initial"}, continuous_update=True,
    )
    readout = w.HTML(describe_ankle_angle(0))
    slider.observe(lambda change: setattr(readout, "value", describe_ankle_angle(change["new"])), names="value")
    box = w.VBox([slider, readout])
    box.slider, box.readout = slider, readout
    return box


def progress_location() -> w.HTML:
    """Say where this student's answers and progress are saved."""
    from groundup.textsafe import escape
    from groundup.workspace import state_dir

    return w.HTML(f"Your answers and progress are saved in <code>{escape(state_dir() / 'progress.sqlite')}</code>.")
