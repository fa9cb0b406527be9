from typing import TypeVar

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.decorators import method_decorator

from dearreader.accounts import views
from dearreader.lib.ratelimit import throttle

app_name = "accounts"


ViewClass = TypeVar("ViewClass", bound=type)


def throttled(view: ViewClass, name: str) -> ViewClass:
    return method_decorator(throttle(name), "dispatch")(view)


urlpatterns = [
    path("register/", views.register, name="register"),
    path(
        "login/",
        throttled(auth_views.LoginView, "login").as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", views.account, name="account"),
    path("account/email/", views.email_change, name="email_change"),
    path(
        "account/password/",
        throttled(auth_views.PasswordChangeView, "account").as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "account/password/changed/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password-reset/",
        throttled(auth_views.PasswordResetView, "password_reset").as_view(
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        throttled(auth_views.PasswordResetConfirmView, "password_reset").as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("pen-names/", views.pen_names, name="pen_names"),
    path("pen-names/<int:pk>/default/", views.pen_name_default, name="pen_name_default"),
    path("members/<str:username>/", views.profile, name="profile"),
    # AO3's address of a pen name ("pseud"), which fans' download tools read as the author.
    path("users/<str:username>/pseuds/<path:name>", views.pen_name, name="pen_name"),
]
