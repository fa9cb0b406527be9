"""Run by test_concurrent_writes in a process of its own, on the embedded default as served:
a real SQLite file in a fresh data folder, the file cache, rate limits on.

One member's post is held in the renderer; meanwhile another member posts and logs in. Prints
one line per request and "held post finished" at the end; exits non-zero on any failure.
"""

import os
import sys
import threading
import time

HOLD_SECONDS = 30


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dearreader.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client
    from django.urls import reverse

    from dearreader.lib.factories import PASSWORD, make_member
    from dearreader.works import models
    from dearreader.works.tests.helpers import chapter_data, work_data

    call_command("migrate", verbosity=0)
    dodger, rory = make_member("dodger"), make_member("rory")
    started, release = threading.Event(), threading.Event()
    render = models.render_body

    def held_render(body, *args, **kwargs):  # type: ignore[no-untyped-def]
        if body.startswith("HOLD"):
            started.set()
            release.wait(HOLD_SECONDS)
        return render(body, *args, **kwargs)

    models.render_body = held_render  # type: ignore[assignment]
    results: dict[str, int] = {}

    def post(name: str, member, body: str) -> None:  # type: ignore[no-untyped-def]
        try:
            client = Client()
            client.force_login(member)
            data = {**work_data(member.default_pen_name), **chapter_data(body=body), "post": "1"}
            results[name] = client.post(reverse("works:new"), data).status_code
        finally:
            connections.close_all()

    held = threading.Thread(target=post, args=("held post", dodger, "HOLD. A long chapter."))
    held.start()
    if not started.wait(10):
        sys.exit("the held post never reached the renderer")
    start = time.monotonic()
    other = threading.Thread(target=post, args=("other member's post", rory, "Short."))
    other.start()
    other.join(HOLD_SECONDS)
    login = Client().post(reverse("accounts:login"), {"username": "rory", "password": PASSWORD})
    results["login"] = login.status_code
    took = time.monotonic() - start
    still_held = held.is_alive()
    release.set()
    held.join(HOLD_SECONDS)
    for name in ("other member's post", "login", "held post"):
        print(f"{name}: {results.get(name)}")
    print(f"while held: {took:.2f} s, held post still rendering: {still_held}")
    ok = results == {"other member's post": 302, "login": 302, "held post": 302}
    sys.exit(0 if ok and still_held else 1)


if __name__ == "__main__":
    main()
