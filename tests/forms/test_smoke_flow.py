import pytest

from forms.models import Application, ApplicationFile

from .conftest import apply


@pytest.mark.django_db
def test_applicant_completes_the_flow_and_gets_a_reference(client, form_page):
    response = apply(client, form_page)
    assert response.status_code == 303
    assert response["Location"].endswith("/confirmation/")
    confirmation = client.get(response["Location"])
    application = Application.objects.get()
    assert application.reference in confirmation.content.decode()
    assert ApplicationFile.objects.get().application == application
