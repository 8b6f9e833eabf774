"""The demo site renders: the first check that the whole stack hangs together."""

import pytest


@pytest.mark.django_db
def test_home_page_lists_the_three_demo_programmes(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    for title in ("Come Back to Social Work", "Return to Work – ICT", "STEM ReCharge"):
        assert title in response.content.decode()
