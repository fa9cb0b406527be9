from typing import Any, cast

from django import forms
from django.conf import settings

from dearreader.accounts.models import Member, PenName
from dearreader.lib import limits
from dearreader.lib.text import clean_line, clean_summary, clean_text
from dearreader.works.models import Chapter, Series, Tag, Work
from dearreader.works.services import FREE_TAG_KINDS, split_tags

TAG_FIELDS = {
    Tag.Kind.FANDOM: "fandoms",
    Tag.Kind.RELATIONSHIP: "relationships",
    Tag.Kind.CHARACTER: "characters",
    Tag.Kind.FREEFORM: "freeforms",
}
TAG_HELP = "Separate tags with commas."
MAX_TAGS = limits.TAGS_PER_WORK
TAG_MAX_LENGTH = limits.TAG_MAX_CHARS
TAG_FIELD_LENGTH = limits.TAG_FIELD_MAX_CHARS


# How each free-text field of a work is cleaned (tags are cleaned as they are split).
WORK_TEXT = {
    "summary": clean_summary,
    "disclaimer": clean_text,
    "notes_begin": clean_text,
    "notes_end": clean_text,
    "inspired_by_text": clean_line,
}
CHAPTER_TEXT = {"notes_begin": clean_text, "body": clean_text, "notes_end": clean_text}


def tags_problem(names: list[str]) -> str | None:
    """What is wrong with a work's tag names, if anything (the posting form's and the
    command-line import's one rule)."""
    if len(names) > MAX_TAGS:
        return f"A work can have at most {MAX_TAGS} tags ({len(names)} now)."
    too_long = [name for name in names if len(name) > TAG_MAX_LENGTH]
    if too_long:
        return (
            f"A tag can have at most {TAG_MAX_LENGTH} characters: “{too_long[0][:40]}…” "
            f"has {len(too_long[0])}."
        )
    return None


