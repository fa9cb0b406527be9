"""Letters between members: the letter as written (a draft, waiting for its date, or sent), one
copy per recipient, who may write to whom, and reports to staff.

A letter is written once; what each recipient holds is a `Copy`: when it arrived, the name its
`{name}` became, and what they did with it (opened, returned unopened, archived, deleted). A
letter's replies belong to one correspondence: the first letter's copy to the other member.
"""

from datetime import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from dearreader.accounts.models import Member, PenName, Viewer
from dearreader.letters.rendering import NAME, addressed, addressed_subject, render_letter
from dearreader.lib import limits
from dearreader.works.models import Work


class Audience(models.TextChoices):
    MEMBERS = "members", "Members I name"
    FOLLOWERS = "followers", "Everyone who follows one of my works"
    REVIEWERS = "reviewers", "Everyone who reviewed one of my works"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "To be delivered"
    SENT = "sent", "Sent"


class LetterQuerySet(models.QuerySet["Letter"]):
    def visible_to(self, member: Viewer) -> "LetterQuerySet":
        """What a member may read: what they wrote (but drafts, which are edited, not read),
        what reached them, and, for staff, letters a recipient reported. Nothing else."""
        if member is None or not member.is_authenticated:
            return self.none()
        rule = Q(writer=member, writer_deleted_at=None) & ~Q(status=Status.DRAFT)
        rule |= Q(pk__in=Copy.objects.filter(recipient=member, deleted_at=None).values("letter"))
        if member.is_staff:
            rule |= Q(pk__in=Report.objects.values("letter"))
        return self.filter(rule)

    def drafts_of(self, member: Member) -> "LetterQuerySet":
        return self.filter(writer=member, status=Status.DRAFT).order_by("-updated_at", "-pk")

    def waiting_of(self, member: Member) -> "LetterQuerySet":
        """The "to be delivered" tray: the soonest first."""
        return self.filter(writer=member, status=Status.SCHEDULED).order_by("deliver_at", "pk")

    def sent_by(self, member: Member) -> "LetterQuerySet":
        return self.filter(writer=member, status=Status.SENT, writer_deleted_at=None).order_by(
            "-sent_at", "-pk"
        )

    def due(self, now: datetime) -> "LetterQuerySet":
        return self.filter(status=Status.SCHEDULED, deliver_at__lte=now)

    def matching(self, words: str) -> "LetterQuerySet":
        """A plain search (LIKE on any database): every word in the subject or the text."""
        found = self
        for word in words.split()[:10]:
            found = found.filter(Q(subject__icontains=word) | Q(body__icontains=word))
        return found


class Letter(models.Model):
    writer = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="letters_written")
    # A pen name that signed letters is not deleted alone (their recipients keep them); it
    # goes with its member's account, and their letters with it.
    pen_name = models.ForeignKey(
        PenName, on_delete=models.RESTRICT, related_name="+", verbose_name="signed as"
    )
    audience = models.CharField(
        "to", max_length=10, choices=Audience.choices, default=Audience.MEMBERS
    )
    # Account names as typed, for a draft; checked when the letter is sent.
    to = models.CharField("members", max_length=limits.LETTER_TO_MAX_CHARS, blank=True)
    work = models.ForeignKey(
        Work, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A reply belongs to the correspondence of the first letter: its copy to the other member.
    correspondence = models.ForeignKey(
        "Copy", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    subject = models.CharField(max_length=limits.LETTER_SUBJECT_MAX_CHARS, blank=True)
    body = models.TextField("letter", max_length=limits.LETTER_MAX_CHARS, blank=True)
    body_html = models.TextField(editable=False, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)  # last touched
    deliver_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Counted as they happen, so that a letter to 10,000 shows its figures without a count.
    recipient_count = models.PositiveIntegerField(default=0, editable=False)
    wrote_back = models.PositiveIntegerField(default=0, editable=False)
    returned = models.PositiveIntegerField(default=0, editable=False)
    writer_deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = LetterQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["writer", "status", "-updated_at"]),
            models.Index(
                fields=["deliver_at"],
                condition=Q(status="scheduled"),
                name="letter_waiting",
            ),
        ]

    def __str__(self) -> str:
        return self.subject or f"Letter {self.pk}"

    def get_absolute_url(self) -> str:
        if self.status == Status.DRAFT:
            return reverse("letters:edit", args=[self.pk])
        return reverse("letters:letter", args=[self.pk])

    def render(self) -> None:
        """Derive body_html; services call it before their transaction opens."""
        self.body_html = render_letter(self.body)

    @property
    def version(self) -> str:
        """When the draft was last saved, exactly: letters.js compares it with its own copy."""
        return f"{int(self.updated_at.timestamp())}.{self.updated_at.microsecond:06d}"

    def html_for(self, name: str) -> str:
        return addressed(self.body_html, name)

    @property
    def html_as_written(self) -> str:
        """For its writer: `{name}` shown as typed."""
        return self.html_for(NAME)

    def subject_for(self, name: str) -> str:
        return addressed_subject(self.subject, name) or "(no subject)"

    @property
    def is_reply(self) -> bool:
        return self.correspondence_id is not None

    @property
    def to_many(self) -> bool:
        return self.audience != Audience.MEMBERS or self.recipient_count > 1

    @property
    def addressed_to(self) -> str:
        """Who the letter is for, in words: "rory, kirk", "the followers of “A Work”"."""
        if self.audience == Audience.MEMBERS:
            return self.to
        title = f"“{self.work.title}”" if self.work else "a work since deleted"
        who = "followers" if self.audience == Audience.FOLLOWERS else "reviewers"
        return f"the {who} of {title}"


