"""Every environment variable the settings read is listed in ``.env.example`` with its default."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_every_variable_the_settings_read_is_in_env_example():
    settings_source = (REPO / "usdatabiz" / "settings.py").read_text()
    read = set(re.findall(r"\benv(?:_bool|_int|_float)?\(\s*\"([A-Z][A-Z0-9_]*)\"", settings_source))
    assert {"SECRET_KEY", "DEBUG", "DJANGO_DEBUG", "SECURE_HSTS_SECONDS", "AXES_FAILURE_LIMIT"} <= read
    listed = (REPO / ".env.example").read_text()
    missing = sorted(name for name in read if not re.search(rf"\b{name}\b", listed))
    assert missing == []
