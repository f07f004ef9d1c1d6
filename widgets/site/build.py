"""Build the static course website: execute every lesson, render it to HTML, link the pages."""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from groundup.errors import GroundUpError
from groundup.resources import LESSON_NAME, asset_path, lessons, lessons_dir
from groundup.site.static import STATIC_ENV
from groundup.workspace import atomic_write_text

LESSON_HREF = re.compile(r'href="((\d\d-[a-z0-9-]+)\.ipynb)(#[^"]*)?"')
IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
ALT = re.compile(r'\balt\s*=\s*"([^"]*)"', re.I)
OUTSIDE_SOURCE = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*"(?:https?:)?//', re.I)


@dataclass
class SiteReport:
    out: Path
    pages: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def messages(self) -> list[str]:
        pages = f"{len(self.pages)} lesson page{'' if len(self.pages) == 1 else 's'}"
        return [f"Built {pages} and index.html in {self.out} ({self.seconds:.0f} s).",
                f"Open {self.out / 'index.html'} in a browser, or serve the folder with any web server."]


@contextmanager
def _static_environment(home: Path):
    saved = {k: os.environ.get(k) for k in (STATIC_ENV, "GROUNDUP_HOME", "MPLBACKEND")}
    os.environ.update({STATIC_ENV: "1", "GROUNDUP_HOME": str(home), "MPLBACKEND": "Agg"})
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def execute(path: Path, workdir: Path, timeout: int = 300):
    """Run a lesson in a fresh kernel with the static fallbacks on; raise on the first failing cell."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        name = str(exc).strip().splitlines()[-1] if str(exc).strip() else "an error"
        raise GroundUpError(f"{path.name}: a cell failed while building the site ({name})") from None
    return notebook


def render_body(notebook) -> str:
    """The notebook's cells as HTML (code hidden, outputs shown), with lesson links pointing to pages."""
    from nbconvert import HTMLExporter

    notebook.metadata.pop("widgets", None)  # live widget state: the page shows static stand-ins instead
    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(notebook)
    body = unique_heading_ids(body)
    return LESSON_HREF.sub(lambda m: f'href="{m.group(2)}.html{m.group(3) or ""}"', body)


HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)</h\1>', re.S)
ELEMENT_ID = re.compile(r'\sid="([^"]+)"')


def unique_heading_ids(body: str) -> str:
    """Every lesson has several 'Try it' headings: the second becomes Try-it-2, and its anchor link with it."""
    seen: dict[str, int] = {}

    def rename(match):
        level, anchor, inner = match.groups()
        seen[anchor] = seen.get(anchor, 0) + 1
        if seen[anchor] == 1:
            return match.group(0)
        new = f"{anchor}-{seen[anchor]}"
        return f'<h{level} id="{new}">' + inner.replace(f'href="#{anchor}"', f'href="#{new}"') + f"</h{level}>"

    return HEADING.sub(rename, body)


def page_problems(name: str, body: str) -> list[str]:
    problems = []
    for tag in IMG_TAG.findall(body):
        alt = ALT.search(tag)
        if not alt or not alt.group(1).strip():
            problems.append(f"{name}: an image has no alt text ({tag[:80]}...)")
    ids = ELEMENT_ID.findall(body)
    for repeated in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"{name}: the id {repeated!r} is used more than once (its links would all go to the first)")
    for match in OUTSIDE_SOURCE.finditer(body):
        problems.append(f"{name}: loads something from outside the site ({match.group(0)[:80]}...)")
    return problems


def _page(title: str, body: str, nav: str) -> str:
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)} · Ground Up</title>\n"
        '<link rel="stylesheet" href="course.css">\n</head>\n<body>\n'
        '<a class="skip-link" href="#main">Skip to the content</a>\n'
        f'<header><nav aria-label="Course">{nav}</nav></header>\n'
        f'<main id="main">\n{body}\n</main>\n'
        "<footer><p>Ground Up. Lesson text and figures: CC BY 4.0; code: MIT. "
        "Interactive version: install the course (see its README), then run <code>groundup lab</code>.</p></footer>\n"
        "</body>\n</html>\n"
    )


def _nav(index: int, pages: list[tuple[str, str]]) -> str:
    links = ['<a href="index.html">Ground Up: all lessons</a>']
    if index > 0:
        links.append(f'<a href="{pages[index - 1][0]}" rel="prev">← {html.escape(pages[index - 1][1])}</a>')
    if index + 1 < len(pages):
        links.append(f'<a href="{pages[index + 1][0]}" rel="next">{html.escape(pages[index + 1][1])} →</a>')
    return " ".join(links)


def _index(items: list[tuple[str, str, str]]) -> str:
    rows = "".join(
        f'<li><a href="{href}">{html.escape(title)}</a>{f" <span>({html.escape(time_)})</span>" if time_ else ""}</li>'
        for href, title, time_ in items
    )
    return (
        "<h1>Ground Up: how the foot and ankle move</h1>\n"
        "<p>A course for massage-therapy students: the ankle, the tarsals, the metatarsal arch and the toes, "
        "then assessment with a symptom checker. This is the static version of the course: every lesson can be "
        "read here. Sliders and quizzes need JupyterLab (install the course, then "
        "<code>groundup lab</code>).</p>\n"
        "<p>Massage therapists do not diagnose: a red flag always means referral.</p>\n"
        f'<h2>Lessons, in course order</h2>\n<ul class="lesson-list">{rows}</ul>\n'
    )


def _estimated_time(path: Path) -> str:
    match = re.search(r"Estimated time:\s*([^*\n.]+)", path.read_text(encoding="utf-8"))
    return match.group(1).strip().rstrip("\\n\",") if match else ""


def build_site(out: Path, *, progress=print) -> SiteReport:
    """Execute every lesson with static fallbacks and write the website to ``out``."""
    start = time.perf_counter()
    out = Path(out).expanduser().resolve()
    if out.exists() and not out.is_dir():
        raise GroundUpError(f"{out} is a file; choose a folder for the site")
    course = lessons()
    if not course:
        raise GroundUpError("no lessons found in the installed course")
    work = Path(tempfile.mkdtemp(prefix="groundup-site-"))
    staging = work / "site"
    staging.mkdir()
    pages = [(f"{lesson.key}.html", lesson.title) for lesson in course]
    problems: list[str] = []
    try:
        with _static_environment(work / "home"):
            for number, lesson in enumerate(course):
                progress(f"Running {lesson.filename} ...")
                source = lessons_dir() / lesson.filename
                shutil.copy(source, work / lesson.filename)
                notebook = execute(work / lesson.filename, work)
                body = render_body(notebook)
                problems += page_problems(pages[number][0], body)
                atomic_write_text(staging / pages[number][0], _page(lesson.title, body, _nav(number, pages)))
        index = _index([(href, title, _estimated_time(lessons_dir() / lesson.filename))
                        for (href, title), lesson in zip(pages, course)])
        atomic_write_text(staging / "index.html", _page("All lessons", index, '<a href="index.html">Ground Up</a>'))
        shutil.copy(asset_path("site", "course.css"), staging / "course.css")
        if problems:
            raise GroundUpError("; ".join(problems))
        if out.exists():
            for child in out.iterdir():  # replace only what a previous build wrote
                if child.name.endswith(".html") or child.name == "course.css":
                    child.unlink()
        out.mkdir(parents=True, exist_ok=True)
        for item in staging.iterdir():
            shutil.move(str(item), out / item.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return SiteReport(out, [href for href, _ in pages], time.perf_counter() - start)


def site_command(args) -> int:
    report = build_site(Path(args.out))
    for line in report.messages():
        print(line)
    return 0
