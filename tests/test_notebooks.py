"""Every lesson notebook follows the course skeleton and is committed clean."""

from pathlib import Path

import pytest

from tests import lesson_rules as rules

REPO = Path(__file__).resolve().parents[1]
LESSONS = REPO / "lessons"
NOTEBOOKS = sorted(LESSONS.glob("*.ipynb"))


def test_there_are_lessons():
    assert [p.name for p in NOTEBOOKS][:1] == ["00-start-here.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_name_is_numbered_slug(path):
    from groundup.resources import LESSON_NAME

    assert LESSON_NAME.match(path.name), f"{path.name}: lessons are named NN-slug.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_skeleton(path):
    assert rules.skeleton_problems(rules.load(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_stripped_with_python3_kernel(path):
    assert rules.format_problems(rules.load(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_links_and_asset_paths_exist_and_images_have_alt_text(path):
    problems = rules.link_problems(rules.load(path), LESSONS, REPO / "assets", rules.anchors)
    assert problems == []


def test_start_here_links_every_lesson():
    start = rules.load(LESSONS / "00-start-here.ipynb")
    linked = {target.partition("#")[0] for kind, target, _ in rules.referenced_paths(start) if kind == "link"}
    missing = [p.name for p in NOTEBOOKS if p.name not in linked]
    assert missing == [], f"00-start-here does not link to {missing}"


# The checks themselves must be able to fail.
def _nb(*cells):
    return {"metadata": {"kernelspec": {"name": "python3"}}, "cells": [
        {"cell_type": kind, "id": str(i), "source": text, "metadata": {}, **({"outputs": [], "execution_count": None} if kind == "code" else {})}
        for i, (kind, text) in enumerate(cells)
    ]}


GOOD = [
    ("markdown", "# Title"),
    ("markdown", "## Learning objectives\n\n*Estimated time: 10 minutes.*\n\n- **Name** a\n- Explain b\n- Measure c"),
    ("markdown", "## Setup"), ("code", "import groundup as gu"),
    ("markdown", "## 1. First\n\n### Try it\n\nx\n\n### Check yourself\n\ny"),
    ("markdown", "## Summary\n\n- s"), ("markdown", "## References\n\n1. A source"),
]


def test_rules_accept_a_good_skeleton():
    assert rules.skeleton_problems(_nb(*GOOD)) == []


@pytest.mark.parametrize("mutate, expected", [
    (lambda c: c.pop(0), "first cell must be a Markdown title"),
    (lambda c: c.__setitem__(1, ("markdown", "## Learning objectives\n\n- Name a\n- Explain b\n- Measure c")), "Estimated time"),
    (lambda c: c.__setitem__(1, ("markdown", "## Learning objectives\n\nEstimated time: 5\n\n- Name a")), "3-5 bullet points"),
    (lambda c: c.__setitem__(1, ("markdown", "## Learning objectives\n\nEstimated time: 5\n\n- Understand a\n- Name b\n- Name c")), "observable verb"),
    (lambda c: c.insert(4, ("code", "print(1)")), "exactly one code cell"),
    (lambda c: c.__setitem__(4, ("markdown", "## 1. First\n\n### Try it")), "Check yourself"),
    (lambda c: c.__setitem__(4, ("markdown", "## 2. First\n\n### Try it\n\n### Check yourself")), "should be numbered 1"),
    (lambda c: c.pop(5), "missing '## Summary'"),
    (lambda c: c.__setitem__(6, ("markdown", "## References\n\nnone")), "lists no references"),
])
def test_rules_reject_a_broken_skeleton(mutate, expected):
    cells = list(GOOD)
    mutate(cells)
    problems = rules.skeleton_problems(_nb(*cells))
    assert any(expected in p for p in problems), problems


def test_rules_reject_outputs_wrong_kernel_and_bad_links(tmp_path):
    nb = _nb(*GOOD)
    nb["metadata"]["kernelspec"]["name"] = "conda-env"
    nb["cells"][3]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "x"}]
    assert len(rules.format_problems(nb)) == 2
    (tmp_path / "01-x.ipynb").write_text('{"cells": [{"cell_type": "markdown", "source": "## 1. Real"}]}')
    nb["cells"].append({"cell_type": "markdown", "id": "z", "source": "![](fig.png) [a](missing.ipynb) [b](01-x.ipynb#1.-Fake) [c](01-x.ipynb#1.-Real) <img src='01-x.ipynb'>"})
    nb["cells"].append({"cell_type": "code", "id": "y", "source": "load('nope.yaml')", "outputs": [], "execution_count": None})
    problems = rules.link_problems(nb, tmp_path, tmp_path, rules.anchors)
    assert sorted(problems) == sorted([
        "image 'fig.png' has no alt text", "image 'fig.png' points to a file that does not exist",
        "link 'missing.ipynb' points to a file that does not exist",
        "link '01-x.ipynb#1.-Fake': 01-x.ipynb has no heading with that anchor",
        "image '01-x.ipynb' has no alt text",
        "path 'nope.yaml' points to a file that does not exist",
    ])
