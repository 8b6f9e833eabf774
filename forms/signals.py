"""Signals the intake sends so higher layers (the review pipeline) can follow without being imported."""

from django.dispatch import Signal

#: An applicant withdrew an application on their own page; sent inside the transaction,
#: with ``application`` (now withdrawn) and ``from_status`` (its status before).
application_withdrawn = Signal()
