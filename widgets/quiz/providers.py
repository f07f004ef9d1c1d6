"""Figures for label-the-diagram questions, drawn by a named provider.

A question names its figure as ``figure: {provider: anatomy, view: dorsal, highlight: talus}``.
The provider is looked up here and imported only when a figure is drawn, so
validating a bank never imports the drawing code (and a provider still being
built elsewhere does not break validation). Pure logic: no ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Callable

from groundup.errors import GroundUpError


@dataclass(frozen=True)
class Provider:
    """Where a figure provider lives and which parameters a question must give it."""

    target: str | Callable  # "module:function", or the function itself (tests)
    params: tuple[str, ...]  # required parameters, all text
    allowed: dict = field(default_factory=dict)  # parameter -> the values it may take (checked by validation)


# name -> provider. The anatomy diagrams: label_figure(view, highlight) -> groundup.figures.Figure,
# drawn without labels and with the highlighted bone or joint marked.
PROVIDERS: dict[str, Provider] = {
    "anatomy": Provider("groundup.anatomy:label_figure", ("view", "highlight"), {"view": ("dorsal", "medial")}),
}


class FigureUnavailable(GroundUpError):
    """A figure could not be drawn; the message says why in words a student can pass on."""


def register_provider(name: str, target: str | Callable, params=("view", "highlight"), allowed=None) -> None:
    """Add (or replace) a figure provider, e.g. a fake one in tests."""
    PROVIDERS[name] = Provider(target, tuple(params), dict(allowed or {}))


def unregister_provider(name: str) -> None:
    PROVIDERS.pop(name, None)


def _function(provider: Provider) -> Callable:
    if callable(provider.target):
        return provider.target
    module_name, _, attribute = provider.target.partition(":")
    return getattr(import_module(module_name), attribute)


def draw(spec):
    """Draw the figure of a label question (a ``bank.FigureSpec``); raises FigureUnavailable."""
    from groundup.figures import Figure

    provider = PROVIDERS.get(spec.provider)
    if provider is None:
        raise FigureUnavailable(f"the figure provider {spec.provider!r} is not known")
    where = provider.target if isinstance(provider.target, str) else getattr(provider.target, "__name__", "?")
    try:
        function = _function(provider)
    except Exception as exc:  # ImportError, AttributeError, or an error while importing the module
        raise FigureUnavailable(
            f"the {spec.provider} diagrams are not installed yet ({where} cannot be imported: {exc})"
        ) from None
    try:
        figure = function(**spec.kwargs())
    except Exception as exc:
        raise FigureUnavailable(f"the {spec.provider} diagram could not be drawn ({type(exc).__name__}: {exc})") from None
    if not isinstance(figure, Figure):
        raise FigureUnavailable(f"{where} returned {type(figure).__name__}, not a groundup.figures.Figure")
    return figure
