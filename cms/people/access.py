"""Who may open the coordination desk's duplicate, import and invitation pages."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from cms.accounts.roles import Role, has_role


def coordination_required(view):
    """Anonymous: to the login page. Anyone but coordination or administration: 404 (the page does not tell
    it exists)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not has_role(request.user, Role.COORDINATOR, Role.ADMIN):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
