from django.urls import path, re_path

from dearreader.community import feeds
from dearreader.community.views import feedback, inbox, reviews, stats

app_name = "community"
urlpatterns = [
    path("works/<int:pk>/kudos/", feedback.kudos, name="kudos"),
    path("works/<int:pk>/reviews/", reviews.reviews, name="reviews"),
    path("works/<int:pk>/reviews/settings/", reviews.review_settings, name="review_settings"),
    path(
        "works/<int:work_pk>/chapters/<int:pk>/reviews/new/",
        reviews.review_new,
        name="review_new",
    ),
    path("reviews/<int:pk>/reply/", reviews.reply, name="reply"),
    re_path(
        r"^reviews/(?P<pk>[0-9]+)/(?P<action>approve|hide|show|delete)/$",
        reviews.moderate,
        name="moderate",
    ),
    re_path(r"^fave/(?P<kind>work|author)/(?P<pk>[0-9]+)/$", feedback.fave, name="fave"),
    re_path(
        r"^follow/(?P<kind>work|author|series|part)/(?P<pk>[0-9]+)/$",
        feedback.follow,
        name="follow",
    ),
    path("members/<str:username>/block/", feedback.block, name="block"),
    path("members/<str:username>/mute/", feedback.mute, name="mute"),
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/read/", inbox.mark_read, name="mark_read"),
    path("settings/notifications/", inbox.settings, name="settings"),
    path("unsubscribe/<str:token>/", inbox.unsubscribe, name="unsubscribe"),
    path("stats/", stats.stats, name="stats"),
    path("feeds/works/<int:pk>/", feeds.WorkFeed(), name="work_feed"),
    path("feeds/members/<str:username>/", feeds.AuthorFeed(), name="author_feed"),
    path("feeds/series/<int:pk>/", feeds.SeriesFeed(), name="series_feed"),
]
