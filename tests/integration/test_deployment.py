"""The executor chosen by configuration (orchestration/runtime/deployment.py) and the instance
files of each set-up (orchestration/deploy/): the code location loads under every executor with
the one-writer rule on DuckDB and without it on Spark, a bad value is one line, and every
instance file is valid instance config (the Kubernetes launcher even builds its run's pod,
without a cluster)."""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import uuid

import pytest
import yaml
from dagster import DagsterInstance, DagsterRun
from dagster._core.instance.config import dagster_instance_config
from dagster._serdes import ConfigurableClassData
from dagster_celery.cli import get_validated_config
from dagster_k8s import construct_dagster_k8s_job

from orchestration.runtime.deployment import executor_config, executor_def
from orchestration.settings import EXECUTORS, Settings, SettingsError
from tests.conftest import REPO, VENV_BIN

DEPLOY = REPO / "orchestration" / "deploy"
SETTINGS = ("NEWSIMPACT_EXECUTOR", "NEWSIMPACT_MAX_CONCURRENT", "NEWSIMPACT_CELERY_BROKER",
            "NEWSIMPACT_K8S_NAMESPACE", "NEWSIMPACT_K8S_IMAGE", "NEWSIMPACT_DBT_TARGET")
# Prints, per job, the name of its executor and the config that executor starts from.
PROBE = """
import json
from orchestration.definitions import build_defs
from orchestration.settings import Settings
defs = build_defs(Settings.from_env())
print(json.dumps({name: [executor.name, executor.apply_config_mapping({"config": {}}).value]
                  for name in ("ingest", "transform")
                  for executor in [defs.resolve_job_def(name).executor_def]}))
"""


def deployment_env(**settings: str) -> dict[str, str]:
    """This environment without any deployment setting, then with `settings`."""
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    return {**env, **settings}


def loaded(**settings: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True,
                          text=True, timeout=120, env=deployment_env(**settings))
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("settings, name, expected", [
    ({}, "in_process", {}),
    ({"NEWSIMPACT_EXECUTOR": "multiprocess"}, "multiprocess", {"max_concurrent": 1}),
    ({"NEWSIMPACT_EXECUTOR": "multiprocess", "NEWSIMPACT_DBT_TARGET": "spark",
      "NEWSIMPACT_MAX_CONCURRENT": "3"}, "multiprocess", {"max_concurrent": 3}),
    ({"NEWSIMPACT_EXECUTOR": "celery", "NEWSIMPACT_CELERY_BROKER": "redis://127.0.0.1:6379/0"},
     "celery", {"broker": "redis://127.0.0.1:6379/0", "backend": "rpc://"}),
    ({"NEWSIMPACT_EXECUTOR": "k8s", "NEWSIMPACT_K8S_NAMESPACE": "news",
      "NEWSIMPACT_K8S_IMAGE": "registry.example/newsimpact:1"}, "k8s",
     {"max_concurrent": 1, "job_namespace": "news", "job_image": "registry.example/newsimpact:1"}),
], ids=["in_process-default", "multiprocess-duckdb", "multiprocess-spark", "celery", "k8s-duckdb"])
def test_the_jobs_run_on_the_configured_executor(settings, name, expected):
    for job, (executor, config) in loaded(**settings).items():
        assert executor == name, job
        assert expected.items() <= config.get("config", {}).items(), (job, config)


def test_every_executor_is_built_and_duckdb_keeps_one_step_at_a_time(monkeypatch):
    for key in SETTINGS:
        monkeypatch.delenv(key, raising=False)
    for name in EXECUTORS:
        monkeypatch.setenv("NEWSIMPACT_EXECUTOR", name)
        assert executor_def(Settings.from_env()).name == name
    monkeypatch.setenv("NEWSIMPACT_DBT_TARGET", "spark_thrift")
    assert executor_config(Settings.from_env()) == {}  # k8s: no limit
    monkeypatch.setenv("NEWSIMPACT_DBT_TARGET", "local")
    monkeypatch.setenv("NEWSIMPACT_MAX_CONCURRENT", "4")
    with pytest.raises(SettingsError, match=r"NEWSIMPACT_MAX_CONCURRENT=4: the DuckDB target "
                                            r"\(NEWSIMPACT_DBT_TARGET=local\) takes one writer"):
        Settings.from_env()
    monkeypatch.setenv("NEWSIMPACT_MAX_CONCURRENT", "many")
    with pytest.raises(SettingsError, match="NEWSIMPACT_MAX_CONCURRENT='many': expected a whole"):
        Settings.from_env()
    monkeypatch.delenv("NEWSIMPACT_MAX_CONCURRENT")
    real_find_spec = importlib.util.find_spec
    def find_spec_without_k8s(name, *args):
        return None if name == "dagster_k8s" else real_find_spec(name, *args)
    monkeypatch.setattr(importlib.util, "find_spec", find_spec_without_k8s)
    with pytest.raises(SettingsError, match="NEWSIMPACT_EXECUTOR=k8s needs dagster-k8s: pip "
                                            "install 'newsimpact\\[distributed\\]'"):
        Settings.from_env()
    monkeypatch.setenv("NEWSIMPACT_DBT_TARGET", "duckdb")
    with pytest.raises(SettingsError, match="NEWSIMPACT_DBT_TARGET='duckdb': expected one of "
                                            "local, spark, spark_thrift, spark_http"):
        Settings.from_env()


