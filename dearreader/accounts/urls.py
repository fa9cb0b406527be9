from django.contrib.auth import views as auth_views
from django.urls import path
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit

from dearreader.accounts import views

app_name = "accounts"
login = method_decorator(ratelimit(key="ip", rate="10/m", method="POST", block=True), "dispatch")

urlpatterns = [
    path("register/", views.register, name="register"),
    path(
        "login/",
        login(auth_views.LoginView).as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("pen-names/", views.pen_names, name="pen_names"),
    path("pen-names/<int:pk>/default/", views.pen_name_default, name="pen_name_default"),
    path("members/<str:username>/", views.profile, name="profile"),
    # AO3's address of a pen name ("pseud"), which fans' download tools read as the author.
    path("users/<str:username>/pseuds/<path:name>", views.pen_name, name="pen_name"),
]
