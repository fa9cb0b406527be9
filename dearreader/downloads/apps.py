from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "dearreader.downloads"
    verbose_name = "Downloads"
