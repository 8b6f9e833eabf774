"""Subject access: one zip with everything kept about an email address, across programmes.

The zip holds ``data.json`` (every kind's records), one JSON file per kind, the files
(``files/<reference>/…``) and ``summary.txt`` (for people: what was found, how long it is
kept, who the controller is and on what basis). Every kind of personal data in
``forms.personal_data`` is included; each request is audited without the address.
"""

import json
import shutil
import tempfile
import zipfile

from django.utils import timezone
from wagtail.log_actions import log

from forms import personal_data
from forms.models import Application
from forms.storage import private_storage
from home.models import SiteSettings
from reviews.models import DataProtectionRequest, DataRequestAction


def find(email):
    """[(kind, Exported)] for every kind with data for the address (empty if there is none)."""
    found = []
    for kind in personal_data.kinds():
        exported = kind.export(kind.for_email(email))
        if exported.records:
            found.append((kind, exported))
    return found


def references(found):
    return sorted(
        {record["reference"] for _, exported in found for record in exported.records if "reference" in record}
    )


def build_zip(email, found, site):
    """The zip (a temporary file, at its start) of what ``find`` found for the address."""
    out = tempfile.SpooledTemporaryFile(max_size=10 * 1024 * 1024)  # noqa: SIM115 (returned open)
    storage = private_storage()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        everything = {kind.name: exported.records for kind, exported in found}
        archive.writestr("data.json", json.dumps(everything, indent=2, ensure_ascii=False, default=str))
        for kind, exported in found:
            archive.writestr(
                f"{kind.name}.json", json.dumps(exported.records, indent=2, ensure_ascii=False, default=str)
            )
            for path, name in exported.files:
                with storage.open(name) as source, archive.open(path, "w") as target:
                    shutil.copyfileobj(source, target)
        archive.writestr("summary.txt", summary(email, found, site))
    out.seek(0)
    return out


def summary(email, found, site):
    """What was found, for people, with the facts a subject access answer must give."""
    facts = SiteSettings.for_site(site)
    lines = [
        f"Personal data held for {email}",
        f"Prepared on {timezone.localtime():%d/%m/%Y at %H:%M} (UK time)",
        f"Data controller: {facts.data_controller}",
        f"Lawful basis: {facts.lawful_basis}",
        "",
    ]
    for kind, exported in found:
        lines.append(f"{kind.label}: {len(exported.records)} (in {kind.name}.json)")
        for record in exported.records:
            if kind.name == "applications":
                lines.append(
                    f"  {record['reference']}: {record['programme']}, sent {record['submitted_at'][:10]}, "
                    f"status {record['status']}"
                )
    lines += ["", "How long we keep it:"]
    lines += [f"- {sentence}" for kind in personal_data.kinds() for sentence in kind.notice()]
    return "\n".join(lines) + "\n"


def record(found, user):
    """Audits the request (the references and counts, never the address) and each application's history."""
    request = DataProtectionRequest.objects.create(
        action=DataRequestAction.SUBJECT_ACCESS,
        user=user,
        references=references(found),
        counts={kind.name: len(exported.records) for kind, exported in found},
    )
    log(instance=request, action="reviews.subject_access", user=user, data={"counts": request.counts})
    for application in Application.objects.filter(reference__in=request.references):
        log(instance=application, action="application_forms.subject_access", user=user)
    return request
