from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.models import DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from cms.accounts.models import Programme
from cms.accounts.roles import Role, has_role
from cms.indicators.models import IndicatorTarget
from cms.indicators.registry import indicators


class IndicatorTargetForm(WagtailAdminModelForm):
    """The indicator is chosen from the registered definitions; the programme from the ones she coordinates."""

    indicator_code = forms.ChoiceField(label=_("indicador"), choices=())

    class Meta:
        model = IndicatorTarget
        fields = ["programme", "indicator_code", "year", "quarter", "baseline", "target"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator_code"].choices = [(ind.code, f"{ind.code} · {ind.name}") for ind in indicators()]
        user = self.for_user
        if user is not None and not has_role(user, Role.ADMIN):
            self.fields["programme"].queryset = Programme.objects.filter(coordinators=user)


def _may_edit(user, target: IndicatorTarget) -> bool:
    return has_role(user, Role.ADMIN) or target.programme.coordinators.filter(pk=user.pk).exists()


class TargetIndexView(IndexView):
    def get_base_queryset(self):
        rows = super().get_base_queryset().select_related("programme")
        if has_role(self.request.user, Role.ADMIN):
            return rows
        return rows.filter(programme__coordinators=self.request.user)


class TargetEditView(EditView):
    def get_object(self, queryset=None):
        target = super().get_object(queryset)
        if not _may_edit(self.request.user, target):
            raise Http404  # another programme's target: as if it did not exist
        return target


class TargetDeleteView(DeleteView):
    def get_object(self, queryset=None):
        target = super().get_object(queryset)
        if not _may_edit(self.request.user, target):
            raise Http404
        return target


class IndicatorTargetViewSet(ModelViewSet):
    """Coordinators set the baseline and targets of the programmes they coordinate."""

    model = IndicatorTarget
    form_fields = ["programme", "indicator_code", "year", "quarter", "baseline", "target"]
    list_display = ["programme", "indicator_code", "year", "quarter", "baseline", "target"]
    list_filter = ["programme", "year"]
    icon = "table"
    menu_label = _("Metas de indicadores")
    menu_order = 920
    add_to_admin_menu = True
    url_prefix = "metas-indicadores"
    name = "metas_indicadores"
    index_view_class = TargetIndexView
    edit_view_class = TargetEditView
    delete_view_class = TargetDeleteView

    def get_form_class(self, for_update=False):
        return IndicatorTargetForm


@hooks.register("register_admin_viewset")
def register_indicator_targets():
    return IndicatorTargetViewSet()
