"""``{% pool_interests application %}``: recruiters' interest in an application's pool profile,
for the applicant's page (the forms layer renders it without importing recruiters)."""

from django import template

from forms.models import PoolProfile
from recruiters.interests import candidate_interests

register = template.Library()


@register.inclusion_tag("tags/pool_interests.html", takes_context=True)
def pool_interests(context, application):
    """Interests while the profile is in the pool (they can be answered only then)."""
    searchable = PoolProfile.objects.searchable().values("pk")
    rows = candidate_interests(application).filter(profile__in=searchable).order_by("-created_at", "-pk")
    return {"application": application, "interests": list(rows), "csrf_token": context.get("csrf_token")}
