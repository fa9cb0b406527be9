from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

# The account that keeps the works of members who left, when they chose to leave them (AO3's
# "orphan_account"): it cannot log in, and nobody can register its name.
ORPHAN_ACCOUNT = "orphan_account"


class Member(AbstractUser):
    """An account. What readers see is a pen name; the username is the account's own name."""

    class Meta:
        verbose_name = "member"

    def __str__(self) -> str:
        return self.username

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", args=[self.username])

    @property
    def default_pen_name(self) -> "PenName":
        """The default pen name; accounts made outside sign-up (createsuperuser) get one here."""
        pen_name, _ = self.pen_names.get_or_create(
            is_default=True, defaults={"name": self.username}
        )
        return pen_name


# Whoever is asking: a member, a guest (AnonymousUser), or nobody (a background job).
Viewer = Member | AnonymousUser | None


class PenName(models.Model):
    """A name a member posts under (AO3 calls it a pseud). Every member has one default."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="pen_names")
    name = models.CharField(max_length=60)
    description = models.TextField(blank=True, max_length=2000)
    is_default = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(fields=["member", "name"], name="unique_pen_name_per_member"),
            models.UniqueConstraint(
                fields=["member"],
                condition=models.Q(is_default=True),
                name="one_default_pen_name_per_member",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("accounts:pen_name", args=[self.member.username, self.name])

    @property
    def display_name(self) -> str:
        """AO3's byline: "Jess Mariano (Dodger)" when the pen name is not the account name."""
        username = self.member.username
        return self.name if self.name == username else f"{self.name} ({username})"


class BlockQuerySet(models.QuerySet["Block"]):
    def against(self, member: Viewer, *, by: Member) -> bool:
        """Has `by` blocked this member? (A guest is never blocked by name.)"""
        if member is None or not member.is_authenticated:
            return False
        return self.filter(blocker=by, blocked=member).exists()


class Block(models.Model):
    """The blocked member cannot review, kudo, fave or follow the blocker's works, nor follow
    the blocker, nor reach them through notifications. Reading stays open, as on AO3."""

    blocker = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BlockQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once"),
            models.CheckConstraint(condition=~Q(blocker=F("blocked")), name="block_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.blocker} blocks {self.blocked}"


class Mute(models.Model):
    """The muted member's works and reviews are left out of what the muter is shown."""

    muter = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="mutes")
    muted = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="muted_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["muter", "muted"], name="mute_once"),
            models.CheckConstraint(condition=~Q(muter=F("muted")), name="mute_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.muter} mutes {self.muted}"
