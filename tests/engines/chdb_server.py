#!/usr/bin/env python3
"""chdb_server.py — test tooling: ClickHouse's HTTP interface in front of chDB.

chDB (PyPI `chdb`) embeds a current ClickHouse engine in-process, with no
server. mtx talks to ClickHouse through clickhouse-go, whose HTTP transport
needs a server; this script is that server, for tests only. It answers the
subset of https://clickhouse.com/docs/interfaces/http that clickhouse-go v2
uses, from one persistent chDB session whose data lives under --data:

* POST /  query text in the body, settings in the URL (database,
  default_format, client_protocol_version, param_NAME query parameters and
  ordinary ClickHouse settings such as mutations_sync);
* POST /?query=INSERT ... FORMAT F  with the data (e.g. a Native block, as
  clickhouse-go's batch insert sends) in the body, plain or chunked, gzip- or
  deflate-encoded;
* POST /?query=INSERT ... SELECT ... FROM input('structure') FORMAT F  with the
  data in the body (what mtx load sends a parquet file with): chDB's
  send_insert takes no INSERT ... SELECT, so the body is written to a
  temporary file and input(...) becomes file('<that file>', 'F', ...);
* X-ClickHouse-Summary on every answer, with written_rows (what mtx load
  checks a server-side insert against);
* GET /?query=...,  GET /ping  and  GET /  ("Ok.").

Results are produced by chDB in the requested format. A real server writes
Native output for the client_protocol_version the client names (54460 for
clickhouse-go): each block carries a BlockInfo header and each column a
"custom serialization" flag. chDB writes revision-0 Native (neither), so this
server reframes every Native block to the client's revision, walking the
column data to find where each column ends (see reframe_native).

Errors come back as a real server sends them: a non-200 status, the text
"Code: N. DB::Exception: ..." in the body and X-ClickHouse-Exception-Code.

Not supported (a clear error, never a wrong answer): native LZ4/ZSTD HTTP
compression (compress=1 / decompress=1), external tables (multipart
bodies), per-request sessions (session_id is accepted and ignored: all
requests share the one chDB session, so a SET statement outlives its
request), and Native reframing of
Dynamic/Variant/JSON/AggregateFunction columns. Authentication is not
checked. Requests run one at a time (chDB sessions are not thread-safe).
"""

import argparse
import gzip
import os
import re
import signal
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

# ----------------------------------------------------------------- Native

# Block info a server sends when client_protocol_version > 0: field 1
# is_overflows = false, field 2 bucket_num = -1, end marker 0.
BLOCK_INFO = b"\x01\x00\x02\xff\xff\xff\xff\x00"
# DBMS_MIN_REVISION_WITH_CUSTOM_SERIALIZATION: from this client revision on,
# every column header ends with a has_custom_serialization flag.
MIN_REVISION_CUSTOM_SERIALIZATION = 54454

FIXED_SIZE = {
    "UInt8": 1, "Int8": 1, "Bool": 1, "Enum8": 1, "Nothing": 1,
    "UInt16": 2, "Int16": 2, "Date": 2, "Enum16": 2, "BFloat16": 2,
    "UInt32": 4, "Int32": 4, "Float32": 4, "Date32": 4, "DateTime": 4,
    "IPv4": 4, "Decimal32": 4, "Time": 4,
    "UInt64": 8, "Int64": 8, "Float64": 8, "DateTime64": 8, "Decimal64": 8,
    "Time64": 8,
    "UInt128": 16, "Int128": 16, "UUID": 16, "IPv6": 16, "Decimal128": 16,
    "UInt256": 32, "Int256": 32, "Decimal256": 32,
}


class ShimError(Exception):
    """An error reported to the client as a ClickHouse exception."""

    def __init__(self, code, name, message, status=500):
        super().__init__(message)
        self.code, self.name, self.status = code, name, status

    def text(self):
        return "Code: %d. DB::Exception: %s. (%s) (chdb_server)\n" % (self.code, self, self.name)


