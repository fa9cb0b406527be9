from django.urls import path

from dearreader.letters.views import mailbag, reading, writing

app_name = "letters"
urlpatterns = [
    path("", mailbag.mailbag, name="mailbag"),
    path("archived/", mailbag.archived, name="archived"),
    path("sent/", mailbag.sent, name="sent"),
    path("drafts/", mailbag.drafts, name="drafts"),
    path("waiting/", mailbag.waiting, name="waiting"),
    path("search/", mailbag.search, name="search"),
    path("settings/", mailbag.letter_settings, name="settings"),
    path("new/", writing.new, name="new"),
    path("drafts/save/", writing.autosave, name="autosave_new"),
    path("drafts/<int:pk>/", writing.edit, name="edit"),
    path("drafts/<int:pk>/save/", writing.autosave, name="autosave"),
    path("drafts/<int:pk>/discard/", writing.discard, name="discard"),
    path("token/", writing.token, name="token"),
    path("<int:pk>/", reading.letter, name="letter"),
    path("<int:pk>/to/<int:copy>/", reading.correspondence, name="correspondence"),
    path("<int:pk>/open/", reading.open_letter, name="open"),
    path("<int:pk>/return/", reading.return_letter, name="return"),
    path("<int:pk>/archive/", reading.archive, name="archive"),
    path("<int:pk>/delete/", reading.delete, name="delete"),
    path("<int:pk>/report/", reading.report, name="report"),
    path("<int:pk>/recall/", reading.recall, name="recall"),
]
