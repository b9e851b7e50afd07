"""`newsetl serve` and `prefect deploy --all` never replace each other's deployment (issue 19, point 4)."""

import pytest

from newsetl.flows.serving import DEFAULT_NAME, PREFECT_YAML, prefect_yaml_deployment_names, serve_name_conflict


def test_the_repository_prefect_yaml_names_its_two_deployments_and_not_the_served_default():
    names = prefect_yaml_deployment_names(PREFECT_YAML.read_text())
    assert names == {"newsetl-inbox", "newsetl-reprocess"}
    assert DEFAULT_NAME not in names


@pytest.mark.parametrize("text, expected", [
    ("deployments:\n  - name: a\n  - name: b\n", {"a", "b"}),
    ("name: newsetl\ndeployments: []\n", set()),
    ("name: newsetl\n", set()),
    ("", set()),
])
def test_prefect_yaml_deployment_names(text, expected):
    assert prefect_yaml_deployment_names(text) == expected


@pytest.mark.parametrize("name, yaml_names, pool, refused_because", [
    ("newsetl-inbox", {"newsetl-inbox", "newsetl-reprocess"}, None, "defined in prefect.yaml"),
    ("nightly", {"newsetl-inbox"}, "newsetl-process", "already exists on work pool 'newsetl-process'"),
    ("newsetl-served", {"newsetl-inbox"}, None, None),  # absent, or an earlier served one: serving again is fine
])
def test_serve_name_conflict(name, yaml_names, pool, refused_because):
    reason = serve_name_conflict(name, yaml_names, pool)
    if refused_because is None:
        assert reason is None
    else:
        assert refused_because in reason and "--name" in reason
