"""Turn matplotlib figures into accessible HTML: an image with alt text and a caption.

Pure rendering (no ipywidgets): views put the HTML into a value-bearing widget so
the figure updates in place and tests can read it.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """A drawn figure with the words that stand in for it."""

    png: bytes
    alt: str  # what the figure shows, for screen readers and the static site
    caption: str = ""  # the text takeaway shown under the figure

    def html(self) -> str:
        data = base64.b64encode(self.png).decode("ascii")
        caption = f"<figcaption>{html.escape(self.caption)}</figcaption>" if self.caption else ""
        return (
            f'<figure class="groundup-figure" style="margin:0">'
            f'<img src="data:image/png;base64,{data}" alt="{html.escape(self.alt, quote=True)}" '
            f'style="max-width:100%;height:auto">{caption}</figure>'
        )

    def _repr_html_(self) -> str:
        return self.html()


def render(fig, alt: str, caption: str = "", *, close: bool = True, dpi: int | None = None) -> Figure:
    """Render a matplotlib figure to PNG with its alt text (and close it unless asked not to)."""
    if not alt or not alt.strip():
        raise ValueError("every figure needs alt text")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    if close:
        import matplotlib.pyplot as plt

        plt.close(fig)
    return Figure(buffer.getvalue(), alt.strip(), caption.strip())


def new_figure(*args, **kwargs):
    """A matplotlib figure that is not tied to pyplot's global state (no double display)."""
    from matplotlib.figure import Figure as MplFigure

    return MplFigure(*args, **kwargs)
