"""Counts of application POSTs per window, for the rate limit when there is no shared cache."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone


class PostCountQuerySet(models.QuerySet):
    def hit(self, key, expires_at):
        """Adds one to ``key``'s count (a new row expires at ``expires_at``); returns the count.

        The UPDATE keeps the row locked until the transaction ends, so the count read back
        holds this POST and every one before it, whichever process sent them.
        """
        with transaction.atomic():
            if not self.filter(key=key).update(count=F("count") + 1):
                try:
                    with transaction.atomic():
                        self.create(key=key, count=1, expires_at=expires_at)
                except IntegrityError:  # another process created it first
                    self.filter(key=key).update(count=F("count") + 1)
                else:
                    self.filter(expires_at__lt=timezone.now()).delete()
                    return 1
            return self.filter(key=key).values_list("count", flat=True).get()


class PostCount(models.Model):
    """How many application POSTs one session or address sent in one window (see forms.ratelimit)."""

    key = models.CharField(max_length=100, unique=True, help_text="A hash: never the address or session.")
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    objects = PostCountQuerySet.as_manager()

    class Meta:
        verbose_name = "application POST count"

    def __str__(self):
        return f"{self.count} until {self.expires_at:%H:%M}"
