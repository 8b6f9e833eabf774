"""The Welsh version of Come Back to Social Work and its application form (Wagtail's i18n).

Loaded by ``load_demo_content --welsh`` (``make run``), apart from the rest of the demo: a
second page with each slug would change what tests of the English demo find.

Made with ``copy_for_translation`` (as the admin's "Translate" action does), with the
Welsh home and programme list above it, then given Welsh text and published.
"""

from wagtail.models import Locale

from campaigns.models import CampaignPage
from forms.models import ApplicationFormPage

WELSH = "cy"

PROGRAMME = {
    "title": "Dewch Nôl i Waith Cymdeithasol",
    "summary": (
        "Deg ar hugain o leoedd wedi'u hariannu i weithwyr cymdeithasol cymwysedig a adawodd y "
        "proffesiwn ddwy i bum mlynedd yn ôl, gyda 13 wythnos o hyfforddiant tuag at ailgofrestru."
    ),
    "who_it_is_for": (
        "Gweithwyr cymdeithasol cymwysedig a gamodd yn ôl o ymarfer oherwydd teulu, gofalu, iechyd "
        "neu newid gyrfa, ac sydd am ddychwelyd i dîm gwaith cymdeithasol mewn cyngor."
    ),
    "eligibility": (
        "<p>Gallwch wneud cais os ydych chi:</p><ul>"
        "<li>wedi cymhwyso fel gweithiwr cymdeithasol yn y DU</li>"
        "<li>wedi ymarfer fel gweithiwr cymdeithasol ddiwethaf rhwng dwy a phum mlynedd yn ôl</li>"
        "<li>â'r hawl i weithio yn y DU</li>"
        "<li>yn gallu cymryd rhan mewn 13 wythnos o hyfforddiant</li></ul>"
    ),
    "training_offered": (
        "<p>Tair wythnos ar ddeg o hyfforddiant wedi'i ariannu a dysgu dan oruchwyliaeth, gyda "
        "mentor penodol mewn tîm cyngor.</p>"
    ),
}

FORM = {
    "title": "Gwneud cais i Dewch Nôl i Waith Cymdeithasol",
    "introduction": "<p>Mae'n cymryd tua 15 munud. Bydd angen eich CV arnoch.</p>",
    "consent_label": "Rwyf wedi darllen yr hysbysiad preifatrwydd",
}

#: Welsh question labels and hints, by the English label.
QUESTIONS = {
    "Full name": ("Enw llawn", ""),
    "Email address": ("Cyfeiriad e-bost", "Byddwn yn anfon eich cadarnhad yma."),
    "Phone number": ("Rhif ffôn", ""),
    "Postcode": ("Cod post", "Er mwyn i ni awgrymu cynghorau yn agos atoch chi."),
    "Are you a qualified social worker?": ("Ydych chi'n weithiwr cymdeithasol cymwysedig?", ""),
    "When did you last practise as a social worker?": (
        "Pryd wnaethoch chi ymarfer fel gweithiwr cymdeithasol ddiwethaf?",
        "Y diwrnod olaf y buoch yn gweithio mewn swydd gwaith cymdeithasol.",
    ),
    "Do you have the right to work in the UK?": ("Oes gennych chi'r hawl i weithio yn y DU?", ""),
    "Which areas of practice interest you?": ("Pa feysydd ymarfer sydd o ddiddordeb i chi?", ""),
    "Your CV": ("Eich CV", ""),
    "Your details": ("Eich manylion", ""),
    "Your experience": ("Eich profiad", ""),
    "About you": ("Amdanoch chi", ""),
}


def welsh_programme(slug="come-back-to-social-work"):
    """Creates the Welsh programme and form (and the Welsh pages above them) if missing."""
    locale, _created = Locale.objects.get_or_create(language_code=WELSH)
    programme = CampaignPage.objects.filter(slug=slug, locale__language_code="en-gb").first()
    if programme is None or programme.get_translation_or_none(locale) is not None:
        return None
    for ancestor in programme.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(locale) is None:
            ancestor.copy_for_translation(locale).save_revision().publish()
    welsh = programme.copy_for_translation(locale)
    for name, value in PROGRAMME.items():
        setattr(welsh, name, value)
    welsh.save_revision().publish()
    for form in ApplicationFormPage.objects.child_of(programme).live():
        translate_form(form, locale)
    return welsh


def translate_form(form, locale):
    welsh = form.copy_for_translation(locale)
    for name, value in FORM.items():
        setattr(welsh, name, value)
    for question in welsh.form_fields.all():
        label, hint = QUESTIONS.get(question.label, (question.label, question.help_text))
        question.label, question.help_text = label, hint or question.help_text
        question.save()
    welsh.save_revision().publish()
    return welsh
