from typing import Any

from django import forms

from dearreader.community import limits
from dearreader.community.models import Preferences, ReviewSettings


class ReviewForm(forms.Form):
    name = forms.CharField(
        label="Your name",
        max_length=limits.GUEST_NAME_MAX_CHARS,
        required=False,
        help_text="Shown with your review. No account needed.",
    )
    body = forms.CharField(
        label="Your review",
        max_length=limits.REVIEW_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write something before you send your review."},
    )
    # A honeypot: hidden from people (and from screen readers), filled in by form-filling bots.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, guest: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.guest = guest
        if not guest:
            del self.fields["name"]
        else:
            self.fields["name"].required = True
            self.fields["name"].error_messages["required"] = "Guests sign their review with a name."

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data.get("name", "").split())
        if self.guest and not name:
            raise forms.ValidationError("Guests sign their review with a name.")
        return name

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write something before you send your review.")
        return body

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                "This review looks automated and was not saved. If you are a person, clear the "
                "“Leave this field empty” field and send it again."
            )
        return ""


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply",
        max_length=limits.REVIEW_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write something before you send your reply."},
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write something before you send your reply.")
        return body


class ReviewSettingsForm(forms.ModelForm):
    class Meta:
        model = ReviewSettings
        fields = ["audience", "hold_guest_reviews"]
        widgets = {"audience": forms.RadioSelect}


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = [
            "email_news",
            "email_reviews",
            "email_replies",
            "email_faves",
            "email_letters",
            "faves_public",
        ]
        widgets = {
            name: forms.RadioSelect
            for name in [
                "email_news",
                "email_reviews",
                "email_replies",
                "email_faves",
                "email_letters",
            ]
        }
