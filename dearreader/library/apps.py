from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "dearreader.library"
    verbose_name = "Library (bookmarks, reading list, reading positions)"
