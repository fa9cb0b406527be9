from django.apps import AppConfig


class WorksConfig(AppConfig):
    name = "dearreader.works"
    verbose_name = "Works"
