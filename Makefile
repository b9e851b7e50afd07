# newsetl: every target installs from the lock file first (idempotent).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
UV_VERSION := 0.13.8
STAMP  := $(VENV)/.newsetl-installed

# `setup` also writes the prebuilt geocoding indexes to $NEWSETL_CACHE_DIR (~/.cache/newsetl) unless
# there (flows/gazetteer_cache.py): a run then reads the ~100 names it needs instead of folding ~420k.
# Prefect and newsetl defaults (startup timeout, no analytics, ...) live in newsetl/settings.py.

.PHONY: setup bytecode run test test-fast test-corpora test-long bench bench-synthetic train-ner train-language eval clean lock

setup: $(STAMP) $(VENV)/.newsetl-bytecode
	@$(BIN)/python -m newsetl.flows.gazetteer_cache > /dev/null || echo "gazetteer cache not written (runs build the geocoding indexes themselves)"

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

# Bytecode for the venv and the project, written even where PYTHONDONTWRITEBYTECODE=1 is set
# (then Python never caches it itself): importing Prefect's server takes ~9 s instead of ~19 s
# on a loaded 2-core machine (OPERATIONS.md, "Start-up time"). Idempotent; `make bytecode` alone
# refreshes it.
$(VENV)/.newsetl-bytecode: $(STAMP)
	$(MAKE) --no-print-directory bytecode
	touch $@

bytecode:
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib flows transforms warehouse newsetl > /dev/null \
	  || echo "compileall: some files did not compile (they are imported uncompiled)"

run: setup
	$(BIN)/newsetl run seeds

test: setup
	$(BIN)/python -m pytest -q -m "not corpora and not long"

# The long-haul sizes of the crash and cancel tests (3,000 articles in default batches of 500
# with the default 120 s writer lease; 1,500 articles), which make test runs smaller.
test-long: setup
	$(BIN)/python -m pytest -q -m long

# The README's shell commands as written, the three real corpora included (~7 min).
test-corpora: setup
	$(BIN)/python -m pytest -q -m corpora

# The suite without the server, Dask and crash tests (marked slow): the inner loop.
test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

# Real text first: Detik repeated to 5,000 articles (in a temporary folder) and 5,000 synthetic
# ones, each timed from outside (`newsetl run` as a subprocess), side by side. ~10 min on 2 cores.
DETIK ?= ../shared/data/news/detik.csv
bench: setup
	$(BIN)/newsetl bench --corpus $(DETIK) --repeat-to 5000 --with-synthetic 5000 \
	  --column text=isi_berita --column title=judul --column url=tautan --column published_at=tanggal \
	  --naive-docs 30 --json bench.json

# The in-process synthetic benchmark (Prefect's share, add 1 %, transforms alone).
bench-synthetic: setup
	$(BIN)/newsetl bench --docs 2000 --json bench-synthetic.json

train-ner: setup
	$(BIN)/python -m newsetl_dev.train_ner

train-language: setup
	$(BIN)/python -m newsetl_dev.train_language

eval: setup
	$(BIN)/python -m newsetl_dev.eval_ner
	$(BIN)/python -m newsetl_dev.eval_language
	$(BIN)/python -m newsetl_dev.eval_dates

clean:
	rm -rf $(VENV) warehouse/news.duckdb warehouse/news.duckdb.wal

# Re-pin requirements.lock after editing pyproject.toml dependencies.
lock: setup
	$(BIN)/uv pip compile pyproject.toml --all-extras --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu --no-header -o requirements.lock
