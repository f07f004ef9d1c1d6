"""binder/ installs the course exactly as repo2docker would, and JupyterLab opens on 00-start-here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.servers import free_port, wait_for

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow
START = "/lab/tree/groundup-course/00-start-here.ipynb"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_binder_steps_install_the_course_and_open_start_here(tmp_path):
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    checkout = tmp_path / "repo"  # what repo2docker copies into the image: the committed files
    for name in tracked:
        if (REPO / name).is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, checkout / name)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = dict(os.environ, PATH=f"{venv / 'bin'}:{os.environ['PATH']}", HOME=str(tmp_path / "home"),
               JUPYTER_CONFIG_DIR=str(tmp_path / "home" / ".jupyter"))
    env.pop("GROUNDUP_HOME", None)
    env.pop("VIRTUAL_ENV", None)
    (tmp_path / "home").mkdir()
    build = subprocess.run(["bash", "binder/postBuild"], cwd=checkout, env=env, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]

    port = free_port()
    server = subprocess.Popen(
        [str(checkout / "binder" / "start"), "jupyter", "lab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.port_retries=0"],
        cwd=tmp_path / "home", env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/api/status", timeout=90, process=server)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            opener.open(base + "/")
            location = None
        except urllib.error.HTTPError as redirect:
            location = redirect.headers["Location"]
        assert location is not None and location.partition("?")[0].endswith(START), location
        with urllib.request.urlopen(base + START) as response:
            assert response.status == 200
        with urllib.request.urlopen(base + "/api/contents/groundup-course/00-start-here.ipynb?content=0") as response:
            assert response.status == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode(errors="replace")
    assert "Course workspace:" in output
    assert (tmp_path / "home" / "groundup-course" / ".groundup" / "manifest.json").exists()
