"""The symptom checker: a red-flag screen first, then signs -> regions with reasons, next assessments,
lessons and techniques. Knowledge base (kb), pure reasoning (engine), HTML panels (panels), practice-notes
summary (summary), the widget (view) and the standalone Voila app (app).

Notebooks call ``gu.checker(case=None)``. Because this package is also named ``checker``, importing it makes
``groundup.checker`` this module; so the module itself is callable with the same signature, and
``gu.checker(...)`` opens the widget whichever was imported first.
"""

import sys
import types


class _CallableModule(types.ModuleType):
    def __call__(self, case=None):
        from groundup.checker.view import checker

        return checker(case=case)


sys.modules[__name__].__class__ = _CallableModule
