"""The app in a real browser: open a sample case, sidebar navigation, language, accessibility.

AppTest runs no JavaScript; these tests click through the running app the way a
user does. They wait on what the page shows (and on Streamlit's script state),
never on fixed sleeps.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect

from essdiag.samples import load_sample, sample_cases
from tests.conftest import skip_or_fail

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SIDEBAR = '[data-testid="stSidebar"]'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
STALE = '[data-testid="stMain"] [data-stale="true"]'
TIMEOUT_MS = 30_000


def wait_idle(page: Page) -> None:
    """Wait until Streamlit has finished running the script and shows no running status.

    The last run's elements that this run has not drawn again are marked ``data-stale`` until
    the run ends; none may be left, or a test would read the previous screen's tabs.
    """
    page.locator(IDLE).wait_for(state="attached", timeout=TIMEOUT_MS)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=TIMEOUT_MS)
    expect(page.locator(STALE)).to_have_count(0, timeout=TIMEOUT_MS)


def go_to_screen(page: Page, link: int | str) -> None:
    """Click the sidebar's link ``link`` (its number or its title) and wait for its screen's run.

    The script state still reads « not running » for a moment after the click, so the wait
    is first for the screen's address, which Streamlit sets when the new run starts. The
    address is polled (a change made before the wait began still counts). A click that lands
    while the last run is still drawing may start no navigation: it is made again, and the
    failure names the address reached.
    """
    wait_idle(page)
    links = page.locator(SIDEBAR)
    target = (
        links.locator("a").nth(link)
        if isinstance(link, int)
        else links.get_by_role("link", name=link, exact=True)
    )
    # The home link's href is empty: the browser resolves it against the page's own address
    # (« /variance » after a case is opened there), so it is resolved here against the app's.
    here = urlsplit(page.url)
    href = urljoin(f"{here.scheme}://{here.netloc}/", target.get_attribute("href") or "")
    address = re.compile(re.escape(href) + r"([?#].*)?$")  # a screen may set its own query
    for attempt in range(3):
        target.click()
        try:  # no load event: the app routes in the page
            expect(page).to_have_url(address, timeout=TIMEOUT_MS // 3)
            break
        except AssertionError:
            if attempt == 2:
                text = target.inner_text().strip()
                raise AssertionError(
                    f"link {link} ({text!r}, {href}) left the page at {page.url}"
                ) from None
    wait_idle(page)


def expect_title(page: Page, title: str) -> None:
    """Wait for the page title (``st.title``, an h1) and for the rerun to end."""
    heading = page.locator('[data-testid="stMain"] h1').filter(has_text=title)
    expect(heading.first).to_be_visible(timeout=TIMEOUT_MS)
    wait_idle(page)


GRIDS_PAINTED = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
    .filter((frame) => frame.checkVisibility())
    .every((frame) => {
        const canvas = frame.querySelector('canvas[data-testid="data-grid-canvas"]');
        if (!canvas || !canvas.width || !canvas.height) return false;
        const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && px[i] < 128) return true;
        return false;
    })"""


def settle(page: Page) -> None:
    """Let web fonts load and the canvas-drawn tables (``st.dataframe``) paint.

    A data grid mounts and paints a moment after the script run ends; without
    this wait a screenshot shows an empty grey box in its place.
    """
    wait_idle(page)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.wait_for_function(GRIDS_PAINTED, timeout=TIMEOUT_MS)


def screenshot(page: Page, path: Path) -> None:
    settle(page)
    page.screenshot(path=str(path), full_page=True)


def open_home(page: Page, app_url: str) -> None:
    page.goto(app_url)
    expect_title(page, "Accueil")


def first_case_name() -> tuple[str, str]:
    """Key and organisation name of the first sample case the home page lists."""
    cases = sample_cases()
    if not cases:
        skip_or_fail("no sample case found (sample_data/*/dossier.json)")
    return cases[0].key, load_sample(cases[0].key).identity.name


def open_first_case(page: Page, app_url: str) -> str:
    """Open a copy of the first sample case from the home page; returns the dossier name."""
    key, name = first_case_name()
    open_home(page, app_url)
    page.get_by_role("tab", name="Cas d'exemple").click()
    # The case's own button (by its widget key): the first button of the tab may still be
    # another case's while the tab draws.
    button = page.locator(f".st-key-home_sample_{key}").get_by_role(
        "button", name="Ouvrir une copie de ce cas"
    )
    expect(button).to_be_visible()
    button.click()
    sidebar = page.locator(SIDEBAR)
    expect(sidebar).to_contain_text("Dossier ouvert", timeout=TIMEOUT_MS)
    expect(sidebar).to_contain_text(name)
    wait_idle(page)
    return name


def go_to_identity(page: Page) -> None:
    page.locator(SIDEBAR).get_by_role("link", name="Identité de la structure").click()
    expect_title(page, "Identité de la structure")


