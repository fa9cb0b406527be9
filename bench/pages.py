"""Reading pages through the whole Django stack (middleware, sessions, templates, database)
against the cheapest page the same stack serves: the login form, which reads no works."""

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from bench.stories import story
from dearreader.lib.factories import make_member, make_work
from dearreader.works.models import Work


def _fill(works: int) -> Work:
    member = make_member("bench")
    body = story(chapters=1, paragraphs=60).split("Chapter 1: Part 1\n\n", 1)[1]
    work = None
    for n in range(works):
        work = make_work(member, title=f"Bench work {n}", bodies=[body] * (3 if n == 0 else 1))
    assert work is not None
    return Work.objects.order_by("pk").first()  # type: ignore[return-value]


def run(report, best_of, scale: float) -> None:  # type: ignore[no-untyped-def]
    call_command("migrate", "--noinput", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # as served: manifest storage
    count = max(20, int(300 * scale))
    work = _fill(count)
    client = Client(HTTP_HOST="localhost")
    chapter = work.chapters.get(position=2)
    baseline = best_of(lambda: client.get(reverse("accounts:login")), 30)
    pages = [
        ("home page", reverse("home")),
        (f"works index (page 1 of {count} works)", reverse("works:list")),
        ("work page (preface + chapter 1)", work.get_absolute_url()),
        ("chapter 2 page", chapter.get_absolute_url()),
        ("entire work (3 chapters)", reverse("works:full", args=[work.pk])),
    ]
    for name, url in pages:
        assert client.get(url).status_code == 200, url
        report(name, best_of(lambda url=url: client.get(url), 30), "login page", baseline)
