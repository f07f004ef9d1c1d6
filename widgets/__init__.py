"""Ground Up: an interactive course on how the foot and ankle move.

Notebooks use the names below; each is imported only when first used, so
``import groundup`` stays light (no jupyterlab, ipywidgets or matplotlib).
"""

from importlib import import_module
from os import environ as _environ

__version__ = "0.1.0"

# name -> "module:attribute", resolved on first use.
_LAZY = {
    "setup": "groundup.views:setup",
    "practice_slider": "groundup.views:practice_slider",
    "progress_location": "groundup.views:progress_location",
    "fpi_scorer": "groundup.assessments.fpi_view:fpi_scorer",
    # Joint models (groundup.models): each returns a widget with a slider, a figure and a readout.
    "ankle_model": "groundup.models.view:ankle_model",
    "knee_to_wall": "groundup.models.view:knee_to_wall",
    "gait_model": "groundup.models.view:gait_model",
    "subtalar_model": "groundup.models.view:subtalar_model",
    "windlass_model": "groundup.models.view:windlass_model",
    "big_toe_model": "groundup.models.view:big_toe_model",
    "foot_diagram": "groundup.anatomy.drawing:foot_diagram",
    "explorer": "groundup.anatomy.view:explorer",
    "Quiz": "groundup.quiz.view:Quiz",
    "progress": "groundup.quiz.view:progress",
    "review": "groundup.quiz.view:review",
    "reset_progress": "groundup.quiz.view:reset_progress",
    # The symptom checker (groundup.checker): gu.checker(case=None).
    "checker": "groundup.checker.view:checker",
    "assignment": "groundup.instructor.student_view:assignment",
    "single_leg_stance": "groundup.assessments.balance_view:single_leg_stance",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name):
    try:
        target = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'groundup' has no attribute {name!r}") from None
    module_name, _, attribute = target.partition(":")
    value = getattr(import_module(module_name), attribute)
    if _environ.get("GROUNDUP_STATIC") == "1":  # building the static site: widgets become still pictures
        from groundup.site.static import static_version

        value = static_version(name, value)
    globals()[name] = value
    return value


def __dir__():
    return sorted(__all__)
