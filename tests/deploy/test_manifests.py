"""The Kubernetes manifests, the Compose file and the Dockerfile say what the app needs: one process a pod run by
deploy/serve.sh with the replicas' flags, probes on /liveness, no root, a lecture's timeouts and affinity.
(Their schemas and lint: `make deploy-lint`.)"""

from __future__ import annotations

import re

import pytest
import yaml

from softmax_explorer.components.admission import MEASURED
from tests.deploy.conftest import DEPLOY, ROOT


def manifest(name: str) -> dict:
    return yaml.safe_load((DEPLOY / "k8s" / f"{name}.yaml").read_text())


@pytest.fixture(scope="module")
def pod() -> dict:
    return manifest("deployment")["spec"]["template"]["spec"]


def memory_mib(text: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", text).groups()
    return int(number) * (1024 if unit == "Gi" else 1)


def test_the_pod_runs_one_replica_through_serve_sh_with_the_admission_limit(pod):
    (container,) = pod["containers"]
    assert container["args"][0] == "deploy/serve.sh"
    assert "--use-xheaders" in container["args"]
    assert f"--max-training-sessions={MEASURED}" in container["args"]
    assert not any("num-procs" in a for a in container["args"])


def test_the_pod_is_probed_on_liveness(pod):
    (container,) = pod["containers"]
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/liveness"


def test_the_pod_runs_without_root_on_a_read_only_root(pod):
    (container,) = pod["containers"]
    assert pod["securityContext"]["runAsNonRoot"] and pod["securityContext"]["runAsUser"] != 0
    assert container["securityContext"]["readOnlyRootFilesystem"]
    assert not container["securityContext"]["allowPrivilegeEscalation"]
    assert {"mountPath": "/tmp", "name": "tmp"} in container["volumeMounts"]


def test_the_pod_asks_for_a_core_and_the_memory_a_full_replica_needs(pod):
    (container,) = pod["containers"]
    requests, limits = container["resources"]["requests"], container["resources"]["limits"]
    assert requests["cpu"] == limits["cpu"] == "1"  # one process runs on one core at a time
    # BENCHMARKS.md: about 390 MB for the process, up to 12 MB a training session, 3-5 MB an explorer one.
    assert memory_mib(requests["memory"]) >= 390 + MEASURED * 12 + 30 * 5
    assert memory_mib(limits["memory"]) >= memory_mib(requests["memory"])


def test_a_stopping_pod_leaves_the_service_before_its_process_stops(pod):
    (container,) = pod["containers"]
    assert container["lifecycle"]["preStop"]["exec"]["command"][0] == "sleep"
    assert pod["terminationGracePeriodSeconds"] > int(container["lifecycle"]["preStop"]["exec"]["command"][1])


def test_the_service_the_budget_and_the_autoscaler_point_at_the_pods():
    labels = manifest("deployment")["spec"]["template"]["metadata"]["labels"]
    assert manifest("service")["spec"]["selector"].items() <= labels.items()
    assert manifest("pdb")["spec"]["selector"]["matchLabels"].items() <= labels.items()
    target = manifest("hpa")["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", manifest("deployment")["metadata"]["name"])
    assert manifest("hpa")["spec"]["metrics"][0]["resource"]["name"] == "cpu"


def test_the_ingress_keeps_a_browser_on_its_pod_for_a_lecture():
    annotations = manifest("ingress")["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(annotations[f"nginx.ingress.kubernetes.io/{timeout}"]) >= 3 * 3600
    origin = next(
        e["value"]
        for e in manifest("deployment")["spec"]["template"]["spec"]["containers"][0]["env"]
        if e["name"] == "BOKEH_ALLOW_WS_ORIGIN"
    )
    assert origin == manifest("ingress")["spec"]["rules"][0]["host"]


def test_compose_replicas_run_serve_sh_as_the_replicas_script_does():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    script = (DEPLOY / "serve-replicas.sh").read_text()
    replicas = [s for name, s in compose["services"].items() if name.startswith("replica-")]
    assert len(replicas) >= 2
    for service in replicas:
        command = service["command"]
        assert command[0] == "deploy/serve.sh"
        for flag in ("--use-xheaders", "--max-training-sessions"):
            assert flag in script and any(c.startswith(flag) for c in command)
        assert f"${{MAX_TRAINING:-{MEASURED}}}" in " ".join(command)
        assert service["healthcheck"]["test"][-1].count("/liveness") == 1
        assert service["restart"] == "unless-stopped"
        assert service["deploy"]["resources"]["limits"]["cpus"] == "1.0"
        assert service["environment"]["BOKEH_ALLOW_WS_ORIGIN"].startswith("${PUBLIC_ADDRESS")
    assert all(
        d["condition"] == "service_healthy" for d in compose["services"]["nginx"]["depends_on"].values()
    )


def test_the_image_runs_one_process_as_a_numeric_non_root_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r'^CMD \["deploy/serve.sh"', dockerfile, re.M)
    assert "num-procs" not in dockerfile
    assert re.search(r"^USER [1-9]\d*(:\d+)?$", dockerfile, re.M)
