"""Start-up of the app as `make run` starts it: time to health, then to a rendered home page.

A fresh SQLite workspace is used, so the first render includes seeding the
sample cases. The first-render time needs Debian's Chromium; without it only
the server start is measured.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_health(port: int, timeout: float = 60) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return time.perf_counter() - t0
        except OSError:
            time.sleep(0.05)
    raise TimeoutError("streamlit did not answer")


def _first_render(port: int) -> float | None:
    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        t0 = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/")
        page.get_by_role("heading", name="Accueil").wait_for(timeout=60_000)
        elapsed = time.perf_counter() - t0
        browser.close()
    return elapsed


def run() -> list[dict[str, object]]:
    port = _free_port()
    tmp = tempfile.mkdtemp()
    env = {**os.environ, "ESSDIAG_DATABASE_URL": f"sqlite:///{tmp}/ws.sqlite"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        health = _wait_health(port)
        render = _first_render(port)
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)
    return [
        {
            "server_ready_s": round(health, 2),
            "first_render_s": round(render, 2) if render is not None else "no chromium",
            "total_s": round(time.perf_counter() - t0, 2),
        }
    ]
