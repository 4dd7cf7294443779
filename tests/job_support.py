"""Old download links now start a background job (cms/jobs): follow one to the file the job made."""

import re

from django.urls import reverse


def download_through_job(client, url: str):
    """GET the old link, check it sends to a finished job's page with «Descargar», and return the download."""
    response = client.get(url)
    assert response.status_code == 302, response.status_code
    match = re.fullmatch(r"/trabajos/(\d+)/", response["Location"])
    assert match, response["Location"]
    job_id = int(match.group(1))
    page = client.get(response["Location"]).content.decode()
    download = reverse("jobs:download", args=[job_id])
    assert download in page, page
    return client.get(download)
