"""Email: each notice at once, or a daily digest, as each member chose; every email carries
a one-click unsubscribe (a signed link, and RFC 8058 List-Unsubscribe headers for mail apps).

A notice is marked emailed after its batch is handed to the mail server, so a worker killed
in between sends that batch again: at least once, never silently lost.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from itertools import groupby

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import timezone

from dearreader.accounts.models import Member
from dearreader.community import limits
from dearreader.community.models import EmailChoice, Notification, Preferences

UNSUBSCRIBE_SALT = "dearreader.community.unsubscribe"
# What a digest's unsubscribe link turns off: every kind the member gets in the digest.
DIGEST = "digest"


def unsubscribe_token(member_id: int, field: str) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"m": member_id, "f": field})


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """(member id, field); raises signing.BadSignature for anything not made by us."""
    data = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    if not isinstance(data, dict) or not isinstance(data.get("m"), int):
        raise signing.BadSignature("not an unsubscribe token")
    field = data.get("f")
    if field != DIGEST and field not in Preferences.kinds_by_field():
        raise signing.BadSignature("not an unsubscribe token")
    return data["m"], field


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def unsubscribe_url(member_id: int, field: str) -> str:
    return absolute(reverse("community:unsubscribe", args=[unsubscribe_token(member_id, field)]))


def _message(member: Member, subject: str, lines: list[str], field: str) -> EmailMessage:
    stop = unsubscribe_url(member.pk, field)
    what = "the daily digest" if field == DIGEST else "emails like this one"
    body = "\n".join(
        [
            *lines,
            "",
            "-- ",
            "Dear Reader. Choose what is emailed to you: "
            + absolute(reverse("community:settings")),
            f"Stop {what} with one click: {stop}",
        ]
    )
    return EmailMessage(
        subject=subject[:200],
        body=body,
        to=[member.email],
        headers={
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _send(pairs: Iterable[tuple[EmailMessage, list[int]]]) -> int:
    """Send in batches over one connection; mark each batch's notices emailed after it."""
    sent = 0
    batch: list[tuple[EmailMessage, list[int]]] = []
    connection = get_connection()

    def flush() -> None:
        nonlocal sent
        if not batch:
            return
        connection.send_messages([message for message, _ in batch])
        ids = [pk for _, pks in batch for pk in pks]
        Notification.objects.filter(pk__in=ids).update(emailed_at=timezone.now())
        sent += len(batch)
        batch.clear()

    for pair in pairs:
        batch.append(pair)
        if len(batch) >= limits.EMAIL_BATCH:
            flush()
    flush()
    return sent


def send_now(event_key: str | None) -> int:
    """Email one event's notices to the members who want such news at once."""
    if not event_key:
        return 0
    due = (
        Notification.objects.filter(event_key=event_key)
        .to_email(EmailChoice.NOW)
        .exclude(recipient__email="")
        .select_related("recipient")
        .order_by("pk")
    )
    field_of = Preferences.FIELD_OF_KIND
    return _send(
        (
            _message(n.recipient, n.text, [n.text, "", absolute(n.url)], field_of[n.kind]),
            [n.pk],
        )
        for n in due.iterator(chunk_size=limits.EMAIL_BATCH)
    )


def send_digests(now: datetime | None = None) -> int:
    """One email per member with what arrived for the digest since the day before."""
    now = now or timezone.now()
    due = (
        Notification.objects.filter(created_at__gt=now - limits.DIGEST_WINDOW, created_at__lte=now)
        .to_email(EmailChoice.DIGEST)
        .exclude(recipient__email="")
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "pk")
    )

    def digests() -> Iterable[tuple[EmailMessage, list[int]]]:
        rows = due.iterator(chunk_size=2000)
        for _, group in groupby(rows, key=lambda n: n.recipient_id):
            notices = list(group)
            member = notices[0].recipient
            count = len(notices)
            subject = f"Dear Reader: {count} new thing{'s' if count != 1 else ''} for you"
            lines = [f"- {n.text}\n  {absolute(n.url)}" for n in notices]
            yield (
                _message(member, subject, ["Since yesterday:", "", *lines], DIGEST),
                [n.pk for n in notices],
            )

    return _send(digests())


def next_digest_at(now: datetime) -> datetime:
    """The next DIGEST_HOUR o'clock in the site's time zone, after `now`."""
    local = timezone.localtime(now)
    at = local.replace(hour=settings.DIGEST_HOUR, minute=0, second=0, microsecond=0)
    return at if at > local else at + timedelta(days=1)
