"""The shape of the house (docs/ARCHITECTURE.md), checked from the source with ``ast``.

Layers, lowest first; an import never points up:

0. kernel — errors, i18n, periods, params, figures, validation, xlsx, guards, referentiel;
1. sections — ``essdiag/<domain>/section.py`` and ``identity`` (models only);
2. domain computations — the other modules of each domain package;
3. charts and reports;
4. dossier, files and store — dossier, dossier_files, store, samples;
5. UI and command line — ``essdiag/ui``, ``cli`` and its ``commands``;
6. screens — ``app.py`` and ``pages/``.

Besides: a section imports only the kernel and other sections; a domain's
computations never import another domain's computations, except the
accounts (``ledger``), which every domain that works from the books reads and
which itself reads no other domain; streamlit is imported only by the UI and
the screens; pages and tab bodies stay short.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

KERNEL = {
    "errors",
    "i18n",
    "periods",
    "params",
    "figures",
    "validation",
    "xlsx",
    "guards",
    "referentiel",
}
DOMAINS = {
    "ledger",
    "budget",
    "funding",
    "finance",
    "treasury",
    "risks",
    "watch",
    "compliance",
    "impact",
    "hr",
    "project",
    "rse",
    "classroom",
    "reports",
}
BASE_DOMAINS = {"ledger"}
"""Domains whose computations other domains may call: the accounts everyone reads."""
TOP = {
    "identity": 1,
    "charts": 3,
    "report": 3,
    "dossier": 4,
    "dossier_files": 4,
    "store": 4,
    "samples": 4,
    "ui": 5,
    "cli": 5,
    "commands": 5,
}
PAGE_MAX_LINES = 100
UI_MAX_LINES = 300


def module_name(path: Path) -> str:
    rel = path.relative_to(REPO).with_suffix("")
    return ".".join(rel.parts).removesuffix(".__init__")


def layer(module: str) -> int | None:
    """The layer of an essdiag module (None for third-party modules)."""
    parts = module.split(".")
    if parts[0] in ("pages", "app"):
        return 6
    if parts[0] != "essdiag":
        return None
    if len(parts) == 1 or parts[1] in KERNEL or parts[1] == "__main__":
        return 0
    head = parts[1]
    if head in DOMAINS:
        return 1 if len(parts) > 2 and parts[2] == "section" else 2
    if head in TOP:
        return TOP[head]
    raise AssertionError(f"{module}: a module outside the layers of docs/ARCHITECTURE.md")


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import of a file, relative imports resolved."""
    tree = ast.parse(path.read_text("utf-8"))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield node.lineno, target
            for alias in node.names:  # `from essdiag.x import section` imports a module too
                yield node.lineno, f"{target}.{alias.name}"


def sources() -> list[Path]:
    files = sorted((REPO / "essdiag").rglob("*.py")) + sorted((REPO / "pages").glob("*.py"))
    return [*files, REPO / "app.py"]


def _known(module: str) -> bool:
    """True for modules that exist (``from essdiag.x import name`` also yields ``x.name``)."""
    parts = module.split(".")
    if parts[0] != "essdiag":
        return parts[0] in ("pages", "app")
    path = REPO.joinpath(*parts)
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def violations() -> list[str]:
    found = []
    for path in sources():
        src = module_name(path)
        src_layer = layer(src)
        src_parts = src.split(".")
        for line, target in imports(path):
            if not _known(target) or (dst_layer := layer(target)) is None:
                continue
            where = f"{path.relative_to(REPO)}:{line} imports {target}"
            assert src_layer is not None
            if dst_layer > src_layer:
                found.append(f"{where}: an import that points up (layer {src_layer} → {dst_layer})")
                continue
            dst_parts = target.split(".")
            if src_layer == 1 and dst_layer not in (0, 1):
                found.append(f"{where}: a section imports only the kernel and other sections")
            if (
                src_layer == 2
                and dst_layer == 2
                and src_parts[1] != dst_parts[1]
                and dst_parts[1] not in BASE_DOMAINS
            ):
                found.append(f"{where}: a domain never imports another domain's computations")
            if src_parts[:2] == ["essdiag", "ledger"] and dst_parts[1] in DOMAINS - {"ledger"}:
                found.append(f"{where}: the accounts read no other domain")
    return found


def test_no_import_points_up_the_layers() -> None:
    assert violations() == []


def test_the_check_sees_an_import_that_points_up(tmp_path: Path) -> None:
    """The checker itself: a section that imports a chart builder is caught."""
    assert layer("essdiag.risks.section") == 1
    assert layer("essdiag.charts.risks") == 3
    assert layer("essdiag.ui.screen") > layer("essdiag.store")  # type: ignore[operator]
    assert layer("pages.risks") == 6
    with pytest.raises(AssertionError):
        layer("essdiag.unheard_of")


def test_streamlit_is_imported_only_by_the_ui_and_the_screens() -> None:
    offenders = []
    for path in sources():
        src = module_name(path)
        if src.startswith(("essdiag.ui", "pages", "app")):
            continue
        if any(t.split(".")[0] == "streamlit" for _line, t in imports(path)):
            offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_pages_are_tables_of_contents_and_tabs_stay_short() -> None:
    too_long = []
    for path in sorted((REPO / "pages").glob("*.py")):
        n = len(path.read_text("utf-8").splitlines())
        if n > PAGE_MAX_LINES:
            too_long.append(f"{path.relative_to(REPO)}: {n} lines (a page ≤ {PAGE_MAX_LINES})")
    for path in sorted((REPO / "essdiag" / "ui").rglob("*.py")):
        n = len(path.read_text("utf-8").splitlines())
        if n > UI_MAX_LINES:
            too_long.append(f"{path.relative_to(REPO)}: {n} lines (a tab body ≤ {UI_MAX_LINES})")
    assert too_long == []


def test_screens_never_swallow_an_error() -> None:
    """No bare ``except:`` or ``except Exception`` in the UI or the pages: errors are data."""
    offenders = []
    for path in sorted((REPO / "pages").glob("*.py")) + sorted((REPO / "essdiag/ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ExceptHandler) and (
                node.type is None
                or (
                    isinstance(node.type, ast.Name)
                    and node.type.id in ("Exception", "BaseException")
                )
            ):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []
