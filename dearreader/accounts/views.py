from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from dearreader.accounts import services
from dearreader.accounts.forms import EmailChangeForm, PenNameForm, RegisterForm
from dearreader.accounts.models import Member, PenName
from dearreader.accounts.requests import MemberRequest
from dearreader.lib.ratelimit import throttle
from dearreader.works.models import Work


@throttle("register")
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = services.member_register(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
        )
        login(request, member, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {member.username}!")
        return redirect("home")
    return render(request, "accounts/register.html", {"form": form})


def profile(request: HttpRequest, username: str) -> HttpResponse:
    member = get_object_or_404(Member, username=username, is_active=True)
    works = Work.objects.visible_to(request.user).unmuted_for(request.user)
    works = works.filter(pen_name__member=member).for_blurbs()
    return render(
        request,
        "accounts/profile.html",
        {"member": member, "works": works, "pen_names": member.pen_names.all()},
    )


def pen_name(request: HttpRequest, username: str, name: str) -> HttpResponse:
    found = get_object_or_404(PenName, member__username=username, member__is_active=True, name=name)
    return redirect(f"{found.member.get_absolute_url()}#pen-name-{found.pk}")


@login_required
@throttle("edit")
def pen_names(request: MemberRequest) -> HttpResponse:
    form = PenNameForm(request.POST or None, member=request.user)
    if request.method == "POST" and form.is_valid():
        services.pen_name_add(
            member=request.user,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
        )
        messages.success(request, f"Pen name “{form.cleaned_data['name']}” added.")
        return redirect("accounts:pen_names")
    return render(
        request,
        "accounts/pen_names.html",
        {"form": form, "pen_names": request.user.pen_names.all()},
    )


@login_required
@require_POST
def pen_name_default(request: MemberRequest, pk: int) -> HttpResponse:
    pen_name = get_object_or_404(PenName, pk=pk, member=request.user)
    services.pen_name_make_default(pen_name=pen_name)
    messages.success(request, f"You now post as “{pen_name.name}” by default.")
    return redirect("accounts:pen_names")


@login_required
def account(request: MemberRequest) -> HttpResponse:
    return render(request, "accounts/account.html")


@login_required
@throttle("account")
def email_change(request: MemberRequest) -> HttpResponse:
    form = EmailChangeForm(request.POST or None, member=request.user)
    if request.method == "POST" and form.is_valid():
        services.member_change_email(member=request.user, email=form.cleaned_data["email"])
        messages.success(request, "Your email address is changed.")
        return redirect("accounts:account")
    return render(request, "accounts/email_change.html", {"form": form})
