"""Every page type has a factory, and the factories build a working page tree."""

import importlib
import inspect

import pytest
from django.apps import apps
from wagtail.models import Page

from campaigns.factories import (
    ArticlePageFactory,
    CampaignPageFactory,
    CouncilFactory,
    CouncilInformationPageFactory,
    PartnerFactory,
    ProgrammeIndexPageFactory,
)
from home.factories import StandardPageFactory

FACTORY_MODULES = ["home.factories", "campaigns.factories", "forms.factories"]
PAGE_APPS = ["home", "campaigns"]


def available_factory_modules():
    modules = []
    for name in FACTORY_MODULES:
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return modules


def page_apps():
    """home and campaigns, plus application_forms once forms/factories.py exists."""
    labels = list(PAGE_APPS)
    if any(module.__name__ == "forms.factories" for module in available_factory_modules()):
        labels.append("application_forms")
    return labels


def factory_models():
    models = set()
    for module in available_factory_modules():
        for _, obj in inspect.getmembers(module, inspect.isclass):
            meta = getattr(obj, "_meta", None)
            model = getattr(meta, "model", None)
            if model is not None and obj.__module__ == module.__name__:
                models.add(model)
    return models


def test_every_page_type_has_a_factory():
    page_models = {
        model
        for label in page_apps()
        for model in apps.get_app_config(label).get_models()
        if issubclass(model, Page)
    }
    assert len(page_models) >= 6
    missing = sorted(model.__name__ for model in page_models - factory_models())
    assert missing == []


def test_every_snippet_has_a_factory():
    from campaigns.models import Council, Partner

    assert {Council, Partner} <= factory_models()


@pytest.mark.django_db
def test_factories_build_a_live_page_tree_under_the_home_page(home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    partners = PartnerFactory.create_batch(2)
    campaign = CampaignPageFactory(parent=index, partners=partners)
    council_page = CouncilInformationPageFactory(parent=campaign, councils=CouncilFactory.create_batch(3))
    article = ArticlePageFactory(parent=campaign)
    standard = StandardPageFactory(parent=home_page)

    assert [link.partner for link in campaign.partner_links.all()] == partners
    assert council_page.councils.count() == 3
    assert campaign.get_parent().specific == index
    assert article.get_parent().id == campaign.id
    for page in (index, campaign, council_page, article, standard):
        assert page.live
        assert page.url.startswith("/")


@pytest.mark.django_db
def test_faker_values_differ_between_instances(home_page):
    first, second = StandardPageFactory.create_batch(2, parent=home_page)
    assert first.slug != second.slug
    assert (first.title, first.introduction) != (second.title, second.introduction)
