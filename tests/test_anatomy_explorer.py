"""The explorer widget: choose a bone or joint, the figure highlights it in place, the text says what it is."""

from __future__ import annotations

import html

import ipywidgets as w
import pytest

import groundup as gu
from groundup.anatomy import catalogue as cat
from groundup.anatomy import view as explorer_view
from groundup.errors import GroundUpError


def text_of(widget) -> str:
    return html.unescape(widget.value)


def test_starts_on_the_whole_foot_seen_from_above():
    box = gu.explorer()
    assert isinstance(box, w.VBox)
    assert box.choice.value == "" and box.view_toggle.value == "dorsal" and box.labels_box.value is True
    assert "The whole foot" in text_of(box.info)
    assert box.figure.alt.startswith("Diagram of the bones of a right foot seen from above")
    assert "Highlighted" not in box.figure.alt
    assert "<img" in box.figure.value and 'alt="Diagram' in box.figure.value


def test_choosing_a_bone_highlights_it_and_says_where_it_is_taught():
    box = gu.explorer()
    before = box.figure.value
    box.choice.value = "navicular"
    info = text_of(box.info)
    navicular = cat.structure("navicular")
    assert "Navicular" in info and "tarsal bone" in info
    assert navicular.description[0] in info and navicular.description[1] in info
    assert "Covered in: " in info and 'href="02-tarsal-movement.ipynb"' in info and "Lesson 2: " in info
    assert "Highlighted: the navicular" in box.figure.alt
    assert box.figure.value != before


def test_choosing_a_joint_and_switching_view_update_in_place():
    box = gu.explorer()
    box.choice.value = "mtp1"
    assert "Big-toe joint (1st MTP)" in text_of(box.info) and "(joint)" in text_of(box.info)
    assert 'href="04-the-toes.ipynb"' in text_of(box.info)
    dorsal = box.figure.value
    box.view_toggle.value = "medial"
    assert box.figure.alt.startswith("Diagram of the bones of a right foot seen from the inner side")
    assert "Highlighted: the big-toe joint (1st MTP)" in box.figure.alt
    assert box.figure.value != dorsal
    box.labels_box.value = False
    assert "Only the highlighted structure is labelled." in box.figure.alt


def test_focus_picks_the_first_structure():
    box = gu.explorer(focus="Talocrural")
    assert box.choice.value == "talocrural"
    assert "Lesson 1: " in text_of(box.info) and 'href="01-the-ankle.ipynb"' in text_of(box.info)
    with pytest.raises(GroundUpError, match="unknown bone or joint"):
        gu.explorer(focus="kneecap")


def test_the_menu_offers_every_bone_and_joint_with_visible_labels():
    box = gu.explorer()
    values = [value for _, value in box.choice.options]
    assert values[0] == ""
    assert set(values[1:]) == set(cat.BONE_IDS) | set(cat.JOINT_IDS)
    assert len(values) == len(set(values))
    labels = dict((value, label) for label, value in box.choice.options)
    assert labels["talus"] == "Talus (tarsal)" and labels["ip"] == "Interphalangeal (IP) joints (joint)"
    for control in (box.choice, box.view_toggle, box.labels_box):
        assert control.description.strip()
    assert [value for _, value in box.view_toggle.options] == ["dorsal", "medial"]


def test_every_menu_entry_can_be_shown():
    box = gu.explorer()
    for _, value in box.choice.options[1:]:
        box.choice.value = value
        assert "⚠" not in box.info.value and "Covered in: " in text_of(box.info), value
        assert box.figure.alt


def test_a_drawing_problem_shows_as_a_message_not_a_traceback(monkeypatch):
    box = gu.explorer()

    def broken(*args, **kwargs):
        raise GroundUpError("assets/anatomy/dorsal.yaml:12: talus: 'points' must be a list")

    monkeypatch.setattr(explorer_view.drawing, "foot_diagram", broken)
    box.choice.value = "talus"
    assert "⚠ The diagram cannot be drawn" in text_of(box.info)
    assert "dorsal.yaml:12: talus" in text_of(box.info)


def test_description_text_is_escaped():
    assert "<script>" not in explorer_view.describe("talus", "dorsal")
    page = explorer_view.describe("", "medial")
    assert "arch" in page and "26 bones" in page
