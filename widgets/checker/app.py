"""``groundup checker``: the symptom checker alone, as a Voila app on 127.0.0.1 (a clinic laptop, a projector).

Voila serves a temporary folder holding the checker's notebook (shipped in assets/checker/) and a copy of the
lessons, so the checker's lesson links open the lessons read-only in Voila too. Summaries the student saves go
to the folder ``groundup checker`` was started for (see :func:`groundup.checker.summary.notes_folder`), passed
to the kernels in ``GROUNDUP_NOTES_DIR``.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import webbrowser
from pathlib import Path

from groundup.errors import GroundUpError

APP_NOTEBOOK = "checker.ipynb"
HOST = "127.0.0.1"


def prepare_site(folder: Path) -> Path:
    """Put the checker notebook and the lessons into ``folder`` for Voila to serve."""
    from groundup.resources import asset_path, lessons, lessons_dir

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(asset_path("checker", APP_NOTEBOOK), folder / APP_NOTEBOOK)
    for lesson in lessons():
        shutil.copyfile(lessons_dir() / lesson.filename, folder / lesson.filename)
    return folder


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _check_port(port: int) -> None:
    if not 0 < port < 65536:
        raise GroundUpError(f"port {port} is not a port number (1-65535)")
    with socket.socket() as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            raise GroundUpError(f"port {port} is already in use; choose another with --port") from None


def voila_arguments(folder: Path, port: int) -> list[str]:
    return [
        sys.executable, "-m", "voila", str(folder), "--no-browser", f"--port={port}", f"--Voila.ip={HOST}",
        "--Voila.port_retries=0",
    ]


def app_url(port: int) -> str:
    return f"http://{HOST}:{port}/voila/render/{APP_NOTEBOOK}"


def _open_when_ready(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url.rsplit("/voila/", 1)[0] + "/voila/tree", timeout=2):
                webbrowser.open(url)
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)


def checker_command(args) -> int:
    from groundup.checker.summary import NOTES_ENV, notes_folder

    port = args.port if args.port is not None else _free_port()
    _check_port(port)
    notes = notes_folder().resolve()
    folder = Path(tempfile.mkdtemp(prefix="groundup-checker-"))
    try:
        prepare_site(folder)
        env = dict(os.environ, **{NOTES_ENV: str(notes)})
        url = app_url(port)
        print(f"Symptom checker: {url}")
        print(f"Summaries you save go to: {notes}")
        print("Stop it with Ctrl+C.", flush=True)
        try:
            process = subprocess.Popen(voila_arguments(folder, port) + list(args.extra), env=env, cwd=folder)
        except OSError as exc:
            raise GroundUpError(f"cannot start Voila ({exc.strerror}); reinstall the course (pip install . in its folder)") from None
        if not args.no_browser:
            threading.Thread(target=_open_when_ready, args=(url, process), daemon=True).start()
        previous = signal.signal(signal.SIGTERM, _stop)  # a plain `kill` stops Voila too
        try:
            return process.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            signal.signal(signal.SIGTERM, previous)
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stop(_signum, _frame):
    raise KeyboardInterrupt
