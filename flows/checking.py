"""The parameters and the verdict of the data checks of one run (shared by the flow, `newsetl check` and no-op runs)."""

from __future__ import annotations

from newsetl.transforms.batch_safety import DEFAULT_MAX_ANALYSIS_CHARS
from newsetl.transforms.inputs import RejectReason
from newsetl.transforms.language import LANGUAGE_CODES


def check_parameters(run_id: str, max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS) -> dict[str, object]:
    """Return the ``$name`` values of the data checks for one run."""
    return {
        "run_id": run_id,
        "languages": sorted(LANGUAGE_CODES),
        "reject_reasons": sorted(str(r) for r in RejectReason),
        # Documents longer than this had their spans compared in Python before load (batch_safety).
        "max_exact_chars": max(int(max_analysis_chars), 1),
    }


class DataChecksFailed(RuntimeError):
    """At least one error-severity data check found failing rows."""


def raise_on_failed_checks(results, soft_checks: bool) -> None:
    """Raise DataChecksFailed naming every failing error check, unless ``soft_checks`` (record, do not fail)."""
    failed = [r for r in results if not r.passed and r.severity == "error"]
    if failed and not soft_checks:
        error = "data checks failed: " + " | ".join(r.message() for r in failed)
        raise DataChecksFailed(error + ". Inspect marts.data_checks; use --soft-checks to record without failing.")
