from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dearreader.accounts"
    verbose_name = "Members"
