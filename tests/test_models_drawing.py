"""Every model drawn at three slider positions to PNG files in artifacts/models/, each with its words.

Look at the files: a person should see the foot move and the labels sit clear of each other.
"""

from __future__ import annotations

import io
import zlib

import numpy as np
import pytest
from PIL import Image

from groundup.models import ankle, big_toe, drawing, gait, subtalar, windlass

CURVE = gait.load_curve()

# (model, position label, drawing class, state) at three slider positions each.
CASES = [
    ("ankle", "pf-50", drawing.AnkleDrawing, lambda: ankle.ankle_state(-50)),
    ("ankle", "neutral", drawing.AnkleDrawing, lambda: ankle.ankle_state(0)),
    ("ankle", "df-25", drawing.AnkleDrawing, lambda: ankle.ankle_state(25)),
    ("knee-to-wall", "angle-25", drawing.KneeToWallDrawing, lambda: ankle.knee_to_wall(40, 25, 20)),
    ("knee-to-wall", "angle-45", drawing.KneeToWallDrawing, lambda: ankle.knee_to_wall(40, 45, 20)),
    ("knee-to-wall", "angle-60", drawing.KneeToWallDrawing, lambda: ankle.knee_to_wall(50, 60, 15)),
    ("gait", "5pct", lambda: drawing.GaitDrawing(CURVE), lambda: (gait.instant(CURVE, 5), None)),
    ("gait", "40pct-limit5", lambda: drawing.GaitDrawing(CURVE),
     lambda: (gait.instant(CURVE, 40, 5), gait.restriction(CURVE, 5))),
    ("gait", "80pct", lambda: drawing.GaitDrawing(CURVE), lambda: (gait.instant(CURVE, 80), None)),
    ("subtalar", "supination-40", drawing.SubtalarDrawing, lambda: subtalar.subtalar_state(-40)),
    ("subtalar", "neutral", drawing.SubtalarDrawing, lambda: subtalar.subtalar_state(0)),
    ("subtalar", "pronation-20", drawing.SubtalarDrawing, lambda: subtalar.subtalar_state(20)),
    ("windlass", "0", drawing.WindlassDrawing, lambda: windlass.windlass_state(0)),
    ("windlass", "30", drawing.WindlassDrawing, lambda: windlass.windlass_state(30)),
    ("windlass", "65", drawing.WindlassDrawing, lambda: windlass.windlass_state(65)),
    ("big-toe", "available-20", drawing.BigToeDrawing, lambda: (big_toe.big_toe_state(20), "measured")),
    ("big-toe", "available-60-traditional", drawing.BigToeDrawing,
     lambda: (big_toe.big_toe_state(60, 65), "traditional")),
    ("big-toe", "available-90", drawing.BigToeDrawing, lambda: (big_toe.big_toe_state(90), "measured")),
]


def pixels(png: bytes) -> np.ndarray:
    image = Image.open(io.BytesIO(png))
    image.load()
    return np.asarray(image.convert("RGB"))


@pytest.mark.parametrize("model, label, make, state", CASES, ids=[f"{m}-{l}" for m, l, _, _ in CASES])
def test_model_renders_to_png_with_alt_text_and_takeaway(artifacts, model, label, make, state):
    figure = make().frame(state())
    folder = artifacts / "models"
    folder.mkdir(exist_ok=True)
    (folder / f"{model}-{label}.png").write_bytes(figure.png)
    (folder / f"{model}-{label}.txt").write_text(f"ALT: {figure.alt}\nCAPTION: {figure.caption}\n")
    image = pixels(figure.png)
    assert image.shape[0] > 300 and image.shape[1] > 700
    assert len(np.unique(image.reshape(-1, 3), axis=0)) > 20  # drawn, not blank
    assert len(figure.alt) > 80 and figure.caption.endswith(".")
    assert f'alt="{figure.alt[:30]}' in figure.html()


def test_three_positions_give_three_different_pictures_and_descriptions():
    for model in {case[0] for case in CASES}:
        cases = [c for c in CASES if c[0] == model]
        figures = [make().frame(state()) for _, _, make, state in cases]
        assert len({f.png for f in figures}) == 3, model
        assert len({f.alt for f in figures}) == 3, model


@pytest.mark.parametrize("make, first, second", [
    (drawing.AnkleDrawing, ankle.ankle_state(-40), ankle.ankle_state(18)),
    (drawing.KneeToWallDrawing, ankle.knee_to_wall(40, 25, 20), ankle.knee_to_wall(45, 50, 19)),
    (lambda: drawing.GaitDrawing(CURVE), (gait.instant(CURVE, 40, 5), gait.restriction(CURVE, 5)),
     (gait.instant(CURVE, 70), None)),
    (drawing.SubtalarDrawing, subtalar.subtalar_state(-30), subtalar.subtalar_state(12)),
    (drawing.WindlassDrawing, windlass.windlass_state(65), windlass.windlass_state(10)),
    (drawing.BigToeDrawing, (big_toe.big_toe_state(10), "measured"), (big_toe.big_toe_state(70, 65), "traditional")),
])
def test_a_reused_drawing_leaves_no_trace_of_earlier_frames(make, first, second):
    """Blitting redraws only the moving parts: after another frame the picture must equal a fresh drawing's."""
    reused = make()
    reused.frame(first)
    assert np.array_equal(pixels(reused.frame(second).png), pixels(make().frame(second).png))


def test_encode_png_is_lossless_and_valid():
    sketch = drawing.WindlassDrawing()
    figure = sketch.frame(windlass.windlass_state(40))
    canvas = np.asarray(sketch.fig.canvas.buffer_rgba())[:, :, :3]
    assert np.array_equal(pixels(figure.png), canvas)
    assert figure.png.startswith(b"\x89PNG\r\n\x1a\n")
    # Every chunk's CRC is right (a strict decoder would refuse the image otherwise).
    data, at = figure.png, 8
    while at < len(data):
        length = int.from_bytes(data[at:at + 4], "big")
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        assert int.from_bytes(data[at + 8 + length:at + 12 + length], "big") == zlib.crc32(kind + body)
        at += 12 + length
    assert kind == b"IEND"


def test_figure_functions_draw_from_the_numbers():
    assert "12° (dorsiflexion)" in drawing.ankle_figure(12).alt
    assert "8.3 cm" in drawing.knee_to_wall_figure(40, 45, 20).alt
    assert "40% (terminal stance)" in drawing.gait_figure(40, 5).alt and "bites" in drawing.gait_figure(40, 5).alt
    assert "15° in pronation" in drawing.subtalar_figure(15).alt
    assert "extended 50°" in drawing.windlass_figure(50).alt
    assert "available 30°" in drawing.big_toe_figure(30).alt
