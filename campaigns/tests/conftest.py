"""Stage 6 is gated on the team having an active number to text from (``usdatabiz/pipeline.py`` ``GATES``);
these tests are about block formation and approval, so every test team gets one. The gate itself is tested in
``messaging/tests/test_sender_numbers.py``."""

import pytest


@pytest.fixture(autouse=True)
def _teams_can_text(request):
    from messaging.tests.factories import sender_number_for

    for name, number in (("team", "5125550100"), ("other_team", "3125550100")):
        if name in request.fixturenames:
            sender_number_for(request.getfixturevalue(name), number)
