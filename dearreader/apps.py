from django.apps import AppConfig


class DearReaderConfig(AppConfig):
    """The project itself as an app, so its system checks register at start-up."""

    name = "dearreader"
    verbose_name = "Dear Reader"

    def ready(self) -> None:
        from dearreader import checks  # noqa: F401
