"""The course as a static website (``groundup site``): every lesson executed and rendered to HTML.

Widgets need a kernel, so while the site is built the notebook names resolve to static
fallbacks (``GROUNDUP_STATIC=1``): quizzes show their questions with the answers in
collapsible blocks, models show their figure at the default settings, and a note says
that interactivity needs JupyterLab.
"""
