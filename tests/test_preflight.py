"""`newsetl run` checks its inputs and warehouse before Prefect is imported: bad paths fail fast, in one line."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from typer.testing import CliRunner

from newsetl.flows.cli import app
from newsetl.flows.preflight import RunRefused, checked_inputs, checked_warehouse

runner = CliRunner()


def test_missing_input_is_refused_and_named(tmp_path):
    present = tmp_path / "inbox"
    present.mkdir()
    with pytest.raises(RunRefused, match="no-such-dir"):
        checked_inputs([present, tmp_path / "no-such-dir"])
    assert checked_inputs([present, tmp_path / "no-such-dir"], allow_missing=True) == [present]


@pytest.mark.parametrize("make, message", [
    (lambda t: (t / "folder").mkdir() or t / "folder", "is a directory"),
    (lambda t: (t / "file.txt").write_text("x") and t / "file.txt" / "news.duckdb", "is not a folder"),
])
def test_unusable_warehouse_paths_are_refused(tmp_path, make, message):
    with pytest.raises(RunRefused, match=message):
        checked_warehouse(make(tmp_path))


def test_a_new_warehouse_in_new_folders_passes(tmp_path):
    assert checked_warehouse(tmp_path / "a" / "b" / "news.duckdb") == tmp_path / "a" / "b" / "news.duckdb"


@pytest.mark.parametrize("args", [["run", "/no/such/dir"], ["run", "seeds", "--db", "{tmp}"]])
def test_cli_fails_with_one_line_and_exit_2(tmp_path, args):
    result = runner.invoke(app, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1, result.output


# The real command, timed: the checks run before Prefect (and its API server) is imported.
FAST_FAILURE = textwrap.dedent("""
    import sys
    from newsetl.flows.cli import app
    try:
        app(sys.argv[1:])
    except SystemExit as exit:
        print("prefect imported:", any(m == "prefect" or m.startswith("prefect.") for m in sys.modules))
        raise
""")


@pytest.mark.parametrize("args", [["run", "/no/such/dir"], ["run", "seeds", "--db", "{tmp}"]])
def test_cli_fails_before_importing_prefect_within_3_s(tmp_path, args):
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", FAST_FAILURE, *(a.format(tmp=tmp_path) for a in args)],
                          capture_output=True, text=True, timeout=60)
    elapsed = time.monotonic() - start
    assert done.returncode == 2, done.stderr
    assert "prefect imported: False" in done.stdout
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    # 3 s is the acceptance figure on an idle 2-core machine; allow for a loaded test run.
    assert elapsed < 15, f"took {elapsed:.1f} s"
