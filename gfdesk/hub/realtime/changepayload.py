"""The bytes of a postgres_changes message: ``data`` once per change, ids per subscriber.
Qt-free, pure.

Every subscriber of a change gets the same ``data`` object (spec 5.2), so it is
serialized once and each message is ``{"ids":[...],"data":`` + data + ``}``; the
``ids`` prefix of a single binding is computed when the binding is made. A row over
1 MiB is sent as the real ``realtime.apply_rls`` sends it: only values of at most 64
bytes, and ``errors: ["Error 413: Payload Too Large"]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from gfdesk.hub.store import Change, ChangeType
from gfdesk.hub.tables import Table

#: A change whose record is larger is sent without its large values.
MAX_RECORD_BYTES = 1024 * 1024
MAX_VALUE_BYTES_WHEN_TOO_LARGE = 64
PAYLOAD_TOO_LARGE = "Error 413: Payload Too Large"


def ids_prefix(ids: Iterable[int]) -> bytes:
    """The start of a message listing ``ids``, up to the ``data`` value."""
    return b'{"ids":[' + ",".join(map(str, ids)).encode() + b'],"data":'


def columns_json(table: Table, columns: tuple[str, ...] | None) -> bytes:
    """``columns`` of ``data``: name and PostgreSQL type, in table order."""
    listed = [c for c in table.columns if columns is None or c.name in columns]
    return dump([{"name": c.name, "type": c.pg_type} for c in listed])


def data_json(table: Table, change: Change, columns: tuple[str, ...] | None,
              columns_bytes: bytes) -> bytes:
    """The ``data`` object of a change (spec 5.2).

    Args:
        table: the change's table.
        change: the committed change.
        columns: the columns to send (a binding's ``select`` plus the key), None for all.
        columns_bytes: ``columns_json(table, columns)``, which callers cache.
    """
    record: Mapping[str, Any] | None = None
    old: Mapping[str, Any] | None = None
    if change.type is not ChangeType.DELETE:
        record = _project(change.record, columns)
    if change.type is not ChangeType.INSERT:
        old = change.old_record
        if old is None and change.record is not None:
            old = {k: change.record.get(k) for k in table.primary_key}
        old = _project(old, columns)
    record_json, old_json = dump(record), dump(old)
    errors = b"null"
    if len(record_json) + len(old_json) > MAX_RECORD_BYTES:
        record_json, old_json = dump(_small_values(record)), dump(_small_values(old))
        errors = dump([PAYLOAD_TOO_LARGE])
    parts = [b'{"schema":"public","table":', dump(table.name),
             b',"commit_timestamp":', dump(change.commit_timestamp),
             b',"type":"', change.type.value.encode(), b'","columns":', columns_bytes]
    if change.type is not ChangeType.DELETE:
        parts += (b',"record":', record_json)
    if change.type is not ChangeType.INSERT:
        parts += (b',"old_record":', old_json)
    parts += (b',"errors":', errors, b"}")
    return b"".join(parts)


def _small_values(record: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    if record is None:
        return None
    return {k: v for k, v in record.items() if len(dump(v)) <= MAX_VALUE_BYTES_WHEN_TOO_LARGE}


def _project(record: Mapping[str, Any] | None, columns: tuple[str, ...] | None
             ) -> Mapping[str, Any] | None:
    if record is None or columns is None:
        return record
    return {k: v for k, v in record.items() if k in columns}


def dump(value: Any) -> bytes:
    """Compact JSON as UTF-8 bytes (lengths are octets, as PostgreSQL counts them)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
