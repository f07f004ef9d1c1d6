"""The foot skeleton drawn from data: diagrams, label-the-diagram figures and the explorer.

Public names (each imported only when first used, so ``import groundup.anatomy``
stays light and never imports ipywidgets unless ``explorer`` is asked for):

* ``foot_diagram(view="dorsal", highlight=None, labels=True) -> groundup.figures.Figure``
* ``label_figure(view, highlight) -> groundup.figures.Figure`` (for label-the-diagram questions)
* ``bones()``, ``joints()``, ``structure(name)``: the catalogue of bones and joints
* ``explorer(focus=None)``: the widget (choose a bone or joint, see it highlighted)

Data: ``assets/anatomy/`` (geometry per view, and the catalogue); see its README.
"""

from importlib import import_module

_LAZY = {
    "foot_diagram": "groundup.anatomy.drawing:foot_diagram",
    "label_figure": "groundup.anatomy.drawing:label_figure",
    "bones": "groundup.anatomy.catalogue:bones",
    "joints": "groundup.anatomy.catalogue:joints",
    "structure": "groundup.anatomy.catalogue:structure",
    "explorer": "groundup.anatomy.view:explorer",
}

__all__ = list(_LAZY)


def __getattr__(name):
    try:
        target = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'groundup.anatomy' has no attribute {name!r}") from None
    module_name, _, attribute = target.partition(":")
    value = getattr(import_module(module_name), attribute)
    globals()[name] = value
    return value


def __dir__():
    return sorted(__all__)
