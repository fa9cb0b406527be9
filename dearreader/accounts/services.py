from django.db import transaction

from dearreader.accounts.models import Member, PenName


@transaction.atomic
def member_register(*, username: str, email: str, password: str) -> Member:
    member = Member.objects.create_user(username=username, email=email, password=password)
    PenName.objects.create(member=member, name=username, is_default=True)
    return member


@transaction.atomic
def pen_name_add(*, member: Member, name: str, description: str = "") -> PenName:
    return PenName.objects.create(member=member, name=name, description=description)


@transaction.atomic
def pen_name_make_default(*, pen_name: PenName) -> None:
    PenName.objects.filter(member=pen_name.member, is_default=True).update(is_default=False)
    PenName.objects.filter(pk=pen_name.pk).update(is_default=True)


def member_change_email(*, member: Member, email: str) -> None:
    member.email = email
    member.save(update_fields=["email"])
