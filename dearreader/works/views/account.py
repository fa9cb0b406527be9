"""Leaving the archive: the account page that deletes an account and decides about its works.
It lives with the works because it changes them; ``accounts`` never reaches into ``works``."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from dearreader.accounts.forms import PasswordConfirmedForm
from dearreader.accounts.requests import MemberRequest
from dearreader.lib.ratelimit import throttle
from dearreader.works import services
from dearreader.works.models import Work


class AccountDeleteForm(PasswordConfirmedForm):
    works = forms.ChoiceField(
        label="Your posted works",
        widget=forms.RadioSelect,
        choices=[
            ("orphan", "Keep them on the archive under “orphan_account”, without my name"),
            ("delete", "Delete them with my account"),
        ],
    )
    confirm = forms.BooleanField(
        label="I understand that my account, pen names and drafts are deleted for good."
    )
    field_order = ["works", "password", "confirm"]


@login_required
@throttle("account")
def account_delete(request: MemberRequest) -> HttpResponse:
    member = request.user
    form = AccountDeleteForm(request.POST or None, member=member)
    if request.method == "POST" and form.is_valid():
        orphan = form.cleaned_data["works"] == "orphan"
        logout(request)
        kept = services.member_delete(member=member, orphan_works=orphan)
        note = f" {kept} of your works stay, under orphan_account." if orphan else ""
        messages.success(request, f"Your account is deleted.{note}")
        return redirect("home")
    works = Work.objects.filter(pen_name__member=member)
    counts = {"posted": works.posted().count(), "all": works.count()}
    return render(request, "accounts/delete.html", {"form": form, "counts": counts})
