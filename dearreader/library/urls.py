from django.urls import path

from dearreader.library import views

app_name = "library"
urlpatterns = [
    path("works/<int:pk>/bookmark/", views.bookmark_edit, name="bookmark"),
    path("works/<int:pk>/bookmark/delete/", views.bookmark_delete, name="bookmark_delete"),
    path("works/<int:pk>/bookmarks", views.work_bookmarks, name="work_bookmarks"),
    path("works/<int:pk>/later/", views.mark_for_later, name="later"),
    path("works/<int:pk>/position/", views.reading_position, name="position"),
    path("members/<str:username>/bookmarks/", views.member_bookmarks, name="member_bookmarks"),
    path("history/", views.history, name="history"),
]
