"""The single-leg stance tool: red-flag questions, age, best time and the toes; the result in words."""

from __future__ import annotations

import ipywidgets as w

from groundup.assessments import balance
from groundup.textsafe import escape
from groundup.views import FigureView

_WIDE = {"description_width": "initial"}
NO_BAND = ""  # the "choose…" entry (a Dropdown shows None as an empty box)

HOW_TO = (
    "<b>How to time it.</b> Stand the client barefoot beside a wall or a sturdy chair, eyes open, and stay "
    "close. Ask them to stand on one leg and lift the other foot just off the floor. Keep the arms and the "
    "lifted foot in the same position on every try (for example arms crossed over the chest, the lifted foot "
    "near the standing ankle without touching it) and write down how you did it. Start the watch when the "
    "foot lifts; stop it when the lifted foot touches down, the client reaches for support, the arms leave "
    f"their position, or the standing foot moves, or at {balance.fmt_seconds(balance.CAP_SECONDS)} s. Do three "
    "tries on each leg, keep each leg's best, and enter each leg's best time in turn to compare the sides. "
    "<i>The norms are only comparable if you time it the same way as the study: this description has not yet "
    "been checked against the study's methods, so treat the comparison as rough.</i>"
)


class SingleLegStance(w.VBox):
    """Compare a client's best single-leg stance time with age norms; referral first when a red flag is ticked."""

    def __init__(self):
        self.how_to = w.HTML(HOW_TO)
        self.flags: dict[str, w.Checkbox] = {}
        for flag in balance.RED_FLAGS:
            box = w.Checkbox(value=False, description=flag.question, indent=False,
                             layout=w.Layout(width="auto"))
            box.observe(self._update, names="value")
            self.flags[flag.key] = box
        self.age = w.Text(value="", description="Client's age (years)", placeholder="e.g. 63",
                          style=_WIDE, layout=w.Layout(width="20em"), continuous_update=False)
        self.band = w.Dropdown(
            options=[("choose…", NO_BAND)] + [(b.label, b.key) for b in balance.BANDS],
            value=NO_BAND, description="or age band", style=_WIDE, layout=w.Layout(width="16em"),
        )
        self.seconds = w.Text(value="", description="Best of 3 tries, eyes open (seconds)", placeholder="e.g. 27.5",
                              style=_WIDE, layout=w.Layout(width="24em"), continuous_update=False)
        self.toes = w.Dropdown(options=[(text, key) for key, text in balance.TOE_OBSERVATIONS.items()],
                               value="not_observed", description="What did the toes do?", style=_WIDE,
                               layout=w.Layout(width="26em"))
        self.input_note = w.HTML(layout=w.Layout(margin="0 0 0 4px"))
        self.result = w.HTML()
        self.figure_view = FigureView()
        self.caveat = w.HTML(f"<small>ℹ {escape(balance.CAVEAT)} Source: {escape(balance.SOURCE)}</small>")
        self._syncing = False
        self.age.observe(self._age_changed, names="value")
        self.band.observe(self._band_changed, names="value")
        for control in (self.seconds, self.toes):
            control.observe(self._update, names="value")
        super().__init__([
            self.how_to,
            w.HTML("<b>1. Safety first.</b> Ask and look before timing. Tick anything that applies:"),
            w.VBox(list(self.flags.values()), layout=w.Layout(margin="0 0 0 1em")),
            w.HTML("<b>2. The client and the time.</b>"),
            w.HBox([self.age, self.band], layout=w.Layout(flex_flow="row wrap")),
            self.seconds,
            self.toes,
            self.input_note,
            w.HTML("<b>3. Result</b>"),
            self.result,
            self.figure_view,
            self.caveat,
        ])
        self._update()

    # Typing an age selects its band; choosing another band by hand clears the typed age.
    def _typed_band(self):
        """The band key of the typed age, or None if no valid age is typed."""
        try:
            age = balance.parse_age(self.age.value)
        except balance.InputError:
            return None
        if age is None:
            return None
        found = balance.band_for_age(age)
        return found.key if found else NO_BAND

    def _set_quietly(self, widget, value):
        self._syncing = True
        try:
            widget.value = value
        finally:
            self._syncing = False

    def _age_changed(self, change=None):
        if not self._syncing:
            band = self._typed_band()
            if band is not None:
                self._set_quietly(self.band, band)
        self._update()

    def _band_changed(self, change=None):
        if not self._syncing:
            band = self._typed_band()
            if band is not None and band != self.band.value:
                self._set_quietly(self.age, "")
        self._update()

    def _update(self, change=None):
        notes = []
        try:
            age = balance.parse_age(self.age.value)
        except balance.InputError as exc:
            age, notes = None, notes + [str(exc)]
        try:
            seconds = balance.parse_seconds(self.seconds.value)
        except balance.InputError as exc:
            seconds, notes = None, notes + [str(exc)]
        flags = frozenset(key for key, box in self.flags.items() if box.value)
        result = balance.assess(age=age, band_key=self.band.value or None, seconds=seconds, flags=flags,
                                toes=self.toes.value)
        self.input_note.value = "".join(f"<p>✎ {escape(n)}</p>" for n in notes)
        self.result.value = balance.result_html(result)
        self.last_result = result
        from groundup.assessments.balance_figure import norms_figure

        shown_band = result.band.key if result.band else None
        # With a red flag the time is not used, so it is not marked on the chart either.
        marked = result.seconds if shown_band and result.status != "refer" else None
        self.figure_view.show(norms_figure(shown_band, marked))


def single_leg_stance() -> SingleLegStance:
    """The lesson 4 balance screen: `gu.single_leg_stance()`."""
    return SingleLegStance()
