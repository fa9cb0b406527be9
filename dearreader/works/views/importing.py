from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from dearreader.accounts.requests import MemberRequest
from dearreader.importer import ImportProblem, read_story
from dearreader.lib import limits
from dearreader.lib.ratelimit import throttle
from dearreader.lib.uploads import over_limit
from dearreader.works import importing, services
from dearreader.works.forms import ChapterForm, WorkForm

ChapterFormSet = forms.formset_factory(
    ChapterForm,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=limits.CHAPTERS_PER_WORK,
    validate_max=True,
    absolute_max=limits.CHAPTERS_PER_WORK,
)
MAX_MB = limits.IMPORT_MAX_BYTES // limits.MB


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Story file",
        help_text="A plain-text (.txt) or HTML (.html) file, such as a saved FanFiction.net page "
        f"or an AO3 HTML download; at most {MAX_MB} MB and {limits.CHAPTERS_PER_WORK} chapters.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.text,.htm,.html,text/*"}),
    )

    def __init__(self, *args, refused: str | None = None, sent: int = 0, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.refused, self.sent = refused, sent

    def clean(self):  # type: ignore[no-untyped-def]
        if self.refused:
            # The upload handler stopped reading it at the limit: nothing of it was kept.
            self.errors.pop("file", None)
            raise forms.ValidationError(
                f"“{self.refused}” is over the {MAX_MB} MB limit for a story file "
                f"(the upload was {self.sent / limits.MB:.1f} MB); nothing of it was kept."
            )
        return super().clean()

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        try:
            self.story = read_story(upload.read(), upload.name)
        except ImportProblem as e:
            raise forms.ValidationError(f"“{upload.name}” could not be imported: {e}") from None
        self.format = importing.body_format_for(self.story)
        self.chapters = importing.chapters_initial(self.story, self.format)
        problems = importing.refusals(self.story, self.chapters)
        if problems:
            # Refused before any preview: the preview never shows what saving would refuse.
            raise forms.ValidationError(
                [f"“{upload.name}” cannot be imported as one work:", *problems]
            )
        return upload


def _sent(request: MemberRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@login_required
@throttle("import")
def import_upload(request: MemberRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = UploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        refused=over_limit(request),
        sent=_sent(request),
    )
    if posted and form.is_valid():
        story, name = form.story, form.cleaned_data["file"].name
        initial = importing.work_initial(story, name)
        work_form = WorkForm(initial=initial, member=request.user, prefix="work")
        formset = ChapterFormSet(initial=form.chapters, prefix="chapters")
        context = {
            "work_form": work_form,
            "formset": formset,
            "found": story.as_json(),
            "name": name,
            "too_long": importing.too_long(initial, form.chapters),
        }
        return render(request, "works/import_preview.html", context)
    return render(request, "works/import_upload.html", {"form": form})


@login_required
@throttle("import")
def import_confirm(request: MemberRequest) -> HttpResponse:
    """The preview's form comes back here, corrected by the author, to be saved."""
    if request.method != "POST":
        return redirect("works:import")
    work_form = WorkForm(request.POST, member=request.user, prefix="work")
    formset = ChapterFormSet(request.POST, prefix="chapters")
    if work_form.is_valid() and formset.is_valid():
        work = services.work_create(
            work=work_form.save(commit=False),
            chapters=[form.save(commit=False) for form in formset],
            tag_names=work_form.tag_names(),
            warnings=work_form.cleaned_data["warnings"],
            post="post" in request.POST,
        )
        messages.success(request, "Imported and posted." if not work.is_draft else "Draft saved.")
        return redirect(work)
    return render(
        request,
        "works/import_preview.html",
        {"work_form": work_form, "formset": formset, "found": None},
    )
