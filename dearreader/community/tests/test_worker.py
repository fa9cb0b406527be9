"""The real task queue: a real `dearreader worker` process on the test database.

Posting only enqueues; the worker tells the followers. Killed with SIGKILL in the middle of a
fan-out and started again with the same id, it takes its task back and finishes it, and every
follower ends with exactly one notification.
"""

import os
import signal
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Count
from django_tasks_db.models import DBTaskResult

from dearreader.accounts.models import Member
from dearreader.community.models import Follow, Notification
from dearreader.lib.factories import make_member, make_work
from dearreader.works import services
from dearreader.works.models import Chapter

pytestmark = pytest.mark.django_db(transaction=True)
FANOUT = "dearreader.community.tasks.tell_chapter_posted"


def worker_env(**extra: str) -> dict[str, str]:
    """The environment that points a worker process at this test database."""
    env = {**os.environ, "SECRET_KEY": settings.SECRET_KEY, "LOG_LEVEL": "WARNING", **extra}
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        env.pop("DATABASE_URL", None)
        env["DEARREADER_DATA_DIR"] = settings.TEST_DATA_DIR
    else:
        password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
        host = db["HOST"] or "127.0.0.1"
        env["DATABASE_URL"] = (
            f"postgres://{quote(db['USER'])}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    return env


def worker(*args: str, env: dict[str, str]) -> subprocess.Popen:
    command = [sys.executable, "-m", "dearreader.cli", "worker", "--interval", "0.1", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def followers(work, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    Member.objects.bulk_create(
        Member(username=f"reader{n:05}", email=f"reader{n}@example.org", password="!")
        for n in range(count)
    )
    ids = list(Member.objects.filter(username__startswith="reader").values_list("pk", flat=True))
    Follow.objects.bulk_create(Follow(member_id=pk, work=work) for pk in ids)
    return ids


def test_posting_only_enqueues_and_the_worker_tells_the_followers(queue):
    work = make_work(make_member("dodger"), title="Letters")
    ids = followers(work, 50)
    services.chapter_add(work=work, chapter=Chapter(body="A new letter."), post=True)
    assert not Notification.objects.exists(), "posting must not wait for the fan-out"
    assert DBTaskResult.objects.filter(task_path=FANOUT, status="READY").count() == 1
    done = worker("--batch", "--worker-id", "test-batch", env=worker_env())
    output = done.communicate(timeout=120)[0].decode()
    assert done.returncode == 0, output
    assert sorted(Notification.objects.values_list("recipient_id", flat=True)) == sorted(ids)
    assert DBTaskResult.objects.get(task_path=FANOUT).status == "SUCCESSFUL"
    # The worker also started the daily digest and the hit counts, to run later.
    waiting = set(DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True))
    assert waiting == {
        "dearreader.community.tasks.send_digests",
        "dearreader.community.tasks.count_hits",
    }


@pytest.mark.slow
def test_worker_killed_mid_fanout_and_restarted_tells_every_follower_exactly_once(queue):
    work = make_work(make_member("dodger"), title="Letters")
    ids = followers(work, 10_000)
    services.chapter_add(work=work, chapter=Chapter(body="A new letter."), post=True)
    # Small batches, so that the fan-out is still under way when the kill comes.
    env = worker_env(DEARREADER_FANOUT_BATCH="50")
    running = worker("--worker-id", "test-kill", env=env)
    deadline = time.monotonic() + 120
    try:
        while Notification.objects.count() < 500:
            assert running.poll() is None, running.communicate()[0].decode()
            assert time.monotonic() < deadline, "the worker wrote nothing in two minutes"
            time.sleep(0.02)
        running.send_signal(signal.SIGKILL)
        running.wait(timeout=30)
    finally:
        if running.poll() is None:
            running.kill()
    told_before = Notification.objects.count()
    assert 0 < told_before < len(ids), "the worker finished before it could be killed"
    task = DBTaskResult.objects.get(task_path=FANOUT)
    assert task.status == "RUNNING" and task.worker_ids == ["test-kill"]

    restarted = worker("--batch", "--worker-id", "test-kill", env=env)
    output = restarted.communicate(timeout=300)[0].decode()
    assert restarted.returncode == 0, output
    assert "put back 1 unfinished task" in output
    told = Notification.objects.filter(event_key__startswith="chapter:")
    assert told.count() == len(ids)
    assert set(told.values_list("recipient_id", flat=True)) == set(ids)
    assert not told.values("recipient_id").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert DBTaskResult.objects.get(pk=task.pk).status == "SUCCESSFUL"


def test_a_worker_leaves_another_workers_running_task_alone(queue):
    from dearreader.community.management.commands.worker import requeue_abandoned

    make_work(make_member("dodger"), title="Letters")
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}},
        task_path=FANOUT,
        backend_name="default",
        run_after=DBTaskResult._meta.get_field("run_after").get_default() or "2026-01-01T00:00Z",
        status="RUNNING",
        worker_ids=["someone-else"],
    )
    assert requeue_abandoned("me") == 0
    assert requeue_abandoned("someone-else") == 1
    task.refresh_from_db()
    assert task.status == "READY"
