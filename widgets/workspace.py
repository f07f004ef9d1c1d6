"""The student's workspace: a folder with the lessons and the student's progress.

Layout::

    <workspace>/                  default ~/groundup-course (or GROUNDUP_WORKSPACE)
        00-start-here.ipynb ...   the lessons, copied from the installed course
        .groundup/
            manifest.json         which version of each lesson was copied
            progress.sqlite       quiz answers and progress (groundup.quiz)

A lesson counts as *changed by the student* when its cell sources differ from
the version the course copied; running cells (outputs) does not count. Changed
lessons are never overwritten: the new version is written beside them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from groundup.errors import GroundUpError

STATE_DIRNAME = ".groundup"
MANIFEST = "manifest.json"
UPDATED_SUFFIX = ".updated"


def default_workspace() -> Path:
    env = os.environ.get("GROUNDUP_WORKSPACE")
    return Path(env).expanduser() if env else Path.home() / "groundup-course"


def state_dir(start: Path | None = None) -> Path:
    """Where progress is kept.

    ``GROUNDUP_HOME`` wins; otherwise the ``.groundup`` folder of the workspace
    that holds the current folder (``groundup lab`` sets ``GROUNDUP_HOME`` for
    its kernels); otherwise ``~/.groundup``.
    """
    env = os.environ.get("GROUNDUP_HOME")
    if env:
        return Path(env).expanduser()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / STATE_DIRNAME / MANIFEST).is_file():
            return folder / STATE_DIRNAME
    return Path.home() / STATE_DIRNAME


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _new_file_mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _new_file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def content_hash(path: Path) -> str:
    """Hash of what a student can change: cell types and sources for notebooks, bytes otherwise."""
    data = path.read_bytes()
    if path.suffix == ".ipynb":
        try:
            cells = json.loads(data).get("cells", [])
            data = json.dumps(
                [(c.get("cell_type"), "".join(c.get("source", ""))) for c in cells], ensure_ascii=False
            ).encode("utf-8")
        except (ValueError, AttributeError, TypeError):
            pass  # an unreadable notebook hashes as bytes: it counts as changed
    return hashlib.sha256(data).hexdigest()


@dataclass
class SyncReport:
    workspace: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (student's file, new version beside it)

    def messages(self) -> list[str]:
        lines = [
            f"Kept your edited {mine}; the updated lesson is beside it as {new}."
            for mine, new in self.kept
        ]
        total = len(self.added) + len(self.updated) + len(self.unchanged) + len(self.kept)
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated"]
        if self.kept:
            parts.append(f"{len(self.kept)} kept with your edits")
        noun = "lesson" if total == 1 else "lessons"
        lines.append(f"Course workspace: {self.workspace} ({total} {noun}: {', '.join(parts)}).")
        return lines


def _course_files() -> list[Path]:
    from groundup.resources import LESSON_NAME, lessons_dir

    return sorted(p for p in lessons_dir().iterdir() if LESSON_NAME.match(p.name))


def sync_workspace(workspace: Path | None = None) -> SyncReport:
    """Create or update a workspace with the course's lessons; never overwrite a student's edits."""
    workspace = (workspace or default_workspace()).expanduser().resolve()
    if workspace.exists() and not workspace.is_dir():
        raise GroundUpError(f"{workspace} is a file, not a folder; choose another workspace folder")
    try:
        (workspace / STATE_DIRNAME).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GroundUpError(f"cannot create the workspace {workspace}: {exc.strerror}") from None
    manifest_path = workspace / STATE_DIRNAME / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    except ValueError:
        manifest = {}  # a damaged manifest: every differing lesson is treated as the student's
    installed = manifest.get("lessons", {}) if isinstance(manifest, dict) else {}

    from groundup import __version__

    report = SyncReport(workspace)
    for source in _course_files():
        target = workspace / source.name
        new_hash = content_hash(source)
        if not target.exists():
            atomic_write_bytes(target, source.read_bytes())
            report.added.append(source.name)
        else:
            current = content_hash(target)
            if current == new_hash:
                report.unchanged.append(source.name)
            elif installed.get(source.name) == current:
                atomic_write_bytes(target, source.read_bytes())
                report.updated.append(source.name)
            else:
                beside = target.with_name(target.stem + UPDATED_SUFFIX + target.suffix)
                atomic_write_bytes(beside, source.read_bytes())
                report.kept.append((source.name, beside.name))
                continue  # the manifest keeps the version the student's copy came from
        installed[source.name] = new_hash
    atomic_write_text(
        manifest_path,
        json.dumps({"course_version": __version__, "lessons": installed}, indent=2, sort_keys=True) + "\n",
    )
    return report
