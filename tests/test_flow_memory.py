"""What the flow process keeps in memory: the gazetteer it reads name by name, never builds; no frame of a loaded batch."""

from __future__ import annotations

from newsetl import settings
from newsetl.flows import gazetteer_cache


def test_a_missing_gazetteer_file_is_built_outside_the_flow_process(tmp_path, monkeypatch):
    """The flow process then reads the file name by name; it never builds (and keeps) the indexes itself."""
    from newsetl.transforms.places import geocoding

    monkeypatch.setenv(settings.CACHE_DIR_ENV, str(tmp_path))
    children = []
    real_run = gazetteer_cache.subprocess.run

    def recorded_run(command, **kwargs):
        children.append(command)
        return real_run(command, **kwargs)

    monkeypatch.setattr(gazetteer_cache.subprocess, "run", recorded_run)
    monkeypatch.setattr(gazetteer_cache, "_installed", False)
    monkeypatch.setattr(geocoding, "_installed", geocoding._installed)  # restored after the test

    def built_here():
        raise AssertionError("the indexes were built in the flow process")

    monkeypatch.setattr(geocoding, "gazetteer_indexes", built_here)
    try:
        gazetteer_cache.installed_gazetteer()
        assert gazetteer_cache.cache_path().is_file()
        assert children and children[0][1:] == ["-m", "newsetl.flows.gazetteer_cache"]
        names, _alternates = geocoding._installed
        assert isinstance(names, gazetteer_cache._StoredIndex)
        assert "jakarta" in names
    finally:
        geocoding._index.cache_clear()
        geocoding._alt_index.cache_clear()


class _CycleKeepingLoad:
    """A load step that, as Prefect's task-run engine does, leaves its parameters in a reference cycle."""

    def __call__(self, task, *args):
        engine = {"parameters": args}
        engine["self"] = engine  # garbage once the call returns, but only a full collection frees it
        return args[1].height  # documents loaded


def test_a_load_group_frees_the_batches_frames_prefect_kept_in_cycles():
    """After a load group the batches' frames are gone, though the load left them in a reference cycle."""
    import gc
    import weakref
    from collections import deque
    from concurrent.futures import Future

    import polars as pl

    from newsetl.flows import pipeline
    from newsetl.flows.run_ledger import RunTally
    from newsetl.flows.steps import Steps

    documents = pl.DataFrame({"document_id": ["d1", "d2"], "raw_text": ["Jakarta, Senin.", "Bandung, Selasa."]})
    mentions = pl.DataFrame({"document_id": ["d1"], "mention_text": ["Jakarta"]})
    future = Future()
    future.set_result(({"entity_mentions": mentions}, {"entities": 0.01}))
    pending = deque([(future, documents, documents.clear(), pl.DataFrame({"document_id": []}, schema={"document_id": pl.String}))])
    alive = [weakref.ref(documents), weakref.ref(mentions)]
    del documents, mentions, future
    steps = Steps(call=_CycleKeepingLoad(), submit=None)
    tally = RunTally()
    collecting = gc.isenabled()
    gc.disable()  # no automatic collection may free them instead
    try:
        pipeline._load_finished(steps, pending, None, tally, "run", "v", 1)
        assert tally.loaded == 2
        assert [ref() for ref in alive] == [None, None]
    finally:
        if collecting:
            gc.enable()


def test_start_up_objects_are_frozen_once_collected():
    import gc

    from newsetl.flows.memory import frozen_start_up_objects, unfrozen_objects

    try:
        frozen = frozen_start_up_objects()
        # Not equal: a frozen object freed meanwhile by another thread (Prefect's event loop of an
        # earlier test) leaves the permanent generation, so the count can only fall.
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        assert unfrozen_objects() > 0
    assert gc.get_freeze_count() == 0
