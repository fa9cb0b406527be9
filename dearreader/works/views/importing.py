from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django_ratelimit.decorators import ratelimit

from dearreader.accounts.requests import MemberRequest
from dearreader.importer import MAX_IMPORT_BYTES, ImportProblem, read_story
from dearreader.works import importing, services
from dearreader.works.forms import ChapterForm, WorkForm

ChapterFormSet = forms.formset_factory(
    ChapterForm, extra=0, min_num=1, validate_min=True, max_num=500, validate_max=True
)


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Story file",
        help_text="A plain-text (.txt) or HTML (.html) file, such as a saved FanFiction.net page "
        f"or an AO3 HTML download; at most {MAX_IMPORT_BYTES // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.text,.htm,.html,text/*"}),
    )

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                f"“{upload.name}” is {upload.size / 1024 / 1024:.1f} MB; "
                f"the limit is {MAX_IMPORT_BYTES // (1024 * 1024)} MB."
            )
        try:
            self.story = read_story(upload.read(), upload.name)
        except ImportProblem as e:
            raise forms.ValidationError(f"“{upload.name}” could not be imported: {e}") from None
        return upload


@login_required
@ratelimit(key="user", rate="30/h", method="POST", block=True)
def import_upload(request: MemberRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        story, name = form.story, form.cleaned_data["file"].name
        fmt = importing.body_format_for(story)
        work_form = WorkForm(
            initial=importing.work_initial(story, name), member=request.user, prefix="work"
        )
        formset = ChapterFormSet(initial=importing.chapters_initial(story, fmt), prefix="chapters")
        return render(
            request,
            "works/import_preview.html",
            {"work_form": work_form, "formset": formset, "found": story.as_json(), "name": name},
        )
    return render(request, "works/import_upload.html", {"form": form})


@login_required
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
