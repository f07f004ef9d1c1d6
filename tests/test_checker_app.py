"""`groundup checker`: the symptom checker alone as a Voila app on loopback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from groundup.checker.app import APP_NOTEBOOK, app_url, prepare_site, voila_arguments
from groundup.cli import main
from groundup.resources import asset_path, lessons
from tests.servers import free_port, wait_for


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "groundup", *args], capture_output=True, text=True, timeout=60, **kwargs)


def test_help_lists_the_checker_and_its_options():
    assert "checker" in run("--help").stdout
    out = run("checker", "--help").stdout
    assert "--port" in out and "--no-browser" in out and "Voila" in out


def test_the_app_notebook_calls_the_checker_and_ships_stripped():
    nb = json.loads(asset_path("checker", APP_NOTEBOOK).read_text(encoding="utf-8"))
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert code == ["import groundup as gu\ngu.checker()"]
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb["cells"] if c["cell_type"] == "code")


def test_the_site_holds_the_checker_and_the_lessons(tmp_path):
    prepare_site(tmp_path / "site")
    names = {p.name for p in (tmp_path / "site").iterdir()}
    assert names == {APP_NOTEBOOK} | {lesson.filename for lesson in lessons()}


def test_voila_listens_on_loopback_only_and_never_moves_port(tmp_path):
    args = voila_arguments(tmp_path, 8123)
    assert "--Voila.ip=127.0.0.1" in args and "--port=8123" in args and "--Voila.port_retries=0" in args
    assert "--no-browser" in args
    assert app_url(8123) == "http://127.0.0.1:8123/voila/render/checker.ipynb"


def test_a_port_in_use_is_one_line_and_exit_2(capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert main(["checker", "--no-browser", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("groundup: error: port") and "already in use" in err and err.count("\n") == 1


def test_it_serves_the_checker_prints_the_url_and_stops_cleanly(tmp_path):
    port = free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "jconfig"))
    env.pop("GROUNDUP_NOTES_DIR", None)
    env["GROUNDUP_HOME"] = str(tmp_path / "state")  # not a workspace: summaries go to the current folder
    process = subprocess.Popen([sys.executable, "-m", "groundup", "checker", "--no-browser", "--port", str(port)],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        first, second = process.stdout.readline().strip(), process.stdout.readline().strip()
        url = f"http://127.0.0.1:{port}/voila/render/checker.ipynb"
        assert first == f"Symptom checker: {url}"
        assert second == f"Summaries you save go to: {tmp_path.resolve()}"
        wait_for(f"http://127.0.0.1:{port}/voila/tree", timeout=90, process=process)
        with urllib.request.urlopen(url, timeout=120) as response:
            page = response.read().decode("utf-8")
        assert "application/vnd.jupyter.widget-view+json" in page  # the checker widget was rendered
        assert "Traceback" not in page
        sites = [p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("groundup-checker-*")
                 if (p / APP_NOTEBOOK).exists()]
        assert sites
    finally:
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=60)[0]
    assert process.returncode is not None
    time.sleep(0.5)
    try:  # Voila is gone: nothing listens on the port any more
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        raise AssertionError(f"something still listens on port {port}")
    except ConnectionRefusedError:
        pass
    assert not [s for s in sites if s.exists()], "the temporary site was left behind"
    assert "Traceback" not in output
