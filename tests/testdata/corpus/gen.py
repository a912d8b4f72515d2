#!/usr/bin/env python3
"""Writes the load corpus's parquet files (tests/testdata/corpus/files/).

Run with pyarrow (tests/engines/up installs it into .build/venv):

    .build/venv/bin/python tests/testdata/corpus/gen.py

Each file is tiny (a few rows): the corpus replays on every engine, the
emulators included. cases.tsv says what each file must do; this script only
writes the bytes. Files are deterministic (no timestamps of today).
"""
import datetime as dt
import decimal as dec
import os

import pyarrow as pa
import pyarrow.parquet as pq

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "files")
UTC = dt.timezone.utc
T0 = dt.datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
D = dec.Decimal
TS = pa.timestamp("us", tz="UTC")


def alert(n=3, **override):
    """Columns of an alert file as the export writes them; override swaps
    (value: (type, values)) or drops (value: None) columns."""
    cols = {
        "id": (pa.string(), [f"alert-{i}" for i in range(n)]),
        "name": (pa.string(), [f"Alert {i}" for i in range(n)]),
        "alert_type": (pa.string(), ["spend_threshold_reached"] * n),
        "threshold": (pa.decimal128(38, 9), [D("100.5") + i for i in range(n)]),
        "webhooks_enabled": (pa.bool_(), [i % 2 == 0 for i in range(n)]),
        "environment_type": (pa.string(), ["PRODUCTION"] * n),
        "created_at": (TS, [T0] * n),
        "disabled_at": (TS, [None] * n),
        "updated_at": (TS, [T0 + dt.timedelta(hours=i) for i in range(n)]),
    }
    for k, v in override.items():
        if v is None:
            cols.pop(k)
        else:
            cols[k] = v
    return cols


def contract(n=3, **override):
    cols = {
        "id": (pa.string(), [f"contract-{i}" for i in range(n)]),
        "environment_type": (pa.string(), ["PRODUCTION"] * n),
        "snapshot_id": (pa.string(), ["snap-1"] * n),
        "name": (pa.string(), [f"Contract {i}" for i in range(n)]),
        "customer_id": (pa.string(), ["customer-1"] * n),
        "starting_at": (TS, [T0] * n),
        "net_payment_terms_days": (pa.int64(), [30] * n),
        "created_at": (TS, [T0] * n),
        "updated_at": (TS, [T0] * n),
    }
    for k, v in override.items():
        if v is None:
            cols.pop(k)
        else:
            cols[k] = v
    return cols


def write(name, cols, names=None, **options):
    arrays = [pa.array(v, type=t) for t, v in cols.values()]
    table = pa.Table.from_arrays(arrays, names=names or list(cols))
    pq.write_table(table, os.path.join(OUT, name + ".parquet"), **options)


