"""Every view, every bone and every joint drawn to PNG (artifacts/anatomy/), with alt text that says what is shown."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

import groundup
from groundup.anatomy import catalogue as cat
from groundup.anatomy import drawing
from groundup.anatomy.geometry import load_view
from groundup.errors import GroundUpError
from groundup.figures import Figure

VIEWS = ("dorsal", "medial")
BONES = list(cat.BONE_IDS)
JOINTS = list(cat.JOINT_IDS)


@pytest.fixture(scope="session")
def out(artifacts):
    folder = artifacts / "anatomy"
    folder.mkdir(exist_ok=True)
    return folder


def pixels(figure: Figure) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(figure.png)).convert("RGB")).astype(int)


def to_pixel(view, labels, quiz, point, plain=False):
    """Pixel (column, row) of a screen-mm point in a scene's image."""
    scene = drawing._scene(view, labels, quiz, plain)
    x, y = scene.t.transform(point)
    height = round(scene.fig.get_figheight() * drawing.DPI)
    return int(round(x)), int(round(height - y))


def reddest(image, column, row, radius=3) -> int:
    """How strongly the highlight colour shows near a pixel: max of min(R-G, R-B) around it."""
    patch = image[max(row - radius, 0):row + radius + 1, max(column - radius, 0):column + radius + 1]
    return int(np.max(np.minimum(patch[..., 0] - patch[..., 1], patch[..., 0] - patch[..., 2])))


