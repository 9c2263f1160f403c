"""The « Matrice » tab: the matrix in force, the migration of older assessments, a new version.

A new version starts from the one in force (or from the house matrix of
another size); it is saved only when its scales differ, and assessments move
to it only when the user accepts the proposed migration.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from essdiag.risks.columns import joined
from essdiag.risks.edits import (
    library_words,
    matrix_from_rows,
    same_scales,
    selected_migrations,
    untranslated,
)
from essdiag.risks.matrix import current_matrix, default_matrix, matrices_of
from essdiag.risks.migration import (
    apply_migration,
    migration_proposals,
    migration_table,
    revise_matrix,
)
from essdiag.risks.section import RiskSection
from essdiag.risks.views import bands_view, levels_view
from essdiag.ui import widgets
from essdiag.ui.risks import save
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[RiskSection]) -> None:
    """The matrix in force, the migration of older assessments, and a new version."""
    _ = screen.tr
    matrix = current_matrix(screen.section)
    st.write(
        _(
            "Matrice en vigueur : {size}×{size}, version {version}. Score = probabilité × gravité ; "
            "la zone dit la conduite à tenir. Modifier la matrice crée une nouvelle version : les "
            "évaluations déjà faites gardent la leur jusqu'à ce que vous acceptiez leur migration.",
            size=matrix.size,
            version=matrix.version,
        )
    )
    _matrix_tables(screen)
    _migration(screen)
    _new_matrix_version(screen)


def _matrix_tables(screen: Screen[RiskSection]) -> None:
    """The levels of both axes side by side, the bands below, and the list of versions."""
    _ = screen.tr
    matrix = current_matrix(screen.section)
    c1, c2 = st.columns(2)
    for column, axis, key in (
        (c1, "likelihood", "risks_matrix_likelihood"),
        (c2, "impact", "risks_matrix_impact"),
    ):
        with column:
            widgets.show_view(levels_view(matrix, axis), key=key, download=False)
    widgets.show_view(bands_view(matrix), key="risks_matrix_bands", download=False)
    versions = joined(
        (
            f"v{v.version} ({v.size}×{v.size}"
            + (f", {_.date(v.created_on)}" if v.created_on else "")
            + (f" — {v.note}" if v.note else "")
            + ")"
            for v in matrices_of(screen.section)
        ),
        _,
    )
    st.caption(_("Versions : {versions}.", versions=versions))


def _migration(screen: Screen[RiskSection]) -> None:
    """The migration offer for assessments made on an older matrix version."""
    _ = screen.tr
    matrix = current_matrix(screen.section)
    proposals = migration_proposals(screen.section)
    if not proposals:
        return
    st.subheader(_("Migration des évaluations"))
    st.write(
        _(
            "Ces évaluations utilisent une ancienne version de la matrice. Voici les niveaux "
            "proposés sur la version {version} (même position relative sur l'échelle) : "
            "corrigez-les si besoin, puis acceptez.",
            version=matrix.version,
        )
    )
    frame = migration_table(proposals, _)
    size = matrix.size
    edited = st.data_editor(
        frame,
        hide_index=True,
        key="risks_migration_editor",
        disabled=[c for c in frame.columns if c not in {"accept", "new_likelihood", "new_impact"}],
        column_config={
            "accept": st.column_config.CheckboxColumn(_("Migrer")),
            "risk_id": _("Identifiant"),
            "kind": None,
            "kind_label": _("Évaluation"),
            "from_version": _("Depuis la version"),
            "to_version": _("Vers la version"),
            "old_likelihood": _("Probabilité"),
            "old_impact": _("Gravité"),
            "old_score": _("Score"),
            "old_band": _("Niveau"),
            "new_likelihood": st.column_config.NumberColumn(
                _("Nouvelle probabilité"), min_value=1, max_value=size, step=1
            ),
            "new_impact": st.column_config.NumberColumn(
                _("Nouvelle gravité"), min_value=1, max_value=size, step=1
            ),
            "new_score": _("Score proposé"),
            "new_band": _("Niveau proposé"),
        },
    )
    if not st.button(_("Migrer les évaluations cochées"), key="risks_migrate", type="primary"):
        return
    accepted = selected_migrations(proposals, edited.to_dict("records"))
    if not accepted:
        st.warning(_("Aucune évaluation cochée."))
        return
    save(
        screen,
        apply_migration(screen.section, accepted).model_dump(),
        _(
            "Migration de {n} évaluation(s) vers la matrice v{v}",
            n=len(accepted),
            v=matrix.version,
        ),
    )


def _new_matrix_version(screen: Screen[RiskSection]) -> None:
    """The form that creates a new matrix version (starting from the one in force)."""
    _ = screen.tr
    matrix = current_matrix(screen.section)
    st.subheader(_("Nouvelle version de la matrice"))
    size = int(
        st.selectbox(
            _("Taille"),
            options=[3, 4, 5],
            index=[3, 4, 5].index(matrix.size),
            format_func=lambda n: f"{n}×{n}",
            key="risks_matrix_size",
        )
    )
    base = matrix if size == matrix.size else default_matrix(size)
    # The tables show the library's words in the reader's language; words left as shown are
    # saved as the library's own (so the French screen still reads them in French).
    words = library_words(base, _)

    def levels_frame(levels: list[Any]) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "label": [_(lv.label) for lv in levels],
                "description": [_(lv.description) for lv in levels],
            }
        )

    def level_columns(axis: str) -> dict[str, Any]:
        return {
            "label": st.column_config.TextColumn(axis, required=True),
            "description": st.column_config.TextColumn(_("Description")),
        }

    with st.form(f"risks_matrix_form_{size}"):
        c1, c2 = st.columns(2)
        likelihood = c1.data_editor(
            levels_frame(base.likelihood),
            hide_index=True,
            key=f"risks_matrix_lik_{size}",
            column_config=level_columns(_("Probabilité")),
        )
        impact = c2.data_editor(
            levels_frame(base.impact),
            hide_index=True,
            key=f"risks_matrix_imp_{size}",
            column_config=level_columns(_("Gravité")),
        )
        bands = st.data_editor(
            pd.DataFrame(
                {
                    "label": [_(b.label) for b in base.bands],
                    "max_score": [b.max_score for b in base.bands],
                    "colour": [b.colour for b in base.bands],
                    "guidance": [_(b.guidance) for b in base.bands],
                }
            ),
            hide_index=True,
            num_rows="dynamic",
            key=f"risks_matrix_bands_{size}",
            column_config={
                "label": st.column_config.TextColumn(_("Zone"), required=True),
                "max_score": st.column_config.NumberColumn(
                    _("Score maximal"), min_value=1, max_value=size * size, step=1
                ),
                "colour": st.column_config.TextColumn(
                    _("Couleur (#RRGGBB)"), help=_("Préférez des couleurs lisibles par tous.")
                ),
                "guidance": st.column_config.TextColumn(_("Conduite à tenir")),
            },
        )
        note = st.text_input(_("Motif de la nouvelle version"), key=f"risks_matrix_note_{size}")
        submitted = st.form_submit_button(_("Créer la nouvelle version"), type="primary")
    if not submitted:
        return
    candidate, issues = matrix_from_rows(
        version=matrix.version + 1,
        size=size,
        likelihood=untranslated(likelihood.to_dict("records"), words),
        impact=untranslated(impact.to_dict("records"), words),
        bands=untranslated(bands.to_dict("records"), words),
        note=note,
    )
    if candidate is None:
        widgets.show_issues(issues, title=_("La matrice n'a pas été créée : corrigez ces points."))
    elif same_scales(candidate, matrix):
        st.info(_("La matrice n'a pas changé : aucune version créée."))
    else:
        save(
            screen,
            revise_matrix(screen.section, candidate, on=screen.today).model_dump(),
            _("Matrice des risques : version {v}", v=matrix.version + 1),
        )
