"""Render course-authored or student-typed Markdown to HTML safely (any HTML is escaped)."""

from __future__ import annotations

import html
from functools import lru_cache


@lru_cache(maxsize=1)
def _markdown():
    import mistune

    return mistune.create_markdown(escape=True, plugins=["strikethrough", "table"])


def markdown_to_html(text: str) -> str:
    """Markdown to HTML; raw HTML in the text is shown as text, never interpreted."""
    rendered = _markdown()(text or "")
    return rendered.strip()


def inline_markdown(text: str) -> str:
    """Markdown for one line (no surrounding paragraph)."""
    out = markdown_to_html(text)
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def escape(text: str) -> str:
    return html.escape(str(text), quote=True)
