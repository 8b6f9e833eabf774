"""Every page type of every project app has a factory, and the factories build a working page tree."""

import importlib
import inspect
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
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


def project_apps():
    """The project's own apps: top-level folders of this repository (not installed packages)."""
    root = Path(settings.BASE_DIR).resolve()
    return [config for config in apps.get_app_configs() if Path(config.path).resolve().parent == root]


def page_models():
    return {model for config in project_apps() for model in config.get_models() if issubclass(model, Page)}


def factory_modules():
    """The factories module of every project app that has pages or snippets: missing one fails."""
    return [
        importlib.import_module(f"{config.name}.factories")
        for config in project_apps()
        if any(issubclass(model, Page) for model in config.get_models())
    ]


def factory_models():
    models = set()
    for module in factory_modules():
        for _, obj in inspect.getmembers(module, inspect.isclass):
            meta = getattr(obj, "_meta", None)
            model = getattr(meta, "model", None)
            if model is not None and obj.__module__ == module.__name__:
                models.add(model)
    return models


def test_every_page_type_has_a_factory():
    assert len(page_models()) >= 7
    missing = sorted(model.__name__ for model in page_models() - factory_models())
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
