from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "dearreader.letters"
    verbose_name = "Letters"
