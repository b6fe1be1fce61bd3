"""Browser tests: pytest-playwright driving Debian's chromium (see reference/browser-tests.md).

Never ``playwright install``: the browser is the system's ``/usr/bin/chromium``. Where it is missing the
whole folder is skipped; ``.ci/run`` installs it, so CI always runs these tests.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
HERE = Path(__file__).parent

# Playwright's sync API keeps an asyncio loop running for the whole session; without this Django refuses
# database calls from the test thread (SynchronousOnlyOperation), including the flush at teardown.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason="Debian chromium (/usr/bin/chromium) is not installed; .ci/run installs it")
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def console(page: Page, live_server, operator) -> Page:
    """A browser page logged in to the live console as the Acme operator, through the login form."""
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/login/?next=/")
    page.get_by_label("Username").fill("olivia")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Journey of Acme Sales")
    return page
