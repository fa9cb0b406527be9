from django import forms
from django.contrib.auth.forms import BaseUserCreationForm

from dearreader.accounts.models import ORPHAN_ACCOUNT, Member, PenName
from dearreader.lib.text import clean_name, clean_summary


class RegisterForm(BaseUserCreationForm):
    email = forms.EmailField(help_text="For resetting your password; never shown to anyone.")

    class Meta:
        model = Member
        fields = ["username", "email"]

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        taken = Member.objects.filter(username__iexact=username).exists()
        if taken or username.lower() == ORPHAN_ACCOUNT:
            raise forms.ValidationError("That name is taken.")
        return username


class PenNameForm(forms.ModelForm):
    class Meta:
        model = PenName
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, member: Member, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.member = member

    def clean_name(self) -> str:
        name = clean_name(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError("A pen name cannot be blank.")
        if self.member.pen_names.filter(name__iexact=name).exists():
            raise forms.ValidationError("You already have that pen name.")
        return name

    def clean_description(self) -> str:
        return clean_summary(self.cleaned_data["description"])


class PasswordConfirmedForm(forms.Form):
    """A form that changes something about an account: it asks for the password first."""

    password = forms.CharField(
        label="Your password", widget=forms.PasswordInput, help_text="To be sure it is you."
    )

    def __init__(self, *args, member: Member, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.member = member

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.member.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


class EmailChangeForm(PasswordConfirmedForm):
    email = forms.EmailField(label="New email address", help_text="Never shown to anyone.")
    field_order = ["email", "password"]
