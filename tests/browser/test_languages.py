"""Every screen in both languages: a screenshot each, no words of the other language, one number format.

The texts checked are the interface's own (titles, tabs, buttons, labels,
metric names, expander titles, captions, alerts and table headers), not the
dossier's content: a French organisation's funders and risks keep their
French names in the English interface. Screenshots go to
``tests/browser/screenshots/<lang>-<screen>.png`` for a person to look at.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from essdiag.i18n import LANGUAGES, translator
from tests.browser.test_app_browser import (
    SIDEBAR,
    TIMEOUT_MS,
    go_to_screen,
    navigation_titles,
    open_first_case,
    settle,
    wait_idle,
)

CHROME = ", ".join(
    [
        '[data-testid="stMain"] h1',
        '[data-testid="stMain"] h2',
        '[data-testid="stMain"] h3',
        '[data-testid="stMain"] [role="tab"]',
        '[data-testid="stMain"] button',
        '[data-testid="stMain"] [data-testid="stWidgetLabel"]',
        '[data-testid="stMain"] [data-testid="stMetricLabel"]',
        '[data-testid="stMain"] [data-testid="stExpander"] summary',
        '[data-testid="stMain"] [data-testid="stFileUploaderDropzoneInstructions"]',
        f"{SIDEBAR} a",
    ]
)
"""The interface's own texts; tables, charts and alerts may quote the dossier.

Captions are left out (they quote the dossier's own words: a revision's reason, a risk matrix's
history, the texts of the law a rule cites).
"""

FRENCH_WORDS = {
    "les", "une", "pour", "est", "sont", "cette", "qui", "que", "pas", "année", "exercice",
    "montant", "réalisé", "écart", "enregistrer", "télécharger", "importer", "choisir", "fichier",
}  # fmt: skip
ENGLISH_WORDS = {
    "the", "and", "with", "of", "for", "per", "file", "files", "upload", "browse", "choose",
    "option", "download", "save", "year", "amount", "drag", "drop", "limit", "select",
}  # fmt: skip
TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ']+")
ENGLISH_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(,\d{3})+(\.\d+)?(?![\d,])|\b\d+\.\d{1,2}\b(?!\.)")
FRENCH_NUMBER = re.compile(r"\d(\u202f|\xa0| )\d{3}(,\d+)?|\b\d+,\d{1,2}\b")


VISIBLE_TEXT = """els => els.filter(e => e.checkVisibility()).map(e => {
    const parts = [];
    const generated = (node, where) => {
        const content = getComputedStyle(node, where).content;
        if (content && content.startsWith('"')) parts.push(JSON.parse(content));
    };
    const walk = (node) => {
        if (node.nodeType === Node.TEXT_NODE) {
            if (getComputedStyle(node.parentElement).fontSize !== "0px") parts.push(node.textContent);
            return;
        }
        if (node.nodeType !== Node.ELEMENT_NODE || node.dataset.testid === "stIconMaterial") return;
        if (node.classList.contains("modebar-container")) return;  // plotly's hover tooltips
        generated(node, "::before");
        node.childNodes.forEach(walk);
        generated(node, "::after");
    };
    walk(e);
    return parts.join(" ");
})"""
"""What a person reads in each element: text hidden by a zero font size left out (the uploaders'
English, replaced by CSS), text drawn by CSS (``::before``/``::after``) put in, icon names left
out."""


def chrome_texts(page: Page) -> list[str]:
    """The visible interface texts of the screen."""
    texts: list[str] = page.eval_on_selector_all(CHROME, VISIBLE_TEXT)
    return [" ".join(t.split()) for t in texts if t and t.strip()]


def other_language_words(texts: list[str], lang: str, names: set[str]) -> list[str]:
    """Texts holding words of the other language (the dossier's names left out)."""
    words = ENGLISH_WORDS if lang == "fr" else FRENCH_WORDS
    found = []
    for text in texts:
        cleaned = text
        for name in names:
            cleaned = cleaned.replace(name, " ")
        tokens = {t.lower() for t in TOKEN.findall(cleaned)}
        if tokens & words:
            found.append(f"{text!r} ({', '.join(sorted(tokens & words))})")
    return found


def wrong_numbers(texts: list[str], lang: str) -> list[str]:
    """Texts writing a number the other language's way (« 1,234.56 » in French…)."""
    pattern = ENGLISH_NUMBER if lang == "fr" else FRENCH_NUMBER
    return [t for t in texts if pattern.search(t)]


def switch_language(page: Page, lang: str) -> None:
    """Choose the language ``lang`` and wait until the sidebar's first link speaks it."""
    page.locator(SIDEBAR).locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name=LANGUAGES[lang]).click()
    home = translator(lang)("Accueil")
    expect(page.locator(SIDEBAR).locator("a").first).to_contain_text(home, timeout=TIMEOUT_MS)
    wait_idle(page)


def slug(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_screen_speaks_one_language_with_its_number_format(
    app_page: Page, app_url: str, screenshots_dir: Any, lang: str
) -> None:
    page = app_page
    name = open_first_case(page, app_url)
    names = {name, "Loriol-sur-Drôme", "Drôme", "La Ressourcerie des Confluences"}
    if lang == "en":
        switch_language(page, lang)
    problems: list[str] = []
    links = page.locator(SIDEBAR).locator("a")
    count = links.count()
    titles = [links.nth(i).inner_text().strip().splitlines()[-1] for i in range(count)]  # no icon
    assert len(titles) >= len(navigation_titles()), titles
    for i, title in enumerate(titles):
        go_to_screen(page, i)
        settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0, title
        page.screenshot(path=str(screenshots_dir / f"{lang}-{slug(title)}.png"), full_page=True)
        tabs = page.locator('[data-testid="stMain"] [role="tab"]')
        t = 0
        while True:  # the tabs counted again each time: a tab's content may hold its own tabs
            if t < tabs.count():
                tabs.nth(t).click()
                wait_idle(page)
            texts = chrome_texts(page)
            problems += [f"{title}: {w}" for w in other_language_words(texts, lang, names)]
            problems += [f"{title}: number {n!r}" for n in wrong_numbers(texts, lang)]
            t += 1
            if t >= tabs.count():
                break
    assert problems == [], "\n".join(dict.fromkeys(problems))
