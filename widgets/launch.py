"""Start JupyterLab (``groundup lab``) on a student workspace."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from groundup.errors import GroundUpError
from groundup.workspace import STATE_DIRNAME, default_workspace, sync_workspace

START_PAGE = "00-start-here.ipynb"


def lab_arguments(workspace: Path, *, no_browser: bool, port: int | None, extra: list[str]) -> list[str]:
    args = [
        sys.executable, "-m", "jupyterlab",
        f"--ServerApp.root_dir={workspace}",
        f"--LabApp.default_url=/lab/tree/{START_PAGE}",
    ]
    if no_browser:
        args.append("--no-browser")
    if port:
        args.append(f"--port={port}")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in extra:
        args.append("--allow-root")  # JupyterLab refuses to start as root without it
    return args + list(extra)


def lab_command(args) -> int:
    workspace = Path(args.directory).expanduser() if args.directory else default_workspace()
    report = sync_workspace(workspace)
    for line in report.messages():
        print(line)
    if args.sync_only:
        return 0
    env = dict(os.environ, GROUNDUP_HOME=str(report.workspace / STATE_DIRNAME))
    command = lab_arguments(report.workspace, no_browser=args.no_browser, port=args.port, extra=args.extra)
    print("Starting JupyterLab; stop it with Ctrl+C.", flush=True)
    try:
        if os.name == "posix":  # become JupyterLab, so signals (Ctrl+C, SIGTERM) reach it directly
            os.chdir(report.workspace)
            os.execve(command[0], command, env)
            return 0  # reached only when execve is replaced in tests
        return subprocess.call(command, env=env, cwd=report.workspace)
    except (FileNotFoundError, PermissionError):
        raise GroundUpError("JupyterLab is not installed; reinstall the course (pip install . in its folder)") from None
    except KeyboardInterrupt:
        return 0
