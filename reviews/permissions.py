"""Who may see, change, export and delete which applications.

A user holds an action on a programme when ONE of their groups grants both:
- the action's permission (``Action.permission``), set under "Object permissions" on the
  group's page in Settings → Groups, and
- the programme, set under "Programme access" on the same page (a ProgrammeAccess row).

So the programmes a user holds an action on are the union, over the user's groups, of the
group's programmes when the group has the action's permission; a permission from one group
never combines with another group's programmes, and a permission given to the user directly
(not through a group) grants no programme. Superusers hold every action on every programme.
Every check (listing, inspect, status, notes, files, export, delete, equality answers,
dashboard, Wagtail's Forms listing) asks the same question: ``granted_programmes``.
"""

from django.contrib.auth.models import Permission
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from wagtail_modeladmin.helpers import PermissionHelper

from campaigns.models import CampaignPage
from forms.models import Application, ApplicationFormPage
from reviews.models import ProgrammeAccess


class Action(models.TextChoices):
    """What a user does with applications; each needs its own permission on the programme."""

    VIEW = "view", "view"
    CHANGE = "change", "change"
    DELETE = "delete", "delete"
    EXPORT = "export", "export"
    VIEW_EQUALITY = "view_equality", "view equality monitoring answers"

    @property
    def permission(self):
        """The permission ("app_label.codename") a group needs for this action."""
        return PERMISSIONS[self]


# Exporting is a permission of the reviews app (on ProgrammeAccess); the others are the forms app's.
EXPORT_PERMISSION = "reviews.export_application"
EQUALITY_PERMISSION = "application_forms.view_equality_data"
PERMISSIONS = {
    Action.VIEW: "application_forms.view_application",
    Action.CHANGE: "application_forms.change_application",
    Action.DELETE: "application_forms.delete_application",
    Action.EXPORT: EXPORT_PERMISSION,
    Action.VIEW_EQUALITY: EQUALITY_PERMISSION,
}


def granted_programmes(user, action):
    """The ids of the programmes on which ``user`` holds ``action`` (a lazy subquery), or None
    for an active superuser (every programme, applications without a programme included)."""
    if not (user.is_active and user.is_authenticated):
        return ProgrammeAccess.objects.none().values("programme_id")
    if user.is_superuser:
        return None
    app_label, codename = Action(action).permission.split(".")
    # One filter() call: the user, the permission and the programme all belong to the same group.
    return ProgrammeAccess.objects.filter(
        group__user=user,
        group__permissions__content_type__app_label=app_label,
        group__permissions__codename=codename,
    ).values("programme_id")


def scoped(queryset, user, action, field="programme_id"):
    """``queryset`` narrowed to rows whose programme (``field``) the user holds ``action`` on."""
    programmes = granted_programmes(user, action)
    return queryset if programmes is None else queryset.filter(**{f"{field}__in": programmes})


def holds_anywhere(user, action):
    """Whether the user holds ``action`` on at least one programme (one query, none for superusers)."""
    programmes = granted_programmes(user, action)
    return programmes is None or programmes.exists()


def applications_for_user(user, action=Action.VIEW, purpose=None):
    """The applications ``user`` may act on with ``action``, optionally of one form purpose."""
    queryset = Application.objects.all()
    if purpose:
        queryset = queryset.filter(page__in=ApplicationFormPage.objects.filter(purpose=purpose).values("pk"))
    return scoped(queryset, user, action)


def programmes_for_user(user, action=Action.VIEW):
    """The programmes (CampaignPages) on which the user holds ``action``."""
    return scoped(CampaignPage.objects.all(), user, action, field="pk")


def registered_permissions():
    """Permissions editors can give groups in Settings → Groups, beyond Application's own."""
    return Permission.objects.filter(
        Q(content_type__app_label="reviews", codename="export_application")
        | Q(content_type__app_label="application_forms", codename="view_equality_data")
        | Q(content_type__app_label="reviews", codename="handle_data_protection")
    )


def filter_form_pages_for_user(user, form_pages):
    """Limits Wagtail's own Forms listing to form pages of the programmes the user may view."""
    if granted_programmes(user, Action.VIEW) is None:
        return form_pages
    paths = list(programmes_for_user(user, Action.VIEW).values_list("path", flat=True))
    if not paths:
        return form_pages.none()
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    return form_pages.filter(under)


class ApplicationPermissionHelper(PermissionHelper):
    """Modeladmin permission checks scoped to the user's programmes; no create or edit forms."""

    purpose = None

    def user_can_list(self, user):
        return holds_anywhere(user, Action.VIEW)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_inspect_obj(self, user, obj):
        return self._in_scope(user, obj, Action.VIEW)

    def user_can_delete_obj(self, user, obj):
        return self._in_scope(user, obj, Action.DELETE)

    def _in_scope(self, user, obj, action):
        return applications_for_user(user, action, self.purpose).filter(pk=obj.pk).exists()


class ProgrammeRights:
    """The programmes a user holds one action on, read once (for per-row checks in a listing)."""

    def __init__(self, user, action):
        self.user, self.action = user, action

    @cached_property
    def _ids(self):
        programmes = granted_programmes(self.user, self.action)
        return None if programmes is None else frozenset(programmes.values_list("programme_id", flat=True))

    def __contains__(self, programme_id):
        return self._ids is None or programme_id in self._ids
