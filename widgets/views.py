"""Small widget views shared by the course: the setup line and an in-place figure."""

from __future__ import annotations

import ipywidgets as w

from groundup.figures import Figure


def setup() -> w.HTML:
    """Run once at the top of every lesson: sets figure style and says where progress is kept."""
    from groundup import __version__, style
    from groundup.workspace import state_dir

    style.apply()
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
