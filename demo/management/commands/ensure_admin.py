"""Makes sure the admin user (and the demo reviewers and recruiter) exist and says how to log in."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from demo.people import DEMO_RECRUITER

# Demo reviewers: each sees only the applications of the programme their group grants.
DEMO_REVIEWERS = {
    "socialwork.reviewer": "Come Back to Social Work reviewers",
    "stem.reviewer": "STEM ReCharge reviewers",
}


class Command(BaseCommand):
    help = (
        "Create or reset the admin user and the demo reviewers (password from ADMIN_PASSWORD, "
        "which must pass the password validators, else a new one, printed)."
    )

    def handle(self, *args, **options):
        password = os.environ.get("ADMIN_PASSWORD", "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        else:
            refuse_weak_password(password)
        self.set_user("admin", password, superuser=True)
        reviewers = []
        for username, group_name in DEMO_REVIEWERS.items():
            group = Group.objects.filter(name=group_name).first()
            if group is not None:
                self.set_user(username, password).groups.add(group)
                reviewers.append(username)
        recruiter = recruiter_user()
        if recruiter is not None:
            recruiter.set_password(password)
            recruiter.save(update_fields=["password"])
        shown = password if generated else "(from ADMIN_PASSWORD)"
        self.stdout.write(self.style.SUCCESS(f"Admin login: admin / {shown}"))
        for username in reviewers:
            self.stdout.write(f"Reviewer login: {username} / {shown} ({DEMO_REVIEWERS[username]})")
        if recruiter is not None:
            organisation = recruiter.recruiter.organisation
            self.stdout.write(
                f"Recruiter login: {recruiter.username} / {shown} ({organisation}, at /recruiters/)"
            )

    def set_user(self, username, password, superuser=False):
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            email = f"{username}@example.org"
            create = user_model.objects.create_superuser if superuser else user_model.objects.create_user
            user = create(username, email, password)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        return user


def recruiter_user():
    """The demo recruiter's user, once load_demo_content has made it (else None)."""
    return get_user_model().objects.filter(username=DEMO_RECRUITER["email"], recruiter__isnull=False).first()


def refuse_weak_password(password):
    """Runs Django's password validators for every user the password is given to."""
    user_model = get_user_model()
    for username in ["admin", *DEMO_REVIEWERS, DEMO_RECRUITER["email"]]:
        try:
            validate_password(password, user_model(username=username, email=f"{username}@example.org"))
        except ValidationError as error:
            reasons = " ".join(error.messages)
            raise CommandError(
                f"ADMIN_PASSWORD is too weak: {reasons} Choose a stronger one, or leave ADMIN_PASSWORD "
                "unset to have one generated."
            ) from error
