"""The letters app's background tasks (run by `dearreader worker`); the work is in delivery.py."""

from django_tasks import task

from dearreader.community import emails
from dearreader.letters import delivery


@task()
def deliver_due() -> int:
    """Deliver the letters whose date has come, and tell their recipients."""
    return sum(emails.send_now(delivery.tell(pk)) for pk in delivery.deliver_due())


@task()
def tell_letter(letter_id: int) -> int:
    return emails.send_now(delivery.tell(letter_id))


@task()
def tell_returned(copy_id: int) -> int:
    return emails.send_now(delivery.tell_returned(copy_id))