def format_violations(violations: list[dict[str, Any]]) -> str:
    """One block per axe violation: rule, impact, help, and the first offending elements."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} [{v.get('impact')}] {v['help']} ({v.get('helpUrl', '')})")
        for node in v.get("nodes", [])[:3]:
            target = " ".join(str(t) for t in node.get("target", []))
            html = str(node.get("html", "")).replace("\n", " ")[:200]
            lines.append(f"    target: {target}")
            lines.append(f"    html:   {html}")
            summary = str(node.get("failureSummary", "")).replace("\n", " / ")[:300]
            if summary:
                lines.append(f"    why:    {summary}")
        if len(v.get("nodes", [])) > 3:
            lines.append(f"    … and {len(v['nodes']) - 3} more element(s)")
    return "\n".join(lines)


def run_axe(page: Page, axe_js: Path) -> dict[str, Any]:
    """Inject axe-core and run the WCAG 2.0/2.1 A and AA rules on the whole document."""
    page.add_script_tag(path=str(axe_js))
    result: dict[str, Any] = page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})""", AXE_TAGS
    )
    return result


def assert_no_violations(page: Page, axe_js: Path, where: str) -> None:
    result = run_axe(page, axe_js)
    violations = result["violations"]
    incomplete = [v["id"] for v in result.get("incomplete", [])]
    print(f"axe on {where}: {len(violations)} violation(s); to review by hand: {incomplete}")
    if violations:
        report = format_violations(violations)
        print(report)
        pytest.fail(f"axe-core found {len(violations)} violation(s) on {where}:\n{report}")


def test_open_sample_case_then_identity(
    app_page: Page, app_url: str, screenshots_dir: Path
) -> None:
    page = app_page
    open_home(page, app_url)
    screenshot(page, screenshots_dir / "home.png")

    name = open_first_case(page, app_url)
    expect(page.locator('[data-testid="stMain"]')).to_contain_text(f"Dossier ouvert : {name}")
    screenshot(page, screenshots_dir / "home-case-open.png")

    go_to_identity(page)
    expect(page.get_by_label("Nom de la structure")).to_have_value(name)
    expect(page.locator(SIDEBAR)).to_contain_text(name)
    screenshot(page, screenshots_dir / "identity.png")


def test_home_has_no_axe_violations(app_page: Page, app_url: str, axe_js: Path) -> None:
    open_home(app_page, app_url)
    assert_no_violations(app_page, axe_js, "the home page")


def test_identity_has_no_axe_violations(app_page: Page, app_url: str, axe_js: Path) -> None:
    open_first_case(app_page, app_url)
    go_to_identity(app_page)
    expect(app_page.get_by_label("Nom de la structure")).not_to_have_value("")
    assert_no_violations(app_page, axe_js, "the identity page with a case open")


def test_switching_to_english_translates_the_title(
    app_page: Page, app_url: str, screenshots_dir: Path
) -> None:
    page = app_page
    open_home(page, app_url)
    page.locator(SIDEBAR).locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="English").click()
    expect_title(page, "Home")
    expect(page.locator('[data-testid="stMain"] h1').first).not_to_contain_text("Accueil")
    screenshot(page, screenshots_dir / "home-english.png")
    # The choice survives a page that reruns the app (opening a sample case).
    page.get_by_role("tab", name="Sample cases").click()
    page.get_by_role("button", name="Open a copy of this case").first.click()
    expect(page.locator(SIDEBAR)).to_contain_text("Open case file", timeout=30_000)
    # A copy with accounts and a budget opens on its monthly check, in English.
    expect_title(page, "Variances and landing")


def navigation_titles() -> list[str]:
    """French titles of every screen registered in app.py, home excluded."""
    import ast

    tree = ast.parse((Path(__file__).resolve().parents[2] / "app.py").read_text("utf-8"))
    titles = [
        str(call.args[0].value)
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and getattr(call.func, "id", "") == "N_"
        and isinstance(call.args[0], ast.Constant)
    ]
    groups = {"Stratégie", "Pilotage", "Projet", "Accueil"}
    return [t for t in titles if t not in groups]


def test_every_screen_with_a_case_open_has_no_axe_violations(
    app_page: Page, app_url: str, axe_js: Path, screenshots_dir: Path
) -> None:
    """Each screen of the navigation, on the first sample case: rendered, screenshot, axe clean."""
    page = app_page
    open_first_case(page, app_url)
    titles = navigation_titles()
    assert len(titles) >= 7
    failures = []
    for title in titles:
        go_to_screen(page, title)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        settle(page)
        slug = "".join(c if c.isalnum() else "-" for c in title.lower())
        page.screenshot(path=str(screenshots_dir / f"screen-{slug}.png"), full_page=True)
        violations = run_axe(page, axe_js)["violations"]
        if violations:
            failures.append(f"{title}:\n{format_violations(violations)}")
    assert not failures, "\n".join(failures)
