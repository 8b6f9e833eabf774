"""Factories for programmes, council pages, articles, partners and councils."""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from home.factories import ImageFactory

from .choices import ArticleType, Profession, Region
from .models import (
    ArticlePage,
    CampaignPage,
    CampaignPartner,
    CareerPathwayPage,
    Council,
    CouncilInformationPage,
    MediaContact,
    Partner,
    ProgrammeIndexPage,
)


class PartnerFactory(factory.django.DjangoModelFactory):
    """A partner organisation with a website; ``with_logo=True`` adds a logo image."""

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    url = factory.Faker("url")

    class Meta:
        model = Partner

    class Params:
        with_logo = factory.Trait(logo=factory.SubFactory(ImageFactory))


class CouncilFactory(factory.django.DjangoModelFactory):
    """A council in a random English region."""

    name = factory.Sequence(lambda n: f"Council number {n}")
    region = factory.Faker("random_element", elements=[choice for choice, _ in Region.choices])
    website = factory.Faker("url")

    class Meta:
        model = Council


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    """The programme list (/programmes/); pass ``parent`` (the home page)."""

    title = "Programmes"
    slug = "programmes"
    introduction = factory.Faker("sentence")

    class Meta:
        model = ProgrammeIndexPage


def key_dates():
    """Key dates besides the application form's own (which the page shows from the form)."""
    today = timezone.localdate()
    return [
        ("key_date", {"label": "Information session", "date": today, "note": "online"}),
        ("key_date", {"label": "Training starts", "date": today + dt.timedelta(days=60), "note": ""}),
    ]


class CampaignPageFactory(wagtail_factories.PageFactory):
    """A programme; pass ``parent`` (a programme index) and ``partners=[...]`` to link partners."""

    title = factory.Faker("catch_phrase")
    slug = factory.LazyAttributeSequence(lambda page, n: f"{slugify(page.title)[:40]}-{n}")
    summary = factory.Faker("sentence", nb_words=15)
    profession = Profession.ICT
    region = Region.ENGLAND
    places = 20
    who_it_is_for = factory.Faker("sentence", nb_words=12)
    eligibility = factory.LazyFunction(lambda: "<ul><li>You have had a career break.</li></ul>")
    training_offered = factory.LazyFunction(lambda: "<p>Twelve weeks of training.</p>")
    key_dates = factory.LazyFunction(key_dates)
    body = factory.LazyFunction(lambda: [("paragraph", "<p>More about the programme.</p>")])

    class Meta:
        model = CampaignPage
        skip_postgeneration_save = True

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        """Links the given partners to the programme, in order."""
        if not extracted:
            return
        for partner in extracted:
            self.partner_links.add(CampaignPartner(partner=partner))
        if create:
            self.save()


class CouncilInformationPageFactory(wagtail_factories.PageFactory):
    """A programme's page for councils; pass ``parent`` and ``councils=[...]``."""

    title = "Information for councils"
    slug = "information-for-councils"
    introduction = factory.Faker("sentence")
    why_sign_up = factory.LazyFunction(lambda: "<p>Returners bring experience.</p>")
    how_to_sign_up = factory.LazyFunction(lambda: "<p>Fill in the form.</p>")
    costs_and_commitments = factory.LazyFunction(lambda: "<p>There is no fee.</p>")
    contact = factory.LazyFunction(lambda: "<p>Email the team.</p>")

    class Meta:
        model = CouncilInformationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def councils(self, create, extracted, **kwargs):
        """Links the given councils to the page."""
        if extracted:
            self.councils.set(extracted)
            if create:
                self.save()


class MediaContactFactory(factory.django.DjangoModelFactory):
    """A press office contact for press releases."""

    name = factory.Faker("name")
    role = "Media relations officer"
    organisation = "Local Government Association"
    phone = "020 7664 3000"
    out_of_hours_phone = "07789 123 456"
    email = factory.Sequence(lambda n: f"press{n}@example.org")

    class Meta:
        model = MediaContact


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A news item or case study; pass ``parent`` (a programme)."""

    title = factory.Faker("sentence", nb_words=5)
    slug = factory.LazyAttributeSequence(lambda page, n: f"{slugify(page.title)[:40]}-{n}")
    article_type = ArticleType.NEWS
    date = factory.LazyFunction(timezone.localdate)
    summary = factory.Faker("sentence", nb_words=15)
    body = factory.LazyFunction(lambda: [("paragraph", "<p>The article's text.</p>")])

    class Meta:
        model = ArticlePage


class CareerPathwayPageFactory(wagtail_factories.PageFactory):
    """A profession's career pathway with two roles; pass ``parent`` (the home page)."""

    title = factory.Faker("sentence", nb_words=4)
    slug = factory.LazyAttributeSequence(lambda page, n: f"{slugify(page.title)[:40]}-{n}")
    profession = Profession.ICT
    introduction = factory.Faker("sentence", nb_words=15)
    routes_back = "<p>Return through a returners programme.</p>"
    roles = factory.LazyFunction(
        lambda: [
            (
                "role",
                {
                    "title": "Developer",
                    "level": "Practitioner",
                    "description": "Builds and supports services.",
                    "skills": ["Programming and build (software engineering)", "User focus"],
                    "qualifications": "",
                },
            ),
            (
                "role",
                {
                    "title": "Senior developer",
                    "level": "Senior practitioner",
                    "description": "Leads the building of services.",
                    "skills": ["Systems design", "Information security"],
                    "qualifications": "",
                },
            ),
        ]
    )

    class Meta:
        model = CareerPathwayPage
