"""The symptom checker as `groundup checker` serves it (Voila), driven in Chromium like a student would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.servers import free_port, wait_for


class VoilaChecker:
    """`groundup checker --no-browser` started from a temporary folder (where summaries are saved)."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="groundup-voila-test-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/voila/render/checker.ipynb"
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(self.folder / ".jupyter-config"),
                   GROUNDUP_HOME=str(self.folder / ".state"))
        env.pop("GROUNDUP_NOTES_DIR", None)
        self.log = open(self.folder / "server.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "groundup", "checker", "--no-browser", "--port", str(self.port)],
            cwd=self.folder, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        try:
            wait_for(f"http://127.0.0.1:{self.port}/voila/tree", timeout=90, process=self.process)
        except Exception:
            self.stop()
            raise

    def shutdown_kernels(self) -> None:
        """Voila's kernels end with the server (each page load has its own)."""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # groundup checker stops Voila and removes its site
            self.process.wait(timeout=60)
        self.log.close()


@pytest.fixture(scope="module")
def voila_checker():
    server = VoilaChecker()
    yield server
    server.stop()


def _top(locator) -> float:
    box = locator.bounding_box()
    assert box is not None, "element is not displayed"
    return box["y"]


def test_red_flag_referral_shows_above_results_and_signs_change_the_ranking(page, voila_checker, artifacts):
    page.goto(voila_checker.url, timeout=120_000)
    expect(page.get_by_text("Step 1 · Safety screen")).to_be_visible(timeout=120_000)
    regions = page.locator("ol.gu-regions")
    assert page.locator(".gu-referral").count() == 0
    expect(page.get_by_text("No sign ticked yet")).to_be_visible()

    # Step 2: signs. One sign, then more: the ranked list changes.
    page.get_by_label("Stiff big toe", exact=True).check()
    expect(regions.locator("> li").first).to_contain_text("The toes and the big-toe joint (1st MTP)", timeout=30_000)
    first_ranking = regions.locator("> li > strong").all_inner_texts()
    page.get_by_label("Knees collapse inward during leg exercises", exact=True).check()
    page.get_by_label("Tight calves", exact=True).check()
    expect(regions.locator("> li").first).to_contain_text("The ankle joint (talocrural) and the calf", timeout=30_000)
    second_ranking = regions.locator("> li > strong").all_inner_texts()
    assert second_ranking != first_ranking and second_ranking[0].startswith("The ankle joint")
    expect(regions).to_contain_text("Evidence: moderate")
    expect(page.locator("ul.gu-techniques")).to_contain_text("✔ Suggested")

    # The follow-up question appears with its sign.
    page.get_by_label("Feet or ankles collapse toward an edge when weight goes on them", exact=True).check()
    expect(page.get_by_text("Still to answer:")).to_be_visible(timeout=30_000)
    page.get_by_label("Inner edge: the arch lowers and the ankle rolls in", exact=True).check()
    expect(page.get_by_text("Still to answer:")).to_have_count(0, timeout=30_000)

    # Step 1: a red flag. The referral panel appears above everything, results included.
    page.get_by_label("One calf or leg painful, swollen, warm, tender or discoloured", exact=True).check()
    referral = page.locator(".gu-referral")
    expect(referral).to_be_visible(timeout=30_000)
    expect(referral).to_contain_text("Refer urgently")
    expect(referral).to_contain_text("Suggested words for the client")
    assert _top(referral) < _top(page.get_by_text("Step 1 · Safety screen")) < _top(regions)
    expect(page.locator("ul.gu-techniques")).to_contain_text("✖ Not today")
    expect(page.locator("ul.gu-techniques")).not_to_contain_text("✔ Suggested")

    # Voila scrolls inside its own container, so take the parts a person needs to look at.
    referral.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "voila-checker-top.png"))
    regions.screenshot(path=str(artifacts / "voila-checker-regions.png"))
    page.locator("ul.gu-techniques").screenshot(path=str(artifacts / "voila-checker-techniques.png"))

    # Save the practice notes: written into the folder `groundup checker` was started from.
    page.get_by_label("Your notes").fill("Referred to GP today.")
    page.get_by_role("button", name="Save summary").click()
    expect(page.get_by_text("Saved to")).to_be_visible(timeout=30_000)
    saved = list(voila_checker.folder.glob("checker-notes-*.md"))
    assert len(saved) == 1
    text = saved[0].read_text(encoding="utf-8")
    assert "- [x] One calf or leg painful" in text and "Referred to GP today." in text
    assert page.locator("text=Traceback").count() == 0
    assert all("127.0.0.1" not in url for url in page.outside_requests)
