from django.urls import re_path

from dearreader.downloads import views

app_name = "downloads"
urlpatterns = [
    # AO3's address shape: /downloads/ID/Title.epub
    re_path(
        r"^(?P<pk>[0-9]+)/(?P<name>[^/]+)\.(?P<extension>epub|html|txt)$",
        views.download,
        name="file",
    ),
]
