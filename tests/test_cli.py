import subprocess
import sys

import pytest

from groundup import __version__
from groundup.cli import main
from groundup.launch import lab_arguments


def run(*args):
    return subprocess.run([sys.executable, "-m", "groundup", *args], capture_output=True, text=True, timeout=60)


def test_version_and_help():
    assert run("--version").stdout.strip() == f"groundup {__version__}"
    result = run("--help")
    assert result.returncode == 0 and "lab" in result.stdout


def test_unknown_command_is_one_line_and_exit_2():
    result = run("frobnicate")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("groundup: error:")


def test_version_does_not_import_heavy_libraries():
    code = "import sys; from groundup.cli import main; main(['--help']) if False else None; " \
           "import groundup; print(sorted(m for m in ('jupyterlab','ipywidgets','matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip()
    assert out == "[]"


def test_lab_sync_only_creates_the_workspace(tmp_path, capsys):
    assert main(["lab", str(tmp_path / "ws"), "--sync-only"]) == 0
    assert (tmp_path / "ws" / "00-start-here.ipynb").exists()
    assert "Course workspace:" in capsys.readouterr().out


def test_lab_workspace_error_is_one_line(tmp_path, capsys):
    (tmp_path / "f").write_text("x")
    assert main(["lab", str(tmp_path / "f"), "--sync-only"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("groundup: error:") and err.count("\n") == 1


def test_lab_arguments_pass_extras_and_allow_root(tmp_path, monkeypatch):
    monkeypatch.setattr("os.geteuid", lambda: 0)
    args = lab_arguments(tmp_path, no_browser=True, port=8899, extra=["--ServerApp.token=abc"])
    assert "--allow-root" in args and "--no-browser" in args and "--port=8899" in args
    assert args[-1] == "--ServerApp.token=abc"
    assert f"--ServerApp.root_dir={tmp_path}" in args


def test_extra_arguments_after_double_dash_reach_jupyterlab(tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setattr("os.execve", lambda exe, cmd, env: seen.update(cmd=cmd, env=env))
    monkeypatch.setattr("os.chdir", lambda path: None)
    assert main(["lab", str(tmp_path), "--no-browser", "--", "--ServerApp.port_retries=0"]) == 0
    assert seen["cmd"][-1] == "--ServerApp.port_retries=0"
    assert seen["env"]["GROUNDUP_HOME"] == str(tmp_path.resolve() / ".groundup")


@pytest.mark.parametrize("bad", [["lab", "--port", "many"], ["lab", "a", "b"]])
def test_bad_arguments_exit_2(bad, capsys):
    with pytest.raises(SystemExit) as exc:
        main(bad)
    assert exc.value.code == 2


def test_every_notebook_name_resolves_and_none_is_shadowed_by_a_subpackage():
    import groundup

    for name in groundup._LAZY:
        value = getattr(groundup, name)
        assert callable(value), name
    import groundup.lessons  # noqa: F401  (a subpackage import must not replace a notebook name)
    for name in groundup._LAZY:
        assert callable(getattr(groundup, name)), name
