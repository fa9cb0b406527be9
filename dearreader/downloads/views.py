from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django_ratelimit.decorators import ratelimit

from dearreader.downloads.book import file_stem
from dearreader.downloads.files import FORMATS, download_bytes
from dearreader.works.access import posted_work


# Files are cached, so a burst costs little; the limit only stops a scraper running flat out.
@ratelimit(key="user_or_ip", rate="60/m", block=True)
def download(request: HttpRequest, pk: str, name: str, extension: str) -> HttpResponse:
    """Any file name is accepted (links carry the title, which may change); drafts never
    download, not even by their author, and restricted works only for members."""
    work = posted_work(request, int(pk))
    response = HttpResponse(download_bytes(work, extension), FORMATS[extension].content_type)
    response["Content-Disposition"] = str(
        content_disposition_header(as_attachment=True, filename=f"{file_stem(work)}.{extension}")
    )
    if work.restricted:
        patch_cache_control(response, private=True)
    return response
