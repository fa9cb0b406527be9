"""The works app's background tasks (run by `dearreader worker`)."""

from django_tasks import task

from dearreader.works import scheduling


@task()
def post_due() -> list[str]:
    return scheduling.post_due()
