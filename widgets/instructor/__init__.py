"""The instructor's workflow without a server: assign a quiz, collect files, grade, export banks.

A massage school has laptops and an LMS, not a shared JupyterHub, so everything is plain files.
One idea per module:

``spec``          the assignment spec (YAML): schema, validation (``file:line: id: message``), and
                  picking questions by id or by seeded random draws from the course's and private banks
``release``       ``groundup assign``: the student release (``<id>.ipynb`` plus the sidecar
                  ``<id>.assignment.json``) and the assignment's content hash
``submission``    the submission file a student hands back: format, atomic save, load, submit rules
``student_view``  the assignment notebook's widget (the only module here that imports ipywidgets)
``grade``         ``groundup grade``: gradebook, item analysis, feedback files and the problems list
``report``        the self-contained report.html with its charts
``export``        ``groundup export``: banks to Moodle GIFT, Moodle XML and Canvas QTI 1.2
"""
