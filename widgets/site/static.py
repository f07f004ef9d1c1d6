"""Static stand-ins for the course's widgets, used when the site is built (``GROUNDUP_STATIC=1``)."""

from __future__ import annotations

import functools
import os

from groundup.textsafe import escape, inline_markdown, markdown_to_html

STATIC_ENV = "GROUNDUP_STATIC"
INTERACTIVE_NOTE = (
    "This is a still picture of an interactive part of the course, at its default settings. "
    "To move the sliders and answer the questions, open the course in JupyterLab (<code>groundup lab</code>)."
)


def enabled() -> bool:
    return os.environ.get(STATIC_ENV) == "1"


class StaticHTML:
    """What a notebook cell shows in the static site: plain HTML."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:  # the text/plain fallback: never an object address
        return "(interactive in JupyterLab)"


def static_version(name: str, function):
    """Wrap a notebook-facing function so that it returns static HTML instead of a widget."""
    if not callable(function) or isinstance(function, type) and not _is_widget_class(function):
        return function

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        if name == "setup":
            from groundup import style

            style.apply()
            return StaticHTML(
                '<p class="groundup-note">This is the static version of the course. '
                "Everything can be read here; to move the sliders and answer the quizzes, "
                "open the course in JupyterLab (<code>groundup lab</code>).</p>"
            )
        if name == "progress_location":
            return StaticHTML("<p>(In JupyterLab this cell shows the folder where your answers are saved.)</p>")
        result = function(*args, **kwargs)
        if not _is_widget(result):
            return result
        return StaticHTML(widget_to_html(result))

    return wrapper


def _is_widget_class(cls) -> bool:
    try:
        import ipywidgets

        return issubclass(cls, ipywidgets.Widget)
    except Exception:
        return False


def _is_widget(value) -> bool:
    try:
        import ipywidgets
    except ImportError:
        return False
    return isinstance(value, ipywidgets.Widget)


def widget_to_html(widget) -> str:
    """A widget tree as static HTML: texts and figures kept, controls shown with their values."""
    questions = getattr(widget, "questions", None)
    if questions is not None and hasattr(widget, "cards"):
        body = quiz_html(questions)
    else:
        body = "".join(_walk(widget))
    return (
        '<div class="groundup-static">'
        f"{body}"
        f'<p class="groundup-note">{INTERACTIVE_NOTE}</p>'
        "</div>"
    )


def _walk(widget):
    import ipywidgets as w

    if getattr(widget, "layout", None) is not None and getattr(widget.layout, "display", None) == "none":
        return
    if isinstance(widget, (w.HTML, w.HTMLMath)):
        if widget.value:
            yield f"<div>{widget.value}</div>"
    elif isinstance(widget, w.Label):
        if widget.value:
            yield f"<p>{escape(widget.value)}</p>"
    elif isinstance(widget, (w.Button, w.Output)):
        return
    elif isinstance(widget, w.Box):
        for child in widget.children:
            yield from _walk(child)
    elif hasattr(widget, "value") and getattr(widget, "description", None) is not None:
        label = widget.description or getattr(widget, "tooltip", "") or ""
        value = widget.value
        options = getattr(widget, "options", None)
        if options and hasattr(widget, "label") and widget.label is not None:
            value = widget.label
        shown = _format_value(value)
        yield f'<p class="groundup-control"><span>{escape(label)}</span> <strong>{escape(shown)}</strong></p>'


def _format_value(value) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_format_value(v) for v in value) or "none"
    return str(value)


def quiz_html(questions) -> str:
    """Every question with its choices, and the answer and explanation in a collapsible block."""
    parts = ['<ol class="groundup-quiz-static">']
    for question in questions:
        parts.append(f"<li><div>{markdown_to_html(question.prompt)}</div>")
        parts.append(_question_body(question))
        parts.append(
            "<details><summary>Show the answer</summary>"
            f"<p><strong>Answer:</strong> {_answer_text(question)}</p>"
            f"<div>{markdown_to_html(question.explanation)}</div>"
            f'<p class="groundup-source">Source: {inline_markdown(question.source)}</p>'
            "</details></li>"
        )
    parts.append("</ol>")
    return "".join(parts)


def _question_body(question) -> str:
    kind = question.type
    if kind == "label" and question.figure is not None:
        try:
            from groundup.quiz.providers import draw

            figure = draw(question.figure)
            figure_html = figure.html()
        except Exception as exc:  # a figure that cannot be drawn must not stop the site
            figure_html = f"<p>(figure not available: {escape(exc)})</p>"
    else:
        figure_html = ""
    if kind in ("single", "multiple", "label"):
        items = "".join(f"<li>{inline_markdown(c.text)}</li>" for c in question.choices)
        hint = "Choose all that apply." if kind == "multiple" else "Choose one."
        return f"{figure_html}<p><em>{hint}</em></p><ul>{items}</ul>"
    if kind == "truefalse":
        return "<p><em>True or false?</em></p>"
    if kind == "numeric":
        unit = f" (in {escape(question.unit)})" if question.unit else ""
        return f"<p><em>Give a number{unit}.</em></p>"
    if kind == "matching":
        lefts = "".join(f"<li>{inline_markdown(p.left)}</li>" for p in question.pairs)
        rights = ", ".join(inline_markdown(r) for r in sorted(question.right_options))
        return f"<p><em>Match each item with one of: {rights}.</em></p><ul>{lefts}</ul>"
    if kind == "ordering":
        items = "".join(f"<li>{inline_markdown(i)}</li>" for i in sorted(question.items))
        return f"<p><em>Put these in order.</em></p><ul>{items}</ul>"
    return ""


def _answer_text(question) -> str:
    kind = question.type
    if kind in ("single", "label"):
        return inline_markdown(question.choice(question.answer).text)
    if kind == "multiple":
        return "; ".join(inline_markdown(question.choice(c).text) for c in question.answer)
    if kind == "truefalse":
        return "True" if question.answer else "False"
    if kind == "numeric":
        tolerance = f" (± {question.tolerance:g})" if question.tolerance else ""
        unit = f" {escape(question.unit)}" if question.unit else ""
        return f"{question.answer:g}{unit}{tolerance}"
    if kind == "matching":
        return "; ".join(f"{inline_markdown(p.left)} → {inline_markdown(p.right)}" for p in question.pairs)
    if kind == "ordering":
        return " → ".join(inline_markdown(i) for i in question.items)
    return ""
