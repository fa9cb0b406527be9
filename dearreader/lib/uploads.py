"""Uploads stop at the story-file limit, before anything over it is kept anywhere."""

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload

from dearreader.lib import limits

OVER_LIMIT = "dearreader_upload_over_limit"


class LimitedUploadHandler(FileUploadHandler):
    """Counts each uploaded file's bytes as they arrive and stops the upload past
    ``IMPORT_MAX_BYTES``: the rest of the request is read and dropped, the file is missing from
    request.FILES, and ``over_limit(request)`` names it for the form to say why."""

    received = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > limits.IMPORT_MAX_BYTES:
            setattr(self.request, OVER_LIMIT, self.file_name or "The file")
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler (in memory) makes the file


def over_limit(request: Any) -> str | None:
    """The name of the file an upload handler refused for its size, if any."""
    return getattr(request, OVER_LIMIT, None)
