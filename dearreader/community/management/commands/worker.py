from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django_tasks_db.models import DBTaskResult

from dearreader.community import periodic


class Command(BaseCommand):
    help = (
        "Run the background worker: alerts and their fan-out, emails and digests, scheduled "
        "posting, hit counts. Give each worker its own --worker-id (default: "
        "DEARREADER_WORKER_ID, else worker-1) and keep it across restarts: a worker starting "
        "with an id first puts back in the queue the task its previous run was killed in, so "
        "nothing is lost (tasks are written to be run twice safely). Then it starts the daily "
        "digest and hit counts if none is waiting, and runs tasks until stopped (SIGTERM or "
        "Ctrl-C finish the task at hand first). --batch runs what is due and exits."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--worker-id", default=settings.WORKER_ID)
        parser.add_argument("--batch", action="store_true", help="run what is due, then exit")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between looks at an empty queue"
        )

    def handle(
        self, *args: Any, worker_id: str, batch: bool, interval: float, **options: Any
    ) -> None:
        taken_back = requeue_abandoned(worker_id)
        started = periodic.ensure_all()
        self.stdout.write(
            f"Worker {worker_id}: put back {taken_back} unfinished task(s); "
            f"started {', '.join(started) or 'no'} periodic task(s).",
        )
        call_command(
            "db_worker",
            worker_id=worker_id,
            batch=batch,
            interval=interval,
            reload=False,
            startup_delay=False,
            verbosity=options["verbosity"],
            stdout=self.stdout,
        )


def requeue_abandoned(worker_id: str) -> int:
    """Tasks left running by this worker id's previous run (it died in them) go back in the
    queue. Only this id's: another worker's running task may be running right now."""
    running = DBTaskResult.objects.running().only("pk", "worker_ids")
    mine = [task.pk for task in running if task.worker_ids and task.worker_ids[-1] == worker_id]
    return DBTaskResult.objects.filter(pk__in=mine, status="RUNNING").update(status="READY")
