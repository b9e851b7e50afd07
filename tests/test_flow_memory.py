"""What the flow process keeps in memory: the gazetteer it reads name by name, never builds."""

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