def parse_type(s):
    """Parse a ClickHouse type name into (name, [argument strings])."""
    s = s.strip()
    i = s.find("(")
    if i < 0:
        return s, []
    if not s.endswith(")"):
        raise ShimError(50, "UNKNOWN_TYPE", "cannot parse type %r" % s)
    return s[:i].strip(), split_args(s[i + 1:-1])


def split_args(s):
    """Split type arguments at top-level commas, respecting quotes and parentheses."""
    out, depth, quote, start, i = [], 0, None, 0, 0
    while i < len(s):
        c = s[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'`\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "," and depth == 0:
            out.append(s[start:i].strip())
            start = i + 1
        i += 1
    out.append(s[start:].strip())
    return [a for a in out if a]


def tuple_element_type(arg):
    """Tuple(a String, b UInt8) may name its elements; return the type part.
    A type never has a space before its first "(", so a leading word that a
    space ends is an element name."""
    if arg.startswith("`"):
        return arg[arg.index("`", 1) + 1:].strip()
    m = re.match(r"^[A-Za-z_][A-Za-z0-9_]*\s+", arg)
    return arg[m.end():] if m else arg


class Reader:
    """Cursor over a Native stream."""

    def __init__(self, buf):
        self.buf, self.pos = buf, 0

    def need(self, n):
        if self.pos + n > len(self.buf):
            raise ShimError(1001, "STD_EXCEPTION", "truncated Native data from chDB")

    def skip(self, n):
        self.need(n)
        self.pos += n

    def varint(self):
        shift = value = 0
        while True:
            self.need(1)
            b = self.buf[self.pos]
            self.pos += 1
            value |= (b & 0x7F) << shift
            if b < 0x80:
                return value
            shift += 7

    def string(self):
        n = self.varint()
        self.need(n)
        s = self.buf[self.pos:self.pos + n]
        self.pos += n
        return s

    def uint64(self):
        self.need(8)
        v = int.from_bytes(self.buf[self.pos:self.pos + 8], "little")
        self.pos += 8
        return v


def decimal_size(args):
    p = int(args[0])
    return 4 if p <= 9 else 8 if p <= 18 else 16 if p <= 38 else 32


# Geo types are names for tuples and arrays of Float64.
ALIASES = {
    "Point": "Tuple(Float64, Float64)", "Ring": "Array(Point)", "LineString": "Array(Point)",
    "Polygon": "Array(Ring)", "MultiLineString": "Array(LineString)", "MultiPolygon": "Array(Polygon)",
}


def parse_column_type(typ):
    name, args = parse_type(typ)
    if name in ALIASES and not args:
        return parse_type(ALIASES[name])
    return name, args


def skip_prefix(r, typ):
    """Skip a column's serialization state prefix (written before its data)."""
    name, args = parse_column_type(typ)
    if name == "LowCardinality":
        r.skip(8)  # key serialization version
    elif name in ("Nullable", "Array", "SimpleAggregateFunction"):
        skip_prefix(r, args[-1])
    elif name == "Map":
        skip_prefix(r, args[0])
        skip_prefix(r, args[1])
    elif name in ("Tuple", "Nested"):
        for a in args:
            skip_prefix(r, tuple_element_type(a))


def skip_data(r, typ, rows):
    """Skip `rows` values of a column of type typ (bulk serialization)."""
    name, args = parse_column_type(typ)
    if rows == 0:
        return
    if name in FIXED_SIZE:
        r.skip(FIXED_SIZE[name] * rows)
    elif name == "Decimal":
        r.skip(decimal_size(args) * rows)
    elif name.startswith("Interval"):
        r.skip(8 * rows)
    elif name == "FixedString":
        r.skip(int(args[0]) * rows)
    elif name in ("String", "Object"):
        if name == "Object":
            raise ShimError(48, "NOT_IMPLEMENTED", "chdb_server cannot reframe Native column type " + typ)
        for _ in range(rows):
            r.skip(r.varint())
    elif name == "Nullable":
        r.skip(rows)
        skip_data(r, args[0], rows)
    elif name == "SimpleAggregateFunction":
        skip_data(r, args[-1], rows)
    elif name in ("Array", "Map", "Nested"):
        r.skip(8 * (rows - 1))
        total = r.uint64()
        if name == "Array":
            skip_data(r, args[0], total)
        elif name == "Map":
            skip_data(r, args[0], total)
            skip_data(r, args[1], total)
        else:
            for a in args:
                skip_data(r, tuple_element_type(a), total)
    elif name == "Tuple":
        for a in args:
            skip_data(r, tuple_element_type(a), rows)
    elif name == "LowCardinality":
        flags = r.uint64()
        index_size = 1 << (flags & 0xFF)
        if flags & (1 << 9):  # HasAdditionalKeys: a dictionary for this block
            keys = r.uint64()
            inner = args[0]
            iname, iargs = parse_type(inner)
            skip_data(r, iargs[0] if iname == "Nullable" else inner, keys)
        n = r.uint64()
        r.skip(index_size * n)
    else:
        raise ShimError(48, "NOT_IMPLEMENTED", "chdb_server cannot reframe Native column type " + typ)


def reframe_native(data, revision):
    """Rewrite chDB's revision-0 Native stream for a client of `revision`."""
    if revision <= 0 or not data:
        return data
    r, out = Reader(data), []
    while r.pos < len(data):
        start = r.pos
        cols, rows = r.varint(), r.varint()
        out.append(BLOCK_INFO)
        out.append(data[start:r.pos])
        for _ in range(cols):
            start = r.pos
            r.string()  # name
            typ = r.string().decode()
            out.append(data[start:r.pos])
            if revision >= MIN_REVISION_CUSTOM_SERIALIZATION:
                out.append(b"\x00")  # no custom (sparse) serialization
            start = r.pos
            if rows:
                skip_prefix(r, typ)
                skip_data(r, typ, rows)
            out.append(data[start:r.pos])
    return b"".join(out)


# ----------------------------------------------------------------- server

# URL parameters that are part of the HTTP protocol, not settings.
PROTOCOL_PARAMS = {
    "query", "database", "default_format", "client_protocol_version", "query_id",
    "quota_key", "user", "password", "compress", "decompress", "session_id",
    "session_timeout", "session_check", "buffer_size", "wait_end_of_query",
    "add_http_cors_header", "enable_http_compression", "http_zlib_compression_level",
}

INSERT_FORMAT = re.compile(r"^\s*(INSERT\s+INTO\s+.*?)\s+FORMAT\s+([A-Za-z0-9_]+)\s*;?\s*$", re.I | re.S)
INPUT_CALL = re.compile(r"\binput\s*\(\s*(\))?", re.I)
TRAILING_FORMAT = re.compile(r"\sFORMAT\s+([A-Za-z0-9_]+)\s*;?\s*$", re.I)
ERROR_CODE = re.compile(r"Code:\s*(\d+)\.")
STATUS_OF_CODE = {62: 400, 27: 400, 60: 404, 81: 404, 115: 400, 516: 401}


class Engine:
    """One chDB session, used by one request at a time."""

    def __init__(self, path):
        from chdb import session  # imported here: --help works without chdb

        self.session = session.Session(path)
        self.scratch = os.path.join(path, "chdb_server_input")
        os.makedirs(self.scratch, exist_ok=True)
        self.written = 0  # rows the last request wrote, for X-ClickHouse-Summary
        self.lock = threading.Lock()
        self.settings = set(self.text("SELECT name FROM system.settings").split())

    def text(self, sql):
        return self.session.query(sql, "TabSeparated").bytes().decode()

    def run(self, params, sql, data):
        """Execute one request; return (body, format, rows written)."""
        fmt = params.get("default_format") or "TabSeparated"
        settings = {k: v for k, v in params.items() if k not in PROTOCOL_PARAMS and not k.startswith("param_")}
        for k in settings:
            if k not in self.settings:
                raise ShimError(115, "UNKNOWN_SETTING", "Unknown setting '%s'" % k, 400)
        qparams = {k[len("param_"):]: v for k, v in params.items() if k.startswith("param_")}
        with self.lock:
            self.session.query("USE " + quote_ident(params.get("database") or "default"))
            saved = {}
            if settings:
                names = ", ".join(quote_string(k) for k in settings)
                for line in self.text("SELECT name, value FROM system.settings WHERE name IN (%s)" % names).splitlines():
                    n, v = line.split("\t", 1)
                    saved[n] = v
                for k, v in settings.items():
                    self.session.query("SET %s = %s" % (quote_ident(k), quote_string(v)))
            try:
                body, fmt = self.execute(sql, data, fmt, qparams)
                return body, fmt, self.written
            finally:
                for k, v in saved.items():
                    self.session.query("SET %s = %s" % (quote_ident(k), quote_string(unescape_tsv(v))))

    def execute(self, sql, data, fmt, qparams):
        self.written = 0
        if data:
            m = INSERT_FORMAT.match(sql)
            if m and INPUT_CALL.search(m.group(1)):
                return self.insert_from_input(m.group(1), m.group(2), data), fmt
            if m:
                with self.session.send_insert(m.group(1), m.group(2)) as ins:
                    ins.append(data)
                    ins.finish()
                return b"", fmt
            sql += data.decode()
        m = TRAILING_FORMAT.search(sql)
        if m:
            fmt = m.group(1)
        res = self.session.query(sql, fmt, params=qparams or None)
        self.written = res.rows_written()
        return bytes(res.bytes()), fmt

    def insert_from_input(self, sql, fmt, data):
        """INSERT ... SELECT ... FROM input(...) with the data of the request:
        the data go to a file that file() reads in input()'s place."""
        path = os.path.join(self.scratch, "%d_%d.%s" % (os.getpid(), threading.get_ident(), fmt.lower()))
        with open(path, "wb") as f:
            f.write(data)
        try:
            head = "file(%s, %s" % (quote_string(path), quote_string(fmt))
            sql = INPUT_CALL.sub(lambda m: head + (")" if m.group(1) else ", "), sql, count=1)
            self.written = self.session.query(sql, "TabSeparated").rows_written()
            return b""
        finally:
            os.remove(path)


def quote_ident(s):
    return "`" + s.replace("\\", "\\\\").replace("`", "\\`") + "`"


def quote_string(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def unescape_tsv(s):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "\\": "\\"}.get(m.group(1), m.group(1)), s)


