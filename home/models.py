"""Home page, standard pages and site-wide settings."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from . import site_cache
from .blocks import BaseStreamBlock, StandardPageStreamBlock
from .queries import find_route, remember_route


class SeoMixin(models.Model):
    """Open Graph image for sharing; title and description come from Wagtail's promote tab."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media (1200 x 630 works best).",
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]
    # Foreign keys fetched with the page when it is served (see home.queries.find_route).
    route_select_related = ["social_image"]

    #: The page's own field that summarises it in lists and search results.
    summary_field = "introduction"

    class Meta:
        abstract = True

    @property
    def listing_summary(self):
        """The search description if the editor wrote one, else the page's own summary."""
        return self.search_description or getattr(self, self.summary_field, "")


class HomePage(SeoMixin, Page):
    """The site's front page: introduces the site and features the programmes."""

    introduction = models.TextField(
        help_text="One or two sentences under the main heading saying what the site is for."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide image shown at the top of the page.",
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="Anything else to say on the home page, below the programmes.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    route_select_related = ["social_image", "hero_image"]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["campaigns.ProgrammeIndexPage", "campaigns.CareerPathwayPage", "home.StandardPage"]
    max_count = 1

    def route(self, request, path_components):
        """Finds the page by its URL in one query instead of two per tree level.

        Kept because it pays (``bench/bench_routing.py``): a programme page takes 9 queries
        instead of 12 with Wagtail's walk, a council page 7 instead of 12 (1.4x and 2.3x faster).

        A path below a page's URL (a form's ``check/`` step) goes to that page, which routes
        the rest as in Wagtail's walk; a path no page begins takes the walk (and its 404).
        """
        found = find_route(self, path_components)
        if found is None:
            return super().route(request, path_components)
        result = found.page.route(request, found.remaining)
        if not found.cached:
            remember_route(self, path_components, found.page)
        return result


class StandardPage(SeoMixin, Page):
    """A plain content page: about, privacy notice, accessibility statement."""

    introduction = models.TextField(blank=True, help_text="A short summary shown under the title.")
    body = StreamField(
        StandardPageStreamBlock(),
        help_text="The page's content. On the privacy notice, add the privacy facts block.",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]


HEX_COLOUR = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", "Enter a colour as # and six hexadecimal digits, like #1d70b8."
)
#: WCAG 2.2 AA contrast for normal text: the header's white text on the header colour.
MIN_CONTRAST = 4.5


def relative_luminance(hex_colour):
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour):
    return 1.05 / (relative_luminance(hex_colour) + 0.05)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Organisation, contact details and footer shown on every page."""

    organisation_name = models.CharField(
        max_length=200,
        default="Local Government Association",
        help_text="The organisation that runs the site, shown in the footer.",
    )
    contact_email = models.EmailField(blank=True, help_text="The public contact email address.")
    contact_phone = models.CharField(max_length=40, blank=True, help_text="A public phone number.")
    media_contact = models.CharField(
        max_length=250, blank=True, help_text="Who journalists should contact, with an email or phone."
    )
    footer_text = RichTextField(
        blank=True, features=["bold", "italic", "link"], help_text="A short note in the footer."
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from the footer and every application form.",
    )
    data_controller = models.CharField(
        max_length=200,
        default="Local Government Association",
        help_text="The organisation legally responsible for applicants' information, named in the "
        "privacy notice and in subject access answers.",
    )
    lawful_basis = models.TextField(
        default=(
            "Public task (UK GDPR Article 6(1)(e)): running recruitment programmes for councils. "
            "Equality monitoring answers: only if you choose to give them, for equality of opportunity "
            "(Article 9(2)(g) and Data Protection Act 2018, Schedule 1, paragraph 8)."
        ),
        help_text="Why the law lets us use applicants' information, shown in the privacy notice.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from the footer.",
    )

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header instead of the site's name (its alt text is the site's name).",
    )
    header_colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[HEX_COLOUR],
        help_text="The header's background, like #0b0c0c; dark enough for white text. Blank: black.",
    )
    accent_colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[HEX_COLOUR],
        help_text="The line under the header and the current menu item, like #1d70b8. Blank: blue.",
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("header_colour"), FieldPanel("accent_colour")],
            heading="Branding (the site's name is the Site's name, under Settings > Sites)",
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("media_contact")],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [FieldPanel("footer_text"), FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading="Footer",
        ),
        MultiFieldPanel(
            [FieldPanel("data_controller"), FieldPanel("lawful_basis")],
            heading="Data protection (shown in the privacy notice)",
        ),
    ]

    # The footer links to both pages and the header shows the logo: fetch them with the settings.
    select_related = ["privacy_page", "accessibility_page", "logo"]

    class Meta:
        verbose_name = "site settings"

    def clean(self):
        """Refuses a header colour the header's white text cannot be read on."""
        super().clean()
        colour = self.header_colour
        if colour and HEX_COLOUR.regex.match(colour) and contrast_with_white(colour) < MIN_CONTRAST:
            raise ValidationError(
                {
                    "header_colour": f"White text on {colour} is hard to read: choose a darker colour "
                    f"(contrast {contrast_with_white(colour):.1f}:1, at least {MIN_CONTRAST}:1 is needed)."
                }
            )

    @property
    def theme_version(self):
        """Changes whenever the colours do, so browsers fetch the new site-theme.css."""
        return f"{self.header_colour}{self.accent_colour}".replace("#", "")

    @classmethod
    def for_site(cls, site):
        """Kept in the site cache (``home.site_cache``): every page's footer shows them."""
        if site is None:
            return super().for_site(site)
        return site_cache.get_or_set(
            None, f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site)
        )
