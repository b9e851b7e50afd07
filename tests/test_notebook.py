"""docs/analyst.ipynb runs clean on the seed warehouse (nbclient, a fresh IPython kernel)."""

from __future__ import annotations

import re
from pathlib import Path


NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "analyst.ipynb"


def test_analyst_notebook_runs_clean_on_the_seed_warehouse(seed_db, tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("NEWSETL_DB", str(seed_db))
    monkeypatch.setenv("NEWSETL_EXPORT", str(tmp_path / "parquet"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=False,
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert re.search(r"^5 documents and [1-9]\d* quotes, the same in the warehouse and in Parquet$", text, re.M), text
    assert (tmp_path / "parquet" / "manifest.json").exists()
    shown = "\n".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs if o.output_type == "execute_result")
    assert "Nikol Pashinyan" in shown
