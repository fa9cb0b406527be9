"""Feedback on works (reviews, kudos, faves), follows, and the notifications they send."""

from typing import cast

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from dearreader.accounts.models import Member, Mute, Viewer
from dearreader.community import limits
from dearreader.works.models import Chapter, Series, SeriesPart, Work
from dearreader.works.rendering import render_text


class Audience(models.TextChoices):
    ANYONE = "anyone", "Anyone, guests too"
    MEMBERS = "members", "Members only"
    NOBODY = "nobody", "Nobody: reviews are closed"


class ReviewSettings(models.Model):
    """Who may review a work, chosen by its author. A work without a row takes the defaults."""

    work = models.OneToOneField(
        Work, on_delete=models.CASCADE, primary_key=True, related_name="review_settings"
    )
    audience = models.CharField(
        "who may review", max_length=10, choices=Audience.choices, default=Audience.ANYONE
    )
    hold_guest_reviews = models.BooleanField(
        "hold guest reviews until I approve them", default=False
    )

    def __str__(self) -> str:
        return f"Reviews of {self.work_id}: {self.audience}"

    @classmethod
    def of(cls, work: Work) -> "ReviewSettings":
        """The work's settings; the defaults (unsaved) when the author never changed them."""
        return cls.objects.filter(work=work).first() or cls(work=work)


class ReviewStatus(models.TextChoices):
    PUBLISHED = "published", "Published"
    HELD = "held", "Held for approval"
    HIDDEN = "hidden", "Hidden by the author"


class ReviewQuerySet(models.QuerySet["Review"]):
    def visible_to(self, member: Viewer, work: Work) -> "ReviewQuerySet":
        """Published reviews; the author also sees held and hidden ones, a reviewer their own.
        Reviews by members the reader muted are left out."""
        reviews = self.filter(work=work)
        if work.is_owned_by(member):
            return reviews
        if member is None or not member.is_authenticated:
            return reviews.filter(status=ReviewStatus.PUBLISHED)
        mine = Q(member=member) & ~Q(status=ReviewStatus.HELD)
        return reviews.filter(Q(status=ReviewStatus.PUBLISHED) | mine).exclude(
            member__in=member.mutes.values("muted")
        )

    def for_page(self) -> "ReviewQuerySet":
        replies = ReviewReply.objects.select_related("member").order_by("created_at")
        return self.select_related("member", "chapter").prefetch_related(
            models.Prefetch("replies", queryset=replies)
        )


class Review(models.Model):
    """A review of one chapter, FanFiction.net style: by a member, or by a guest with a name."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="reviews")
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="reviews")
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.CASCADE, related_name="reviews"
    )
    guest_name = models.CharField(max_length=limits.GUEST_NAME_MAX_CHARS, blank=True)
    # A keyed hash of the guest's address (never the address itself): for the throttle and
    # so the author can see that several guest reviews came from one place.
    guest_address = models.CharField(max_length=64, blank=True, editable=False)
    body = models.TextField(max_length=limits.REVIEW_MAX_CHARS)
    body_html = models.TextField(editable=False)
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PUBLISHED
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["chapter", "status", "-created_at"]),
            models.Index(fields=["work", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=False, guest_name="")
                | (Q(member__isnull=True) & ~Q(guest_name="")),
                name="review_by_member_or_named_guest",
            )
        ]

    def __str__(self) -> str:
        return f"Review by {self.reviewer_name} of {self.chapter_id}"

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if not self.body_html:  # a review is not edited: rendered once, by the service
            self.render()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("community:reviews", args=[self.work_id]) + f"#review-{self.pk}"

    def render(self) -> None:
        """Derive body_html; services call it before their transaction opens."""
        self.body_html = render_text(self.body)

    @property
    def reviewer_name(self) -> str:
        return self.member.username if self.member else self.guest_name

    @property
    def is_guest(self) -> bool:
        return self.member_id is None


class ReviewReply(models.Model):
    """The author's answer to a review, shown under it; the reviewer (a member) is told."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="replies")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="review_replies")
    body = models.TextField(max_length=limits.REVIEW_MAX_CHARS)
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name_plural = "review replies"
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Reply to review {self.review_id}"

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if not self.body_html:
            self.render()
        super().save(*args, **kwargs)

    def render(self) -> None:
        self.body_html = render_text(self.body)


