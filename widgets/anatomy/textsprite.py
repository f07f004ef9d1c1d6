"""Texts drawn from cached bitmaps: matplotlib lays out and renders each string once.

Rendering text glyph by glyph is most of the cost of a labelled diagram, and a
diagram draws the same labels again and again. A ``TextSprite`` renders its text
once per style with matplotlib's own ``Text`` (so it looks exactly the same) and
afterwards copies the cached bitmap into place. Pure matplotlib (Agg); no ipywidgets.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np


def _freeze(box: dict | None):
    return tuple(sorted(box.items())) if box else None


_SCRATCH: dict = {}  # dpi -> (figure, canvas, text): one off-screen canvas re-used for every new text
SCRATCH_PX = (1600, 480)


def _scratch(dpi: float):
    if dpi not in _SCRATCH:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.text import Text
        from matplotlib.transforms import IdentityTransform

        fig = Figure(figsize=(SCRATCH_PX[0] / dpi, SCRATCH_PX[1] / dpi), dpi=dpi)
        canvas = FigureCanvasAgg(fig)
        fig.patch.set_alpha(0)
        text = Text(SCRATCH_PX[0] // 2, SCRATCH_PX[1] // 2, "", transform=IdentityTransform())
        fig.add_artist(text)
        _SCRATCH[dpi] = (fig, canvas, text)
    return _SCRATCH[dpi]


@lru_cache(maxsize=4096)
def render(text: str, fontsize: float, fontweight: str, color, style: str, box, halo: bool, ha: str, va: str,
           linespacing: float, dpi: float):
    """(bitmap with its bottom row first, anchor x, anchor y) of a text, as matplotlib draws it.

    ``box``: the text's bbox properties as a tuple of (key, value) pairs, or None;
    ``halo``: a white outline around the letters (legible over hatching).
    """
    from matplotlib import patheffects
    from matplotlib.transforms import Bbox

    fig, canvas, artist = _scratch(dpi)
    artist.set_text(text)
    artist.set_fontsize(fontsize)
    artist.set_fontweight(fontweight)
    artist.set_color(color)
    artist.set_fontstyle(style)
    artist.set_linespacing(linespacing)
    artist.set_horizontalalignment(ha)
    artist.set_verticalalignment(va)
    artist.set_bbox(dict(box) if box else None)
    artist.set_path_effects([patheffects.withStroke(linewidth=2.2, foreground="white")] if halo else [])
    canvas.draw()
    renderer = canvas.get_renderer()
    extent = artist.get_window_extent(renderer)
    if box:
        extent = Bbox.union([extent, artist.get_bbox_patch().get_window_extent(renderer)])
    pixels = np.asarray(canvas.buffer_rgba())
    height, width = pixels.shape[:2]
    x0, y0 = max(int(np.floor(extent.x0)) - 3, 0), max(int(np.floor(extent.y0)) - 3, 0)
    x1, y1 = min(int(np.ceil(extent.x1)) + 3, width), min(int(np.ceil(extent.y1)) + 3, height)
    image = np.ascontiguousarray(pixels[height - y1:height - y0, x0:x1][::-1])  # draw_image wants bottom-up rows
    cx, cy = artist.get_position()
    return image, cx - x0, cy - y0


@lru_cache(maxsize=1)
def artist_class():
    """The ``TextSprite`` artist class (built on first use, so importing this module stays light)."""
    from matplotlib.artist import Artist

    class TextSprite(Artist):
        """A text at ``xy`` (in the artist's transform) whose look is set by plain attributes."""

        def __init__(self, xy, text, *, ha="left", va="center", fontsize=10.0, fontweight="normal", color="black",
                     style="normal", box=None, halo=False, linespacing=1.2, zorder=6, dpi=100):
            super().__init__()
            self.xy, self.text, self.ha, self.va = xy, text, ha, va
            self.fontsize, self.fontweight, self.color, self.style = fontsize, fontweight, color, style
            self.box, self.halo, self.linespacing, self.dpi = box, halo, linespacing, dpi
            self.set_zorder(zorder)

        def draw(self, renderer):
            if not self.get_visible() or not self.text:
                return
            image, ax, ay = render(self.text, self.fontsize, self.fontweight, self.color, self.style,
                                   _freeze(self.box), self.halo, self.ha, self.va, self.linespacing, self.dpi)
            x, y = self.get_transform().transform(self.xy)
            gc = renderer.new_gc()
            renderer.draw_image(gc, round(x - ax), round(y - ay), image)
            gc.restore()
            self.stale = False

    return TextSprite
