"""The 404 page keeps the site's layout; the 500 page stands alone (it must render when nothing else can)."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import get_template
from django.test import RequestFactory
from django.views.defaults import server_error


@pytest.mark.django_db
def test_404_page_has_status_404_and_the_site_layout(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "en-GB"
    assert html.title.get_text().startswith("Page not found")
    assert html.h1.get_text(strip=True) == "Page not found"
    assert html.select_one("a.skip-link")["href"] == "#main-content"
    assert html.find("main", id="main-content")
    assert html.select_one("header.site-header form[role=search]")
    assert [a.get_text(strip=True) for a in html.select("nav.primary-nav a")] == [
        "Home",
        "Programmes",
        "About",
    ]
    assert html.select_one("footer.site-footer a[href='/accessibility/']")
    assert html.find("a", href="/search/")


@pytest.mark.django_db
def test_404_for_a_missing_child_of_a_real_page(client, demo_site):
    response = client.get("/programmes/come-back-to-social-work/no-such-news/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_500_page_is_self_contained():
    source = get_template("500.html").template.source
    assert "{% extends" not in source
    assert "{% load" not in source
    assert "{%" not in source and "{{" not in source
    html = BeautifulSoup(source, "html.parser")
    assert html.html["lang"] == "en-GB"
    assert html.find("link", rel="stylesheet") is None
    assert not html.find_all("script")
    assert html.find("main").h1.get_text(strip=True) == "Sorry, there is a problem with the service"
    assert html.find("a", href="/")


def test_500_handler_renders_the_500_page_without_a_database():
    response = server_error(RequestFactory().get("/broken/"))
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content
