"""Work a run needs anyway, done while the client waits for Prefect's temporary API to answer.

Launched before this process imports Prefect (flows/temporary_api.py), the temporary API
needs ~5 s of CPU to answer; the flow process is done importing after ~2.5 s and would
then sit idle. ``warm_up`` spends that time on what the run's first tasks would load on the
critical path: the analysis models and word lists (~1.2 s of CPU on the first batch), the
geocoding indexes and the report's libraries (vl-convert's JavaScript engines start in the
report's render workers, newsetl/report/render.py). The CLI waits for it to end before the flow starts, so nothing is loaded by
two threads at once. A failure here is ignored: the run loads the same things again and
reports what fails.
"""

from __future__ import annotations

import logging
import threading

logger = logging.getLogger("newsetl.warmup")

def _warmed(analysis: bool, report: bool) -> None:
    try:
        if analysis:
            from newsetl.flows.analysis_pool import warmed_analysis

            warmed_analysis()
        from newsetl.flows.gazetteer_cache import installed_gazetteer

        installed_gazetteer()
        if report:  # vl-convert's engines start in the render workers (newsetl/report/render.py), not here
            import newsetl.report.build  # noqa: F401  (Altair, Jinja, Polars' report queries)
    except Exception as error:  # noqa: BLE001
        logger.debug("warm-up stopped: %s: %s", type(error).__name__, error)


def warm_up(*, analysis: bool, report: bool) -> threading.Thread:
    """Start loading the run's models, indexes and report engine in a thread; return it (join it before the flow)."""
    thread = threading.Thread(target=_warmed, args=(analysis, report), name="newsetl-warm-up", daemon=True)
    thread.start()
    return thread


def _later_steps_loaded(report: bool) -> None:
    try:
        from newsetl import settings

        if report and settings.render_workers() > 0:  # the render workers (once per process) start their engines now
            from newsetl.report.render import start_render_pool

            start_render_pool()
        import pyarrow.dataset  # noqa: F401  (DuckDB reads each load's Arrow tables through it)

        from newsetl.flows.gazetteer_cache import installed_gazetteer
        from newsetl.transforms.entities.gazetteer import gazetteer_entry

        installed_gazetteer()
        gazetteer_entry("warm-up")  # a name in neither gazetteer: both alias indexes are built (geocode-places)
        if report:
            import newsetl.report.build  # noqa: F401  (Altair, Jinja)
    except Exception as error:  # noqa: BLE001
        logger.debug("loading the later steps stopped: %s: %s", type(error).__name__, error)


def later_steps_loading(*, report: bool) -> threading.Thread:
    """Start loading, in a thread, what the loads, geocoding and report need (render workers included); return it.

    For a flow whose batches are analysed in another process (``flows/analysis_pool.py``): this
    process is idle while it waits for them, and these ~0.8 s of CPU were on the critical path
    after them. Everything it loads is import-locked or built under a lock, so the steps that need
    it simply wait for it; elsewhere it only competes with the flow for the GIL.
    """
    thread = threading.Thread(target=_later_steps_loaded, args=(report,), name="newsetl-later-steps", daemon=True)
    thread.start()
    return thread
