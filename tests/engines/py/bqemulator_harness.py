"""Run bqemulator (PyPI, 1.4.0) for mtx's tests, with four adjustments.

tests/engines/up starts the emulator through this file:

    python bqemulator_harness.py start --rest-port 59050 ...

It runs the stock CLI after patching five places where bqemulator 1.4.0
cannot run here or departs from BigQuery in a way that would hide errors.
Nothing of mtx's SQL is changed; docs/engines.md lists these gaps.

1. DuckDB's `spatial` extension: bqemulator refuses to start unless it can
   INSTALL it, which downloads it at run time; test machines reach only
   package registries, and mtx never uses GEOGRAPHY. It is skipped (the
   avro extension is skipped by BQEMU_ENABLE_FORMAT_EXTENSIONS=false).
2. Failed queries: BigQuery answers a jobs.query whose statement fails with
   an HTTP error; bqemulator answers 200 with the error in `errors`, which
   the Go client ignores (there, `errors` may be mere warnings), so a
   failing statement would look successful. Such answers become the HTTP
   error BigQuery sends.
3. ALTER TABLE ADD/DROP COLUMN: bqemulator changes the DuckDB table but not
   its catalog, so INFORMATION_SCHEMA.COLUMNS and tables.get miss the
   change. After a successful ALTER TABLE the catalog entry is refreshed
   from the table, as bqemulator already does after CREATE TABLE.
4. defaultDataset on jobs.query: BigQuery resolves unqualified table names
   in the request's `defaultDataset` for jobs.query as for jobs.insert;
   bqemulator applies it only to jobs.insert, and the Go client sends
   short queries through jobs.query. The emulator's own jobs.insert rewrite
   is applied to jobs.query requests too.
"""

import json
import sys

import sqlglot
from sqlglot import exp

from bqemulator import server
from bqemulator.api.routes import jobs as job_routes
from bqemulator.catalog import ddl_sync
from bqemulator.jobs import executor
from bqemulator.scripting import interpreter
from bqemulator.storage import engine


# 1. ------------------------------------------------------------ spatial


def _no_spatial(self):
    print("bqemulator_harness: DuckDB spatial extension not loaded; GEOGRAPHY is unavailable", file=sys.stderr)


engine.DuckDBEngine._load_spatial = _no_spatial


# 2. ------------------------------------------------------------ failed queries

_HTTP_STATUS = {"notFound": (404, "NOT_FOUND"), "duplicate": (409, "ALREADY_EXISTS"), "accessDenied": (403, "PERMISSION_DENIED")}


class FailedQueryAsHTTPError:
    """ASGI middleware: a jobs.query answer carrying `errors` and no result
    becomes BigQuery's error response ({"error": {code, message, errors}})."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].endswith("/queries"):
            await self.app(scope, receive, send)
            return
        held = []

        async def hold(message):
            held.append(message)

        await self.app(scope, receive, hold)
        start = next((m for m in held if m["type"] == "http.response.start"), None)
        body = b"".join(m.get("body", b"") for m in held if m["type"] == "http.response.body")
        replacement = None
        if start is not None and start["status"] == 200:
            try:
                doc = json.loads(body)
                errors = doc.get("errors") if isinstance(doc, dict) else None
                if errors and doc.get("jobComplete") and not doc.get("rows"):
                    first = errors[0]
                    code, status = _HTTP_STATUS.get(first.get("reason"), (400, "INVALID_ARGUMENT"))
                    replacement = code, json.dumps(
                        {"error": {"code": code, "message": first.get("message", ""), "errors": errors, "status": status}}
                    ).encode()
            except ValueError:
                pass
        if replacement is None:
            for m in held:
                await send(m)
            return
        code, payload = replacement
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"content-length", b"content-type")]
        headers += [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
        await send({"type": "http.response.start", "status": code, "headers": headers})
        await send({"type": "http.response.body", "body": payload})


# 4. ------------------------------------------------------------ defaultDataset


class DefaultDatasetOnQueries:
    """ASGI middleware: a jobs.query request with `defaultDataset` gets its
    unqualified table names qualified, as bqemulator does for jobs.insert."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].endswith("/queries"):
            await self.app(scope, receive, send)
            return
        chunks = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        try:
            doc = json.loads(body)
            if isinstance(doc, dict) and isinstance(doc.get("defaultDataset"), dict) and doc.get("query"):
                project = scope["path"].split("/projects/", 1)[1].split("/", 1)[0]
                doc["query"] = job_routes._apply_default_dataset(doc["query"], doc, request_project_id=project)
                body = json.dumps(doc).encode()
        except (ValueError, IndexError):
            pass
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await self.app(dict(scope, headers=headers), replay, send)


_create_app = server.create_app


def _create_app_for_mtx(context):
    app = _create_app(context)
    app.add_middleware(FailedQueryAsHTTPError)
    app.add_middleware(DefaultDatasetOnQueries)
    return app


server.create_app = _create_app_for_mtx


# 3. ------------------------------------------------------------ ALTER TABLE

_sync_created_table = executor.sync_created_table


def _sync_table(bq_sql, project_id, ctx):
    _sync_created_table(bq_sql, project_id, ctx)
    try:
        tree = sqlglot.parse_one(bq_sql, read="bigquery")
    except Exception:  # noqa: BLE001 - not ours to judge; the statement already ran
        return
    if not isinstance(tree, exp.Alter) or (tree.args.get("kind") or "").upper() != "TABLE":
        return
    if not isinstance(tree.this, exp.Table):
        return
    p_id, d_id, t_id = ddl_sync._split_target(tree.this, project_id)
    meta = ctx.catalog.get_table(p_id, d_id, t_id)
    if meta is None:
        return
    schema = ddl_sync._introspect_schema(p_id, d_id, t_id, ctx)
    ctx.catalog.update_table(meta.model_copy(update={"schema_": schema, "last_modified_time": ctx.clock.now()}))


# Both the single-statement path and the script interpreter sync DDL.
executor.sync_created_table = _sync_table
interpreter.sync_created_table = _sync_table


# 5. ------------------------------------------------------------ parquet schema

_maybe_create_load_destination = executor._maybe_create_load_destination


def _create_from_parquet(**kw):
    load_config = kw["load_config"]
    fields = (load_config.get("schema") or {}).get("fields")
    uris = load_config.get("sourceUris") or []
    if not fields and uris and load_config.get("sourceFormat", "CSV").upper() == "PARQUET":
        from bqemulator.storage.type_map import duckdb_type_to_bq_field

        path = executor._resolve_uri(uris[0], kw["ctx"])
        executor._validate_local_path(path)  # no quotes: safe in the literal below
        described = kw["ctx"].engine.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        load_config["schema"] = {"fields": [duckdb_type_to_bq_field(row[0], row[1]) for row in described]}
    return _maybe_create_load_destination(**kw)


executor._maybe_create_load_destination = _create_from_parquet


if __name__ == "__main__":
    from bqemulator.cli import main

    sys.exit(main())
