"""The POST flow of a plain form page: validate, call one service, then redirect or show the form again.

    return handle_form(request, form, service=lambda data: item_add(award=award, by=request.user, **data),
                       success_url=url, success_message=added_message, refused=LedgerError,
                       invalid=lambda form: ledger_page(request, award, status=400, item_form=form))

- form invalid, or the service raises ValidationError: its errors go next to their fields (a plain
  error goes to `error_field`, or to the top of the form) and `invalid(form)` answers;
- the service raises one of `refused` (a rule of the domain, e.g. a closed ledger): its message is shown
  and the browser goes to `refused_url` (default: `success_url`);
- otherwise `success_message` is shown and the browser goes to `success_url` (a callable gets the
  service's result, e.g. the object it created).
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def form_errors_add(form: forms.BaseForm, exc: ValidationError, field: str | None = None) -> None:
    """Put a service's errors next to their fields: a dict's unknown keys go to the top of the form, a
    plain error (no field) to `field` (None: the top)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(field, exc.messages)


def handle_form(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    service: Callable[[dict], Any],
    success_url: str | Callable[[Any], str],
    success_message: str,
    invalid: Callable[[forms.BaseForm], HttpResponse],
    refused: type[Exception] | tuple[type[Exception], ...] = (),
    refused_url: str | None = None,
    error_field: str | None = None,
) -> HttpResponse:
    """Run the flow above for a bound form; `service` gets the form's cleaned_data."""
    if form.is_valid():
        try:
            result = service(form.cleaned_data)
        except ValidationError as exc:
            form_errors_add(form, exc, error_field)
        except refused as exc:
            messages.error(request, str(exc))
            return redirect(refused_url or success_url)
        else:
            messages.success(request, success_message)
            return redirect(success_url(result) if callable(success_url) else success_url)
    return invalid(form)


def handle_action(
    request: HttpRequest,
    *,
    service: Callable[[], Any],
    success_url: str,
    success_message: str | None,
    refused: type[Exception] | tuple[type[Exception], ...] = (),
) -> HttpResponse:
    """A POST without a form (remove, cancel, submit): call the service, show its outcome, redirect.
    `refused` exceptions show their message; `success_message` None shows nothing."""
    try:
        service()
    except refused as exc:
        messages.error(request, str(exc))
    else:
        if success_message is not None:
            messages.success(request, success_message)
    return redirect(success_url)