class WorkForm(forms.ModelForm):
    warnings = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.filter(kind=Tag.Kind.WARNING),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Archive warnings",
    )
    fandoms = forms.CharField(max_length=TAG_FIELD_LENGTH, help_text=TAG_HELP)
    relationships = forms.CharField(max_length=TAG_FIELD_LENGTH, required=False, help_text=TAG_HELP)
    characters = forms.CharField(max_length=TAG_FIELD_LENGTH, required=False, help_text=TAG_HELP)
    freeforms = forms.CharField(
        label="Additional tags", max_length=TAG_FIELD_LENGTH, required=False, help_text=TAG_HELP
    )

    class Meta:
        model = Work
        fields = [
            "pen_name",
            "title",
            "rating",
            "warnings",
            "fandoms",
            "relationships",
            "characters",
            "freeforms",
            "language",
            "summary",
            "disclaimer",
            "notes_begin",
            "notes_end",
            "inspired_by_work",
            "inspired_by_text",
            "is_complete",
            "expected_chapters",
            "restricted",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "disclaimer": forms.Textarea(attrs={"rows": 2}),
            "notes_begin": forms.Textarea(attrs={"rows": 4}),
            "notes_end": forms.Textarea(attrs={"rows": 4}),
            "inspired_by_work": forms.NumberInput(attrs={"min": 1}),
        }
        labels = {"pen_name": "Posted as", "inspired_by_work": "Inspired by work number"}
        help_texts = {
            "inspired_by_work": "The number in the address of another work on this archive.",
            "expected_chapters": "Leave empty if you don't know yet (shown as ?).",
        }

    def __init__(self, *args, member: Member, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.member = member
        pen_name = cast(forms.ModelChoiceField, self.fields["pen_name"])
        pen_name.queryset = PenName.objects.filter(member=member)
        pen_name.empty_label = None
        inspired_by = cast(forms.ModelChoiceField, self.fields["inspired_by_work"])
        inspired_by.queryset = Work.objects.visible_to(member)
        inspired_by.error_messages["invalid_choice"] = (
            "There is no work with that number that you can see."
        )
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("pen_name", member.default_pen_name.pk)
        if self.instance.pk:
            self.initial["warnings"] = self.instance.warnings
            for kind, field in TAG_FIELDS.items():
                self.initial[field] = ", ".join(t.name for t in self.instance.tags_of(kind))

    def clean_title(self) -> str:
        title = clean_line(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError("A work needs a title.")
        return title

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for field, clean in WORK_TEXT.items():
            if isinstance(cleaned.get(field), str):
                cleaned[field] = clean(cleaned[field])
        names = [n for f in TAG_FIELDS.values() for n in split_tags(cleaned.get(f) or "")]
        problem = tags_problem(names)
        if problem:
            raise forms.ValidationError(problem)
        inspired = cleaned.get("inspired_by_work")
        if inspired and self.instance.pk and inspired.pk == self.instance.pk:
            self.add_error("inspired_by_work", "A work cannot be inspired by itself.")
        return cleaned

    def tag_names(self) -> dict[str, list[str]]:
        return {kind: split_tags(self.cleaned_data[TAG_FIELDS[kind]]) for kind in FREE_TAG_KINDS}


class ChapterForm(forms.ModelForm):
    class Meta:
        model = Chapter
        fields = ["title", "notes_begin", "body_format", "body", "find_structure", "notes_end"]
        widgets = {
            "notes_begin": forms.Textarea(attrs={"rows": 3}),
            "notes_end": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 20}),
        }
        labels = {"title": "Chapter title", "body_format": "Written as", "body": "Chapter text"}
        error_messages = {"body": {"required": "A chapter needs some text."}}
        help_texts = {
            "title": "Optional.",
            "body": (
                "Leave a blank line between paragraphs; *italics*, **bold** and [links](https://…)"
                " work. A line of * * *, ~~~ or ----- is a scene break. A letter goes between a "
                "line “::: letter” (or “::: letter signed Jess”) and a line “:::”."
            ),
            "find_structure": (
                "Also show a letter that starts “Dear …,” and ends with a signature as a letter, "
                "and a line such as oOo or xXx as a scene break."
            ),
        }

    def clean_title(self) -> str:
        return clean_line(self.cleaned_data["title"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for field, clean in CHAPTER_TEXT.items():
            if isinstance(cleaned.get(field), str):
                cleaned[field] = clean(cleaned[field])
        return cleaned


class ConfirmForm(forms.Form):
    """A POST with its CSRF token is the confirmation; the form carries nothing else."""


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label="Post on",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": "Give a date and time, such as 2026-03-18 09:00."},
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["when"].help_text = f"In the archive's time zone, {settings.TIME_ZONE}."


class SeriesForm(forms.ModelForm):
    class Meta:
        model = Series
        fields = ["pen_name", "title", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}
        labels = {"pen_name": "Shown as by"}

    def __init__(self, *args, member: Member, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        pen_name = cast(forms.ModelChoiceField, self.fields["pen_name"])
        pen_name.queryset = PenName.objects.filter(member=member)
        pen_name.empty_label = None
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("pen_name", member.default_pen_name.pk)

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("A series needs a title.")
        return title


class SeriesAddForm(forms.Form):
    """Add one of the author's works to a series, or announce a sequel by its title."""

    work = forms.ModelChoiceField(queryset=Work.objects.none(), required=False, label="Add a work")
    announce = forms.CharField(
        label="…or announce a sequel",
        max_length=255,
        required=False,
        help_text="A title with no text yet. Members can follow it and hear when it is posted.",
    )

    def __init__(self, *args, series: Series, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        work = cast(forms.ModelChoiceField, self.fields["work"])
        work.queryset = Work.objects.filter(pen_name__member=series.pen_name.member_id).exclude(
            series_parts__series=series
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["announce"] = " ".join((cleaned.get("announce") or "").split())
        if bool(cleaned.get("work")) == bool(cleaned["announce"]):
            raise forms.ValidationError("Choose a work to add, or give a sequel's title: one.")
        return cleaned
