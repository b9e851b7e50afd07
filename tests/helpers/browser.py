"""Headless Chromium from Debian's packages, for the report's real-browser test. Not a test module.

``chromium()`` finds the browser, or installs Debian's ``chromium`` package when it is
missing and the test runs as root with apt-get (bounded; set NEWSETL_NO_BROWSER_INSTALL=1
to skip instead), and otherwise returns the reason to skip. ``opened(...)`` loads a page
from disk with the network cut off (every host resolves to nothing, the proxy is a closed
port), returns the DOM after its scripts ran and every console message, and takes a
screenshot. Each browser runs in its own process group with a timeout and its own
profile folder, and is killed with its children when it overruns.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

INSTALL_TIMEOUT = 900
BROWSER_TIMEOUT = 60
_CONSOLE = re.compile(r':CONSOLE[:(]\d*\)?\]? ?(".*)$')


def _which() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(args: list[str], timeout: float, **kwargs) -> subprocess.CompletedProcess:
    """Run ``args`` in a new process group; on timeout kill the whole group and raise."""
    process = subprocess.Popen(args, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, **kwargs)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=10)
        raise
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr)


def chromium() -> tuple[str | None, str]:
    """Return (path to chromium, "") or (None, why it cannot be had)."""
    found = _which()
    if found:
        return found, ""
    if os.environ.get("NEWSETL_NO_BROWSER_INSTALL"):
        return None, "chromium is not installed and NEWSETL_NO_BROWSER_INSTALL is set"
    if not shutil.which("apt-get"):
        return None, "chromium is not installed and there is no apt-get to install Debian's package"
    if os.geteuid() != 0:
        return None, "chromium is not installed; installing Debian's package needs root (apt-get install chromium)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"]
    try:
        result = _run(install, INSTALL_TIMEOUT, env=env)
        if result.returncode != 0:  # an old or missing package list: refresh it once
            _run(["apt-get", "update", "-q"], INSTALL_TIMEOUT, env=env)
            result = _run(install, INSTALL_TIMEOUT, env=env)
    except (subprocess.TimeoutExpired, OSError) as error:
        return None, f"installing Debian's chromium package failed: {error}"
    found = _which()
    if not found:
        return None, f"apt-get install chromium did not give a browser: {result.stderr[-500:]}"
    return found, ""


@dataclass
class OpenedPage:
    dom: str
    console: list[str]
    screenshot: Path | None


def _flags(browser: str, profile: Path, width: int, height: int) -> list[str]:
    return [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-background-networking", "--disable-extensions", "--force-device-scale-factor=1",
            f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", f"--window-size={width},{height}",
            # No network: every name resolves to nothing and the proxy is a closed port.
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


def console_messages(stderr: str) -> list[str]:
    return [m.group(1) for line in stderr.splitlines() if (m := _CONSOLE.search(line))]


def opened(browser: str, page: Path, workdir: Path, width: int = 1100, height: int | None = None) -> OpenedPage:
    """Open ``page`` from disk; return its DOM after load and its console; screenshot it whole into workdir."""
    profile = workdir / "chromium-profile"
    try:
        url = page.resolve().as_uri()
        dumped = _run([*_flags(browser, profile, width, height or 1000), "--dump-dom", url], BROWSER_TIMEOUT)
        dom = dumped.stdout
        if height is None:  # the page tells its own height (data-page-height, set by the report's script)
            match = re.search(r'data-page-height="(\d+)"', dom)
            height = int(match.group(1)) + 20 if match else 4000
        shot = workdir / "screenshot.png"
        shooting = _run([*_flags(browser, profile, width, height), f"--screenshot={shot}", url], BROWSER_TIMEOUT)
        return OpenedPage(dom, console_messages(dumped.stderr) + console_messages(shooting.stderr),
                          shot if shot.exists() else None)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
