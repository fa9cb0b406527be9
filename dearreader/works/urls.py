from django.urls import path

from dearreader.works.views import importing, posting, reading, scheduling, series

app_name = "works"
urlpatterns = [
    path("", reading.work_list, name="list"),
    path("new/", posting.work_new, name="new"),
    path("import/", importing.import_upload, name="import"),
    path("import/confirm/", importing.import_confirm, name="import_confirm"),
    # Reading pages keep AO3's addresses (no trailing slash), which fans' tools know.
    path("<int:pk>", reading.work_detail, name="detail"),
    path("<int:pk>/full/", reading.work_full, name="full"),
    path("<int:pk>/navigate", reading.chapter_index, name="navigate"),
    path("<int:pk>/edit/", posting.work_edit, name="edit"),
    path("<int:pk>/post/", posting.work_post, name="post"),
    path("<int:pk>/delete/", posting.work_delete, name="delete"),
    path("<int:pk>/chapters/new/", posting.chapter_new, name="chapter_new"),
    path("<int:work_pk>/chapters/<int:pk>", reading.chapter_detail, name="chapter"),
    path("<int:work_pk>/chapters/<int:pk>/edit/", posting.chapter_edit, name="chapter_edit"),
    path("<int:work_pk>/chapters/<int:pk>/post/", posting.chapter_post, name="chapter_post"),
    path("<int:work_pk>/chapters/<int:pk>/delete/", posting.chapter_delete, name="chapter_delete"),
    path("<int:pk>/schedule/", scheduling.work_schedule, name="schedule"),
    path("<int:pk>/unschedule/", scheduling.work_unschedule, name="unschedule"),
    path(
        "<int:work_pk>/chapters/<int:pk>/schedule/",
        scheduling.chapter_schedule,
        name="chapter_schedule",
    ),
    path(
        "<int:work_pk>/chapters/<int:pk>/unschedule/",
        scheduling.chapter_unschedule,
        name="chapter_unschedule",
    ),
    path("series/new/", series.series_new, name="series_new"),
    path("series/<int:pk>/", series.series_detail, name="series"),
    path("series/<int:pk>/edit/", series.series_edit, name="series_edit"),
    path("series/<int:pk>/add/", series.series_add, name="series_add"),
    path("series/parts/<int:pk>/move/", series.part_move, name="part_move"),
    path("series/parts/<int:pk>/remove/", series.part_remove, name="part_remove"),
    path("series/parts/<int:pk>/write/", series.sequel_write, name="sequel_write"),
]
