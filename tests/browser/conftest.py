"""Fixtures for browser tests: a real JupyterLab over a temporary course workspace, driven in Chromium."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from groundup.workspace import STATE_DIRNAME, sync_workspace
from tests.servers import CHROMIUM, CHROMIUM_ARGS, Server


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def workspace() -> Path:
    """A student workspace made exactly as `groundup lab` makes it."""
    root = Path(tempfile.mkdtemp(prefix="groundup-workspace-"))
    sync_workspace(root)
    return root


@pytest.fixture(scope="session")
def lab(workspace):
    server = Server(workspace, "lab", env={"GROUNDUP_HOME": str(workspace / STATE_DIRNAME)}).start()
    yield server
    server.stop()


@pytest.fixture
def no_answers_yet(workspace):
    """The student has answered nothing yet: earlier tests' answers in this workspace are set aside."""
    from groundup.quiz.store import AnswerStore

    store = AnswerStore(workspace / STATE_DIRNAME / "progress.sqlite")
    store.reset()
    store.close()


def _loopback_only(page, outside: list[str]):
    def handle(route):
        host = urlparse(route.request.url).hostname or ""
        if host in ("127.0.0.1", "localhost", "::1") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", handle)


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.outside_requests = []
    page.console_errors = []
    _loopback_only(page, page.outside_requests)
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    context.close()
    for name in ("lab", "voila_checker"):
        if name in request.fixturenames:
            request.getfixturevalue(name).shutdown_kernels()
