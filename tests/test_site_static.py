"""Static stand-ins for widgets, and the site's own styling (unit tests, no kernel)."""

import re
from pathlib import Path

import ipywidgets as w
import pytest

from groundup.site import static
from groundup.site.build import page_problems, render_body

CSS = (Path(__file__).resolve().parents[1] / "assets" / "site" / "course.css").read_text()


def test_generic_widget_becomes_text_with_values():
    slider = w.IntSlider(value=7, description="Ankle angle (°)")
    box = w.VBox([slider, w.HTML("<b>readout</b>"), w.Button(description="Check"), w.Dropdown(options=["a", "b"], value="b", description="Pick")])
    html = static.widget_to_html(box)
    assert "Ankle angle (°)" in html and "<strong>7</strong>" in html
    assert "<b>readout</b>" in html and "Check" not in html
    assert "<strong>b</strong>" in html and static.INTERACTIVE_NOTE in html


def test_static_version_wraps_widgets_and_passes_other_values():
    wrapped = static.static_version("thing", lambda: w.HTML("hello"))
    result = wrapped()
    assert isinstance(result, static.StaticHTML) and "hello" in result._repr_html_()
    plain = static.static_version("other", lambda: 42)
    assert plain() == 42
    setup = static.static_version("setup", lambda: w.HTML("live"))()
    assert "static version of the course" in setup._repr_html_()


def test_static_mode_is_switched_on_by_the_environment(monkeypatch):
    import groundup

    monkeypatch.setenv("GROUNDUP_STATIC", "1")
    monkeypatch.delitem(groundup.__dict__, "practice_slider", raising=False)
    html = groundup.practice_slider()._repr_html_()
    monkeypatch.delitem(groundup.__dict__, "practice_slider", raising=False)
    assert "Ankle angle" in html and "neutral" in html


def test_page_problems_finds_images_without_alt_and_outside_requests():
    body = '<img src="data:image/png;base64,AA"> <img alt="ok" src="a.png"> <script src="https://cdn.example/x.js"></script>'
    problems = page_problems("p.html", body)
    assert len(problems) == 2
    assert any("no alt text" in p for p in problems) and any("outside the site" in p for p in problems)
    assert page_problems("p.html", '<img alt="a foot" src="data:,">') == []


def test_lesson_links_point_to_pages():
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("[next](01-the-ankle.ipynb#1.-The-mortise) [x](https://a.org)")])
    body = render_body(nb)
    assert 'href="01-the-ankle.html#1.-The-mortise"' in body and 'href="https://a.org"' in body


def _luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("name", ["text", "muted", "link"])
def test_site_colours_meet_wcag_aa_on_white_and_panel(name):
    colours = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", CSS))
    assert contrast(colours[name], colours["bg"]) >= 4.5
    assert contrast(colours[name], colours["panel"]) >= 4.5


def test_contrast_check_can_fail():
    assert contrast("#777777", "#ffffff") < 4.5


def test_repeated_headings_get_their_own_ids_and_anchor_links():
    from groundup.site.build import page_problems, unique_heading_ids

    body = ('<h2 id="Try-it">Try it<a class="anchor-link" href="#Try-it">¶</a></h2><p>a</p>'
            '<h2 id="Try-it">Try it<a class="anchor-link" href="#Try-it">¶</a></h2>')
    assert page_problems("p", body) == ["p: the id 'Try-it' is used more than once (its links would all go to the first)"]
    fixed = unique_heading_ids(body)
    assert 'id="Try-it-2">Try it<a class="anchor-link" href="#Try-it-2">' in fixed
    assert page_problems("p", fixed) == []
