"""The report's render workers draw the same bytes as vl-convert in-process, and survive a dead worker."""

from __future__ import annotations

import threading

import pytest

from newsetl.report import render


def _bars(title: str, rows: list[tuple[str, int]]) -> dict:
    # Outlets and counts as a seeds' report has them (Detik and Utusan articles per outlet).
    return {"data": {"values": [{"outlet": o, "documents": n} for o, n in rows]}, "mark": "bar", "title": title,
            "encoding": {"x": {"field": "documents", "type": "quantitative"}, "y": {"field": "outlet", "type": "nominal"}},
            "config": {"font": "DejaVu Sans"}}


SPECS = [_bars("Documents per outlet", [("detik.com", 3), ("utusan.com.my", 2)]),
         _bars("Dokumen per media", [("news.detik.com", 12), ("finance.detik.com", 4), ("utusan.com.my", 7)]),
         _bars("Top speakers", [("Jokowi", 5), ("Anwar Ibrahim", 3)])]


@pytest.fixture
def pool():
    pool = render.RenderPool(2)
    yield pool
    pool.close()


def test_workers_render_what_vl_convert_renders_in_process(pool):
    assert pool.rendered(SPECS, 2.0) == [render.render_in_process(spec, 2.0) for spec in SPECS]


def test_a_dead_worker_is_started_again(pool):
    first = pool.rendered(SPECS, 1.0)
    for worker in pool.workers:
        worker.process.kill()
        worker.process.wait()
    assert pool.rendered(SPECS, 1.0) == first  # both workers are used again, so both were started again
    assert all(worker.alive() for worker in pool.workers)


def test_a_spec_vl_convert_refuses_raises_its_error(pool):
    with pytest.raises(render.RenderError):
        pool.rendered([{"mark": "no-such-mark", "data": {"values": []}}], 1.0)
    assert pool.rendered(SPECS[2:], 1.0) == [render.render_in_process(SPECS[2], 1.0)]  # the worker goes on


def test_no_workers_renders_in_process(monkeypatch):
    monkeypatch.setenv("NEWSETL_RENDER_WORKERS", "0")
    monkeypatch.setattr(render, "RenderPool", lambda size: pytest.fail("must not start workers"))
    assert render.rendered_charts(SPECS[:1], 1.0) == [render.render_in_process(SPECS[0], 1.0)]


def test_specs_from_an_iterator_are_drawn_while_the_next_is_built(pool):
    # The report builds its charts one by one (newsetl/report/build.py): the first must be drawing by then.
    first_drawn = threading.Event()
    real = pool._rendered_on

    def rendered_on(slot, request):
        result = real(slot, request)
        first_drawn.set()
        return result

    pool._rendered_on = rendered_on
    waited = []

    def specs():
        yield SPECS[0]
        waited.append(first_drawn.wait(timeout=60))
        yield from SPECS[1:]

    assert pool.rendered(specs(), 1.0) == [render.render_in_process(spec, 1.0) for spec in SPECS]
    assert waited == [True]


def test_an_empty_iterator_starts_no_worker(monkeypatch):
    monkeypatch.setattr(render, "RenderPool", lambda size: pytest.fail("must not start workers"))
    monkeypatch.setattr(render, "_pool", None)
    assert render.rendered_charts(iter([]), 1.0) == []
