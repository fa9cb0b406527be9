from typing import Any, cast

from django import forms
from django.conf import settings

from dearreader.accounts.models import Member, PenName
from dearreader.letters.models import Letter, LetterSettings
from dearreader.lib import limits
from dearreader.lib.text import clean_line, clean_text
from dearreader.works.models import Work


def _too_long(what: str, limit: int, length: int) -> forms.ValidationError:
    # No maxlength in the page: a browser would cut a pasted text short without a word.
    return forms.ValidationError(
        f"{what} can have at most {limit:,} characters; this one has {length:,}. "
        "Your text is still here: shorten it, and save again."
    )


class LetterForm(forms.ModelForm):
    """A letter being written. Any part may be missing in a draft; who it goes to is checked
    when it is sent (see recipients.py)."""

    subject = forms.CharField(required=False)
    body = forms.CharField(
        label="Letter",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=(
            "Leave a blank line between paragraphs; *italics*, **bold** and [links](https://…)"
            " work. {name} becomes each recipient's name (the pen name they go by)."
        ),
    )
    deliver_at = forms.DateTimeField(
        label="Deliver on",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": "Give a date and time, such as 2026-03-18 09:00."},
    )

    class Meta:
        model = Letter
        fields = ["audience", "to", "work", "pen_name", "subject", "body"]
        widgets = {"audience": forms.RadioSelect}
        labels = {"audience": "Who it is for", "to": "Account names"}
        help_texts = {
            "to": "The members' account names (as in their profile's address), separated by "
            "commas.",
            "work": "For a letter to its followers or reviewers.",
        }

    def __init__(self, *args: Any, member: Member, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pen_name = cast(forms.ModelChoiceField, self.fields["pen_name"])
        pen_name.queryset = PenName.objects.filter(member=member)
        pen_name.empty_label = None
        if self.instance.correspondence_id is not None:
            for name in ("audience", "to", "work"):
                del self.fields[name]
        else:
            work = cast(forms.ModelChoiceField, self.fields["work"])
            work.queryset = Work.objects.filter(pen_name__member=member).posted()
            work.empty_label = "Choose one of your works"
        self.fields["deliver_at"].help_text = f"In the archive's time zone, {settings.TIME_ZONE}."
        if not self.is_bound and not self.instance.pen_name_id:
            self.initial.setdefault("pen_name", pen_name.queryset.filter(is_default=True).first())

    def clean_subject(self) -> str:
        subject = clean_line(self.cleaned_data["subject"])
        if len(subject) > limits.LETTER_SUBJECT_MAX_CHARS:
            raise _too_long("A subject", limits.LETTER_SUBJECT_MAX_CHARS, len(subject))
        return subject

    def clean_body(self) -> str:
        body = clean_text(self.cleaned_data["body"])
        if len(body) > limits.LETTER_MAX_CHARS:
            raise _too_long("A letter", limits.LETTER_MAX_CHARS, len(body))
        return body

    def clean_to(self) -> str:
        return clean_line(self.cleaned_data["to"])


class LetterSettingsForm(forms.ModelForm):
    class Meta:
        model = LetterSettings
        fields = ["accept"]
        widgets = {"accept": forms.RadioSelect}
        help_texts = {
            "accept": "Whatever you choose, members you write to can answer you, and nobody "
            "you blocked (or who blocked you) can write to you."
        }


class ReportForm(forms.Form):
    reason = forms.CharField(
        label="What is wrong with this letter?",
        max_length=limits.LETTER_REPORT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Staff read this letter, and only this one, to decide what to do.",
    )

    def clean_reason(self) -> str:
        reason = clean_text(self.cleaned_data["reason"]).strip()
        if not reason:
            raise forms.ValidationError("Say in a few words what is wrong.")
        return reason
