"""Files kept with a dossier, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import hashlib

import pytest

from essdiag.dossier import new_dossier
from essdiag.errors import NotFoundError
from essdiag.store import Workspace


def test_attachments_keep_bytes_and_hash(workspace: Workspace) -> None:
    info = workspace.create(new_dossier("Asso"), author="a")
    data = bytes(range(256)) * 1000
    att = workspace.attach(
        info.id, "fec.parquet", data, media_type="application/x-parquet", kind="ledger-parquet"
    )
    assert att.size == len(data)
    assert att.sha256 == hashlib.sha256(data).hexdigest()
    assert workspace.attachment_bytes(att.id) == data
    assert [a.id for a in workspace.attachments(info.id)] == [att.id]
    assert workspace.attachments(info.id)[0] == att  # listed as it was returned
    with pytest.raises(NotFoundError):
        workspace.attachment_bytes("missing")


def test_a_file_is_kept_only_with_a_known_dossier(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError, match="nope"):
        workspace.attach("nope", "x.txt", b"x", media_type="text/plain", kind="original-upload")
