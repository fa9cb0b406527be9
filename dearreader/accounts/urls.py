from django.contrib.auth import views as auth_views
from django.urls import path
from django.utils.decorators import method_decorator

from dearreader.accounts import views
from dearreader.lib.ratelimit import throttle

app_name = "accounts"
login = method_decorator(throttle("login"), "dispatch")

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
]
