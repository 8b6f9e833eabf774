"""Creates the demo site: home page, programmes, council pages, articles, forms, settings.

Safe to re-run: anything that already exists (matched by slug or name) is left as editors
have it, and only what is missing is created.
"""

import datetime as dt
import io

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from campaigns.choices import ArticleType
from campaigns.models import (
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
from forms.models import ApplicationFormPage
from home.models import HomePage, SiteSettings, StandardPage

from . import content, form_questions, pathways, people

# A demo form spec's inline children (questions and the after-applying parts) and their relations.
FORM_CHILDREN = {
    "fields": "form_fields",
    "plan_template_items": "plan_template_items",
    "status_wordings": "status_wordings",
}


def load():
    """Creates what is missing of the demo site, dated from today; returns the number of pages created."""
    loader = DemoLoader(timezone.localdate())
    with transaction.atomic():
        loader.run()
    return loader.created


def load_programme_site():
    """Serves Come Back to Social Work as its own Site (``make run`` asks for it, and tests that need it).

    Apart from ``load``: pages under a second Site take its host name in URLs made without a
    request (``page.url`` in emails and tests), which the rest of the demo does not expect.
    """
    with transaction.atomic():
        DemoLoader(timezone.localdate()).programme_site(Site.objects.get(is_default_site=True).root_page)


class DemoLoader:
    def __init__(self, today):
        self.today = today
        self.created = 0

    def run(self):
        home = self.home_page()
        index = self.child(
            home,
            ProgrammeIndexPage,
            "programmes",
            title="Programmes",
            introduction="Programmes that help professionals return to council careers after a break.",
            show_in_menus=True,
        )
        for data in content.programmes(self.today):
            self.programme(index, data)
        pathway = dict(pathways.DDAT_PATHWAY)
        self.child(home, CareerPathwayPage, pathway.pop("slug"), **pathway)
        self.standard_pages(home)
        people.demo_recruiter()

    def home_page(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        root = Page.get_first_root_node()
        home = HomePage.objects.first()
        if home is None:
            home = HomePage(
                title="Return to Work",
                slug="return-to-work",
                seo_title="Return to Work: council careers after a career break",
                search_description=(
                    "Programmes that bring professionals back to council careers after a break."
                ),
                introduction=(
                    "Councils and their partners run programmes that bring professionals back "
                    "to work after a career break. Find a programme, check if you can apply, "
                    "and find out how your council can take part."
                ),
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True, site_name="Return to Work")
        old_root = site.root_page if site.root_page_id else None
        site.root_page = home
        site.save()
        if old_root and old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
        return home

    def child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        # The search description is what search results and search engines show.
        fields.setdefault("search_description", fields.get("summary") or fields.get("introduction", ""))
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def programme(self, index, data):
        campaign = CampaignPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if campaign is None:
            campaign = self.new_campaign(index, data)
        self.child(
            campaign,
            ArticlePage,
            data["article"][0],
            title=data["article"][1],
            article_type=data["article"][2],
            summary=data["article"][3],
            date=self.today - dt.timedelta(days=7),
            body=[("paragraph", f"<p>{data['article'][3]}</p>"), ("case_study", case_study(data))],
        )
        if "press_release" in data:
            self.press_release(campaign, data["press_release"])
        council_page = self.council_page(campaign, data)
        self.form_page(campaign, "apply", form_questions.application_form(data))
        self.form_page(council_page, "sign-up", form_questions.council_signup_form(data))
        people.reviewer_group(campaign)
        people.demo_applications(campaign)
        people.demo_pool(campaign)

    def new_campaign(self, index, data):
        body = [("case_study", case_study(data))]
        body += [
            ("figure", {"value": value, "description": description, "source": source, "source_url": ""})
            for value, description, source in data["figures"]
        ]
        body.append(("faq", faq(data)))
        campaign = CampaignPage(
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            search_description=data["summary"],
            profession=data["profession"],
            region=data["region"],
            places=data["places"],
            who_it_is_for=data["who_it_is_for"],
            eligibility=data["eligibility"],
            training_offered=data["training_offered"],
            key_dates=[
                ("key_date", {"label": label, "date": date, "note": note})
                for label, date, note in data["key_dates"]
            ],
            body=body,
        )
        for name in data["partners"]:
            partner, _ = Partner.objects.get_or_create(name=name)
            campaign.partner_links.add(CampaignPartner(partner=partner))
        index.add_child(instance=campaign)
        campaign.save_revision().publish()
        self.created += 1
        return campaign

    def press_release(self, campaign, release):
        """A programme's press release with its quotes, notes to editors and the LGA's media contact."""
        contact, _ = MediaContact.objects.get_or_create(
            name=content.MEDIA_CONTACT["name"], defaults=content.MEDIA_CONTACT
        )
        release = dict(release)
        self.child(
            campaign,
            ArticlePage,
            release.pop("slug"),
            article_type=ArticleType.PRESS_RELEASE,
            body=[("paragraph", release.pop("body"))],
            quotes=[
                ("quote", {"quote": quote, "name": name, "role": role})
                for quote, name, role in release.pop("quotes")
            ],
            media_contact=contact,
            **release,
        )

    def council_page(self, campaign, data):
        existing = CouncilInformationPage.objects.child_of(campaign).first()
        if existing:
            return existing
        page = CouncilInformationPage(
            slug="information-for-councils",
            title=f"{data['title']}: information for councils",
            introduction=f"How your council can recruit returners through {data['title']}.",
            search_description=f"How your council can recruit returners through {data['title']}.",
            why_sign_up=(
                "<p>Returners bring experience, maturity and local knowledge. Recruiting them "
                "costs less than agency staff and helps fill hard-to-fill posts.</p>"
            ),
            how_to_sign_up=(
                "<ol><li>Fill in the expression of interest form (the link is below).</li>"
                "<li>We call you to agree the roles and the number of places.</li>"
                "<li>You meet shortlisted returners at interview.</li></ol>"
            ),
            costs_and_commitments=(
                "<p>There is no fee to take part. Councils commit a named manager and a mentor "
                "for each returner and offer supervised practice during the programme.</p>"
            ),
            contact=(
                "<p>Email the programme team at "
                '<a href="mailto:returners@example.org">returners@example.org</a>.</p>'
            ),
        )
        councils = []
        for name, region, website in data["councils"]:
            council, _ = Council.objects.get_or_create(
                name=name, defaults={"region": region, "website": website}
            )
            councils.append(council)
        page.councils = councils
        campaign.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def form_page(self, parent, slug, spec):
        existing = ApplicationFormPage.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            self.add_after_applying(existing, spec)
            return
        children = {relation: spec.pop(key, []) for key, relation in FORM_CHILDREN.items()}
        page = ApplicationFormPage(slug=slug, **spec)
        for relation, items in children.items():
            add_in_order(page, relation, items)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1

    def add_after_applying(self, page, spec):
        """Gives a form made before plans and the pool existed the demo's plan, wordings and pool."""
        items = spec.get("plan_template_items")
        if not items or page.plan_template_items.exists() or page.status_wordings.exists():
            return
        for name in ("plan_template_items", "status_wordings"):
            add_in_order(page, name, spec[name])
        page.offer_talent_pool = spec["offer_talent_pool"]
        page.save_revision().publish()

    def standard_pages(self, home):
        privacy = self.child(
            home,
            StandardPage,
            "privacy",
            title="Privacy notice",
            show_in_menus=False,
            introduction="How we use the personal information you give us when you apply.",
            body=content.privacy_notice(),
        )
        accessibility = self.child(
            home,
            StandardPage,
            "accessibility",
            title="Accessibility statement",
            introduction="How accessible this website is and how to report a problem.",
            body=[("paragraph", ACCESSIBILITY_TEXT)],
        )
        self.child(
            home,
            StandardPage,
            "about",
            title="About",
            show_in_menus=True,
            introduction="Return to Work is run by local government and its partners.",
            body=[("paragraph", ABOUT_TEXT)],
        )
        site = Site.objects.get(root_page=home)
        settings = SiteSettings.for_site(site)
        if not settings.contact_email:
            settings.contact_email = "returners@example.org"
            settings.media_contact = "LGA media office, media@example.org"
            settings.privacy_page = privacy
            settings.accessibility_page = accessibility
            settings.save()

    def programme_site(self, home):
        """Come Back to Social Work on its own host name, with its own logo, colours and footer."""
        programme = CampaignPage.objects.filter(slug=PROGRAMME_SITE["slug"]).first()
        if programme is None or Site.objects.filter(hostname=PROGRAMME_SITE["hostname"]).exists():
            return
        site = Site.objects.create(
            hostname=PROGRAMME_SITE["hostname"],
            port=PROGRAMME_SITE["port"],
            root_page=programme,
            site_name=programme.title,
        )
        main = SiteSettings.for_site(Site.objects.get(root_page=home))
        SiteSettings.objects.update_or_create(
            site=site,
            defaults={
                "organisation_name": "Come Back to Social Work: LGA, Frontline and councils",
                "contact_email": "comeback@example.org",
                "footer_text": "<p>Come Back to Social Work is run by the LGA with Frontline and "
                "councils.</p>",
                "privacy_page": main.privacy_page,
                "accessibility_page": main.accessibility_page,
                "header_colour": PROGRAMME_SITE["header_colour"],
                "accent_colour": PROGRAMME_SITE["accent_colour"],
                "logo": logo_image(programme.title, PROGRAMME_SITE["header_colour"]),
            },
        )


#: The programme served on its own Site in the demo (``socialwork.localhost`` resolves to loopback).
PROGRAMME_SITE = {
    "slug": "come-back-to-social-work",
    "hostname": "socialwork.localhost",
    "port": 8000,
    "header_colour": "#4a2570",
    "accent_colour": "#f47738",
}


def logo_image(title, background):
    """A plain logo (the title in white on the header colour) as a Wagtail image."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (360, 60), background)
    ImageDraw.Draw(picture).text((12, 22), title, fill="white")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=f"{title} logo",
        file=ImageFile(buffer, name="programme-logo.png"),
        collection=Collection.get_first_root_node() or Collection.add_root(name="Root"),
    )


def case_study(data):
    quote, name, role = data["case_study"]
    return {"quote": quote, "name": name, "role": role, "image": None}


def faq(data):
    return {
        "heading": "Frequently asked questions",
        "items": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in data["faqs"]],
    }


ACCESSIBILITY_TEXT = (
    "<p>We want as many people as possible to be able to use this website. You should be able "
    "to zoom in up to 400% without the text spilling off the screen, navigate the whole "
    "website using just a keyboard, and listen to it using a screen reader.</p><h2>Reporting "
    "problems</h2><p>If you find a problem, email returners@example.org.</p>"
)
ABOUT_TEXT = (
    "<p>Return to Work brings together campaigns that help professionals return to local "
    "government after a career break: in ICT, social work and STEM.</p>"
)


def add_in_order(page, relation, items):
    """Adds ``items`` to the page's inline ``relation`` numbered in order, as the editor's inline
    panel does: with no ``sort_order``, PostgreSQL may list them in any order (SQLite happened to
    keep the order they were saved in)."""
    for position, item in enumerate(items):
        if hasattr(item, "sort_order"):
            item.sort_order = position
        getattr(page, relation).add(item)
