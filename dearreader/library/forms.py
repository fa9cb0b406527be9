from django import forms

from dearreader.library.limits import (
    BOOKMARK_NOTES_MAX_LENGTH,
    BOOKMARK_TAG_MAX_LENGTH,
    MAX_BOOKMARK_TAGS,
    MAX_PARAGRAPH,
)
from dearreader.library.models import Bookmark
from dearreader.works.models import Chapter
from dearreader.works.services import split_tags


class BookmarkForm(forms.Form):
    notes = forms.CharField(
        label="Your note",
        required=False,
        max_length=BOOKMARK_NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why you keep it, where you stopped, what it reminds you of.",
    )
    tags = forms.CharField(
        label="Your tags",
        required=False,
        max_length=2000,
        help_text="Your own labels, separated by commas.",
    )
    is_private = forms.BooleanField(
        label="Private bookmark",
        required=False,
        help_text="Only you will see it: not its note, not its tags, not that it exists.",
    )

    @classmethod
    def for_bookmark(cls, bookmark: Bookmark | None, data=None) -> "BookmarkForm":  # type: ignore[no-untyped-def]
        initial = {}
        if bookmark is not None:
            initial = {
                "notes": bookmark.notes,
                "tags": ", ".join(tag.name for tag in bookmark.tags.all()),
                "is_private": bookmark.is_private,
            }
        return cls(data, initial=initial)

    def clean_tags(self) -> list[str]:
        names = split_tags(self.cleaned_data["tags"])
        if len(names) > MAX_BOOKMARK_TAGS:
            raise forms.ValidationError(
                f"A bookmark can have at most {MAX_BOOKMARK_TAGS} tags ({len(names)} now)."
            )
        for name in names:
            if len(name) > BOOKMARK_TAG_MAX_LENGTH:
                raise forms.ValidationError(
                    f"A tag can have at most {BOOKMARK_TAG_MAX_LENGTH} characters: "
                    f"“{name[:40]}…” has {len(name)}."
                )
        return names


class PositionForm(forms.Form):
    chapter = forms.ModelChoiceField(queryset=Chapter.objects.none())
    paragraph = forms.IntegerField(min_value=0, max_value=MAX_PARAGRAPH)

    def __init__(self, *args, chapters, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        field = self.fields["chapter"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = chapters
