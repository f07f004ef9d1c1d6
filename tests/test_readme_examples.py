"""The README's assignment spec works exactly as written."""

import re
from pathlib import Path

from groundup.instructor.spec import load_assignment

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_spec_example_loads(tmp_path):
    blocks = re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    spec_text = next(b for b in blocks if b.startswith("id: "))
    spec = tmp_path / "ankle-week-2.yaml"
    spec.write_text(spec_text, encoding="utf-8")
    assignment = load_assignment(spec)
    assert assignment.spec.id == "ankle-week-2"
    assert len(assignment.questions) == 4  # one named, three drawn
