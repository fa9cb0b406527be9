import re

import pytest
from django.urls import reverse

from dearreader.community.models import (
    Audience,
    Kind,
    Notification,
    Review,
    ReviewSettings,
    ReviewStatus,
)
from dearreader.lib.factories import make_member

pytestmark = pytest.mark.django_db


def review_url(work, chapter=None):  # type: ignore[no-untyped-def]
    chapter = chapter or work.chapters.first()
    return reverse("community:review_new", args=[work.pk, chapter.pk])


def test_member_review_shows_under_the_chapter_and_tells_the_author(
    client, work, author, reader, on_commit
):
    client.force_login(reader)
    with on_commit():
        response = client.post(review_url(work), {"body": "I *loved* the letter."})
    chapter = work.chapters.first()
    assert response.status_code == 302
    page = client.get(chapter.get_absolute_url()).content.decode()
    assert "<em>loved</em>" in page and "rory" in page
    notice = Notification.objects.get(recipient=author)
    assert notice.kind == Kind.REVIEW and "rory reviewed Chapter 1" in notice.text
    work.refresh_from_db()
    assert work.review_count == 1


def test_guest_review_with_a_name_needs_no_account(client, work):
    response = client.post(review_url(work), {"name": "Lane", "body": "More please!"})
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.member is None and review.guest_name == "Lane"
    assert review.guest_address and "127.0.0.1" not in review.guest_address
    page = client.get(work.chapters.first().get_absolute_url()).content.decode()
    assert "Lane" in page and "(guest)" in page and "More please!" in page


def test_guest_review_without_a_name_is_refused_keeping_the_text(client, work):
    response = client.post(review_url(work), {"name": " ", "body": "Lovely words."})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Guests sign their review with a name." in page and "Lovely words." in page
    assert not Review.objects.exists()


def test_guest_review_is_held_when_author_moderates(client, work, author):
    ReviewSettings.objects.create(work=work, hold_guest_reviews=True)
    client.post(review_url(work), {"name": "Lane", "body": "Held words."})
    review = Review.objects.get()
    assert review.status == ReviewStatus.HELD
    chapter_url = work.chapters.first().get_absolute_url()
    assert "Held words." not in client.get(chapter_url).content.decode()
    client.force_login(author)
    assert "Held for your approval" in client.get(chapter_url).content.decode()
    client.post(reverse("community:moderate", args=[review.pk, "approve"]))
    client.logout()
    assert "Held words." in client.get(chapter_url).content.decode()


def test_members_only_and_closed_reviews(client, work, reader):
    settings = ReviewSettings.objects.create(work=work, audience=Audience.MEMBERS)
    response = client.post(review_url(work), {"name": "Lane", "body": "Hi"})
    assert response.status_code == 403 and "members only" in response.content.decode()
    client.force_login(reader)
    assert client.post(review_url(work), {"body": "Hi"}).status_code == 302
    settings.audience = Audience.NOBODY
    settings.save()
    response = client.post(review_url(work), {"body": "Again"})
    assert response.status_code == 403 and "closed reviews" in response.content.decode()
    assert Review.objects.count() == 1


def test_author_cannot_review_their_own_work(client, work, author):
    client.force_login(author)
    response = client.post(review_url(work), {"body": "I am great"})
    assert response.status_code == 403
    assert not Review.objects.exists()


def test_script_and_html_in_reviews_are_sanitised(client, work, reader):
    client.force_login(reader)
    hostile = (
        '<script>alert("x")</script><img src=x onerror=alert(1)>'
        '<a href="javascript:alert(2)">link</a> <b>bold</b>'
    )
    client.post(review_url(work), {"body": hostile})
    review = Review.objects.get()
    # No live tag or attribute survives (the renderer may show them as escaped text).
    assert "<script" not in review.body_html and "<img" not in review.body_html
    assert not re.search(r"<[^>]*(onerror|javascript:)", review.body_html)
    assert "<b>bold</b>" in review.body_html
    page = client.get(work.chapters.first().get_absolute_url()).content.decode()
    assert "<script>alert" not in page


def test_honeypot_field_stops_a_bot_and_says_why(client, work):
    data = {"name": "Bot", "body": "Cheap pills", "website": "http://spam.example"}
    response = client.post(review_url(work), data)
    assert response.status_code == 400
    assert "looks automated" in response.content.decode()
    assert not Review.objects.exists()


