from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import ProtectedError, RestrictedError
from django.shortcuts import redirect

from cms.accounts.deletion import person_delete_blockers, person_delete_refusal
from cms.accounts.models import User


@admin.register(User)
class PersonAdmin(UserAdmin):
    """Django's UserAdmin; deleting a person whose records protect them is refused in Spanish."""

    def delete_view(self, request, object_id, extra_context=None):
        user = self.get_object(request, object_id)
        if user is not None and self.has_delete_permission(request, user):
            blockers = person_delete_blockers(user=user)
            if blockers:
                messages.error(request, person_delete_refusal(blockers))
                return redirect("admin:accounts_user_change", user.pk)
        return super().delete_view(request, object_id, extra_context)

    def delete_queryset(self, request, queryset):
        # The bulk action lists protected records before it gets here; a row added in between still raises.
        try:
            super().delete_queryset(request, queryset)
        except (ProtectedError, RestrictedError):
            blockers = sorted({b for user in queryset for b in person_delete_blockers(user=user)})
            messages.error(request, person_delete_refusal(blockers))