def test_a_multiprocess_run_executes_its_step_apart_in_the_one_writer_pool(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "orchestration" / "dagster.yaml", home)
    env = deployment_env(NEWSIMPACT_EXECUTOR="multiprocess", DAGSTER_HOME=str(home),
                         NEWSIMPACT_WAREHOUSE=str(tmp_path / "newsimpact.duckdb"))
    done = subprocess.run([str(VENV_BIN / "dagster"), "asset", "materialize", "-m",
                           "orchestration.definitions", "--select", "raw/sessions"], cwd=REPO,
                          capture_output=True, text=True, timeout=180, env=env)
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-3000:]
    parent = re.search(r"using multiprocess executor: parent process \(pid: (\d+)\)", log)
    step = re.search(r" - (\d+) - raw__sessions - STEP_SUCCESS", log)
    assert parent and step and parent.group(1) != step.group(1), log[-3000:]
    with DagsterInstance.from_config(str(home)) as instance:
        pools = instance.event_log_storage.get_pool_limits()
        assert [(pool.name, pool.limit) for pool in pools] == [("warehouse", 1)]


ALLOWED = "expected one of in_process, multiprocess, celery, k8s"


def test_an_unknown_executor_is_one_line_naming_the_allowed_values():
    env = deployment_env(NEWSIMPACT_EXECUTOR="spaceship")
    cli = subprocess.run([str(VENV_BIN / "newsimpact"), "query", "select 1"], cwd=REPO,
                         capture_output=True, text=True, timeout=60, env=env)
    assert (cli.returncode, cli.stdout) == (2, "")
    assert cli.stderr == f"newsimpact: NEWSIMPACT_EXECUTOR='spaceship': {ALLOWED}\n"
    # what Dagster's loader (dagster dev, the daemon) reports last: it calls the lazy defs
    load = subprocess.run([sys.executable, "-c", "from orchestration.definitions import defs; "
                           "defs()"], cwd=REPO,
                          capture_output=True, text=True, timeout=120, env=env)
    assert load.returncode == 1
    assert load.stderr.strip().splitlines()[-1] == (
        f"orchestration.settings.SettingsError: NEWSIMPACT_EXECUTOR='spaceship': {ALLOWED}")


@pytest.mark.parametrize("path, pool_limit", [
    (REPO / "orchestration" / "dagster.yaml", 1),  # the local default: DuckDB
    (DEPLOY / "dagster.celery.yaml", 1),
    (DEPLOY / "dagster.spark.yaml", None),  # the pool's limit lifted
])
def test_the_local_instance_files_load(tmp_path, path, pool_limit):
    shutil.copy(path, tmp_path / "dagster.yaml")
    with DagsterInstance.from_config(str(tmp_path)) as instance:
        assert type(instance.run_launcher).__name__ == "DefaultRunLauncher"
        concurrency = instance.get_concurrency_config()
        assert concurrency.pool_config.default_pool_limit == pool_limit
        assert concurrency.run_queue_config.max_concurrent_runs == 1


def test_the_celery_worker_reads_the_executors_broker(monkeypatch):
    monkeypatch.setenv("NEWSIMPACT_CELERY_BROKER", "redis://127.0.0.1:6379/0")
    config = get_validated_config(str(DEPLOY / "celery_worker.yaml"))
    assert (config["broker"], config["backend"]) == ("redis://127.0.0.1:6379/0", "rpc://")


KUBECONFIG = """apiVersion: v1
kind: Config
clusters: [{name: here, cluster: {server: "https://127.0.0.1:6443"}}]
users: [{name: here, user: {token: none}}]
contexts: [{name: here, context: {cluster: here, user: here}}]
current-context: here
"""


def test_the_kubernetes_instance_validates_and_its_launcher_builds_the_run_pod(tmp_path,
                                                                               monkeypatch):
    config, _ = dagster_instance_config(str(DEPLOY), "dagster.k8s.yaml")
    assert "postgres" in config["storage"]
    assert config["concurrency"]["pools"]["default_limit"] == 1
    monkeypatch.setenv("NEWSIMPACT_K8S_NAMESPACE", "news")
    monkeypatch.setenv("NEWSIMPACT_K8S_IMAGE", "registry.example/newsimpact:1")
    (tmp_path / "kubeconfig").write_text(KUBECONFIG)
    section = config["run_launcher"]  # a local kubeconfig stands in for the cluster's
    launcher_config = {**section["config"], "load_incluster_config": False,
                       "kubeconfig_file": str(tmp_path / "kubeconfig")}
    launcher = ConfigurableClassData(section["module"], section["class"],
                                     yaml.safe_dump(launcher_config)).rehydrate()
    context = launcher.get_container_context_for_run(
        DagsterRun(job_name="transform", run_id=str(uuid.uuid4())))
    assert context.namespace == "news"
    job = construct_dagster_k8s_job(context.get_k8s_job_config(None, launcher),
                                    args=["dagster", "api", "execute_run"],
                                    job_name="newsimpact-run", component="run_worker",
                                    user_defined_k8s_config=context.run_k8s_config)
    pod = job.spec.template.spec
    assert pod.service_account_name == "newsimpact"
    assert [v.persistent_volume_claim.claim_name for v in pod.volumes
            if v.persistent_volume_claim] == ["newsimpact-warehouse"]
    container = pod.containers[0]
    assert container.image == "registry.example/newsimpact:1"
    assert "/warehouse" in [m.mount_path for m in container.volume_mounts]
    assert [e.config_map_ref.name for e in container.env_from if e.config_map_ref] == [
        "newsimpact-env"]