def test_guest_reviews_are_throttled_per_address_keeping_the_text(client, work):
    for n in range(4):
        assert (
            client.post(review_url(work), {"name": "Lane", "body": f"Review {n}"}).status_code
            == 302
        )
    response = client.post(review_url(work), {"name": "Lane", "body": "The fifth one"})
    assert response.status_code == 429
    assert "The fifth one" in response.content.decode()
    assert Review.objects.count() == 4
    # Another address is not held back by the first one's reviews.
    other = client.post(review_url(work), {"name": "Dean", "body": "Hello"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_overlong_review_is_refused_not_cut(client, work, reader):
    client.force_login(reader)
    response = client.post(review_url(work), {"body": "x" * 10_001})
    assert response.status_code == 400
    assert "at most 10000 characters" in response.content.decode()
    assert not Review.objects.exists()


def test_author_reply_tells_the_reviewer(client, work, author, reader, on_commit):
    client.force_login(reader)
    with on_commit():
        client.post(review_url(work), {"body": "When is the next letter?"})
    review = Review.objects.get()
    client.force_login(author)
    with on_commit():
        response = client.post(reverse("community:reply", args=[review.pk]), {"body": "Soon!"})
    assert response.status_code == 302
    notice = Notification.objects.get(recipient=reader)
    assert notice.kind == Kind.REPLY and "dodger replied to your review" in notice.text
    page = client.get(work.chapters.first().get_absolute_url()).content.decode()
    assert "Soon!" in page


def test_only_the_author_replies(client, work, reader, stranger):
    client.force_login(reader)
    client.post(review_url(work), {"body": "Nice"})
    review = Review.objects.get()
    client.force_login(stranger)
    assert (
        client.post(reverse("community:reply", args=[review.pk]), {"body": "Me too"}).status_code
        == 404
    )
    assert not review.replies.exists()


def test_reply_to_a_deleted_review_is_a_clear_404(client, work, author, reader):
    client.force_login(reader)
    client.post(review_url(work), {"body": "Nice"})
    review = Review.objects.get()
    client.force_login(author)
    client.post(reverse("community:moderate", args=[review.pk, "delete"]))
    response = client.post(reverse("community:reply", args=[review.pk]), {"body": "Thanks"})
    assert response.status_code == 404
    assert not Review.objects.exists()


def test_deleting_a_review_takes_its_replies_and_notices_with_it(
    client, work, author, reader, on_commit
):
    client.force_login(reader)
    with on_commit():
        client.post(review_url(work), {"body": "Nice"})
    review = Review.objects.get()
    client.force_login(author)
    with on_commit():
        client.post(reverse("community:reply", args=[review.pk]), {"body": "Thanks"})
    assert Notification.objects.count() == 2
    client.post(reverse("community:moderate", args=[review.pk, "delete"]))
    assert not Notification.objects.exists()
    work.refresh_from_db()
    assert work.review_count == 0


def test_hidden_review_is_seen_by_the_author_and_the_reviewer_only(
    client, work, author, reader, stranger
):
    client.force_login(reader)
    client.post(review_url(work), {"body": "Hidden words"})
    review = Review.objects.get()
    client.force_login(author)
    client.post(reverse("community:moderate", args=[review.pk, "hide"]))
    chapter_url = work.chapters.first().get_absolute_url()
    assert "Hidden words" in client.get(chapter_url).content.decode()
    client.force_login(reader)
    assert "Hidden words" in client.get(chapter_url).content.decode()
    client.force_login(stranger)
    assert "Hidden words" not in client.get(chapter_url).content.decode()
    client.logout()
    assert "Hidden words" not in client.get(chapter_url).content.decode()


def test_stranger_cannot_moderate(client, work, reader, stranger):
    client.force_login(reader)
    client.post(review_url(work), {"body": "Mine"})
    review = Review.objects.get()
    client.force_login(stranger)
    response = client.post(reverse("community:moderate", args=[review.pk, "delete"]))
    assert response.status_code == 404
    assert Review.objects.exists()


def test_reviews_page_lists_all_chapters_newest_first(client, work, reader):
    client.force_login(reader)
    first, second = work.chapters.all()
    client.post(review_url(work, first), {"body": "On the first"})
    client.post(review_url(work, second), {"body": "On the second"})
    page = client.get(reverse("community:reviews", args=[work.pk])).content.decode()
    assert page.index("On the second") < page.index("On the first")
    only_first = client.get(reverse("community:reviews", args=[work.pk]), {"chapter": first.pk})
    assert "On the second" not in only_first.content.decode()


def test_chapter_page_with_200_reviews_reads_in_a_fixed_number_of_queries(
    client, work, author, django_assert_num_queries
):
    chapter = work.chapters.first()
    reviewers = [make_member(f"reader{n}") for n in range(20)]
    Review.objects.bulk_create(
        Review(
            work=work,
            chapter=chapter,
            member=reviewers[n % 20] if n % 2 else None,
            guest_name="" if n % 2 else f"Guest {n}",
            body=f"Review number {n}",
            body_html=f"<p>Review number {n}</p>",
        )
        for n in range(200)
    )
    from dearreader.community.models import ReviewReply

    ReviewReply.objects.bulk_create(
        ReviewReply(review=r, member=author, body="Thanks", body_html="<p>Thanks</p>")
        for r in Review.objects.all()[:50]
    )
    # Work, tags, chapters, the chapter, series places, public bookmarks, kudos state, review
    # count, 20 reviews, their replies, the hit: the same for 200 reviews as for 2.
    with django_assert_num_queries(11):
        response = client.get(chapter.get_absolute_url())
    page = response.content.decode()
    assert page.count('class="review"') == 20
    assert "Review number 199" in page and "Page 1 of 10" in page
    client.force_login(make_member("latecomer"))
    # Signed in: the session, the member, the inbox and letters counts in the header, and where
    # they stopped.
    with django_assert_num_queries(16):
        client.get(chapter.get_absolute_url())
