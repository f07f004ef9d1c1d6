"""The anatomy explorer: choose a bone or joint, see it highlighted, read what it is and where it is taught.

A thin ipywidgets view over ``drawing`` and ``catalogue``: every control has a
visible label and works from the keyboard; the figure updates in place (an HTML
widget holding the image and its alt text); the text is in an HTML widget that
tests (and screen readers) can read.
"""

from __future__ import annotations

import ipywidgets as w

from groundup.errors import GroundUpError
from groundup.textsafe import escape
from groundup.views import FigureView

from . import drawing
from .catalogue import Bone, catalogue, lesson_ref, structure

NOTHING = ""  # the menu value for "the whole foot, nothing highlighted"
GROUP_WORD = {"tarsal": "tarsal", "metatarsal": "metatarsal", "phalanx": "phalanx", "sesamoid": "sesamoid",
              "leg": "leg bone"}
KIND_WORD = {"tarsal": "tarsal bone", "metatarsal": "metatarsal bone", "phalanx": "phalanx, a toe bone",
             "sesamoid": "sesamoid bone", "leg": "leg bone"}
VIEW_OPTIONS = [("From above (dorsal)", "dorsal"), ("Inner side (medial)", "medial")]


def menu_options() -> list[tuple[str, str]]:
    """(label, id) for the menu: the whole foot, then every bone (by group), then every joint."""
    cat = catalogue()
    options = [("Whole foot (nothing highlighted)", NOTHING)]
    for group in GROUP_WORD:
        for bone in cat.bones.values():
            if bone.group == group:
                options.append((f"{bone.name} ({GROUP_WORD[group]})", bone.id))
    for joint in cat.joints.values():
        options.append((f"{joint.name} (joint)", joint.id))
    return options


def describe(item_id: str, view: str) -> str:
    """The explorer's text for a structure: name, two lines, and the lesson that covers it (HTML)."""
    if not item_id:
        return (
            '<div class="groundup-anatomy-info">'
            "<p><b>The whole foot</b>: 26 bones (7 tarsals, 5 metatarsals, 14 phalanges), plus the two sesamoids "
            "under the big-toe joint.</p>"
            f"<p>{escape(drawing.VIEW_TAKEAWAY[view])}<br>"
            "Choose a bone or joint in the menu to highlight it and read what it does.</p></div>"
        )
    item = structure(item_id)
    kind = KIND_WORD[item.group] if isinstance(item, Bone) else "joint"
    lesson = lesson_ref(item.lesson)
    first, second = item.description
    return (
        '<div class="groundup-anatomy-info">'
        f"<p><b>{escape(item.name)}</b> ({escape(kind)})</p>"
        f"<p>{escape(first)}<br>{escape(second)}</p>"
        f'<p>Covered in: <a href="{escape(lesson.link)}" target="_blank" style="text-decoration:underline">'
        f"{escape(lesson.text)}</a></p></div>"
    )


class Explorer(w.VBox):
    """The widget returned by ``explorer()``; its parts are attributes so tests can drive it."""

    def __init__(self, focus: str | None = None):
        start = structure(focus).id if focus else NOTHING
        self.choice = w.Dropdown(
            options=menu_options(), value=start, description="Bone or joint:",
            style={"description_width": "initial"}, layout=w.Layout(width="max-content", max_width="100%"),
        )
        self.view_toggle = w.ToggleButtons(
            options=VIEW_OPTIONS, value="dorsal", description="View:",
            tooltips=["The right foot seen from above", "The right foot seen from the big-toe side"],
            style={"description_width": "initial", "button_width": "auto"},
        )
        self.labels_box = w.Checkbox(value=True, description="Name every bone", indent=False)
        self.info = w.HTML(layout=w.Layout(max_width="46em"))
        self.figure = FigureView(layout=w.Layout(max_width="720px"))
        for control in (self.choice, self.view_toggle, self.labels_box):
            control.observe(self._update, names="value")
        super().__init__([self.choice, w.HBox([self.view_toggle, self.labels_box]), self.info, self.figure])
        self._update()

    def _update(self, change=None):
        item, view, labels = self.choice.value, self.view_toggle.value, self.labels_box.value
        try:
            self.info.value = describe(item, view)
            self.figure.show(drawing.foot_diagram(view, highlight=item or None, labels=labels))
        except GroundUpError as exc:  # a broken data file: say so in words, never a traceback
            self.info.value = f'<p role="alert">⚠ The diagram cannot be drawn: {escape(exc)}</p>'


def explorer(focus: str | None = None) -> Explorer:
    """Explore the foot skeleton: pick a bone or joint (``focus`` chooses the first one, e.g. ``"talus"``)."""
    return Explorer(focus)
