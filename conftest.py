"""Shared test set-up: fast hashing, local-memory cache unless Redis is under test, tasks run
inline unless a test is about the queue, personas."""

import tempfile
from pathlib import Path

import pytest

from dearreader.lib.env import env_str


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.hasplugin("django"):
        return  # `-p no:django`: the importer's tests run without Django at all
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    if not env_str("REDIS_URL"):
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
    # The browser test's live server answers each request in a thread of its own; a kept-alive
    # connection there outlives the thread and blocks dropping the PostgreSQL test database.
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0
    settings.STATIC_ROOT = None  # tests serve static files through the finders, not var/
    # Tasks run inline, at once; tests about the queue itself switch to the database backend
    # (the `queue` fixture in dearreader/community/tests/conftest.py).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from django.core.signals import setting_changed
    from django_tasks.signals import task_finished

    # The apps already made the backends while starting up: have them made again.
    setting_changed.send(sender=None, setting="TASKS", value=settings.TASKS, enter=True)
    # The inline backend records a task's exception and carries on; a test must see it fail.
    task_finished.connect(_raise_failed_task, dispatch_uid="dearreader-tests")
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        # A file, not memory, so that a real worker process can share the test database.
        folder = Path(tempfile.mkdtemp(prefix="dearreader-test-"))
        settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = str(
            folder / "dearreader.sqlite3"
        )
        settings.TEST_DATA_DIR = str(folder)


def _raise_failed_task(sender, task_result, **kwargs):  # type: ignore[no-untyped-def]
    if task_result.status == "FAILED" and sender.__name__ == "ImmediateBackend":
        raise AssertionError(
            f"task {task_result.task.name} failed:\n{task_result.errors[0].traceback}"
        )


@pytest.fixture(autouse=True)
def _clean_cache(request: pytest.FixtureRequest) -> None:
    """Rate-limit counters must not leak from one test into the next."""
    if not request.config.pluginmanager.hasplugin("django"):
        return
    from django.core.cache import cache

    cache.clear()


# Named personas, the same in every test: an author, a reader, a stranger and staff.
@pytest.fixture
def author(db):  # type: ignore[no-untyped-def]
    from dearreader.lib.factories import make_member

    return make_member("dodger", pen_name="Jess Mariano")


@pytest.fixture
def reader(db):  # type: ignore[no-untyped-def]
    from dearreader.lib.factories import make_member

    return make_member("rory")


@pytest.fixture
def stranger(db):  # type: ignore[no-untyped-def]
    from dearreader.lib.factories import make_member

    return make_member("kirk")


@pytest.fixture
def staff(db):  # type: ignore[no-untyped-def]
    from dearreader.lib.factories import make_member

    return make_member("taylor", is_staff=True, is_superuser=True)


@pytest.fixture
def warnings(db):  # type: ignore[no-untyped-def]
    from dearreader.works.models import Tag

    return Tag.objects.filter(kind=Tag.Kind.WARNING)


class InProcessQueue:
    """The database task backend, with what is due run here, the way the worker runs it."""

    def waiting(self):  # type: ignore[no-untyped-def]
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(status="READY")

    def run_due(self) -> int:
        from django_tasks_db.management.commands.db_worker import Worker
        from django_tasks_db.models import DBTaskResult

        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="in-process",
            excluded_queue_names=[],
        )
        ran = 0
        while (result := DBTaskResult.objects.ready().first()) is not None:
            result.claim("in-process")
            worker.run_task(result)
            result.refresh_from_db()
            assert result.status == "SUCCESSFUL", result.traceback
            ran += 1
        return ran


@pytest.fixture
def queue(settings):  # type: ignore[no-untyped-def]
    """For tests about the queue: tasks wait in the database until run_due() (or a worker)."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    return InProcessQueue()


@pytest.fixture
def run_queue(queue, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Run what is due on the database queue, and what that enqueues in turn, until nothing
    is left due."""

    def run() -> int:
        total = 0
        while True:
            with django_capture_on_commit_callbacks(execute=True):
                ran = queue.run_due()
            total += ran
            if not ran:
                return total

    return run
