from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "dearreader.community"
    verbose_name = "Community"

    def ready(self) -> None:
        from dearreader.community import receivers  # noqa: F401
