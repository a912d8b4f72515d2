"""Run fakesnow (PyPI, 0.12.1) for mtx's tests, able to read s3:// objects.

tests/engines/up starts the Snowflake emulator through this file:

    python fakesnow_harness.py --s3-endpoint http://127.0.0.1:59000 --server --port 58080

Everything after the harness's own options goes to fakesnow's CLI. Only the
emulator is adjusted, never mtx's SQL; docs/engines.md lists these gaps.

1. S3: fakesnow runs COPY INTO from an external stage (URL = 's3://...')
   through DuckDB's read_parquet, which needs DuckDB's httpfs extension.
   DuckDB downloads extensions at run time, which test machines cannot
   (they reach only package registries), so the extension comes from PyPI's
   duckdb-extension-httpfs wheel, loaded from its file. DuckDB is pointed at
   the local S3 server (moto) with an S3 secret: path-style URLs, no TLS,
   the test key pair. Real Snowflake reads the bucket with the stage's own
   credentials or storage integration.
2. Stage references in COPY INTO's transformation query: fakesnow checks
   `FROM @db.schema.stage/path/` as if it were a table named by one
   unqualified identifier, and refuses the COPY when the session has no
   current schema ("Cannot perform COPY. This session does not have a
   current schema") although every name in it is qualified. A stage
   reference is judged by its own qualifiers instead (@name needs a current
   schema, @schema.name a current database, @db.schema.name nothing).
3. A COPY whose file DuckDB cannot read (a corrupt parquet file) raises an
   error fakesnow does not translate (a bare duckdb.Error such as "don't
   know what type", InvalidInputException or IOException), so the server answers HTTP 500, which Snowflake's drivers
   retry for about a minute and a half and then report as a hang. Real
   Snowflake answers with a SQL error naming the problem; such errors become
   a SQL error (ProgrammingError, SQLSTATE 22000) with DuckDB's message.
4. DuckDB version: fakesnow 0.12.1 asks for DuckDB 2.0, for which PyPI has
   no httpfs wheel (the newest is 1.5.5), so the emulator runs on DuckDB
   1.5.5. Its one DuckDB 2.0 name, duckdb.ResourceInUseException (caught
   when a duplicate CREATE DATABASE conflicts), is missing there and would
   turn every failing statement into an AttributeError (HTTP 500); it is
   defined as an exception DuckDB 1.5 never raises.
"""

import argparse
import os
import sys
from urllib.parse import urlsplit

import duckdb
import duckdb_extension_httpfs
import snowflake.connector.errors

from sqlglot import exp

if not hasattr(duckdb, "ResourceInUseException"):
    duckdb.ResourceInUseException = type("ResourceInUseException", (duckdb.Error,), {})

from fakesnow import checks, cursor, instance  # noqa: E402


def _httpfs_path() -> str:
    base = os.path.join(os.path.dirname(duckdb_extension_httpfs.__file__), "extensions")
    want = "v" + duckdb.__version__
    path = os.path.join(base, want, "httpfs.duckdb_extension")
    if not os.path.exists(path):
        have = ", ".join(sorted(os.listdir(base))) if os.path.isdir(base) else "none"
        sys.exit(f"fakesnow_harness: no httpfs extension for DuckDB {want} (the wheel has {have}): "
                 "pin duckdb-extension-httpfs to the DuckDB version")
    return path


def _sql_string(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _s3_setup(endpoint: str) -> list[str]:
    u = urlsplit(endpoint)
    if u.scheme not in ("http", "https") or not u.netloc:
        sys.exit(f"fakesnow_harness: --s3-endpoint {endpoint!r} is not an http(s) URL")
    return [
        f"LOAD {_sql_string(_httpfs_path())}",
        "CREATE OR REPLACE SECRET mtx_s3 (TYPE S3, KEY_ID 'test', SECRET 'test', REGION 'us-east-1', "
        f"ENDPOINT {_sql_string(u.netloc)}, URL_STYLE 'path', USE_SSL {'true' if u.scheme == 'https' else 'false'})",
    ]


_missing_qualifiers = checks._missing_qualifiers


def _stage_qualifiers(node: exp.Table) -> tuple[bool, bool]:
    if isinstance(node.this, exp.Var) and node.this.name.startswith("@"):
        name = node.this.name[1:].split("/", 1)[0]
        dots = len([p for p in name.split(".") if p]) - 1
        return dots < 2, dots < 1
    return _missing_qualifiers(node)


checks._missing_qualifiers = _stage_qualifiers

_copy_into = cursor.copy_into


def _copy_into_sql_errors(*args, **kwargs):
    try:
        return _copy_into(*args, **kwargs)
    except duckdb.Error as e:
        if type(e) is not duckdb.Error and not isinstance(e, (duckdb.InvalidInputException, duckdb.IOException)):
            raise  # fakesnow translates the others itself
        raise snowflake.connector.errors.ProgrammingError(msg=str(e).split("\n")[0], errno=100000, sqlstate="22000") from None


cursor.copy_into = _copy_into_sql_errors


def main() -> int:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--s3-endpoint", default=os.environ.get("MTX_TEST_S3_ENDPOINT", ""))
    ours, rest = p.parse_known_args()
    setup = _s3_setup(ours.s3_endpoint) if ours.s3_endpoint else []

    original = instance.FakeSnow.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        for sql in setup:
            self.duck_conn.execute(sql)

    instance.FakeSnow.__init__ = init

    from fakesnow import cli  # imports fakesnow.server, which builds the shared instance

    return cli.main(rest)


if __name__ == "__main__":
    sys.exit(main())
