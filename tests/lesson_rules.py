"""The lesson skeleton of lessons/README.md, as checks that return a list of problems."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from urllib.parse import unquote

OBSERVABLE_VERBS = {
    "apply", "assess", "calculate", "choose", "classify", "compare", "decide", "demonstrate", "describe",
    "distinguish", "estimate", "explain", "find", "identify", "interpret", "label", "list", "locate", "match",
    "measure", "name", "observe", "open", "order", "palpate", "perform", "plan", "predict", "recognise",
    "recognize", "record", "refer", "run", "score", "screen", "sketch", "state", "use", "write",
}
VAGUE_VERBS = {"understand", "know", "learn", "appreciate", "be", "become", "realise", "realize", "grasp"}
MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
HTML_ALT = re.compile(r"\balt\s*=\s*(\"([^\"]*)\"|'([^']*)')", re.I)
HTML_HREF = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.I)
PATH_LIKE = re.compile(r"^[\w./-]+\.(?:ipynb|ya?ml|csv|json|png|svg|md|txt)$")


def source(cell) -> str:
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def headings(nb) -> list[tuple[int, int, str]]:
    """(cell index, level, text) of every Markdown heading, outside code fences."""
    found = []
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        fenced = False
        for line in source(cell).splitlines():
            if line.strip().startswith("```"):
                fenced = not fenced
            match = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
            if match and not fenced:
                found.append((index, len(match.group(1)), match.group(2)))
    return found


def skeleton_problems(nb) -> list[str]:
    problems = []
    cells = nb["cells"]
    heads = headings(nb)
    if not cells or cells[0]["cell_type"] != "markdown" or not source(cells[0]).lstrip().startswith("# "):
        problems.append("the first cell must be a Markdown title ('# ...')")
    level2 = [(i, text) for i, level, text in heads if level == 2]
    names = [text for _, text in level2]

    def section_range(title):
        for n, (i, text) in enumerate(level2):
            if text == title:
                end = level2[n + 1][0] if n + 1 < len(level2) else len(cells)
                return i, end
        return None

    # Learning objectives: 3-5 observable bullet points and an estimated time.
    rng = section_range("Learning objectives")
    if not rng:
        problems.append("missing '## Learning objectives'")
    else:
        text = "\n".join(source(c) for c in cells[rng[0]:rng[1]] if c["cell_type"] == "markdown")
        if not re.search(r"Estimated time:\s*\d+", text):
            problems.append("learning objectives need 'Estimated time: N minutes'")
        bullets = re.findall(r"^\s*[-*]\s+(.+)$", text, re.M)
        if not 3 <= len(bullets) <= 5:
            problems.append(f"learning objectives need 3-5 bullet points, found {len(bullets)}")
        for bullet in bullets:
            verb = re.sub(r"[^a-z]", "", bullet.split()[0].lower()) if bullet.split() else ""
            if verb in VAGUE_VERBS or verb not in OBSERVABLE_VERBS:
                problems.append(f"objective does not start with an observable verb: {bullet[:60]!r}")

    # Setup: exactly one code cell, and no code before the first numbered section except it.
    rng = section_range("Setup")
    numbered = [(i, text) for i, text in level2 if re.match(r"^\d+\.\s", text)]
    if not rng:
        problems.append("missing '## Setup'")
    else:
        first_section = numbered[0][0] if numbered else len(cells)
        code_before = [c for c in cells[:first_section] if c["cell_type"] == "code"]
        setup_code = [c for c in cells[rng[0]:rng[1]] if c["cell_type"] == "code"]
        if len(setup_code) != 1 or len(code_before) != 1:
            problems.append(f"the setup section needs exactly one code cell (found {len(code_before)} before section 1)")
        elif "groundup" not in source(setup_code[0]):
            problems.append("the setup cell must import groundup")

    # Numbered sections 1..N, each with Try it and Check yourself.
    if not numbered:
        problems.append("no numbered sections ('## 1. ...')")
    for expected, (i, text) in enumerate(numbered, start=1):
        number = int(text.split(".")[0])
        if number != expected:
            problems.append(f"section {text!r} should be numbered {expected}")
        end = next((j for j, _ in level2 if j > i), len(cells))
        subs = {t.lower() for j, level, t in heads if level == 3 and i <= j < end}
        for block in ("try it", "check yourself"):
            if block not in subs:
                problems.append(f"section {text!r} has no '### {block.capitalize()}' block")

    order = ["Learning objectives", "Setup"]
    for title in ("Summary", "References"):
        if title not in names:
            problems.append(f"missing '## {title}'")
        else:
            order.append(title)
    if numbered and "Summary" in names and names.index("Summary") < names.index(numbered[-1][1]):
        problems.append("'## Summary' must come after the numbered sections")
    rng = section_range("References")
    if rng:
        text = "\n".join(source(c) for c in cells[rng[0]:rng[1]])
        if not re.search(r"^\s*(?:\d+\.|[-*])\s+\S", text, re.M):
            problems.append("'## References' lists no references")
    return problems


def format_problems(nb) -> list[str]:
    problems = []
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name")
    if kernel != "python3":
        problems.append(f"kernelspec is {kernel!r}, not 'python3'")
    if nb.get("metadata", {}).get("widgets"):
        problems.append("saved widget state in metadata (run nbstripout --keep-id)")
    for cell in nb["cells"]:
        if "id" not in cell:
            problems.append("a cell has no id (nbformat 4.5)")
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            problems.append("outputs or execution counts committed (run nbstripout --keep-id)")
            break
    return problems


def referenced_paths(nb):
    """(kind, target, alt) for every Markdown/HTML link or image, and path-like strings in code."""
    for cell in nb["cells"]:
        text = source(cell)
        if cell["cell_type"] == "markdown":
            for bang, label, target in MD_LINK.findall(text):
                yield ("image" if bang else "link", target, label)
            for tag in HTML_IMG.findall(text):
                alt = HTML_ALT.search(tag)
                src = HTML_HREF.search(tag)
                yield ("image", src.group(1) if src else "", (alt.group(2) or alt.group(3) or "") if alt else "")
            for target in HTML_HREF.findall(re.sub(HTML_IMG, "", text)):
                yield ("link", target, "")
        elif cell["cell_type"] == "code":
            try:
                tree = ast.parse(text)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and PATH_LIKE.match(node.value):
                    yield ("path", node.value, "")


def link_problems(nb, lessons_dir: Path, assets_dir: Path, anchors_of) -> list[str]:
    problems = []
    for kind, target, alt in referenced_paths(nb):
        if kind == "image" and not alt.strip():
            problems.append(f"image {target!r} has no alt text")
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
            continue  # absolute URL
        path, _, anchor = target.partition("#")
        path = unquote(path)
        if not path:
            continue
        candidates = [lessons_dir / path] + ([assets_dir / path] if kind == "path" else [])
        found = next((c for c in candidates if c.exists()), None)
        if found is None:
            problems.append(f"{kind} {target!r} points to a file that does not exist")
        elif anchor and found.suffix == ".ipynb" and anchor not in anchors_of(found):
            problems.append(f"link {target!r}: {found.name} has no heading with that anchor")
    return problems


def anchors(path: Path) -> set[str]:
    return {text.strip().replace(" ", "-") for _, _, text in headings(load(path))}
