"""Run bqemulator on a machine that cannot download DuckDB extensions.

bqemulator (PyPI) refuses to start unless DuckDB's `spatial` extension can be
INSTALLed, which downloads it from the DuckDB extension site at run time.
Test machines here reach only package registries, and mtx never uses
GEOGRAPHY, so this launcher skips that one step (bqemulator's own setting
BQEMU_ENABLE_FORMAT_EXTENSIONS=false does the same for its avro extension,
and tests/engines/up sets it) and then runs the stock CLI:

    python bqemulator_offline.py start --rest-port 59050 ...

Only tests/engines/up uses it; nothing else of bqemulator is changed.
"""

import sys

from bqemulator.storage import engine


def _no_spatial(self):
    print("bqemulator_offline: DuckDB spatial extension not loaded; GEOGRAPHY is unavailable", file=sys.stderr)


engine.DuckDBEngine._load_spatial = _no_spatial

if __name__ == "__main__":
    from bqemulator.cli import main

    sys.exit(main())
