"""Shared Hypothesis strategies for essdiag's models."""

from __future__ import annotations

from hypothesis import strategies as st

from essdiag.dossier import Dossier
from essdiag.identity import Identity, LegalForm


def luhn_complete(prefix: str) -> str:
    """``prefix`` plus the one check digit that makes it pass Luhn (computed by brute force)."""
    from essdiag.identity import luhn_valid

    return next(prefix + str(d) for d in range(10) if luhn_valid(prefix + str(d)))


sirens = st.from_regex(r"\d{8}", fullmatch=True).map(luhn_complete)

text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=40)


@st.composite
def identities(draw: st.DrawFn) -> Identity:
    """Valid identities, with accents, quotes and odd characters in free text."""
    siren = draw(st.none() | sirens)
    siret = None
    if siren is not None and draw(st.booleans()):
        siret = luhn_complete(siren + draw(st.from_regex(r"\d{4}", fullmatch=True)))
    return Identity(
        name=draw(text.filter(lambda s: s.strip() != "")),
        legal_form=draw(st.sampled_from(list(LegalForm))),
        esus=draw(st.booleans()),
        siren=siren,
        siret=siret,
        purpose=draw(text),
        fiscal_year_start_month=draw(st.integers(1, 12)),
        headcount=draw(st.integers(0, 100_000)),
        fte=draw(st.floats(0, 100_000, allow_nan=False, allow_infinity=False)),
        volunteers=draw(st.integers(0, 100_000)),
        members=draw(st.integers(0, 10_000_000)),
    )


dossiers = identities().map(lambda i: Dossier(identity=i))
