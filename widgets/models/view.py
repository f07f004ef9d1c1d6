"""The models as widgets: labelled sliders, a figure that updates in place, and a text readout.

Each function returns a ``ModelWidget`` (an ipywidgets VBox) with handles for tests and lessons:
``.slider`` (the main slider), ``.figure_view`` (a ``groundup.views.FigureView``), ``.readout`` (an HTML
widget), ``.controls`` (every control, by name) and ``.state`` (the numbers last shown). Moving a control
recomputes the numbers (the model modules), redraws only what moved (``drawing``) and rewrites the readout.
"""

from __future__ import annotations

import logging
from typing import Callable

import ipywidgets as w

from groundup.models import ankle, big_toe, drawing, gait, subtalar, windlass
from groundup.textsafe import escape
from groundup.views import FigureView

log = logging.getLogger(__name__)
SLIDER_LAYOUT = {"width": "560px"}
SLIDER_STYLE = {"description_width": "initial"}


def readout_html(lines: list[tuple[str, str]], extra_class: str = "") -> str:
    """Readout lines (icon, sentence) as an HTML list a screen reader announces when it changes."""
    items = "".join(
        f'<li style="margin:2px 0"><span aria-hidden="true" style="display:inline-block;width:1.4em">'
        f"{escape(icon)}</span>{escape(text)}</li>"
        for icon, text in lines
    )
    return (f'<div class="groundup-readout {extra_class}" role="status" aria-live="polite">'
            f'<ul style="list-style:none;padding-left:0;margin:4px 0">{items}</ul></div>')