class Kudos(models.Model):
    """One per member per work, and one per guest per work: a guest is known by a keyed hash
    of their address and by a random token in a cookie, and either one already used is enough
    to refuse a second (as on AO3, guests behind one address share one kudos)."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="kudos")
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.CASCADE, related_name="kudos"
    )
    guest_address = models.CharField(max_length=64, blank=True, editable=False)
    guest_token = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name_plural = "kudos"
        indexes = [models.Index(fields=["work", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["work", "member"],
                condition=Q(member__isnull=False),
                name="kudos_once_per_member",
            ),
            models.UniqueConstraint(
                fields=["work", "guest_address"],
                condition=~Q(guest_address=""),
                name="kudos_once_per_guest_address",
            ),
            models.UniqueConstraint(
                fields=["work", "guest_token"],
                condition=~Q(guest_token=""),
                name="kudos_once_per_guest_token",
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=False) | ~Q(guest_address=""),
                name="kudos_from_member_or_guest",
            ),
        ]

    def __str__(self) -> str:
        return f"Kudos on {self.work_id}"


class FaveQuerySet(models.QuerySet["Fave"]):
    def listed_for(self, viewer: Viewer) -> "FaveQuerySet":
        """Faved authors, and faved works this viewer may read."""
        readable = Work.objects.visible_to(viewer).posted()
        return self.filter(Q(work__in=readable) | Q(author__isnull=False)).select_related(
            "work__pen_name__member", "author"
        )


class Fave(models.Model):
    """A member's favourite work or author, listed on their profile (publicly if they say so)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="faves")
    work = models.ForeignKey(
        Work, null=True, blank=True, on_delete=models.CASCADE, related_name="faves"
    )
    author = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.CASCADE, related_name="faved_by"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = FaveQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["member", "work"], name="fave_work_once"),
            models.UniqueConstraint(fields=["member", "author"], name="fave_author_once"),
            models.CheckConstraint(
                condition=Q(work__isnull=False, author__isnull=True)
                | Q(work__isnull=True, author__isnull=False),
                name="fave_one_thing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} faves {self.work_id or self.author_id}"


class Follow(models.Model):
    """An alert: tell me of a work's new chapters, an author's new works, a series' new parts,
    or an announced sequel when it is posted."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="follows")
    work = models.ForeignKey(
        Work, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    author = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    series = models.ForeignKey(
        Series, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    part = models.ForeignKey(
        SeriesPart, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    TARGETS = ("work", "author", "series", "part")

    class Meta:
        constraints = [
            *(
                models.UniqueConstraint(fields=["member", target], name=f"follow_{target}_once")
                for target in ("work", "author", "series", "part")
            ),
            models.CheckConstraint(
                condition=Q(work__isnull=False, author=None, series=None, part=None)
                | Q(work=None, author__isnull=False, series=None, part=None)
                | Q(work=None, author=None, series__isnull=False, part=None)
                | Q(work=None, author=None, series=None, part__isnull=False),
                name="follow_one_thing",
            ),
        ]
        # Fan-out reads a target's followers in id order, a batch at a time.
        indexes = [
            models.Index(fields=[target, "id"], name=f"follow_{target}_fanout")
            for target in ("work", "author", "series", "part")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} follows {self.work_id or self.author_id or self.series_id}"


class Kind(models.TextChoices):
    CHAPTER = "chapter", "New chapter"
    WORK = "work", "New work by an author you follow"
    SERIES_PART = "series-part", "New part of a series"
    SEQUEL = "sequel", "Announced sequel posted"
    REVIEW = "review", "Review on your work"
    REPLY = "reply", "Reply to your review"
    FAVE = "fave", "Fave of your work"
    FOLLOW = "follow", "Alert on your work"
    LETTER = "letter", "Letter from a member"


class NotificationQuerySet(models.QuerySet["Notification"]):
    def inbox_of(self, member: Member) -> "NotificationQuerySet":
        """Newest first, without news from members this one muted since."""
        return (
            self.filter(recipient=member)
            .exclude(actor__in=member.mutes.values("muted"))
            .order_by("-created_at", "-pk")
        )

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at=None)

    def to_email(self, choice: str) -> "NotificationQuerySet":
        """Not yet emailed nor read, whose recipient wants this kind emailed so (`now` or
        `digest`; no preferences row means the defaults), from no one they muted since."""
        rule = Q(pk__in=[])
        for field, kinds in Preferences.kinds_by_field().items():
            wanted = Q(**{f"recipient__community_preferences__{field}": choice})
            if Preferences.default_of(field) == choice:
                wanted |= Q(recipient__community_preferences__isnull=True)
            rule |= Q(kind__in=kinds) & wanted
        muted = Mute.objects.filter(muter=OuterRef("recipient_id"), muted=OuterRef("actor_id"))
        return self.filter(rule, emailed_at=None, read_at=None).exclude(Exists(muted))


class Notification(models.Model):
    """One thing a member is told, once: (recipient, event_key) is unique, so a fan-out that
    runs twice (a worker killed and restarted) writes nothing the second time.

    The line and link are written when the event happens, like an email, so the inbox reads
    one table; any app can send one (a letter, later) without this model knowing its models.
    """

    # Every index here is paid for by each row of a 100,000-follower fan-out, so there are
    # few: the unique (recipient, event_key) one also serves lookups by recipient.
    recipient = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="notifications", db_index=False
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    event_key = models.CharField(max_length=80)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    # Not indexed: only deleting a member looks notices up by actor (to clear it), and that
    # rare scan costs less than an index entry on every notice.
    actor = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    # What the news is about, so that deleting it takes the news with it.
    work = models.ForeignKey(
        Work, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "event_key"], name="notify_once")
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(fields=["event_key"]),
            # Few notices are about a review: index only those.
            models.Index(
                fields=["review"], condition=Q(review__isnull=False), name="notice_review"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class EmailChoice(models.TextChoices):
    NEVER = "never", "Not by email"
    NOW = "now", "By email at once"
    DIGEST = "digest", "In a daily digest email"


class Preferences(models.Model):
    """What a member wants emailed, and whether their faves are public. A member without a
    row has the defaults below (rows are written only when they change something)."""

    member = models.OneToOneField(
        Member, on_delete=models.CASCADE, primary_key=True, related_name="community_preferences"
    )
    email_news = models.CharField(
        "new chapters, works and series parts you follow",
        max_length=10,
        choices=EmailChoice.choices,
        default=EmailChoice.DIGEST,
    )
    email_reviews = models.CharField(
        "reviews of your works", max_length=10, choices=EmailChoice.choices, default=EmailChoice.NOW
    )
    email_replies = models.CharField(
        "replies to your reviews",
        max_length=10,
        choices=EmailChoice.choices,
        default=EmailChoice.NOW,
    )
    email_faves = models.CharField(
        "faves and alerts on your works",
        max_length=10,
        choices=EmailChoice.choices,
        default=EmailChoice.DIGEST,
    )
    email_letters = models.CharField(
        "letters from members (who wrote, never what)",
        max_length=10,
        choices=EmailChoice.choices,
        default=EmailChoice.DIGEST,
    )
    faves_public = models.BooleanField("show my faves on my profile", default=True)

    # Which field decides the email for each kind of notification.
    FIELD_OF_KIND: dict[str, str] = {
        Kind.CHAPTER: "email_news",
        Kind.WORK: "email_news",
        Kind.SERIES_PART: "email_news",
        Kind.SEQUEL: "email_news",
        Kind.REVIEW: "email_reviews",
        Kind.REPLY: "email_replies",
        Kind.FAVE: "email_faves",
        Kind.FOLLOW: "email_faves",
        Kind.LETTER: "email_letters",
    }

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self) -> str:
        return f"Preferences of {self.member_id}"

    @classmethod
    def of(cls, member: Member) -> "Preferences":
        return cls.objects.filter(member=member).first() or cls(member=member)

    @classmethod
    def default_of(cls, field: str) -> str:
        return str(cast(models.Field, cls._meta.get_field(field)).default)

    @classmethod
    def label_of(cls, field: str) -> str:
        return str(cast(models.Field, cls._meta.get_field(field)).verbose_name)

    @classmethod
    def kinds_by_field(cls) -> dict[str, list[str]]:
        fields: dict[str, list[str]] = {}
        for kind, field in cls.FIELD_OF_KIND.items():
            fields.setdefault(field, []).append(kind)
        return fields


class Hit(models.Model):
    """One reader reading one work on one day: a member by id, a guest by a keyed hash."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="hits")
    day = models.DateField()
    reader = models.CharField(max_length=70)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["work", "day", "reader"], name="hit_once_a_day")
        ]

    def __str__(self) -> str:
        return f"Hit on {self.work_id} {self.day}"
