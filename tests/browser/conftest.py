"""Fixtures of the browser tests: the running app, Debian's Chromium and axe-core.

The app runs as a real ``streamlit run app.py`` on a free local port, against a
throw-away SQLite workspace (``ESSDIAG_DATABASE_URL``), so the tests never touch
the user's own dossiers. Chromium is Debian's (``/usr/bin/chromium``), driven by
the playwright Python package; axe-core comes from ``npm install`` in this folder.

When Chromium, playwright or axe-core is missing the tests are skipped with the
reason, except under CI (``CI=true``), where they fail: CI never skips them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import skip_or_fail

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = HERE / "screenshots"
VIEWPORT = {"width": 1400, "height": 2400}
STARTUP_TIMEOUT_S = 60.0
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test of this folder ``browser``."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def axe_js() -> Path:
    """Path of axe-core's ``axe.min.js`` (``npm ci`` in tests/browser installs it)."""
    if not AXE_JS.is_file():
        skip_or_fail(f"axe-core is missing ({AXE_JS}): run `npm ci` in tests/browser")
    return AXE_JS


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server by its PID: terminate, then kill if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of ``streamlit run app.py`` started on a free port with a fresh workspace."""
    tmp = tmp_path_factory.mktemp("browser-app")
    port = _free_port()
    env = dict(os.environ)
    env["ESSDIAG_DATABASE_URL"] = f"sqlite:///{tmp / 'ws.sqlite'}"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    log_path = tmp / "streamlit.log"
    base_url = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT_S
            while not _healthy(f"{base_url}/_stcore/health"):
                if process.poll() is not None:
                    pytest.fail(
                        f"streamlit exited with code {process.returncode}:\n"
                        + log_path.read_text("utf-8", errors="replace"),
                        pytrace=False,
                    )
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"streamlit not healthy after {STARTUP_TIMEOUT_S:.0f} s:\n"
                        + log_path.read_text("utf-8", errors="replace"),
                        pytrace=False,
                    )
                time.sleep(0.25)
            yield base_url
        finally:
            _stop(process)


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Browser]:
    """Debian's Chromium driven by playwright (no ``playwright install``, no pytest-playwright)."""
    if not CHROMIUM.is_file():
        skip_or_fail(f"Chromium is missing ({CHROMIUM}): apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("the playwright Python package is not installed")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def app_page(axe_js: Path, chromium_browser: Browser, app_url: str) -> Iterator[Page]:
    """A fresh browser context (so a fresh Streamlit session) in a tall viewport.

    Streamlit scrolls inside its own container: a tall viewport lets full-page
    screenshots show the whole screen.
    """
    context = chromium_browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    """Where screenshots go (gitignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
