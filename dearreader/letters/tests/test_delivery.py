"""Delivery on a date, through the real database task queue run in this process at the time:
the letter waits in its writer's tray, unread by anyone, can be recalled until then, and is
delivered once, on time; a recalled letter is never delivered, even when its task runs."""

import pytest
import time_machine
from django.urls import reverse

from dearreader.accounts.models import Block
from dearreader.community.models import Notification
from dearreader.letters import delivery, services
from dearreader.letters.models import Copy, Letter, Status
from dearreader.letters.tests.helpers import draft, form_data

pytestmark = pytest.mark.django_db

BEFORE = "2026-03-16 12:00Z"  # a Monday
WHEN = "2026-03-18T09:00"  # Wednesday morning, in the archive's time zone (UTC in tests)
AFTER = "2026-03-18 09:00:30Z"


def schedule(client, writer, letter, when=WHEN):  # type: ignore[no-untyped-def]
    data = form_data(writer, action="schedule", deliver_at=when)
    return client.post(reverse("letters:edit", args=[letter.pk]), data)


def test_a_dated_letter_waits_in_the_tray_then_the_queue_delivers_it_on_time(
    client, author, reader, run_queue, django_capture_on_commit_callbacks
):
    with time_machine.travel(BEFORE, tick=False):
        letter = draft(author)
        client.force_login(author)
        with django_capture_on_commit_callbacks(execute=True):
            response = schedule(client, author, letter)
        assert response.status_code == 302 and response["Location"] == reverse("letters:waiting")
        tray = client.get(reverse("letters:waiting")).content.decode()
        assert "About the diner" in tray and "Wednesday 18 March 2026, 09:00" in tray
        assert run_queue() == 0  # not yet
        client.force_login(reader)
        assert client.get(letter.get_absolute_url()).status_code == 404
        assert "About the diner" not in client.get(reverse("letters:mailbag")).content.decode()
    letter.refresh_from_db()
    assert letter.status == Status.SCHEDULED and not Copy.objects.exists()
    assert not Notification.objects.exists()
    with time_machine.travel("2026-03-18 08:59Z", tick=False):
        assert run_queue() == 0
    with time_machine.travel(AFTER, tick=False):
        assert run_queue() == 1
    letter.refresh_from_db()
    assert letter.status == Status.SENT and letter.sent_at.isoformat().startswith("2026-03-18")
    assert Copy.objects.get().recipient == reader
    assert Notification.objects.get(recipient=reader).event_key == f"letter:{letter.pk}"


def test_recalled_before_its_date_a_letter_is_never_delivered_though_its_task_runs(
    client, author, reader, run_queue, django_capture_on_commit_callbacks
):
    with time_machine.travel(BEFORE, tick=False):
        letter = draft(author)
        client.force_login(author)
        with django_capture_on_commit_callbacks(execute=True):
            schedule(client, author, letter)
        response = client.post(reverse("letters:recall", args=[letter.pk]))
        assert response["Location"] == reverse("letters:edit", args=[letter.pk])
        drafts = client.get(reverse("letters:drafts")).content.decode()
        assert "About the diner" in drafts
    with time_machine.travel(AFTER, tick=False):
        assert run_queue() == 1  # the task ran, found nothing due, and did nothing
    letter.refresh_from_db()
    assert letter.status == Status.DRAFT and letter.deliver_at is None
    assert not Copy.objects.exists() and not Notification.objects.exists()


def test_too_late_to_recall_once_delivered(client, author, reader, run_queue, on_commit):
    with time_machine.travel(BEFORE, tick=False):
        letter = draft(author)
        client.force_login(author)
        with on_commit():
            schedule(client, author, letter)
    with time_machine.travel(AFTER, tick=False):
        run_queue()
        response = client.post(reverse("letters:recall", args=[letter.pk]), follow=True)
    assert "Too late: the letter has been delivered." in response.content.decode()
    assert Copy.objects.filter(letter=letter, recipient=reader).exists()


def test_delivery_runs_twice_and_delivers_once(author, reader, lane):
    with time_machine.travel(BEFORE, tick=False):
        letter = draft(author, to="rory, lane")
        services.letter_schedule(letter=letter, when=_aware(WHEN))
    with time_machine.travel(AFTER, tick=False):
        assert delivery.deliver_due() == [letter.pk]
        assert delivery.deliver_due() == []
        delivery.tell(letter.pk)
        delivery.tell(letter.pk)
    assert Copy.objects.count() == 2 and Notification.objects.count() == 2
    assert Letter.objects.get().recipient_count == 2


def test_who_blocked_the_writer_before_the_day_is_left_out(author, reader, lane):
    with time_machine.travel(BEFORE, tick=False):
        letter = draft(author, to="rory, lane")
        services.letter_schedule(letter=letter, when=_aware(WHEN))
        Block.objects.create(blocker=lane, blocked=author)
    with time_machine.travel(AFTER, tick=False):
        delivery.deliver_due()
    assert list(Copy.objects.values_list("recipient__username", flat=True)) == ["rory"]


def test_a_date_in_the_past_or_too_far_ahead_is_refused_and_the_draft_kept(client, author, reader):
    with time_machine.travel(BEFORE, tick=False):
        letter = draft(author)
        client.force_login(author)
        past = schedule(client, author, letter, "2026-03-01T09:00")
        assert past.status_code == 400 and "already passed" in past.content.decode()
        far = schedule(client, author, letter, "2036-03-01T09:00")
        assert far.status_code == 400 and "at most 2 years" in far.content.decode()
        missing = schedule(client, author, letter, "")
        assert "Choose the date and time" in missing.content.decode()
    letter.refresh_from_db()
    assert letter.status == Status.DRAFT


def test_a_dated_letter_to_nobody_reachable_is_refused_on_the_day_it_is_dated(
    client, author, reader
):
    Block.objects.create(blocker=reader, blocked=author)
    with time_machine.travel(BEFORE, tick=False):
        letter = draft(author)
        client.force_login(author)
        response = schedule(client, author, letter)
    assert response.status_code == 400
    assert "cannot receive letters from you" in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == Status.DRAFT


def _aware(local: str):  # type: ignore[no-untyped-def]
    from datetime import datetime

    from django.utils import timezone

    return timezone.make_aware(datetime.fromisoformat(local))
