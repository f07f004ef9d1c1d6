"""The wheel holds the package, the lessons and the assets, and works when installed for real."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
import zipfile
from pathlib import Path

import pytest

from tests.servers import free_port, wait_for

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
                   check=True, capture_output=True)
    return next(out.glob("groundup-*.whl"))


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        "groundup" + ("." + ".".join(p.parent.relative_to(REPO / "widgets").parts) if p.parent != REPO / "widgets" else "")
        for p in (REPO / "widgets").rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages"


def test_wheel_holds_package_lessons_and_assets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (REPO / "widgets").rglob("*.py"):
        assert "groundup/" + path.relative_to(REPO / "widgets").as_posix() in names
    for path in (REPO / "lessons").glob("*.ipynb"):
        assert f"groundup/lessons/{path.name}" in names
    for path in (REPO / "assets").rglob("*"):
        if path.is_file() and path.suffix in {".yaml", ".yml", ".csv", ".json", ".md", ".svg", ".css", ".ipynb"}:
            assert "groundup/assets/" + path.relative_to(REPO / "assets").as_posix() in names


def test_no_code_reads_files_relative_to_the_source_tree():
    for path in (REPO / "widgets").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert "../" not in node.value, f"{path}: use importlib.resources, not relative paths"


def test_installed_wheel_serves_the_lessons(wheel, tmp_path):
    venv = tmp_path / "venv"
    uv = [sys.executable, "-m", "uv"]
    subprocess.run([*uv, "venv", "-q", str(venv)], check=True)
    subprocess.run([*uv, "pip", "install", "-q", "--python", str(venv / "bin" / "python"), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    python = venv / "bin" / "python"
    where = subprocess.run([python, "-c", "import groundup, groundup.resources as r; print(groundup.__file__, r.lessons_dir())"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert str(venv) in where and str(REPO) not in where, where

    port, workspace = free_port(), tmp_path / "course"
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "jconfig"), HOME=str(tmp_path))
    process = subprocess.Popen(
        [venv / "bin" / "groundup", "lab", str(workspace), "--no-browser", "--port", str(port),
         "--", "--ServerApp.token=", "--ServerApp.ip=127.0.0.1", "--ServerApp.port_retries=0"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tmp_path,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/lab", timeout=90, process=process)
        import json
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/") as response:
            served = {item["name"] for item in json.load(response)["content"]}
        expected = {p.name for p in (REPO / "lessons").glob("*.ipynb")}
        assert expected <= served
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab/tree/00-start-here.ipynb") as response:
            assert response.status == 200
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0].decode(errors="replace")
    assert "Course workspace:" in output