def main():
    os.makedirs(OUT, exist_ok=True)
    n = 3
    # Files that must load.
    write("good_alert", alert())
    write("empty_table", alert(0))  # pyarrow writes one empty row group
    write("int_into_decimal", alert(threshold=(pa.int64(), [1, 2, 3])))
    write("extra_scale_zeros", alert(threshold=(pa.decimal128(38, 12), [D("1.500000000000")] * n)))
    cols = alert()
    write("upper_case_names", cols, names=[k.upper() for k in cols])
    write("int32_into_integer", contract(net_payment_terms_days=(pa.int32(), [30, 45, 60])))
    write("decimal_as_text", alert(threshold=(pa.string(), ["12.5", "-0.000000001", "7"])))
    write("date_into_timestamp", alert(created_at=(pa.date32(), [dt.date(2025, 3, 1)] * n)))
    write("millis_timestamp", alert(updated_at=(pa.timestamp("ms", tz="UTC"), [T0] * n)))
    write("missing_optional_column", alert(alert_type=None))
    # pyarrow's other valid ways of writing the same values.
    write("row_group_per_row", alert(), row_group_size=1, compression="zstd", data_page_version="2.0", use_dictionary=False)
    write("nanos_and_large_strings", alert(
        name=(pa.large_string(), [f"Alert {i}" for i in range(n)]),
        updated_at=(pa.timestamp("ns", tz="UTC"), [T0] * n),
        threshold=(pa.decimal256(40, 9), [D("100.5")] * n),
    ), compression="gzip")
    # Loads, with a warning naming the column.
    write("unknown_column", alert(brand_new_col=(pa.string(), ["x"] * n)))
    # Files that must fail, naming the column.
    write("float_into_integer", contract(net_payment_terms_days=(pa.float64(), [30.0, 30.7, 31.0])))
    write("decimal_into_integer", contract(net_payment_terms_days=(pa.decimal128(10, 1), [D("30.0"), D("30.5"), D("31.0")])))
    write("bool_into_decimal", alert(threshold=(pa.bool_(), [True, False, True])))
    write("yes_into_boolean", alert(webhooks_enabled=(pa.string(), ["true", "yes", "false"])))
    write("two_into_boolean", alert(webhooks_enabled=(pa.int64(), [1, 2, 0])))
    write("exponent_into_decimal", alert(threshold=(pa.string(), ["1", "1e5", "2"])))
    write("comma_into_decimal", alert(threshold=(pa.string(), ["1", "12,50 EUR", "2"])))
    write("nan_into_decimal", alert(threshold=(pa.float64(), [1.0, float("nan"), 2.0])))
    write("int64_max_timestamp", alert(created_at=(TS, [0, 2**63 - 1, 0])))
    write("rounded_scale", alert(threshold=(pa.decimal128(38, 12), [D("1.5"), D("1.123456789123"), D("2")])))
    write("decimal_overflow", alert(threshold=(pa.decimal128(38, 0), [D(1), D(10) ** 30, D(2)])))
    # Bytes that are not UTF-8 in a text column (a binary column, as
    # pyarrow refuses such a string): an error naming column and row.
    write("invalid_utf8", alert(name=(pa.binary(), [b"Alert 0", b"caf\xe9", b"Alert 2"])))
    write("plain_int_into_timestamp", alert(created_at=(pa.int64(), [1, 2, 3])))
    write("text_into_timestamp", alert(created_at=(pa.string(), ["2025-03-01T00:00:00Z", "last tuesday", "2025-03-01"])))
    write("huge_uint_into_integer", contract(net_payment_terms_days=(pa.uint64(), [1, 2**64 - 1, 3])))
    write("missing_key", alert(id=None))
    write("list_into_decimal", alert(threshold=(pa.list_(pa.decimal128(38, 9)), [[D(1)], [D(2)], [D(3)]])))
    cols = alert()
    write("duplicate_column", cols, names=["id", "name", "alert_type", "threshold", "webhooks_enabled", "environment_type", "created_at", "name", "updated_at"])
    cols = alert()
    write("case_duplicate_column", cols, names=["id", "name", "alert_type", "threshold", "webhooks_enabled", "environment_type", "created_at", "ID", "updated_at"])
    # Another table's file (a customer file) in alert's folder.
    write("other_tables_file", {
        "id": (pa.string(), ["customer-1"]),
        "name": (pa.string(), ["Customer 1"]),
        "ingest_aliases": (pa.string(), ['["a"]']),
        "salesforce_account_id": (pa.string(), [None]),
        "billing_provider_type": (pa.string(), ["stripe"]),
        "billing_provider_customer_id": (pa.string(), ["cus_1"]),
        "custom_fields": (pa.string(), ["{}"]),
        "environment_type": (pa.string(), ["PRODUCTION"]),
        "created_at": (TS, [T0]),
        "updated_at": (TS, [T0]),
        "archived_at": (TS, [None]),
    })
    with open(os.path.join(OUT, "not_parquet.parquet"), "w") as f:
        f.write("id,name\nalert-1,Alert 1\n")
    good = open(os.path.join(OUT, "good_alert.parquet"), "rb").read()
    with open(os.path.join(OUT, "truncated.parquet"), "wb") as f:
        f.write(good[: len(good) // 2])


if __name__ == "__main__":
    main()
