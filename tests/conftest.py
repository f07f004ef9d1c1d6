from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "artifacts"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and rendered figures (ignored by git) that a person can look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
