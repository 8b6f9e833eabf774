"""StreamField blocks shared by every page type."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading editors use to break up long pages."""

    text = blocks.CharBlock(max_length=120, help_text="The heading text.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (h2)"), ("h3", "Sub-section (h3)")],
        default="h2",
        help_text="Use h2 for sections and h3 inside them, so screen readers can navigate.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Who can apply", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alternative text and an optional caption."""

    image = ImageBlock(help_text="Choose an image and describe it for people who cannot see it.")
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class CaseStudyBlock(blocks.StructBlock):
    """A quote or short case study from a returner, council or partner."""

    quote = blocks.TextBlock(help_text="The person's words, without quotation marks.")
    name = blocks.CharBlock(max_length=120, help_text="Who said it.")
    role = blocks.CharBlock(required=False, max_length=200, help_text="Their role or council.")
    image = ImageBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/case_study_block.html"
        preview_value = {
            "quote": "Coming back felt daunting, but the training made it possible.",
            "name": "A returner",
            "role": "Social worker",
        }


class FAQItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])


class FAQBlock(blocks.StructBlock):
    """Frequently asked questions shown as an accessible accordion (details/summary)."""

    heading = blocks.CharBlock(default="Frequently asked questions", max_length=120)
    items = blocks.ListBlock(FAQItemBlock())

    class Meta:
        icon = "help"
        template = "blocks/faq_block.html"


class FigureBlock(blocks.StructBlock):
    """A headline figure (e.g. a vacancy rate) with its source."""

    value = blocks.CharBlock(max_length=40, help_text='The figure, e.g. "1,700".')
    description = blocks.CharBlock(max_length=250, help_text="What the figure measures.")
    source = blocks.CharBlock(max_length=250, help_text="Where the figure comes from.")
    source_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "table"
        template = "blocks/figure_block.html"
        preview_value = {
            "value": "1,700",
            "description": "adult social worker vacancies in England in 2015",
            "source": "Skills for Care",
        }


class CallToActionBlock(blocks.StructBlock):
    """A prominent link that tells the reader what to do next."""

    text = blocks.CharBlock(max_length=80, help_text='Say what happens, e.g. "Apply now".')
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"


class VideoBlock(blocks.StructBlock):
    """An embedded video with a text description for people who cannot watch it."""

    video = EmbedBlock(help_text="A YouTube or Vimeo address.")
    transcript = blocks.TextBlock(required=False, help_text="A summary or transcript.")

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document such as a guide or a role profile."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, max_length=200, help_text="Defaults to the document title.")

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body editors build campaign, council, article and standard pages from."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    case_study = CaseStudyBlock()
    faq = FAQBlock()
    figure = FigureBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()


class PrivacyFactsBlock(blocks.StaticBlock):
    """The privacy notice's facts (controller, lawful basis, how long each kind of data is kept,
    sharing), filled in from the site's settings and each form's retention fields."""

    class Meta:
        icon = "lock"
        template = "blocks/privacy_facts_block.html"
        admin_text = (
            "Shows who the data controller is, the lawful basis, how long each kind of data is kept and "
            "who it is shared with, from Site settings and each application form's retention fields."
        )
        label = "Privacy facts (from settings)"


class StandardPageStreamBlock(BaseStreamBlock):
    """The body of standard pages: the shared blocks, plus the privacy facts for the privacy notice."""

    privacy_facts = PrivacyFactsBlock()
