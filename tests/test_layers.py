"""The layers hold: home <- campaigns <- forms <- reviews and recruiters (apart from each other),
demo and accounts on top (apart from each other), search apart (import-linter)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PACKAGES = ["home", "campaigns", "forms", "reviews", "recruiters", "demo", "search", "accounts", "microsite"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(folder):
    return subprocess.run(  # noqa: S603
        [str(LINT_IMPORTS), "--no-cache"], cwd=folder, capture_output=True, text=True, timeout=120
    )


def copy_of_the_project(tmp_path):
    root = Path(settings.BASE_DIR)
    for package in PACKAGES:
        shutil.copytree(root / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(root / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_project_keeps_every_import_contract():
    result = lint_imports(settings.BASE_DIR)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "upward_import", "broken"),
    [
        ("campaigns/models.py", "from forms.models import Application", "campaigns.models -> forms.models"),
        ("home/models.py", "from campaigns.models import CampaignPage", "home.models -> campaigns.models"),
        ("forms/flow.py", "from reviews import permissions", "forms.flow -> reviews.permissions"),
        ("search/views.py", "from forms.models import Application", "search.views -> forms.models"),
        ("reviews/views.py", "from accounts import two_factor", "reviews.views -> accounts.two_factor"),
        ("accounts/views.py", "from demo import loader", "accounts.views -> demo.loader"),
        (
            "forms/views_applicant.py",
            "from recruiters import interests",
            "forms.views_applicant -> recruiters",
        ),
        ("reviews/views.py", "from recruiters import search", "reviews.views -> recruiters.search"),
        ("recruiters/views.py", "from reviews import permissions", "recruiters.views -> reviews.permissions"),
    ],
)
def test_an_import_against_the_layers_breaks_the_contract(tmp_path, module, upward_import, broken):
    project = copy_of_the_project(tmp_path)
    with open(project / module, "a") as source:
        source.write(f"\n\ndef upward():\n    {upward_import}  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert broken in result.stdout
