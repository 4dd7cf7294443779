"""The referral indicators wait for the referrals app: not registered, nothing imported, until it exists."""

import sys

from django.apps import apps

from cms.indicators import referral_defs, registry


def test_without_the_referrals_app_2_1b_and_2_3b_are_not_registered():
    if apps.is_installed("cms.referrals"):  # once merged, the other branch's tests take over
        return
    assert referral_defs.register_if_installed() is False
    codes = {ind.code for ind in registry.indicators()}
    assert "2.1b" not in codes and "2.3b" not in codes
    assert "cms.referrals" not in sys.modules


def test_the_definitions_are_ready_for_the_integrator():
    defs = {ind.code: ind for ind in referral_defs.referral_indicators()}
    assert set(defs) == {"2.1b", "2.3b"}
    assert all(ind.unit == registry.Unit.PEOPLE and "sexo" in ind.disaggregations for ind in defs.values())
