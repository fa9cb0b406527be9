"""The ``dearreader`` command: Django's management commands under the project's own name.

``dearreader import FILE`` runs the ``importstory`` command (``import`` is a Python keyword, so
it cannot be a command module's name).
"""

import os
import sys

ALIASES = {"import": "importstory"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dearreader.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1:
        args[1] = ALIASES.get(args[1], args[1])
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
