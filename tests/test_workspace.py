import json

import pytest

from groundup import workspace as ws
from groundup.errors import GroundUpError
from groundup.resources import lessons_dir


def course_names():
    return sorted(p.name for p in lessons_dir().glob("*.ipynb"))


def edit_source(path, text):
    nb = json.loads(path.read_text())
    nb["cells"][0]["source"] = text
    path.write_text(json.dumps(nb))


def run_outputs(path):
    """What running cells does to a notebook: outputs and counts, not sources."""
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["execution_count"] = 7
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "ran"}]
    path.write_text(json.dumps(nb))


def test_first_sync_copies_every_lesson(tmp_path):
    report = ws.sync_workspace(tmp_path / "course")
    assert sorted(report.added) == course_names()
    assert sorted(p.name for p in (tmp_path / "course").glob("*.ipynb")) == course_names()
    manifest = json.loads((tmp_path / "course" / ".groundup" / "manifest.json").read_text())
    assert sorted(manifest["lessons"]) == course_names()


def test_second_sync_changes_nothing(tmp_path):
    ws.sync_workspace(tmp_path)
    report = ws.sync_workspace(tmp_path)
    assert report.added == report.updated == report.kept == []
    assert sorted(report.unchanged) == course_names()


def test_running_cells_is_not_an_edit(tmp_path, monkeypatch):
    ws.sync_workspace(tmp_path)
    lesson = tmp_path / "00-start-here.ipynb"
    run_outputs(lesson)
    monkeypatch.setattr(ws, "content_hash", _pretend_course_changed(ws.content_hash))
    report = ws.sync_workspace(tmp_path)
    assert "00-start-here.ipynb" in report.updated
    assert not (tmp_path / "00-start-here.updated.ipynb").exists()


def _pretend_course_changed(real):
    """Make the packaged lessons look like a new course version."""
    def fake(path):
        h = real(path)
        return "new-" + h if str(path).startswith(str(lessons_dir())) else h
    return fake


def test_an_edited_lesson_is_kept_and_the_update_goes_beside_it(tmp_path, monkeypatch, capsys):
    ws.sync_workspace(tmp_path)
    lesson = tmp_path / "00-start-here.ipynb"
    edit_source(lesson, "# My own notes")
    mine = lesson.read_bytes()
    monkeypatch.setattr(ws, "content_hash", _pretend_course_changed(ws.content_hash))
    report = ws.sync_workspace(tmp_path)
    assert lesson.read_bytes() == mine
    beside = tmp_path / "00-start-here.updated.ipynb"
    assert beside.read_bytes() == (lessons_dir() / "00-start-here.ipynb").read_bytes()
    assert report.kept == [("00-start-here.ipynb", "00-start-here.updated.ipynb")]
    assert report.messages()[0] == (
        "Kept your edited 00-start-here.ipynb; the updated lesson is beside it as 00-start-here.updated.ipynb."
    )


def test_an_edit_without_a_course_update_is_left_alone(tmp_path):
    ws.sync_workspace(tmp_path)
    edit_source(tmp_path / "00-start-here.ipynb", "# mine")
    report = ws.sync_workspace(tmp_path)
    # The course did not change, but the file differs from it: still the student's, still kept.
    assert (tmp_path / "00-start-here.ipynb").read_text().count("# mine") == 1
    assert report.updated == []


def test_a_file_in_the_way_is_one_clear_error(tmp_path):
    blocker = tmp_path / "course"
    blocker.write_text("not a folder")
    with pytest.raises(GroundUpError, match="is a file, not a folder"):
        ws.sync_workspace(blocker)


def test_state_dir_prefers_env_then_workspace_then_home(tmp_path, monkeypatch):
    monkeypatch.setenv("GROUNDUP_HOME", str(tmp_path / "custom"))
    assert ws.state_dir() == tmp_path / "custom"
    monkeypatch.delenv("GROUNDUP_HOME")
    ws.sync_workspace(tmp_path / "course")
    (tmp_path / "course" / "notes").mkdir()
    assert ws.state_dir(tmp_path / "course" / "notes") == (tmp_path / "course" / ".groundup").resolve()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert ws.state_dir(tmp_path / "elsewhere") == tmp_path / "home" / ".groundup"


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "a.json"
    ws.atomic_write_text(target, "one")
    ws.atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_atomic_write_gives_normal_permissions_and_keeps_existing_ones(tmp_path):
    import os
    import stat

    new = tmp_path / "new.txt"
    ws.atomic_write_text(new, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask
    new.chmod(0o600)
    ws.atomic_write_text(new, "y")
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
