"""Programme (campaign) pages, council information, articles and their snippets."""

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import BaseStreamBlock
from home.models import SeoMixin
from home.queries import public_q

from .blocks import KeyDatesBlock, PathwayRolesBlock, QuotesBlock
from .choices import ArticleType, Profession, Region, regions_covering
from .feeds import ProgrammeNewsFeed

# The rendition templates/includes/programme_card.html shows.
CARD_IMAGE_SPEC = "fill-480x270"
NEWS_PER_PAGE = 10
RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul", "document-link"]


@register_snippet
class Partner(index.Indexed, models.Model):
    """An organisation that runs or supports a programme, shown with its logo and link."""

    name = models.CharField(max_length=200, unique=True, help_text="The organisation's name.")
    url = models.URLField(blank=True, help_text="The organisation's website.")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The organisation's logo; its alt text should be the organisation's name.",
    )

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Council(index.Indexed, models.Model):
    """A council that takes part in one or more programmes."""

    name = models.CharField(max_length=200, unique=True, help_text='e.g. "Leeds City Council".')
    region = models.CharField(max_length=40, choices=Region.choices, help_text="Where it is.")
    website = models.URLField(blank=True, help_text="The council's website.")

    panels = [FieldPanel("name"), FieldPanel("region"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class MediaContact(models.Model):
    """The press office contact editors attach to press releases."""

    name = models.CharField(max_length=120, help_text="The press officer's name, or the press office's.")
    role = models.CharField(max_length=200, blank=True, help_text='e.g. "Media relations officer".')
    organisation = models.CharField(max_length=200, blank=True, help_text="e.g. the LGA.")
    phone = models.CharField(max_length=40, help_text="The number journalists call in office hours.")
    out_of_hours_phone = models.CharField(
        max_length=40, blank=True, help_text="The number for out-of-hours enquiries, if there is one."
    )
    email = models.EmailField(help_text="The press office's email address.")

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("out_of_hours_phone")]),
        FieldPanel("email"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.organisation}" if self.organisation else self.name


class ProgrammeIndexPage(SeoMixin, Page):
    """Lists every programme, filterable by profession and region."""

    introduction = models.TextField(blank=True, help_text="A short introduction above the list.")

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]

    def get_context(self, request, *args, **kwargs):
        """Adds the programmes, filtered by the visitor's profession and region choices."""
        context = super().get_context(request, *args, **kwargs)
        filter_form = ProgrammeFilterForm(request.GET or None)
        programmes = CampaignPage.objects.child_of(self).live().filter(public_q())
        if filter_form.is_valid():
            if profession := filter_form.cleaned_data.get("profession"):
                programmes = programmes.filter(profession=profession)
            if region := filter_form.cleaned_data.get("region"):
                programmes = programmes.filter(region__in=regions_covering(region))
        context["filter_form"] = filter_form
        context["programmes"] = programmes.with_listing_data()
        return context


class ProgrammeFilterForm(django_forms.Form):
    """The programme list's filters; unknown values are reported, not ignored silently."""

    profession = django_forms.ChoiceField(
        choices=[("", "Any profession")] + list(Profession.choices), required=False
    )
    region = django_forms.ChoiceField(choices=[("", "Any region")] + list(Region.choices), required=False)


class CampaignPageQuerySet(PageQuerySet):
    def with_listing_data(self):
        """Fetches what a programme card shows (its image) in a fixed number of queries.

        The card image's rendition comes with the images, so the number of queries stays the
        same with a cold rendition cache too.
        """
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_IMAGE_SPEC)
        return list(
            self.select_related("hero_image")
            .prefetch_related(Prefetch("hero_image__renditions", queryset=renditions))
            .order_by("path")
        )


