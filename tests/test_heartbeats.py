"""Flow heartbeats of a foreground `newsetl run`: off by default, Prefect's when the user sets them."""

from __future__ import annotations

import pytest

import newsetl.flows  # noqa: F401  (Prefect defaults before prefect is imported)
from newsetl.flows.heartbeats import foreground_heartbeats, heartbeats_requested


@pytest.mark.parametrize(
    ("environ", "profile_keys", "expected"),
    [
        ({}, set(), False),
        ({"PREFECT_FLOWS_HEARTBEAT_FREQUENCY": "60"}, set(), True),
        ({"PREFECT_RUNNER_HEARTBEAT_FREQUENCY": "90"}, set(), True),  # the legacy alias
        ({"PREFECT_FLOWS_HEARTBEAT_FREQUENCY": ""}, set(), False),  # set but empty: not a request
        ({}, {"PREFECT_FLOWS_HEARTBEAT_FREQUENCY"}, True),  # `prefect config set` in the profile
        ({"PREFECT_API_URL": "http://127.0.0.1:4200/api"}, {"PREFECT_API_URL"}, False),
    ],
)
def test_heartbeats_requested_reads_environment_and_profile(environ, profile_keys, expected):
    assert heartbeats_requested(environ, profile_keys) is expected


def test_foreground_heartbeats_are_off_inside_and_restored_after(monkeypatch):
    from prefect.settings import get_current_settings

    monkeypatch.delenv("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", raising=False)
    monkeypatch.delenv("PREFECT_RUNNER_HEARTBEAT_FREQUENCY", raising=False)
    before = get_current_settings().flows.heartbeat_frequency
    with foreground_heartbeats() as kept:
        assert kept is False
        assert get_current_settings().flows.heartbeat_frequency is None
    assert get_current_settings().flows.heartbeat_frequency == before


def test_foreground_heartbeats_keep_the_users_frequency(monkeypatch):
    from prefect.settings import get_current_settings, temporary_settings

    monkeypatch.setenv("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "45")
    with temporary_settings(updates={"flows.heartbeat_frequency": 45}):
        with foreground_heartbeats() as kept:
            assert kept is True
            assert get_current_settings().flows.heartbeat_frequency == 45
