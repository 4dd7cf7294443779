from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from lms.certificates.forms import VerifyForm
from lms.certificates.models import Certificate
from lms.certificates.selectors import can_download_certificate, certificate_by_code, certificates_of
from lms.certificates.services import certificate_pdf_job, certificates_ensure_for
from lms.surveys.selectors import answered_course_ids


@login_required
def my_certificates(request):
    """Mis certificados: the learner's own certificates, with the survey invitation."""
    certificates_ensure_for(user=request.user)
    certificates = certificates_of(user=request.user)
    answered = answered_course_ids(user=request.user)
    return render(
        request,
        "certificates/list.html",
        {
            "certificates": certificates,
            "answered": answered,
        },
    )


@login_required
def certificate_download(request, code: str):
    """The PDF, for its owner, coordination and admins; 404 for everyone else.

    While the PDF is not written yet, this starts (or finds) its job and sends the person to its progress page.
    """
    certificate = certificate_by_code(code=code)
    if certificate is None or not can_download_certificate(user=request.user, certificate=certificate):
        raise Http404
    if not certificate.pdf:
        return redirect("jobs:status", job_id=certificate_pdf_job(certificate=certificate).pk)
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificado-{certificate.code}.pdf",
        content_type="application/pdf",
    )


@never_cache
def verify_form(request):
    """Public: type a code, go to its verification page."""
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        code = form.cleaned_data["codigo"].strip().upper().replace(" ", "").replace("-", "")
        return redirect("certificates:verify", code=code)
    return render(request, "certificates/verify_form.html", {"form": form})


@never_cache
def verify(request, code: str):
    """Public: only name, course, date and validity. Unknown code: a clear 404 page."""
    certificate: Certificate | None = certificate_by_code(code=code)
    if certificate is None:
        return render(
            request, "certificates/verify_unknown.html", {"code": code[:20], "form": VerifyForm()}, status=404
        )
    return render(request, "certificates/verify.html", {"certificate": certificate})