class CampaignPage(RoutablePageMixin, SeoMixin, Page):
    """One return-to-work programme: what it is, who it is for, key dates and partners."""

    summary_field = "summary"

    summary = models.TextField(
        help_text="One or two sentences on what the programme offers, shown in lists and search."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide image shown at the top of the page.",
    )
    profession = models.CharField(
        max_length=40, choices=Profession.choices, help_text="The profession returners come back to."
    )
    region = models.CharField(
        max_length=40,
        choices=Region.choices,
        default=Region.ENGLAND,
        help_text="Where the programme's jobs are.",
    )
    who_it_is_for = models.TextField(help_text="Who the programme is for, in plain words.")
    eligibility = RichTextField(
        features=RICH_TEXT_FEATURES, help_text="Who can apply: the conditions applicants must meet."
    )
    key_dates = StreamField(
        KeyDatesBlock(), blank=True, help_text="The programme's timeline, earliest first."
    )
    places = models.PositiveIntegerField(
        null=True, blank=True, help_text="How many places there are. Leave blank if not fixed."
    )
    training_offered = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="The training and support returners get."
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="Everything else: case studies, figures, FAQs, videos, documents.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [FieldPanel("profession"), FieldPanel("region"), FieldPanel("places")],
            heading="About the programme",
        ),
        FieldPanel("who_it_is_for"),
        FieldPanel("eligibility"),
        FieldPanel("key_dates"),
        FieldPanel("training_offered"),
        InlinePanel("partner_links", label="Partner organisations", heading="Partners"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("who_it_is_for"),
        index.SearchField("eligibility"),
        index.SearchField("training_offered"),
        index.SearchField("body"),
        index.FilterField("profession"),
        index.FilterField("region"),
    ]
    route_select_related = ["social_image", "hero_image"]

    parent_page_types = ["campaigns.ProgrammeIndexPage"]
    subpage_types = [
        "application_forms.ApplicationFormPage",
        "campaigns.CouncilInformationPage",
        "campaigns.ArticlePage",
    ]

    objects = PageManager.from_queryset(CampaignPageQuerySet)()

    def get_context(self, request, *args, **kwargs):
        """Adds partners, the council page and the latest articles in one query each."""
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = [
            link.partner for link in self.partner_links.select_related("partner", "partner__logo")
        ]
        context["council_page"] = (
            Page.objects.child_of(self).live().filter(public_q()).type(CouncilInformationPage).first()
        )
        context["articles"] = list(self.live_articles()[:6])
        context["pathways"] = list(
            CareerPathwayPage.objects.live().filter(public_q(), profession=self.profession).order_by("path")
        )
        return context

    def live_articles(self):
        """The programme's live, public news, case studies and press releases, newest first."""
        return ArticlePage.objects.child_of(self).live().filter(public_q()).order_by("-date", "-path")

    @path("news/")
    def news(self, request):
        """Every article of the programme, paginated, optionally of one type (``?type=press-release``)."""
        articles = self.live_articles()
        article_type = request.GET.get("type", "")
        if article_type in ArticleType.values:
            articles = articles.filter(article_type=article_type)
        page_obj = Paginator(articles, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        context = {**self.get_context(request), "news": page_obj, "article_type": article_type}
        context["article_types"] = ArticleType.choices
        return self.render(request, context_overrides=context, template="campaigns/campaign_page_news.html")

    @path("news/feed/")
    def news_feed(self, request):
        """The programme's articles as an Atom feed."""
        return ProgrammeNewsFeed(self, request)(request)


class CampaignPartner(Orderable):
    """Links a partner organisation to a programme, in the editor's order."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("partner")]


class CouncilInformationPage(SeoMixin, Page):
    """Tells councils why and how to sign up to a programme, and who already has."""

    introduction = models.TextField(help_text="A short summary for councils.")
    why_sign_up = RichTextField(features=RICH_TEXT_FEATURES, help_text="Why a council should take part.")
    how_to_sign_up = RichTextField(features=RICH_TEXT_FEATURES, help_text="The steps to sign up.")
    costs_and_commitments = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="What it costs and what a council commits to."
    )
    councils = ParentalManyToManyField(
        Council, blank=True, related_name="programme_pages", help_text="Councils taking part."
    )
    contact = RichTextField(
        features=["bold", "link"], blank=True, help_text="Who councils contact with questions."
    )
    body = StreamField(BaseStreamBlock(), blank=True, help_text="Anything else councils need.")

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("why_sign_up"),
        FieldPanel("how_to_sign_up"),
        FieldPanel("costs_and_commitments"),
        FieldPanel("councils", widget=django_forms.CheckboxSelectMultiple),
        FieldPanel("contact"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("why_sign_up"),
        index.SearchField("how_to_sign_up"),
        index.SearchField("body"),
    ]

    parent_page_types = ["campaigns.CampaignPage"]
    subpage_types = ["application_forms.ApplicationFormPage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        """Adds the participating councils."""
        context = super().get_context(request, *args, **kwargs)
        context["councils"] = list(self.councils.all())
        return context


class ArticlePage(SeoMixin, Page):
    """News, a case study or a press release about a programme."""

    summary_field = "summary"

    article_type = models.CharField(
        max_length=20,
        choices=ArticleType.choices,
        default=ArticleType.NEWS,
        help_text="What kind of article.",
    )
    date = models.DateField(help_text="The date shown on the article.")
    summary = models.TextField(help_text="One or two sentences shown in lists and search.")
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An image shown at the top of the article.",
    )
    body = StreamField(BaseStreamBlock(), help_text="The article.")
    quotes = StreamField(
        QuotesBlock(), blank=True, help_text="Press releases: the quotes, each with a name and role."
    )
    notes_to_editors = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Press releases: background for journalists, shown after the release.",
    )
    media_contact = models.ForeignKey(
        MediaContact,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Press releases: who journalists contact. Required for a press release.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("article_type"),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("quotes"), FieldPanel("notes_to_editors"), FieldPanel("media_contact")],
            heading="Press release",
            help_text="To embargo a press release, set its go-live date and time in the Settings tab "
            "(UK time) and publish: it appears at that time.",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("quotes"),
        index.SearchField("notes_to_editors"),
        index.FilterField("date"),
    ]
    route_select_related = ["social_image", "image", "media_contact"]

    parent_page_types = ["campaigns.CampaignPage"]
    subpage_types = []

    @property
    def is_press_release(self):
        return self.article_type == ArticleType.PRESS_RELEASE

    def clean(self):
        """Refuses a press release without a media contact: journalists need someone to call."""
        super().clean()
        if self.is_press_release and not self.media_contact_id:
            raise ValidationError({"media_contact": "Choose the media contact for this press release."})


class CareerPathwayPage(SeoMixin, Page):
    """A profession's career pathway: its roles, skills, qualifications and routes back for returners."""

    summary_field = "introduction"

    profession = models.CharField(
        max_length=40,
        choices=Profession.choices,
        help_text="The profession; its programmes link to this pathway.",
    )
    introduction = models.TextField(help_text="What the pathway covers, in one or two sentences.")
    framework = models.CharField(
        max_length=200,
        blank=True,
        help_text='The framework it follows, e.g. "the Government Digital and Data Profession Capability '
        'Framework (DDaT)".',
    )
    roles = StreamField(PathwayRolesBlock(), help_text="The roles, from entry level to the most senior.")
    routes_back = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="How returners come back into the profession: programmes, refreshers, registration.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("profession"),
        FieldPanel("introduction"),
        FieldPanel("framework"),
        FieldPanel("roles"),
        FieldPanel("routes_back"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("roles"),
        index.SearchField("routes_back"),
        index.FilterField("profession"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        """Adds the live programmes of the pathway's profession."""
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = list(
            CampaignPage.objects.live().filter(public_q(), profession=self.profession).order_by("path")
        )
        return context
