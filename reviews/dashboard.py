"""The admin home panel: for each programme the user may see, its applications at a glance."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone
from wagtail.admin.ui.components import Component

from campaigns.models import CampaignPage
from forms.choices import Window
from forms.models import Application, ApplicationFormPage, ApplicationStatus, FormPurpose
from reviews.permissions import Action, programmes_for_user

CHART_DAYS = 30
CHART_WIDTH = 300
CHART_HEIGHT = 80


@dataclass
class ProgrammeFigures:
    """What the panel shows for one programme."""

    programme: CampaignPage
    per_day: list  # [(date, count)], oldest first, one entry per day
    by_status: list  # [(label, count)] in pipeline order
    total: int
    days_left: int | None
    places_left: int | None
    bars: list = field(default_factory=list)


def visible_programmes(user):
    """The programmes whose applications the user may see, by title."""
    return programmes_for_user(user, Action.VIEW).order_by("title")


def programme_figures(programme, now=None):
    """Counts for ``programme``'s applications (not council sign-ups) at ``now``."""
    now = now or timezone.now()
    forms = ApplicationFormPage.objects.filter(purpose=FormPurpose.APPLICATION)
    applications = Application.objects.filter(programme=programme, page__in=forms.values("pk"))
    today = timezone.localdate(now)
    first_day = today - timedelta(days=CHART_DAYS - 1)
    daily = dict(
        applications.filter(submit_time__date__gte=first_day, submit_time__date__lte=today)
        .annotate(day=TruncDate("submit_time"))
        .values_list("day")
        .annotate(count=Count("pk"))
        .order_by()
    )
    per_day = [
        (first_day + timedelta(days=n), daily.get(first_day + timedelta(days=n), 0))
        for n in range(CHART_DAYS)
    ]
    statuses = dict(applications.values_list("status").annotate(count=Count("pk")).order_by())
    by_status = [(label, statuses.get(value, 0)) for value, label in ApplicationStatus.choices]
    form_page = forms.child_of(programme).live().with_places_taken().order_by("path").first()
    days_left, places_left = window_figures(form_page, programme, statuses, now)
    figures = ProgrammeFigures(programme, per_day, by_status, sum(statuses.values()), days_left, places_left)
    figures.bars = chart_bars(per_day)
    return figures


def window_figures(form_page, programme, statuses, now):
    """Days until the form closes (None without a deadline) and places left (None if unlimited).

    Places come from the form's own cap when it has one (``places_taken``, annotated by
    ``with_places_taken`` as the form counts them), else from the programme's places less the
    applications offered or placed.
    """
    if form_page is None:
        return None, None
    state = form_page.window_state(now, places_taken=form_page.places_taken)
    days_left = state.days_left if state.closes_at and state.state != Window.CLOSED else None
    places_left = None
    if form_page.places is not None:
        places_left = max(form_page.places - form_page.places_taken, 0)
    elif programme.places is not None:
        taken = statuses.get(ApplicationStatus.OFFERED, 0) + statuses.get(ApplicationStatus.PLACED, 0)
        places_left = max(programme.places - taken, 0)
    return days_left, places_left


def chart_bars(per_day):
    """Bar geometry for the inline SVG chart (no script): x, y, width, height, day, count."""
    peak = max((count for _, count in per_day), default=0) or 1
    width = CHART_WIDTH / len(per_day)
    bars = []
    for index, (day, count) in enumerate(per_day):
        height = round(count / peak * (CHART_HEIGHT - 4), 1)
        bars.append(
            {
                "x": round(index * width, 1),
                "y": round(CHART_HEIGHT - height, 1),
                "width": round(width - 1, 1),
                "height": height,
                "day": day,
                "count": count,
            }
        )
    return bars


class ApplicationsDashboardPanel(Component):
    """A panel on the admin home: per programme, applications per day, by status, time and places left."""

    name = "programme_applications"
    order = 90
    template_name = "reviews/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        programmes = visible_programmes(self.request.user)
        return {
            "figures": [programme_figures(programme) for programme in programmes],
            "chart_width": CHART_WIDTH,
            "chart_height": CHART_HEIGHT,
            "chart_days": CHART_DAYS,
        }

    def render_html(self, parent_context=None):
        """Renders nothing for users without any programme."""
        if not visible_programmes(self.request.user).exists():
            return ""
        return super().render_html(parent_context)
