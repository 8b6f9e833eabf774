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
    "time_needed": "tua 15 munud",
    "reply_time": "cyn pen 10 diwrnod gwaith ar ôl y dyddiad cau",
    "upcoming_message": "<p>Dewch yn ôl pan fydd ceisiadau'n agor, neu darllenwch am y rhaglen.</p>",
    "closed_message": (
        "<p>Mae ceisiadau ar gyfer y garfan hon wedi cau. Bydd carfanau'r dyfodol yn cael eu "
        "cyhoeddi ar y wefan hon.</p>"
    ),
    "thank_you_text": (
        "<p>Mae tîm y rhaglen yn darllen pob cais a bydd yn anfon e-bost atoch cyn pen 10 diwrnod "
        "gwaith i ddweud a ydych ar y rhestr fer ar gyfer cyfweliad.</p>"
    ),
}

PREFER_NOT = "Mae'n well gennyf beidio â dweud"

#: The Welsh of each question, by its English label: its label and hint, and where the
#: question has them, its choices, the answers that meet its rule, the reason shown when an
#: answer does not, and the name its error messages use.
QUESTIONS = {
    "Full name": {"label": "Enw llawn"},
    "Email address": {"label": "Cyfeiriad e-bost", "help_text": "Byddwn yn anfon eich cadarnhad yma."},
    "Phone number": {"label": "Rhif ffôn", "help_text": "Rhif yn y DU."},
    "Postcode": {"label": "Cod post", "help_text": "Er mwyn i ni awgrymu cynghorau yn agos atoch chi."},
    "Are you a qualified social worker?": {
        "label": "Ydych chi'n weithiwr cymdeithasol cymwysedig?",
        "choices": "Ydw\nNac ydw",
        "eligible_answers": "Ydw",
        "not_eligible_reason": (
            "Mae'r rhaglen hon ar gyfer pobl a gymhwysodd fel gweithwyr cymdeithasol yn y DU."
        ),
    },
    "When did you last practise as a social worker?": {
        "label": "Pryd wnaethoch chi ymarfer fel gweithiwr cymdeithasol ddiwethaf?",
        "help_text": (
            "Y diwrnod olaf y buoch yn gweithio mewn swydd gwaith cymdeithasol. Mae eich amcangyfrif "
            "gorau yn iawn. Er enghraifft, 27 3 2022."
        ),
        "error_name": "Y dyddiad y gadawoch waith cymdeithasol",
        "not_eligible_reason": (
            "Mae'r garfan hon ar gyfer gweithwyr cymdeithasol a fu'n ymarfer ddiwethaf rhwng 2 a 5 "
            "mlynedd yn ôl. Os gwnaethoch adael yn fwy diweddar, gallwch wneud cais am swyddi gwag "
            "mewn cynghorau yn uniongyrchol; os gwnaethoch adael yn hirach yn ôl, cofrestrwch i gael "
            "newyddion am garfanau'r dyfodol."
        ),
    },
    "Do you have the right to work in the UK?": {
        "label": "Oes gennych chi'r hawl i weithio yn y DU?",
        "choices": "Oes\nNac oes",
        "eligible_answers": "Oes",
        "not_eligible_reason": "Mae angen yr hawl i weithio yn y DU arnoch i gymryd rhan yn y rhaglen.",
    },
    "Which areas of practice interest you?": {
        "label": "Pa feysydd ymarfer sydd o ddiddordeb i chi?",
        "choices": "Oedolion\nPlant a theuluoedd\nIechyd meddwl\nAnabledd dysgu",
    },
    "Why do you want to return?": {
        "label": "Pam rydych chi am ddychwelyd?",
        "help_text": "Beth rydych yn ei golli am y gwaith a beth y byddech yn dod ag ef yn ôl iddo.",
        "error_name": "Pam rydych am ddychwelyd",
    },
    "Your CV": {
        "label": "Eich CV",
        "help_text": "Cynhwyswch eich seibiant gyrfa: ni fyddwn yn eich barnu amdano.",
    },
    "Your details": {"label": "Eich manylion"},
    "Your experience": {"label": "Eich profiad"},
    "About you": {"label": "Amdanoch chi"},
    "How did you hear about the programme?": {
        "label": "Sut clywsoch chi am y rhaglen?",
        "choices": "Gwefan cyngor\nCyfryngau cymdeithasol\nFfrind neu gydweithiwr\nCorff proffesiynol\nArall",
    },
    "What is your age?": {
        "label": "Beth yw eich oedran?",
        "choices": f"Dan 25\n25 i 34\n35 i 44\n45 i 54\n55 i 64\n65 neu hŷn\n{PREFER_NOT}",
    },
    "What is your sex?": {"label": "Beth yw eich rhyw?", "choices": f"Benyw\nGwryw\n{PREFER_NOT}"},
    "Do you consider yourself to have a disability or long-term health condition?": {
        "label": "Ydych chi'n ystyried bod gennych anabledd neu gyflwr iechyd hirdymor?",
        "choices": f"Ydw\nNac ydw\n{PREFER_NOT}",
    },
    "What is your ethnic group?": {
        "label": "Beth yw eich grŵp ethnig?",
        "choices": (
            "Asiaidd neu Asiaidd Prydeinig\nDu, Du Prydeinig, Caribïaidd neu Affricanaidd\n"
            f"Grwpiau ethnig cymysg neu luosog\nGwyn\nGrŵp ethnig arall\n{PREFER_NOT}"
        ),
    },
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
        for name, value in QUESTIONS.get(question.label, {}).items():
            setattr(question, name, value)
        question.save()
    welsh.save_revision().publish()
    return welsh
