"""The original file of a data source, as a response to one of the team's members (page or API)."""

from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.shortcuts import redirect

from .models import DataSource


def original_file_response(data_source: DataSource):
    """Stream the stored file from the local folder (which the web server never publishes), or redirect to a
    short-lived signed address of the bucket; a 404 naming why when there is nothing to give."""
    if not data_source.file:
        raise Http404("This data source has no stored file.")
    if not isinstance(data_source.file.storage, FileSystemStorage):
        return redirect(data_source.file.url)
    try:
        handle = data_source.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The stored file is missing from storage.") from exc
    return FileResponse(handle, as_attachment=True, filename=data_source.original_name)
