"""Test-wide setup: progress written by notebooks under test goes to a temporary folder."""

import os
import tempfile

# Set before any kernel starts so nbval's kernels (and the browser tests' JupyterLab) inherit it.
os.environ["GROUNDUP_HOME"] = tempfile.mkdtemp(prefix="groundup-test-home-")
os.environ.setdefault("MPLBACKEND", "Agg")

collect_ignore_glob = ["artifacts/*", "build/*", ".venv/*", "tests/data/*"]
