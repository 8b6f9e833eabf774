"""The admin home panel: for each programme the user may see, its applications at a glance."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone
from wagtail.admin.ui.components import Component

from campaigns.models import CampaignPage
from forms.intakes import ProgrammePlaces
from forms.models import (
    Application,
    ApplicationFormPage,
    FormPurpose,
    WindowState,
    statuses_for,
)
from reviews.permissions import Action, programmes_for_user

CHART_DAYS = 30
CHART_WIDTH = 300
CHART_HEIGHT = 80
# Room around the bars for the axes' labels: the counts on the left, the dates below.
CHART_LEFT = 28
CHART_BOTTOM = 18


@dataclass
class ProgrammeFigures:
    """What the panel shows for one programme."""

    programme: CampaignPage
    per_day: list  # [(date, count)], oldest first, one entry per day
    by_status: list  # [(label, count)] in pipeline order
    total: int
    window: WindowState | None  # the current intake's form at the moment of the figures
    places: ProgrammePlaces  # the programme's places, filled by the current intake's offers
    bars: list = field(default_factory=list)
    axis: dict = field(default_factory=dict)

    @property
    def days_left(self):
        """Days until the current intake closes (None when closed, not yet open or without a deadline)."""
        if self.window is None or not self.window.is_open:
            return None
        return self.window.days_left

    @property
    def places_left(self):
        return self.places.left

    @property
    def limit_left(self):
        """Applications the current intake's application limit still allows (None without a limit)."""
        return None if self.window is None else self.window.places_left


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
    by_status = [(status.label, statuses.get(status, 0)) for status in statuses_for(FormPurpose.APPLICATION)]
    form_page = forms.child_of(programme).live().with_places_taken().order_by("-path").first()
    window, filled = None, 0
    if form_page is not None:
        window = form_page.window_state(now, places_taken=form_page.places_taken)
        filled = form_page.places_filled
    figures = ProgrammeFigures(
        programme,
        per_day,
        by_status,
        sum(statuses.values()),
        window,
        ProgrammePlaces(programme.places, filled),
    )
    figures.bars = chart_bars(per_day)
    figures.axis = chart_axis(per_day)
    return figures


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


def chart_axis(per_day):
    """The chart's axes: the busiest day's count (top of the count axis) and the first and last days."""
    peak = max((count for _, count in per_day), default=0)
    return {"peak": peak, "first_day": per_day[0][0], "last_day": per_day[-1][0]}


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
            "chart_left": CHART_LEFT,
            "svg_width": CHART_LEFT + CHART_WIDTH,
            "svg_height": CHART_HEIGHT + CHART_BOTTOM,
            "chart_days": CHART_DAYS,
        }

    def render_html(self, parent_context=None):
        """Renders nothing for users without any programme."""
        if not visible_programmes(self.request.user).exists():
            return ""
        return super().render_html(parent_context)
