from django.contrib import admin
from django.urls import include, path

from dearreader.works.views.account import account_delete
from dearreader.works.views.reading import home

admin.site.site_header = "Dear Reader administration"
admin.site.site_title = "Dear Reader admin"

urlpatterns = [
    path("", home, name="home"),
    path("works/", include("dearreader.works.urls")),
    path("account/delete/", account_delete, name="account_delete"),
    path("", include("dearreader.community.urls")),
    path("downloads/", include("dearreader.downloads.urls")),
    path("letters/", include("dearreader.letters.urls")),
    path("", include("dearreader.accounts.urls")),
    path("", include("dearreader.library.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "dearreader.lib.errors.bad_request"