class CopyQuerySet(models.QuerySet["Copy"]):
    def held_by(self, member: Member) -> "CopyQuerySet":
        """The mailbag: what reached this member and is still theirs (not returned or deleted),
        newest first."""
        return self.filter(recipient=member, deleted_at=None, returned_at=None).order_by(
            "-delivered_at", "-pk"
        )

    def unread(self) -> "CopyQuerySet":
        return self.filter(read_at=None)

    def for_list(self) -> "CopyQuerySet":
        return self.select_related("letter__pen_name__member")


class Copy(models.Model):
    """One recipient's letter."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="copies")
    recipient = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="letters_received")
    name = models.CharField("addressed to", max_length=150)  # what {name} became
    delivered_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    objects = CopyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "copies"
        constraints = [
            models.UniqueConstraint(fields=["letter", "recipient"], name="one_copy_each"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-delivered_at"]),
            # The header's unread count reads only this small index.
            models.Index(
                fields=["recipient"],
                condition=Q(read_at=None, returned_at=None, deleted_at=None),
                name="copy_unread",
            ),
            models.Index(fields=["letter", "id"]),
        ]

    def __str__(self) -> str:
        return f"Copy of {self.letter_id} for {self.recipient_id}"

    @property
    def is_open(self) -> bool:
        return self.read_at is not None and self.returned_at is None

    @property
    def html(self) -> str:
        return self.letter.html_for(self.name)

    @property
    def subject(self) -> str:
        return self.letter.subject_for(self.name)

    @property
    def envelope(self) -> str:
        """What the recipient's lists show of it: the subject once opened, before that only
        that it is a letter (the subject is part of what is read by opening it)."""
        return self.subject if self.is_open else "A letter, unopened"


class Accept(models.TextChoices):
    ANYONE = "anyone", "Any member"
    FOLLOWED = "followed", "Only members I follow"
    NOBODY = "nobody", "Nobody"


class LetterSettings(models.Model):
    """Who may write to a member. No row: anyone. Replies within a correspondence the member
    is part of are always let through (they wrote, or were written to, first); a block stops
    letters both ways in every case."""

    member = models.OneToOneField(
        Member, on_delete=models.CASCADE, primary_key=True, related_name="letter_settings"
    )
    accept = models.CharField(
        "who may write to me", max_length=10, choices=Accept.choices, default=Accept.ANYONE
    )

    class Meta:
        verbose_name_plural = "letter settings"

    def __str__(self) -> str:
        return f"Letters to {self.member_id}: {self.accept}"

    @classmethod
    def of(cls, member: Member) -> "LetterSettings":
        return cls.objects.filter(member=member).first() or cls(member=member)


class Report(models.Model):
    """A recipient shows a letter to staff: the only way staff ever read one."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="reports")
    copy = models.OneToOneField(Copy, on_delete=models.CASCADE, related_name="report")
    reporter = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(max_length=limits.LETTER_REPORT_MAX_CHARS)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["resolved", "-created_at"]

    def __str__(self) -> str:
        return f"Report of letter {self.letter_id}"

    @property
    def letter_html(self) -> str:
        return self.letter.html_for(self.copy.name)
