"""Makes sure a superuser ``admin`` exists and says how to log in."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create or reset the admin user (password from ADMIN_PASSWORD, else a new one, printed)."

    def handle(self, *args, **options):
        user_model = get_user_model()
        password = os.environ.get("ADMIN_PASSWORD", "")
        user = user_model.objects.filter(username="admin").first()
        generated = not password
        password = password or secrets.token_urlsafe(12)
        if user is None:
            user = user_model.objects.create_superuser("admin", "admin@example.org", password)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        shown = password if generated else "(from ADMIN_PASSWORD)"
        self.stdout.write(self.style.SUCCESS(f"Admin login: admin / {shown}"))
