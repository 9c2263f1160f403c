"""How the cases' fictional registration numbers were made: SIREN and SIRET passing Luhn.

Where it sits: beside the simulation, as a tool. The numbers themselves live
in each case's ``dossier/identity.json``; ``tests/sample_data`` checks that
they are the ones these functions give, so a trainer can make new ones the
same way.
"""

from __future__ import annotations

__all__ = ["fictional_siren", "head_office_siret", "luhn_check_digit"]


def luhn_check_digit(prefix: str) -> str:
    """The digit that makes ``prefix + digit`` pass the Luhn checksum.

    Example:
        >>> luhn_check_digit("73282932")
        '0'
    """
    for digit in "0123456789":
        candidate = prefix + digit
        total = 0
        for i, ch in enumerate(reversed(candidate)):
            d = int(ch) * (2 if i % 2 == 1 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return digit
    raise AssertionError("unreachable: one digit always completes a Luhn number")


def fictional_siren(prefix8: str) -> str:
    """A 9-digit SIREN passing the Luhn check (fictional).

    Example:
        >>> fictional_siren("84127963")
        '841279631'
    """
    return prefix8 + luhn_check_digit(prefix8)


def head_office_siret(siren: str, nic4: str = "0001") -> str:
    """A 14-digit SIRET of ``siren`` passing the Luhn check.

    Example:
        >>> head_office_siret("841279631")
        '84127963100011'
    """
    return siren + nic4 + luhn_check_digit(siren + nic4)
