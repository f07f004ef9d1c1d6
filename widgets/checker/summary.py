"""The practice-notes summary: what the student ticked and typed, as Markdown (saved) and HTML (shown).

It holds only what the student ticked (the red-flag checkboxes and signs, with follow-up answers) or typed (a
client code and notes): nothing the checker worked out, no date, no names the student did not type. The HTML
escapes everything; typed notes are rendered as Markdown with any HTML shown as text.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from groundup.checker.engine import Findings
from groundup.checker.kb import KnowledgeBase
from groundup.textsafe import escape, markdown_to_html

TITLE = "Practice notes: foot and ankle screen"
NOTES_ENV = "GROUNDUP_NOTES_DIR"  # set by `groundup checker` for its kernels


def _ticked(findings: Findings, kb: KnowledgeBase):
    """(flag lines, sign lines) in screen order, as plain text."""
    flags = [item.label for item in kb.flag_items() if item.id in findings.red_flags]
    answers = findings.answer
    signs = []
    for sign in kb.signs:
        if sign.id not in findings.signs:
            continue
        option = sign.follow_up.option(answers.get(sign.id, "")) if sign.follow_up else None
        if sign.follow_up:
            answer = option.label if option else "not answered yet"
            signs.append(f"{sign.label} ({sign.follow_up.question} {answer})")
        else:
            signs.append(sign.label)
    return flags, signs


def summary_markdown(findings: Findings, kb: KnowledgeBase, client: str = "", notes: str = "") -> str:
    flags, signs = _ticked(findings, kb)
    lines = [f"# {TITLE}", ""]
    if client.strip():
        lines += [f"Client: {' '.join(client.split())}", ""]
    lines += ["## Step 1: safety screen, ticked", ""]
    lines += [f"- [x] {text}" for text in flags] or ["- (nothing ticked)"]
    lines += ["", "## Step 2: signs, ticked", ""]
    lines += [f"- [x] {text}" for text in signs] or ["- (nothing ticked)"]
    if notes.strip():
        lines += ["", "## My notes", "", notes.strip()]
    return "\n".join(lines) + "\n"


def summary_html(findings: Findings, kb: KnowledgeBase, client: str = "", notes: str = "") -> str:
    flags, signs = _ticked(findings, kb)

    def items(texts):
        return "".join(f"<li>☑ {escape(t)}</li>" for t in texts) or "<li>(nothing ticked)</li>"

    client_line = f"<p>Client: {escape(' '.join(client.split()))}</p>" if client.strip() else ""
    notes_part = f"<h4>My notes</h4>{markdown_to_html(notes.strip())}" if notes.strip() else ""
    return (f'<div class="gu-summary"><h4>{escape(TITLE)}</h4>{client_line}'
            f"<h4>Step 1: safety screen, ticked</h4><ul>{items(flags)}</ul>"
            f"<h4>Step 2: signs, ticked</h4><ul>{items(signs)}</ul>{notes_part}</div>")


def notes_folder() -> Path:
    """Where summaries are saved: the student's workspace folder when there is one, otherwise here.

    ``GROUNDUP_NOTES_DIR`` (set by ``groundup checker``) wins; then the parent of ``state_dir()`` when that is a
    workspace's ``.groundup`` folder (``groundup lab`` sets it up so); otherwise the current folder.
    """
    from groundup.workspace import MANIFEST, STATE_DIRNAME, state_dir

    env = os.environ.get(NOTES_ENV)
    if env:
        return Path(env).expanduser()
    state = state_dir()
    if state.name == STATE_DIRNAME and (state / MANIFEST).is_file():
        return state.parent
    return Path.cwd()


def save_summary(markdown: str, folder: Path | None = None, now: datetime | None = None) -> Path:
    """Write the summary atomically as checker-notes-YYYY-MM-DD-HHMMSS.md (never over an earlier one)."""
    from groundup.workspace import atomic_write_text

    folder = Path(folder) if folder is not None else notes_folder()
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    path = folder / f"checker-notes-{stamp}.md"
    n = 2
    while path.exists():
        path = folder / f"checker-notes-{stamp}-{n}.md"
        n += 1
    atomic_write_text(path, markdown)
    return path
