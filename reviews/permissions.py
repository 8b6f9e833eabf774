"""Who may see, change, export and delete which applications.

A user acts on an application only when both hold:
- one of their groups has the model permission for the action (``view_application``,
  ``change_application``, ``delete_application``, ``export_application``), set under
  "Object permissions" on the group's page in Settings → Groups;
- one of their groups is granted the application's programme, set under "Programme access"
  on the same page (a ProgrammeAccess row).
Superusers act on every programme. Equality-monitoring answers need ``view_equality_data`` too.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail_modeladmin.helpers import PermissionHelper

from forms.models import Application, ApplicationFormPage
from reviews.models import ProgrammeAccess

ACTIONS = ("view", "change", "delete", "export")
EQUALITY_PERMISSION = "application_forms.view_equality_data"
# Exporting is a permission of the reviews app (on ProgrammeAccess); the others are Application's.
EXPORT_PERMISSION = "reviews.export_application"


def has_action_permission(user, action):
    """Whether the user holds the model permission for ``action`` on applications."""
    if not (user.is_active and user.is_authenticated):
        return False
    if action == "export":
        return user.has_perm(EXPORT_PERMISSION)
    return user.has_perm(f"application_forms.{action}_application")


def programme_ids_for_user(user):
    """The ids of the programmes the user's groups are granted (None for every programme)."""
    if user.is_superuser:
        return None
    cached = getattr(user, "_programme_ids_cache", None)
    if cached is None:
        cached = frozenset(
            ProgrammeAccess.objects.filter(group__user=user).values_list("programme_id", flat=True)
        )
        user._programme_ids_cache = cached
    return cached


def applications_for_user(user, action="view", purpose=None):
    """The applications ``user`` may act on with ``action``, optionally of one form purpose."""
    queryset = Application.objects.all()
    if purpose:
        queryset = queryset.filter(page__in=ApplicationFormPage.objects.filter(purpose=purpose).values("pk"))
    if not has_action_permission(user, action):
        return queryset.none()
    programmes = programme_ids_for_user(user)
    if programmes is None:
        return queryset
    return queryset.filter(programme_id__in=programmes)


def can_view_equality(user):
    """Whether the user may see equality-monitoring answers (on top of seeing the application)."""
    return user.is_active and user.has_perm(EQUALITY_PERMISSION)


def registered_permissions():
    """Permissions editors can give groups in Settings → Groups, beyond Application's own."""
    return Permission.objects.filter(
        Q(content_type__app_label="reviews", codename="export_application")
        | Q(content_type__app_label="application_forms", codename="view_equality_data")
    )


def filter_form_pages_for_user(user, form_pages):
    """Limits Wagtail's own Forms listing to form pages of the user's programmes."""
    from campaigns.models import CampaignPage

    programmes = programme_ids_for_user(user)
    if programmes is None:
        return form_pages
    if not (programmes and has_action_permission(user, "view")):
        return form_pages.none()
    paths = CampaignPage.objects.filter(pk__in=programmes).values_list("path", flat=True)
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    return form_pages.filter(under)


class ApplicationPermissionHelper(PermissionHelper):
    """Modeladmin permission checks scoped to the user's programmes; no create or edit forms."""

    purpose = None

    def user_can_list(self, user):
        programmes = programme_ids_for_user(user)
        return has_action_permission(user, "view") and (programmes is None or bool(programmes))

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_inspect_obj(self, user, obj):
        return self._in_scope(user, obj, "view")

    def user_can_delete_obj(self, user, obj):
        return self._in_scope(user, obj, "delete")

    def _in_scope(self, user, obj, action):
        return applications_for_user(user, action, self.purpose).filter(pk=obj.pk).exists()