# ---------------------------------------------------------------- the plain views
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("labels", [True, False], ids=["labels", "no-labels"])
def test_each_view_renders_with_alt_text(out, view, labels):
    figure = drawing.foot_diagram(view, labels=labels)
    (out / f"{view}{'' if labels else '-no-labels'}.png").write_bytes(figure.png)
    image = pixels(figure)
    assert image.shape[0] > 450 and image.shape[1] > 550
    assert figure.alt and figure.caption
    assert ("from above (dorsal view)" if view == "dorsal" else "from the inner side (medial view)") in figure.alt
    for words in ("tarsals orange", "metatarsals sky blue with diagonal stripes", "phalanges green with dots",
                  "sesamoids yellow with cross-hatching"):
        assert words in figure.alt
    assert ("leg bones pink" in figure.alt) == (view == "medial")  # the leg bones show from above only when asked
    assert ("Labels with leader lines" in figure.alt) == labels
    assert "Highlighted" not in figure.alt
    assert reddest(image, image.shape[1] // 2, image.shape[0] // 2, radius=10 ** 4) < 60  # no highlight colour
    assert f'alt="{figure.alt[:40]}' in figure.html()


def test_labels_change_the_picture():
    with_labels = pixels(drawing.foot_diagram("dorsal"))
    without = pixels(drawing.foot_diagram("dorsal", labels=False))
    assert with_labels.shape[1] >= without.shape[1]  # room for the label columns
    dark = lambda image: int((image.sum(axis=2) < 200).sum())  # noqa: E731 - pixels of text and outlines
    assert dark(with_labels) > dark(without) + 1000


# ---------------------------------------------------------------- every highlight
@pytest.mark.parametrize("bone", BONES)
@pytest.mark.parametrize("view", VIEWS)
def test_every_bone_can_be_highlighted(out, view, bone):
    item = cat.structure(bone)
    figure = drawing.foot_diagram(view, highlight=bone)
    (out / f"{view}-{bone}.png").write_bytes(figure.png)
    assert f"Highlighted: the {item.name[0].lower() + item.name[1:]}" in figure.alt
    assert figure.caption == item.description[0]
    image = pixels(figure)
    column, row = to_pixel(view, True, False, load_view(view).bones[bone].anchor)
    assert reddest(image, column, row) > 60, f"{bone} is not highlighted where it is drawn"
    plain = pixels(drawing.foot_diagram(view))
    assert image.shape != plain.shape or (image != plain).any(axis=2).sum() > 200


@pytest.mark.parametrize("joint", JOINTS)
@pytest.mark.parametrize("view", VIEWS)
def test_every_joint_can_be_highlighted(out, view, joint):
    item = cat.structure(joint)
    figure = drawing.foot_diagram(view, highlight=joint)
    (out / f"{view}-joint-{joint}.png").write_bytes(figure.png)
    assert f"Highlighted: the {item.name[0].lower() + item.name[1:]}, drawn as a thick vermillion line" in figure.alt
    image = pixels(figure)
    for line in load_view(view).joints[joint]:
        middle = line.points[len(line.points) // 2]
        column, row = to_pixel(view, True, False, middle)
        assert reddest(image, column, row) > 60, f"{joint}: a joint line is not drawn at {middle}"


def test_joint_groups_are_their_parts():
    for view in VIEWS:
        lines = load_view(view).joints
        assert len(lines["transverse_tarsal"]) == len(lines["talonavicular"]) + len(lines["calcaneocuboid"])
        assert len(lines["mtp"]) == 5 and len(lines["mtp1"]) == 1
        assert len(lines["ip"]) == 9 and len(lines["hallux_ip"]) == 1  # 1 in the big toe, 2 in each lesser toe
        assert len(lines["tarsometatarsal"]) >= 5


def test_hidden_parts_are_said_to_be_dashed():
    assert "Dashed parts lie behind other bones" in drawing.foot_diagram("dorsal", "subtalar").alt
    assert "Dashed parts" not in drawing.foot_diagram("dorsal", "talonavicular").alt
    assert "drawn dashed over them" in drawing.foot_diagram("medial", "lateral_cuneiform").alt
    assert "drawn dashed over them" not in drawing.foot_diagram("medial", "navicular").alt


# ---------------------------------------------------------------- label-the-diagram figures
@pytest.mark.parametrize("item", BONES + JOINTS)
@pytest.mark.parametrize("view", VIEWS)
def test_label_figures_mark_the_structure_without_naming_it(out, view, item):
    structure = cat.structure(item)
    figure = drawing.label_figure(view, item)
    (out / f"label-{view}-{item}.png").write_bytes(figure.png)
    words = figure.alt.lower() + " " + figure.caption.lower()
    names = {structure.name.lower(), item.replace("_", " "), structure.name.split(" (")[0].lower()}
    if isinstance(structure, cat.Bone):  # no bone of the view is named (the answer could be any of them)
        names |= {b.name.split(" (")[0].lower() for b in cat.bones()}
    assert not [n for n in names if re.search(rf"\b{re.escape(n)}\b", words)], names
    assert "question mark" in figure.alt and "Which" in figure.alt
    image = pixels(figure)
    view_data = load_view(view)
    if item in view_data.bones:
        point = view_data.bones[item].anchor
    else:
        line = view_data.joints[item][0]
        point = line.points[len(line.points) // 2]
    column, row = to_pixel(view, False, True, point)
    assert reddest(image, column, row) > 60


def test_label_figure_needs_something_to_mark():
    with pytest.raises(GroundUpError):
        drawing.label_figure("dorsal", None)


# ---------------------------------------------------------------- labels are legible
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("quiz, plain", [(False, False), (False, True), (True, False)],
                         ids=["highlights", "plain", "questions"])
def test_label_texts_never_overlap_and_stay_on_the_canvas(view, quiz, plain):
    scene = drawing._scene(view, not quiz, quiz, plain)
    x0, y0, x1, y1 = scene.box
    for key, placed in scene.layouts.items():
        boxes = [p.box for p in placed]
        for box in boxes:
            assert x0 <= box[0] and box[2] <= x1 and y0 <= box[1] and box[3] <= y1, (key, box)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap = min(a[2], b[2]) - max(a[0], b[0]) > 0 and min(a[3], b[3]) - max(a[1], b[1]) > 0
                assert not overlap, f"{view} {key}: labels overlap"


@pytest.mark.parametrize("view", VIEWS)
def test_leader_lines_do_not_cross_other_labels(view):
    layouts = {**drawing._scene(view, True, False).layouts, **drawing._scene(view, True, False, True).layouts}
    for key, placed in layouts.items():
        for p in placed:
            for (sx, sy), (tx, ty) in p.leaders:
                for other in placed:
                    if other is p:
                        continue
                    bx0, by0, bx1, by1 = other.box
                    ts = np.linspace(0.05, 0.95, 40)
                    xs, ys = sx + (tx - sx) * ts, sy + (ty - sy) * ts
                    inside = (xs > bx0 + 0.5) & (xs < bx1 - 0.5) & (ys > by0 + 0.5) & (ys < by1 - 0.5)
                    assert not inside.any(), f"{view} {key}: the leader of {p.request.text!r} crosses {other.request.text!r}"


def test_every_bone_is_named_when_labels_are_on():
    from matplotlib.path import Path as MplPath

    for view in VIEWS:
        data = load_view(view)
        named = {t for label in data.labels for t in label.targets}
        for _, point in data.numbers:  # the metatarsals are numbered on the bone
            named |= {b for b, s in data.bones.items() if MplPath(s.outline).contains_point(point)}
        front = {b for b, s in data.bones.items() if not (s.behind or s.optional)}
        if view == "dorsal":  # the lesser toes are named by row (proximal, middle, distal phalanges)
            front -= {f"toe{t}_p{p}" for t in (2, 3) for p in (1, 2, 3)}
        assert front <= named, f"{view}: no label for {sorted(front - named)}"


# ---------------------------------------------------------------- the public names
def test_highlight_accepts_ids_and_names():
    assert drawing.foot_diagram("dorsal", "MTP") is drawing.foot_diagram("dorsal", "mtp")
    assert drawing.foot_diagram("medial", "Medial cuneiform") is drawing.foot_diagram("medial", "medial_cuneiform")
    assert drawing.foot_diagram("dorsal", "") is drawing.foot_diagram("dorsal")


@pytest.mark.parametrize("call, message", [
    (lambda: drawing.foot_diagram("lateral"), "unknown view 'lateral'"),
    (lambda: drawing.foot_diagram("dorsal", "talsu"), "did you mean talus"),
    (lambda: drawing.foot_diagram("dorsal", 3), "must be the name of a bone or joint"),
    (lambda: drawing.label_figure("plantar", "talus"), "unknown view 'plantar'"),
])
def test_mistakes_are_one_clear_error(call, message):
    with pytest.raises(GroundUpError, match=message):
        call()


def test_notebook_names_reach_the_drawing():
    from groundup import anatomy

    assert groundup.foot_diagram is drawing.foot_diagram
    assert anatomy.label_figure is drawing.label_figure and anatomy.foot_diagram is drawing.foot_diagram
    assert [b.id for b in anatomy.bones()] == list(cat.BONE_IDS)
    assert [j.id for j in anatomy.joints()] == list(cat.JOINT_IDS)


def test_label_figure_imports_without_ipywidgets():
    code = ("import sys, groundup.anatomy as a; f = a.label_figure('dorsal', 'talus'); "
            "assert f.png[:4] == b'\\x89PNG'; print('ipywidgets' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    result = subprocess.run([sys.executable, "-c", "import sys, groundup; print(sorted(m for m in sys.modules "
                             "if m.split('.')[0] in ('matplotlib', 'ipywidgets', 'numpy')))"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("style", [
    dict(ha="left", va="center", fontsize=8.5),
    dict(ha="right", va="center", fontsize=9.5, fontweight="bold",
         box=dict(boxstyle="round,pad=0.25", facecolor="white", edgecolor="#D55E00", lw=1.6)),
    dict(ha="center", va="top", fontsize=11.5, linespacing=1.25),
])
def test_text_bitmaps_look_like_matplotlib_text(style):
    """The cached text bitmaps of the diagrams draw exactly what matplotlib's own text draws."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.text import Text
    from matplotlib.transforms import IdentityTransform

    from groundup.anatomy import textsprite

    words = "Proximal phalanx (big toe)\nsecond line" if style["va"] == "top" else "Medial cuneiform"

    def draw(artist):
        fig = MplFigure(figsize=(4, 1.5), dpi=100)
        canvas = FigureCanvasAgg(fig)
        artist.set_transform(IdentityTransform())
        fig.add_artist(artist)
        canvas.draw()
        return np.asarray(canvas.buffer_rgba())[..., :3].astype(int)

    kwargs = {k: v for k, v in style.items() if k != "box"}
    text = Text(200, 100, words, bbox=style.get("box"), **kwargs)
    sprite = textsprite.artist_class()((200, 100), words, **style)
    reference, copy = draw(text), draw(sprite)

    def ink(image):
        dark = image.min(axis=2) < 230
        rows, columns = np.where(dark)
        return (255 - image).sum(), (rows.min(), rows.max(), columns.min(), columns.max())

    (ink_ref, box_ref), (ink_copy, box_copy) = ink(reference), ink(copy)
    assert ink_ref > 20_000  # something was drawn
    assert abs(ink_copy - ink_ref) < 0.05 * ink_ref  # the same amount of ink ...
    assert max(abs(a - b) for a, b in zip(box_ref, box_copy)) <= 2  # ... in the same place, within 2 pixels

    def blur(image):  # 3x3 mean: sub-pixel placement differences vanish, the letters' shapes stay
        padded = np.pad(image.astype(float), ((1, 1), (1, 1), (0, 0)), mode="edge")
        return sum(padded[1 + dy:padded.shape[0] - 1 + dy, 1 + dx:padded.shape[1] - 1 + dx]
                   for dy in (-1, 0, 1) for dx in (-1, 0, 1)) / 9

    def letters(image):  # the black text only (not the coloured box around a highlighted name)
        return (image.max(axis=2, keepdims=True) < 150).astype(float)

    soft_ref, soft_copy = blur(letters(reference)), blur(letters(copy))
    closest = min(np.abs(soft_ref - np.roll(soft_copy, (dy, dx), axis=(0, 1))).sum()
                  for dx in (-1, 0, 1) for dy in (-2, -1, 0, 1, 2))
    assert closest < 0.35 * soft_ref.sum()  # the same letters (a flipped or wrong text differs by about its ink)
