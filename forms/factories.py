"""Factories for application form pages and their questions (wagtail-factories)."""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from .models import ApplicationFormField, ApplicationFormPage


class ApplicationFormFieldFactory(factory.django.DjangoModelFactory):
    """One question; pass ``page`` (or build it through ApplicationFormPageFactory)."""

    label = factory.Sequence(lambda n: f"Question {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = ApplicationFormField


class ApplicationFormPageFactory(wagtail_factories.PageFactory):
    """An application form open for 30 days from now; pass ``parent`` (a CampaignPage).

    ``with_fields=True`` adds a name, an email and a CV question.
    """

    title = "Apply"
    slug = factory.Sequence(lambda n: f"apply-{n}")
    reference_prefix = "TEST"
    introduction = factory.LazyFunction(lambda: "<p>It takes about 10 minutes.</p>")
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    upcoming_message = factory.LazyFunction(lambda: "<p>Come back when applications open.</p>")
    closed_message = factory.LazyFunction(lambda: "<p>Applications have closed.</p>")
    thank_you_text = factory.LazyFunction(lambda: "<p>We will be in touch within 10 working days.</p>")
    to_address = "team@example.org"
    from_address = "noreply@example.org"
    subject = "New application"

    class Meta:
        model = ApplicationFormPage
        skip_postgeneration_save = True

    @factory.post_generation
    def with_fields(self, create, extracted, **kwargs):
        """Adds a name, an email and a CV question when ``with_fields=True``."""
        if not extracted:
            return
        for sort_order, (label, field_type, role) in enumerate(
            [
                ("Full name", "singleline", "name"),
                ("Email address", "email", "email"),
                ("Your CV", "file", ""),
            ]
        ):
            ApplicationFormFieldFactory(
                page=self, label=label, field_type=field_type, role=role, sort_order=sort_order
            )
