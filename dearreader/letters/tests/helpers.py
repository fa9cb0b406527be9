"""Letters written and sent through the services, as the views do."""

from django.urls import reverse

from dearreader.accounts.models import Member
from dearreader.letters import services
from dearreader.letters.models import Copy, Letter

BODY = "Dear {name},\n\nI should have said it in person.\n\nLove,\nJess"


def draft(writer: Member, to: str = "rory", body: str = BODY, **fields: object) -> Letter:
    fields.setdefault("subject", "About the diner")
    letter = Letter(
        writer=writer, pen_name=writer.pen_names.get(is_default=True), to=to, body=body, **fields
    )
    return services.letter_save(letter=letter)


def send(writer: Member, to: str = "rory", body: str = BODY, **fields: object) -> Letter:
    return services.letter_send(letter=draft(writer, to, body, **fields))


def copy_of(letter: Letter, member: Member) -> Copy:
    return Copy.objects.select_related("letter").get(letter=letter, recipient=member)


def form_data(writer: Member, **fields: object) -> dict[str, object]:
    """What the writing form posts."""
    data: dict[str, object] = {
        "pen_name": writer.pen_names.get(is_default=True).pk,
        "audience": "members",
        "to": "rory",
        "subject": "About the diner",
        "body": BODY,
        "action": "save",
    }
    data.update(fields)
    return data


def letter_url(letter: Letter, name: str = "letters:letter") -> str:
    return reverse(name, args=[letter.pk])