class ModelWidget(w.VBox):
    """Controls, a figure and a readout, kept in step: every change of a control redraws both."""

    def __init__(self, title: str, controls: dict, main: str, figure: drawing.Drawing,
                 compute: Callable[[dict], tuple], hints: dict | None = None, note: str = ""):
        self.controls = controls
        self.slider = controls[main]
        self.drawing = figure
        self._compute = compute
        self.figure_view = FigureView(layout=w.Layout(width="100%"))
        self.readout = w.HTML()
        self.state = None
        self.last_error: Exception | None = None
        rows = [w.HTML(f"<strong>{escape(title)}</strong>")]
        for name, control in controls.items():
            hint = (hints or {}).get(name)
            rows.append(w.HBox([control, w.Label(hint)]) if hint else control)
            control.observe(self._changed, names="value")
        rows += [self.figure_view, self.readout]
        if note:
            rows.append(w.HTML(f'<p style="font-size:90%;margin:2px 0">{escape(note)}</p>'))
        super().__init__(rows, layout=w.Layout(max_width="900px"))
        self.add_class("groundup-model")
        self.refresh()

    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def _changed(self, change) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute, redraw and rewrite the readout; a failure is reported in the readout, never raised."""
        try:
            state, lines = self._compute(self.values())
            figure = self.drawing.frame(state)
        except Exception as exc:  # a student moved a slider: show words, not a traceback
            self.last_error = exc  # kept for whoever debugs it; logged quietly (a warning would print to the cell)
            log.debug("model update failed", exc_info=True)
            self.readout.value = readout_html(
                [("⚠", f"This model could not update ({exc.__class__.__name__}: {exc}). Move the slider "
                       "again, or run the cell again.")], "groundup-error")
            return
        self.state = state
        self.figure_view.show(figure)
        self.readout.value = readout_html(lines)


def _slider(description: str, value, low, high, step=1, kind=w.IntSlider):
    extra = {"readout_format": ".1f"} if kind is w.FloatSlider else {}  # 20.5, not 20.50
    return kind(value=value, min=low, max=high, step=step, description=description, continuous_update=True,
                style=SLIDER_STYLE, layout=w.Layout(**SLIDER_LAYOUT), **extra)


# ------------------------------------------------------------------------------------------ the six models

def ankle_model(angle: int = 0) -> ModelWidget:
    """Side view of shank and foot; slider from 50° plantarflexion (−) to 25° dorsiflexion (+)."""
    controls = {"angle": _slider("Ankle angle (°)", angle, ankle.ANGLE_MIN, ankle.ANGLE_MAX)}

    def compute(v):
        state = ankle.ankle_state(v["angle"])
        return state, ankle.ankle_readout(state)

    return ModelWidget("Ankle (talocrural) joint", controls, "angle", drawing.AnkleDrawing(), compute,
                       hints={"angle": "− plantarflexion · + dorsiflexion"})


def knee_to_wall(angle: int = ankle.EXAMPLE_SHIN_ANGLE, shank_cm: int = ankle.EXAMPLE_SHANK_CM,
                 foot_cm: float = ankle.EXAMPLE_FOOT_CM) -> ModelWidget:
    """The knee-to-wall (weight-bearing lunge) test: shin angle and leg sizes to toe-to-wall distance."""
    controls = {
        "angle": _slider("Shin angle from vertical (°)", angle, *ankle.SHIN_ANGLE_RANGE),
        "shank": _slider("Ankle-to-knee length (cm)", shank_cm, *ankle.SHANK_RANGE_CM),
        "foot": _slider("Ankle-to-toe length (cm)", foot_cm, *ankle.FOOT_RANGE_CM, step=0.5, kind=w.FloatSlider),
    }

    def compute(v):
        state = ankle.knee_to_wall(v["shank"], v["angle"], v["foot"])
        return state, ankle.knee_to_wall_readout(state)

    widget = ModelWidget("Knee-to-wall test", controls, "angle", drawing.KneeToWallDrawing(), compute,
                         hints={"angle": "= ankle dorsiflexion, heel down",
                                "shank": "example adult: 40 cm", "foot": "example adult: 20 cm"},
                         note=ankle.MODEL_NOTE)
    widget.shank_slider, widget.foot_slider = controls["shank"], controls["foot"]
    return widget


def gait_model(pct: int = 0, restricted: bool = False, max_df: int = 5) -> ModelWidget:
    """The ankle over the gait cycle with a cursor, the phase and rocker, and a restricted-dorsiflexion overlay."""
    curve = gait.load_curve()
    controls = {
        "pct": _slider("Gait cycle (%)", pct, 0, 100),
        "restricted": w.Checkbox(value=restricted, description="Show a restricted-dorsiflexion overlay",
                                 style=SLIDER_STYLE, indent=False),
        "max_df": _slider("Maximum dorsiflexion (°)", max_df, -5, 15),
    }
    controls["max_df"].disabled = not restricted
    controls["restricted"].observe(lambda change: setattr(controls["max_df"], "disabled", not change["new"]),
                                   names="value")

    def compute(v):
        limit_value = v["max_df"] if v["restricted"] else None
        limit = None if limit_value is None else gait.restriction(curve, limit_value)
        moment = gait.instant(curve, v["pct"], limit_value)
        return (moment, limit), gait.gait_readout(curve, moment, limit)

    widget = ModelWidget("Ankle over the gait cycle", controls, "pct", drawing.GaitDrawing(curve), compute,
                         hints={"pct": "0 = heel strike, 100 = the same heel's next strike"},
                         note=f"Data: Schwartz et al. 2008, {curve.population}. {curve.caveat}")
    widget.limit_checkbox, widget.limit_slider = controls["restricted"], controls["max_df"]
    return widget


def subtalar_model(rotation: int = 0) -> ModelWidget:
    """Top, side and rear views of a turn about the oblique subtalar axis, with its three components."""
    controls = {"rotation": _slider("Subtalar turn (°)", rotation, subtalar.ROTATION_MIN, subtalar.ROTATION_MAX)}

    def compute(v):
        state = subtalar.subtalar_state(v["rotation"])
        return state, subtalar.subtalar_readout(state)

    return ModelWidget("Subtalar joint: one oblique axis, three planes", controls, "rotation",
                       drawing.SubtalarDrawing(), compute, hints={"rotation": "− supination · + pronation"})


def windlass_model(extension: int = 0) -> ModelWidget:
    """The arch as a truss: extend the big toe and watch the plantar fascia wind on and the arch rise."""
    controls = {"extension": _slider("Big-toe extension (°)", extension, windlass.EXTENSION_MIN,
                                     windlass.EXTENSION_MAX)}

    def compute(v):
        state = windlass.windlass_state(v["extension"])
        return state, windlass.windlass_readout(state)

    return ModelWidget("Windlass mechanism", controls, "extension", drawing.WindlassDrawing(), compute,
                       hints={"extension": "toe bends up (1st MTP joint)"})


def big_toe_model(available: int = 60, peak: str = "measured") -> ModelWidget:
    """Big-toe extension the walk needs in late stance against the range the joint has."""
    controls = {
        "available": _slider("Available big-toe extension (°)", available, big_toe.AVAILABLE_MIN,
                             big_toe.AVAILABLE_MAX),
        "peak": w.Dropdown(options=[("about 42°, measured in walking", "measured"),
                                    ("65°, traditional teaching", "traditional")],
                           value=peak, description="Peak the walk needs", style=SLIDER_STYLE,
                           layout=w.Layout(width="420px")),
    }

    def compute(v):
        state = big_toe.big_toe_state(v["available"], big_toe.PEAKS[v["peak"]])
        return (state, v["peak"]), big_toe.big_toe_readout(state, v["peak"])

    widget = ModelWidget("Big toe: range needed against range available", controls, "available",
                         drawing.BigToeDrawing(), compute,
                         hints={"available": "how far this big toe bends up"})
    widget.peak_choice = controls["peak"]
    return widget
