"""PostgREST-shaped errors for the hub's REST layer. Qt-free, pure.

Every failure the REST grammar or SQL builder detects is a :class:`RestError` carrying
the HTTP status and the body PostgREST 13 would send (spec 7.4): ``code`` is always a
string, because the Python client replaces a body whose ``code`` is not one. Codes that
start with ``PGRST`` are PostgREST's own; five-character codes are PostgreSQL SQLSTATEs,
worded as PostgreSQL words them.
"""

from __future__ import annotations

from typing import Any

PG_TYPE_NAMES = {
    "int2": "smallint",
    "int4": "integer",
    "int8": "bigint",
    "bool": "boolean",
    "uuid": "uuid",
    "text": "text",
    "timestamptz": "timestamp with time zone",
    "json": "json",
    "jsonb": "jsonb",
}
OPERATOR_HINT = (
    "No operator matches the given name and argument types. "
    "You might need to add explicit type casts."
)


def pg_type_name(pg_type: str) -> str:
    """The name PostgreSQL uses for a type in its messages (``int4`` -> ``integer``)."""
    return PG_TYPE_NAMES.get(pg_type, pg_type)


class RestError(Exception):
    """An error answered as ``{"code","message","details","hint"}`` with ``status``."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = str(code)
        self.message = message
        self.details = details
        self.hint = hint

    def body(self) -> dict[str, Any]:
        """The JSON body PostgREST sends for this error."""
        return {
            "code": self.code,
            "message": self.message,
            "details": self.details,
            "hint": self.hint,
        }

    def __repr__(self) -> str:
        return f"RestError({self.status}, {self.code!r}, {self.message!r})"

    # -- PostgREST's own errors -------------------------------------------------------

    @classmethod
    def parse(cls, source: str, column: int, details: str) -> RestError:
        """PGRST100: a query parameter does not parse.

        Args:
            source: What was being parsed, e.g. ``failed to parse filter (foo.1)``.
            column: 1-based position of the error inside the parsed text.
            details: What was unexpected and what was expected.
        """
        return cls(400, "PGRST100", f'"{source}" (line 1, column {column})', details)

    @classmethod
    def invalid_body(cls, message: str = "Empty or invalid json") -> RestError:
        """PGRST102: the request body is not JSON of the required shape."""
        return cls(400, "PGRST102", message)

    @classmethod
    def invalid_range(cls, details: str) -> RestError:
        """PGRST103: limit/offset or the Range header cannot be satisfied."""
        return cls(416, "PGRST103", "Requested range not satisfiable", details)

    @classmethod
    def negative_limit(cls) -> RestError:
        return cls.invalid_range("Limit should be greater than or equal to zero.")

    @classmethod
    def range_lower_gt_upper(cls) -> RestError:
        return cls.invalid_range(
            "The lower boundary must be lower than or equal to the upper boundary "
            "in the Range header."
        )

    @classmethod
    def offset_out_of_bounds(cls, offset: int, total: int) -> RestError:
        return cls.invalid_range(
            f"An offset of {offset} was requested, but there are only {total} rows."
        )

    @classmethod
    def media_type(cls, accepted: list[str]) -> RestError:
        """PGRST107: nothing in ``Accept`` can be produced."""
        return cls(
            406, "PGRST107", "None of these media types are available: " + ", ".join(accepted)
        )

    @classmethod
    def singular(cls, rows: int) -> RestError:
        """PGRST116: ``Accept: application/vnd.pgrst.object+json`` but not exactly one row."""
        return cls(
            406,
            "PGRST116",
            "Cannot coerce the result to a single JSON object",
            f"The result contains {rows} rows",
        )

    @classmethod
    def unsupported_method(cls, method: str) -> RestError:
        """PGRST117."""
        return cls(405, "PGRST117", f"Unsupported HTTP method: {method}")

    @classmethod
    def invalid_preferences(cls, prefs: list[str]) -> RestError:
        """PGRST122: unknown ``Prefer`` tokens together with ``handling=strict``."""
        return cls(
            400,
            "PGRST122",
            "Invalid preferences given with handling=strict",
            "Invalid preferences: " + ", ".join(prefs),
        )

    @classmethod
    def max_affected(cls, rows: int) -> RestError:
        """PGRST124: more rows affected than ``Prefer: max-affected`` allows."""
        return cls(
            400,
            "PGRST124",
            "Query result exceeds max-affected preference constraint",
            f"The query affects {rows} rows",
        )

    @classmethod
    def unknown_body_column(cls, table: str, column: str) -> RestError:
        """PGRST204: a body key (or ``columns=`` entry) names no column of the table."""
        return cls(
            400,
            "PGRST204",
            f"Could not find the '{column}' column of '{table}' in the schema cache",
        )

    @classmethod
    def unknown_table(cls, table: str, schema: str = "public") -> RestError:
        """PGRST205: the path names no exposed table."""
        return cls(
            404, "PGRST205", f"Could not find the table '{schema}.{table}' in the schema cache"
        )

    # -- PostgreSQL errors, as PostgREST forwards them -----------------------------------

    @classmethod
    def unknown_column(cls, table: str, column: str) -> RestError:
        """42703: a select, filter or order term names no column of the table."""
        return cls(400, "42703", f"column {table}.{column} does not exist")

    @classmethod
    def invalid_text(cls, pg_type: str, value: str) -> RestError:
        """22P02: a value is not valid input for an integer, boolean, uuid or json column."""
        return cls(
            400, "22P02", f'invalid input syntax for type {pg_type_name(pg_type)}: "{value}"'
        )

    @classmethod
    def invalid_datetime(cls, pg_type: str, value: str) -> RestError:
        """22007: a value is not a valid timestamp."""
        return cls(
            400, "22007", f'invalid input syntax for type {pg_type_name(pg_type)}: "{value}"'
        )

    @classmethod
    def out_of_range(cls, pg_type: str, value: str) -> RestError:
        """22003: an integer does not fit its column."""
        return cls(
            400, "22003", f'value "{value}" is out of range for type {pg_type_name(pg_type)}'
        )

    @classmethod
    def nul_character(cls) -> RestError:
        """22021: PostgreSQL text cannot hold U+0000."""
        return cls(400, "22021", 'invalid byte sequence for encoding "UTF8": 0x00')

    @classmethod
    def no_operator(cls, pg_type: str, operator: str) -> RestError:
        """42883: e.g. ``like`` on an integer column (PostgREST answers 404 for 42883)."""
        return cls(
            404,
            "42883",
            f"operator does not exist: {pg_type_name(pg_type)} {operator} unknown",
            None,
            OPERATOR_HINT,
        )

    @classmethod
    def not_boolean(cls, test: str, pg_type: str) -> RestError:
        """42804: ``is.true``/``is.false``/``is.unknown`` on a column that is not boolean."""
        return cls(
            400,
            "42804",
            f"argument of IS {test.upper()} must be type boolean, "
            f"not type {pg_type_name(pg_type)}",
        )

    @classmethod
    def negative_offset(cls) -> RestError:
        """2201X: PostgreSQL rejects ``OFFSET -1``, which PostgREST passes through."""
        return cls(400, "2201X", "OFFSET must not be negative")

    @classmethod
    def statement_timeout(cls) -> RestError:
        """PostgreSQL's ``statement_timeout`` stopped the request's statement."""
        return cls(500, "57014", "canceling statement due to statement timeout")

    @classmethod
    def no_conflict_target(cls) -> RestError:
        """42P10: ``on_conflict`` names columns without a unique constraint."""
        return cls(
            400,
            "42P10",
            "there is no unique or exclusion constraint matching the ON CONFLICT specification",
        )
