"""Preview data for pages with StreamFields, which Wagtail's edit view renders in JavaScript."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

STREAM_CONTENT = {
    "body": [("paragraph", rich_text("<p>Previewed words.</p>"))],
    "key_dates": [("key_date", {"label": "Training starts", "date": "2030-01-31", "note": ""})],
    "roles": [
        (
            "role",
            {
                "title": "Developer",
                "level": "Practitioner",
                "description": "Builds.",
                # A ListBlock posts as a count and numbered items.
                "skills": {"count": "1", "0": {"value": "Prototyping", "deleted": "", "order": "0"}},
            },
        )
    ],
    "quotes": [("quote", {"quote": "Previewed quote.", "name": "A Person", "role": "A role"})],
}


def preview_post_data(testcase, page):
    """The edit form's fields as a browser would post them, with each StreamField filled in."""
    user_model = get_user_model()
    user = user_model.objects.filter(username="previewer").first()
    testcase.client.force_login(user or testcase.create_superuser("previewer"))
    html = testcase.client.get(reverse("wagtailadmin_pages:edit", args=[page.id])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form").copy()
    streams = {
        field.name: streamfield(STREAM_CONTENT[field.name])
        for field in page._meta.get_fields()
        if isinstance(field, StreamField)
    }
    for key, value in nested_form_data(streams).items():
        data[key] = value
    return data


def assert_page_is_previewable(testcase, page):
    """Wagtail's assertPageIsPreviewable, with post data that includes the StreamFields."""
    testcase.assertPageIsPreviewable(page, post_data=preview_post_data(testcase, page))