def clickhouse_error(e):
    """Turn a chDB exception into (status, code, text)."""
    if isinstance(e, ShimError):
        return e.status, e.code, e.text()
    text = str(e).strip()
    m = ERROR_CODE.search(text)
    if not m:
        return 500, 1001, "Code: 1001. DB::Exception: %s. (STD_EXCEPTION)\n" % text
    code = int(m.group(1))
    return STATUS_OF_CODE.get(code, 500), code, text[m.start():] + "\n"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "chdb_server"
    # Headers and body go out in two writes; with Nagle's algorithm on, the
    # body waits for the client's delayed ACK of the headers (40 ms on
    # Linux), which every query returning rows paid and ClickHouse does not.
    disable_nagle_algorithm = True
    engine = None
    quiet = False

    def log_message(self, fmt, *args):  # one line per request is logged by handle_query
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        if "query" not in params:
            if url.path in ("/", "/ping"):
                return self.reply(200, b"Ok.\n", {"Content-Type": "text/plain; charset=UTF-8"})
            return self.reply(404, b"There is no handle " + url.path.encode() + b"\n", {})
        self.handle_query(params, params.pop("query"), b"")

    def do_POST(self):
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        try:
            body = self.read_body()
        except ShimError as e:
            return self.fail(e)
        ctype = self.headers.get("Content-Type", "")
        if ctype.startswith("multipart/"):
            return self.fail(ShimError(48, "NOT_IMPLEMENTED", "chdb_server does not support external tables (multipart bodies)", 501))
        if "query" in params:
            self.handle_query(params, params.pop("query"), body)
        else:
            self.handle_query(params, body.decode("utf-8", "replace"), b"")

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            parts = []
            while True:
                line = self.rfile.readline(65537)
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                parts.append(self.rfile.read(size))
                self.rfile.readline(3)
            body = b"".join(parts)
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        enc = self.headers.get("Content-Encoding", "").lower()
        if enc in ("", "identity"):
            return body
        if enc == "gzip":
            return gzip.decompress(body)
        if enc == "deflate":
            return zlib.decompress(body)
        if enc == "br":
            try:
                import brotli
            except ImportError:
                raise ShimError(48, "NOT_IMPLEMENTED", "chdb_server cannot decode Content-Encoding br", 501)
            return brotli.decompress(body)
        raise ShimError(48, "NOT_IMPLEMENTED", "chdb_server cannot decode Content-Encoding " + enc, 501)

    def handle_query(self, params, sql, data):
        t0 = time.monotonic()
        if params.get("compress") == "1" or params.get("decompress") == "1":
            return self.fail(ShimError(48, "NOT_IMPLEMENTED",
                                       "chdb_server does not support native LZ4/ZSTD HTTP compression (compress=1); "
                                       "drop the compress option from the DSN", 501))
        try:
            body, fmt, written = self.engine.run(params, sql, data)
            if fmt == "Native":
                body = reframe_native(body, int(params.get("client_protocol_version") or 0))
        except Exception as e:  # chDB raises its own error types; all become ClickHouse exceptions
            self.log(t0, sql, "error " + str(e).splitlines()[0][:200] if str(e) else repr(e))
            return self.fail(e)
        enc = self.headers.get("Content-Encoding")
        self.log(t0, sql, "%d bytes%s" % (len(body), " (%d bytes in, %s)" % (len(data), enc) if enc else ""))
        self.reply(200, body, {
            "Content-Type": "application/octet-stream" if fmt in ("Native", "RowBinary") else "text/plain; charset=UTF-8",
            "X-ClickHouse-Format": fmt,
            "X-ClickHouse-Query-Id": params.get("query_id", ""),
            "X-ClickHouse-Summary": '{"written_rows":"%d"}' % written,
        })

    def log(self, t0, sql, what):
        if not self.quiet:
            one = " ".join(sql.split())
            sys.stderr.write("%s %.1fms %s: %s\n" % (time.strftime("%H:%M:%S"), (time.monotonic() - t0) * 1000,
                                                     what, one[:200]))
            sys.stderr.flush()

    def fail(self, e):
        status, code, text = clickhouse_error(e)
        self.reply(status, text.encode(), {"Content-Type": "text/plain; charset=UTF-8",
                                           "X-ClickHouse-Exception-Code": str(code)})

    def reply(self, status, body, headers):
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_HEAD = do_GET


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="directory of the persistent chDB session")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=58123)
    ap.add_argument("--pid-file", help="write the server's pid here once it listens")
    ap.add_argument("--quiet", action="store_true", help="do not log each query to stderr")
    a = ap.parse_args()

    os.makedirs(a.data, exist_ok=True)
    try:
        srv = ThreadingHTTPServer((a.host, a.port), Handler)
    except OSError as e:
        sys.exit("chdb_server: cannot listen on %s:%d: %s" % (a.host, a.port, e.strerror or e))
    try:
        Handler.engine = Engine(a.data)
    except Exception as e:
        sys.exit("chdb_server: cannot open chDB data directory %s: %s" % (a.data, e))
    Handler.quiet = a.quiet
    srv.daemon_threads = True

    def stop(*_):
        threading.Thread(target=srv.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    version = Handler.engine.text("SELECT version()").strip()
    if a.pid_file:
        with open(a.pid_file + ".tmp", "w") as f:
            f.write("%d\n" % os.getpid())
        os.replace(a.pid_file + ".tmp", a.pid_file)
    sys.stderr.write("chdb_server: ClickHouse %s (chDB) on http://%s:%d, data in %s\n" % (version, a.host, a.port, a.data))
    sys.stderr.flush()
    try:
        srv.serve_forever()
    finally:
        srv.server_close()
        Handler.engine.session.close()
        if a.pid_file:
            try:
                os.remove(a.pid_file)
            except FileNotFoundError:
                pass
        sys.stderr.write("chdb_server: stopped\n")


if __name__ == "__main__":
    main()
