"""Small factories for tests and demo data: members with pen names, works with chapters."""

from dearreader.accounts.models import Member
from dearreader.accounts.services import member_register, pen_name_add
from dearreader.works import services
from dearreader.works.models import Chapter, Rating, Tag, Work

PASSWORD = "a-long-enough-pass-phrase"  # noqa: S105 (test and demo accounts only)


def make_member(username: str, *, pen_name: str | None = None, **extra: object) -> Member:
    member = member_register(username=username, email=f"{username}@example.org", password=PASSWORD)
    if extra:
        Member.objects.filter(pk=member.pk).update(**extra)
        member.refresh_from_db()
    if pen_name:
        pen_name_add(member=member, name=pen_name)
    return member


def make_work(
    member: Member,
    *,
    title: str = "A Letter Never Sent",
    bodies: list[str] | None = None,
    post: bool = True,
    pen_name: str | None = None,
    tags: dict[str, list[str]] | None = None,
    **fields: object,
) -> Work:
    pens = member.pen_names.all()
    pen = pens.get(name=pen_name) if pen_name else member.default_pen_name
    fields.setdefault("rating", Rating.GENERAL)
    work = Work(pen_name=pen, title=title, **fields)
    chapters = [Chapter(body=body) for body in (bodies or ["It was a quiet morning in town."])]
    default_tags: dict[str, list[str]] = {Tag.Kind.FANDOM: ["Gilmore Girls"]}
    tag_names = tags if tags is not None else default_tags
    return services.work_create(
        work=work, chapters=chapters, tag_names=tag_names, warnings=[], post=post
    )
