"""Question banks and self-quizzes.

One idea per module: ``bank`` (the YAML schema, loading and validation),
``graders`` (one grader per question type), ``selection`` (picking and stable
shuffling), ``providers`` (figures for label-the-diagram questions), ``store``
(the SQLite answer store), ``progress`` (mastery and Leitner review), ``chart``
(the progress figure), ``view`` (the widgets), ``jupyterquiz`` (the converter)
and ``commands`` (the ``groundup validate`` and ``groundup import-jupyterquiz``
subcommands). Only ``view`` imports ipywidgets.
"""
