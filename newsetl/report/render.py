"""vl-convert in helper processes: the report's charts rendered two at a time, on an engine already started.

vl-convert runs Vega in one JavaScript engine per process and holds the GIL while it renders,
so in the run's own process the 9 charts of the seeds' report are drawn one after another
(~1.5 s of CPU to SVG, ~1 s more from SVG to PNG, after ~0.5 s of starting the engine), and
nothing else moves meanwhile: threads do not help. Here each worker is a small Python process
(``python -m newsetl.report.render``) that imports only vl-convert, starts its engine at once
and then renders the specs it is sent, to SVG and from that SVG to PNG, exactly as
``render_in_process`` does (same library, same calls, same bytes).

``start_render_pool`` is called by the CLI before it imports Prefect and the pipeline, so the
engines start on the other core while the run's process imports; the report then sends its
charts to both workers (largest spec first) and waits. A pool started here stays for the
process's life; a worker that has exited (idle for ``IDLE_SECONDS``, or crashed) is started
again on the next chart. If no worker can be started, the charts are rendered in-process.

Protocol, one request at a time per worker: the parent writes one line of JSON
``{"spec": <Vega-Lite spec>, "scale": 2.0}``; the worker answers with one line of JSON
``{"svg": n, "png": m}`` followed by ``n`` bytes of UTF-8 SVG and ``m`` bytes of PNG, or
``{"error": "..."}``. End of input (the parent exited) ends the worker.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import select
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator

IDLE_SECONDS = 600.0  # a worker with nothing to render for this long exits (a served process keeps no idle engines)

# A small chart with an axis, a title and text: the engine starts and loads the fonts before the first real chart.
WARM_SPEC = {"data": {"values": [{"a": "x", "b": 1}]}, "mark": "bar", "title": "warm-up",
             "encoding": {"x": {"field": "b", "type": "quantitative"}, "y": {"field": "a", "type": "nominal"}}}


class RenderError(RuntimeError):
    """vl-convert could not render a chart (the message is vl-convert's)."""


def render_in_process(spec: dict, scale: float) -> tuple[str, bytes]:
    """Return the chart's SVG and PNG rendered by vl-convert in this process."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec)
    return svg, bytes(vl_convert.svg_to_png(svg, scale=scale))


class _Worker:
    """One ``python -m newsetl.report.render`` process and the pipes to it."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newsetl.report.render"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"}, close_fds=True,
        )

    def alive(self) -> bool:
        return self.process.poll() is None

    def rendered(self, request: bytes) -> tuple[str, bytes]:
        """Send one request line; return the SVG and PNG (RenderError from vl-convert, OSError/EOFError if the worker died)."""
        self.process.stdin.write(request)
        self.process.stdin.flush()
        header = self.process.stdout.readline()
        if not header:
            raise EOFError("the render worker exited")
        answer = json.loads(header)
        if "error" in answer:
            raise RenderError(answer["error"])
        svg = _read_exactly(self.process.stdout, answer["svg"])
        png = _read_exactly(self.process.stdout, answer["png"])
        return svg.decode("utf-8"), png

    def close(self, grace: float = 2.0) -> None:
        """End of input: the worker exits; reap it (killed after ``grace`` seconds)."""
        try:
            self.process.stdin.close()
        except OSError:
            pass
        if grace <= 0:
            return
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _read_exactly(stream, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("the render worker exited mid-answer")
    return data


class RenderPool:
    """``size`` render workers, each fed by its own thread from one queue of charts."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self.workers: list[_Worker | None] = [None] * self.size
        self.lock = threading.Lock()
        for slot in range(self.size):
            self._worker(slot)

    def _worker(self, slot: int) -> _Worker:
        worker = self.workers[slot]
        if worker is None or not worker.alive():
            worker = self.workers[slot] = _Worker()
        return worker

    def _rendered_on(self, slot: int, request: bytes) -> tuple[str, bytes]:
        """Render on the worker of ``slot``, starting it again once if it has exited (idle, or crashed)."""
        try:
            return self._worker(slot).rendered(request)
        except (OSError, EOFError, ValueError):
            self.workers[slot] = None
            return self._worker(slot).rendered(request)

    def rendered(self, specs: Iterable[dict], scale: float) -> list[tuple[str, bytes]]:
        """Return each spec's SVG and PNG, in order, each drawn by whichever worker is free.

        A list is sent largest spec first; from an iterator each spec goes out as soon as it is
        given, so the caller can build the next chart while the workers draw the first ones.
        """
        todo: queue.Queue = queue.Queue()
        results: list = []

        def feed(slot: int) -> None:
            while True:
                item = todo.get()
                if item is None:
                    todo.put(None)  # the end, for the other feeders too
                    return
                index, request = item
                try:
                    results[index] = self._rendered_on(slot, request)
                except BaseException as error:  # noqa: BLE001  (re-raised in the caller's thread)
                    results[index] = error

        def request(spec: dict) -> bytes:
            return json.dumps({"spec": spec, "scale": scale}, ensure_ascii=False, default=str).encode("utf-8") + b"\n"

        with self.lock:  # one report at a time per pool
            threads = [threading.Thread(target=feed, args=(slot,), name=f"newsetl-render-{slot}", daemon=True)
                       for slot in range(self.size)]
            for thread in threads:
                thread.start()
            try:
                if isinstance(specs, (list, tuple)):
                    requests = [request(spec) for spec in specs]
                    results.extend([None] * len(requests))
                    for index in sorted(range(len(requests)), key=lambda i: -len(requests[i])):
                        todo.put((index, requests[index]))
                else:
                    for spec in specs:
                        results.append(None)
                        todo.put((len(results) - 1, request(spec)))
            finally:
                todo.put(None)
                for thread in threads:
                    thread.join()
        for result in results:
            if isinstance(result, BaseException):
                raise result
        return results

    def close(self) -> None:
        """Stop the workers and reap them (so their CPU counts in this process's children's)."""
        workers = [worker for worker in self.workers if worker is not None]
        for worker in workers:
            worker.close(grace=0)  # every worker told first, then each waited for
        for worker in workers:
            worker.close()


_pool: RenderPool | None = None
_pool_lock = threading.Lock()


def start_render_pool() -> RenderPool | None:
    """Start this process's render workers (once) so their engines warm up now; None if they cannot start."""
    global _pool
    from newsetl import settings

    with _pool_lock:
        if _pool is None:
            try:
                _pool = RenderPool(settings.render_workers())
            except OSError:
                return None
            import atexit

            atexit.register(_pool.close)
        return _pool


def rendered_charts(specs: Iterable[dict], scale: float) -> list[tuple[str, bytes]]:
    """Return each spec's SVG and PNG, rendered by the render workers (in this process if none can start).

    ``specs`` may be an iterator: each spec is sent to a worker as soon as it is given.
    """
    from newsetl import settings

    given = iter(specs)
    first = next(given, None)
    if first is None:
        return []
    seen: list[dict] = []

    def taken() -> Iterator[dict]:
        for spec in itertools.chain([first], given):
            seen.append(spec)
            yield spec

    pool = start_render_pool() if settings.render_workers() > 0 else None
    if pool is None:
        return [render_in_process(spec, scale) for spec in taken()]
    try:
        return pool.rendered(list(specs) if isinstance(specs, (list, tuple)) else taken(), scale)
    except (OSError, EOFError, ValueError):  # workers that cannot run: the charts are still drawn
        rest = list(specs) if isinstance(specs, (list, tuple)) else seen + list(given)
        return [render_in_process(spec, scale) for spec in rest]


# --- the worker ------------------------------------------------------------------------------

def _serve(stdin, stdout) -> None:
    import vl_convert

    vl_convert.svg_to_png(vl_convert.vegalite_to_svg(WARM_SPEC), scale=1.0)  # start the engine, load the fonts
    while True:
        ready, _, _ = select.select([stdin], [], [], IDLE_SECONDS)
        if not ready:
            return
        line = stdin.readline()
        if not line:
            return
        try:
            request = json.loads(line)
            svg = vl_convert.vegalite_to_svg(request["spec"]).encode("utf-8")
            png = bytes(vl_convert.svg_to_png(svg.decode("utf-8"), scale=request["scale"]))
        except Exception as error:  # noqa: BLE001  (told to the parent, which raises it)
            stdout.write(json.dumps({"error": f"{type(error).__name__}: {error}"}).encode("utf-8") + b"\n")
        else:
            stdout.write(json.dumps({"svg": len(svg), "png": len(png)}).encode("utf-8") + b"\n" + svg + png)
        stdout.flush()


if __name__ == "__main__":
    try:
        _serve(sys.stdin.buffer, sys.stdout.buffer)
    except (BrokenPipeError, KeyboardInterrupt):
        pass
