"""The static site: every lesson reachable from the index, every image with alt text, nothing off loopback."""

import functools
import http.server
import threading
from urllib.parse import urljoin

import pytest

from groundup.resources import lessons
from groundup.site.build import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    build_site(out, progress=lambda *_: None)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_index_links_every_lesson_and_every_page_is_clean(page, site, artifacts):
    response = page.goto(site + "index.html")
    assert response.status == 200
    hrefs = page.eval_on_selector_all("main a[href$='.html']", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs == [f"{lesson.key}.html" for lesson in lessons()]
    page.screenshot(path=str(artifacts / "site-index.png"))
    visited = set()
    for href in hrefs:
        response = page.goto(urljoin(site, href))
        assert response.status == 200, href
        missing_alt = page.eval_on_selector_all("img", "els => els.filter(e => !(e.getAttribute('alt') || '').trim()).length")
        assert missing_alt == 0, f"{href}: {missing_alt} images without alt text"
        # Links between pages resolve (no 404) wherever they point inside the site.
        for link in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            target = urljoin(urljoin(site, href), link).split("#")[0]
            if target.startswith(site) and target not in visited:
                visited.add(target)
                assert page.request.get(target).status == 200, f"{href} links to a missing page: {link}"
        page.screenshot(path=str(artifacts / f"site-{href.removesuffix('.html')}.png"), full_page=True)
    assert page.outside_requests == [], page.outside_requests
