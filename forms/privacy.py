"""The facts the privacy notice states, read from the same settings and fields the code acts on.

The privacy page shows them through ``{% privacy_facts %}`` (a block editors put on the
page), so the notice cannot say one thing while the purge does another.
"""

from dataclasses import dataclass

from forms import personal_data
from home.models import SiteSettings

NO_SHARING = (
    "This website has no talent pool: your application is seen only by the programme team, and "
    "nothing you give us is shared with employers through this website."
)


@dataclass(frozen=True)
class PrivacyFacts:
    controller: str
    lawful_basis: str
    retention: list  # one sentence per kind of data
    sharing: list  # one sentence per kind shared outside the programme team, or NO_SHARING


def privacy_facts(site):
    settings = SiteSettings.for_site(site)
    kinds = personal_data.kinds()
    shared = [f"{kind.label}: shared with {kind.shared_with}." for kind in kinds if kind.shared_with]
    return PrivacyFacts(
        controller=settings.data_controller,
        lawful_basis=settings.lawful_basis,
        retention=[sentence for kind in kinds for sentence in kind.notice()],
        sharing=shared or [NO_SHARING],
    )
