"""The Foot Posture Index scorer: six labelled sliders, a live total and category, a caveat line.

Sliders, not dropdowns: in JupyterLab the arrow keys on a focused dropdown move between notebook
cells, while a slider handle takes them, so every item can be scored from the keyboard.
"""

from __future__ import annotations

import ipywidgets as w

from groundup.assessments import fpi
from groundup.textsafe import escape
from groundup.views import FigureView

_WIDE = {"description_width": "initial"}


def _level_html(item: fpi.Item, score: int) -> str:
    return f"<span>Score <b>{escape(fpi.signed(score))}</b>: {escape(item.level(score))}</span>"


class FPIScorer(w.VBox):
    """Score one standing foot on the six FPI-6 items; total and category update as you choose."""

    def __init__(self):
        self.sliders: list[w.IntSlider] = []
        self.levels: list[w.HTML] = []
        rows = []
        for item in fpi.ITEMS:
            heading = w.HTML(
                f"<b>{item.number}. {escape(item.name)}</b> <i>({escape(item.region)})</i><br>"
                f"<span>{escape(item.how)}</span>",
                layout=w.Layout(margin="8px 0 0 0"),
            )
            slider = w.IntSlider(
                value=0, min=fpi.ITEM_MIN, max=fpi.ITEM_MAX, step=1, description=f"Item {item.number} score",
                style=_WIDE, layout=w.Layout(width="24em"), continuous_update=True, readout=False,
            )
            level = w.HTML(_level_html(item, 0), layout=w.Layout(margin="0 0 0 1em"))
            slider.observe(self._update, names="value")
            self.sliders.append(slider)
            self.levels.append(level)
            ends = w.HTML(
                f"<small>−2 (supinated end): {escape(item.level(-2))} · +2 (pronated end): {escape(item.level(2))}</small>"
            )
            rows.append(w.VBox([heading, w.HBox([slider, level]), ends]))
        self.method = w.HTML(f"<b>How to stand the client.</b> {escape(fpi.METHOD)}")
        self.readout = w.HTML()
        self.figure_view = FigureView()
        self.caveat = w.HTML(f"<small>⚠ {escape(fpi.CAVEAT)}</small>")
        self.reset_button = w.Button(description="Reset all to 0", tooltip="Set every item back to 0 (neutral)",
                                     icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        super().__init__([self.method, *rows, self.reset_button, self.readout, self.figure_view, self.caveat])
        self._update()

    @property
    def scores(self) -> dict[str, int]:
        return {item.key: slider.value for item, slider in zip(fpi.ITEMS, self.sliders)}

    @property
    def result(self) -> fpi.Result:
        return fpi.score(self.scores)

    @property
    def total(self) -> int:
        return self.result.total

    def set_scores(self, scores) -> None:
        """Set all six items at once (a mapping key → score, or six scores in item order)."""
        values = fpi.score(scores).scores  # validates first: nothing changes on bad input
        with self.hold_trait_notifications():
            for slider, value in zip(self.sliders, values):
                slider.unobserve(self._update, names="value")
                slider.value = value
                slider.observe(self._update, names="value")
        self._update()

    def reset(self) -> None:
        self.set_scores([0] * len(fpi.ITEMS))

    def _update(self, _change=None) -> None:
        from groundup.assessments.fpi_figure import scale_figure

        result = self.result
        for item, level, value in zip(fpi.ITEMS, self.levels, result.scores):
            level.value = _level_html(item, value)
        items = "".join(f"<li>{escape(line)}</li>" for line in result.item_lines())
        self.readout.value = (
            f"<p style='font-size:1.15em;margin:6px 0'>Total: <b>{escape(fpi.signed(result.total))}</b> · "
            f"Category: <b>{escape(result.category.label)}</b> ({escape(result.category.range_text)})</p>"
            f"<p style='margin:2px 0'>{escape(result.summary())}</p>"
            f"<details><summary>Your six scores</summary><ol style='list-style:none;padding-left:0'>{items}</ol></details>"
        )
        self.figure_view.show(scale_figure(result.total))


def fpi_scorer() -> FPIScorer:
    """The Foot Posture Index (FPI-6) scorer used in lesson 2."""
    return FPIScorer()
