"""Reading a Content-Security-Policy header, and a video page whose embed needs no network."""

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from home.factories import StandardPageFactory

VIDEO_URL = "https://www.youtube.com/watch?v=rtw-test-video"
VIDEO_HTML = (
    '<iframe width="480" height="270" src="https://www.youtube.com/embed/rtw-test-video" '
    'title="Returning to social work" allowfullscreen></iframe>'
)


def directives(header):
    """The policy as {directive: [sources]}."""
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def video_page(parent):
    """A standard page with a YouTube video, its embed already fetched (as Wagtail caches it)."""
    Embed.objects.update_or_create(
        hash=get_embed_hash(VIDEO_URL),
        defaults={"url": VIDEO_URL, "type": "video", "html": VIDEO_HTML, "width": 480, "height": 270},
    )
    body = [("video", {"video": VIDEO_URL, "transcript": "A returner talks about coming back."})]
    return StandardPageFactory(parent=parent, title="Watch: coming back", slug="watch", body=body)
