"""The one exception the importer raises on purpose."""


class ImportProblem(Exception):
    """A clear, user-facing message (``str(e)``) why the input cannot be read."""
