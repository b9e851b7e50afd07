"""README's shell commands run as written, so the docs cannot drift from the CLI.

Every command in README.md's ```bash blocks is extracted (continuation lines joined,
trailing comments dropped) and classified:

- `newsetl query ...` lines run in-process through typer's CliRunner on the seed warehouse
  (fast), with `$(cat FILE)` read from the repository as the shell would;
- every command but `make ...` runs in a real bash (slow): cwd is a scratch folder that links
  `.venv` and `warehouse/` of this checkout, `HOME` is scratch (so `~/news/...` exists and holds
  the seed warehouse and seed inputs), and `/tmp/` is the scratch folder's `tmp/`;
- `make run` / `make test` are the entry points of the suite itself and are not run here.

Every example query file (warehouse/queries/*.sql and warehouse/queries/report/*.sql) runs
through `newsetl query` on the seed warehouse.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SEEDS

README = ROOT / "README.md"
QUERY_FILES = sorted((ROOT / "warehouse" / "queries").glob("*.sql")) + sorted(
    (ROOT / "warehouse" / "queries" / "report").glob("*.sql"))
NOT_RUN = {"make run", "make test"}  # the suite's own entry points (README's first block)


def readme_commands(text: str) -> list[str]:
    """The shell commands of ``text``'s ```bash blocks: continuations joined, comments dropped."""
    commands = []
    for block in re.findall(r"^```bash\n(.*?)^```", text, flags=re.S | re.M):
        for line in block.replace("\\\n", " ").splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()
            if line and not line.startswith("#"):
                commands.append(re.sub(r"\s+", " ", line))
    return commands


COMMANDS = readme_commands(README.read_text())
QUERY_COMMANDS = [c for c in COMMANDS if re.match(r"^(\w+=\S+ )*\.venv/bin/newsetl query ", c)]
SHELL_COMMANDS = [c for c in COMMANDS if c not in NOT_RUN]


def test_the_readme_commands_are_found():
    assert set(NOT_RUN) <= set(COMMANDS)
    assert '.venv/bin/newsetl query "$(cat warehouse/queries/who_said_what.sql)" --format csv' in COMMANDS
    assert len(QUERY_COMMANDS) >= 4 and any(c.startswith(".venv/bin/newsetl run ") for c in SHELL_COMMANDS)
    assert all(c.startswith((".venv/bin/newsetl ", "NEWSETL_DB=")) for c in SHELL_COMMANDS), SHELL_COMMANDS


def _cli_args(command: str) -> tuple[dict[str, str], list[str]]:
    """``command``'s environment prefix and its arguments after `newsetl`, `$(cat F)` read as bash would."""
    words = [re.sub(r"\$\(cat ([^)]+)\)", lambda m: (ROOT / m.group(1)).read_text().rstrip("\n"), word)
             for word in shlex.split(command)]
    env = {}
    while "=" in words[0] and not words[0].startswith("."):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    assert words[0] == ".venv/bin/newsetl"
    return env, words[1:]


@pytest.mark.parametrize("command", QUERY_COMMANDS, ids=[c.replace(".venv/bin/newsetl ", "")[:60] for c in QUERY_COMMANDS])
def test_readme_query_commands_run_on_the_seed_warehouse(seed_db, command):
    from newsetl.flows.cli import app

    env, args = _cli_args(command)
    env["NEWSETL_DB"] = str(seed_db)  # the command's own warehouse (default, or ~/news/...) is the seeds'
    if "--db" in args:
        args[args.index("--db") + 1] = str(seed_db)
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    assert "error" not in result.output.lower()[:200]


@pytest.mark.parametrize("path", QUERY_FILES, ids=[str(p.relative_to(ROOT / "warehouse" / "queries")) for p in QUERY_FILES])
def test_every_example_query_file_runs_through_newsetl_query(seed_db, path):
    from newsetl.flows.cli import app

    result = CliRunner().invoke(app, ["query", path.read_text(), "--format", "csv", "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0]
    assert header and not header.startswith("error"), result.output


@pytest.fixture(scope="module")
def sandbox(seed_db, tmp_path_factory):
    """A cwd, HOME and /tmp stand-in where README's commands find what they name."""
    root = tmp_path_factory.mktemp("readme")
    cwd, home, tmp = root / "checkout", root / "home", root / "tmp"
    cwd.mkdir(), tmp.mkdir()
    for name in (".venv", "warehouse"):
        (cwd / name).symlink_to(ROOT / name)
    shared = ROOT.parent / "shared"
    if shared.exists():
        (root / "shared").symlink_to(shared)  # ../shared/data/news/... from the checkout
    inbox = home / "news" / "inbox"
    inbox.mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, inbox / seed.name)
    shutil.copy(seed_db, home / "news" / "news.duckdb")
    shutil.copy(seed_db, cwd / "warehouse-news.duckdb")
    (home / "more").mkdir()
    (home / "more" / "articles.jsonl").write_text(
        '{"id": "more-1", "title": "Banjir di Jakarta", "published_at": "2020-10-05", '
        '"text": "Banjir merendam ratusan rumah di Jakarta Timur pada Senin pagi. Warga mengungsi ke masjid terdekat."}\n')
    shutil.copy(seed_db, tmp / "detik.duckdb")  # `newsetl report --db /tmp/detik.duckdb` without the detik run
    return cwd, home, tmp


# Each command is a whole `newsetl run`/`report` in a real shell (20 s to 2 min each): `make test-corpora`
# runs them all; `make test` keeps its 12-minute budget with the in-process query tests above.
SHELL_CASES = [pytest.param(c, marks=pytest.mark.corpora) for c in SHELL_COMMANDS]


@pytest.mark.slow
@pytest.mark.parametrize("command", SHELL_CASES, ids=[c.replace(".venv/bin/newsetl ", "")[:60] for c in SHELL_COMMANDS])
def test_readme_commands_in_a_real_shell(sandbox, command):
    cwd, home, tmp = sandbox
    if "../shared/" in command and not (cwd.parent / "shared").exists():
        pytest.skip("the shared reference data is not available")
    script = command.replace("/tmp/", f"{tmp}/")
    env = {**os.environ, "HOME": str(home), "NEWSETL_DB": str(cwd / "warehouse-news.duckdb"),
           "PREFECT_HOME": str(home / ".prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
