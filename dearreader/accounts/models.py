from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models
from django.urls import reverse


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
