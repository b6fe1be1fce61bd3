"""Factories of stage 6: a team with leads LUCI can text, templates and campaigns."""

import factory

from identity.models import PersonaPhone
from identity.tests.factories import BusinessFactory, person_with_contacts
from leads.models import Lead
from leads.services import leads_prepare

from ..models import MessageTemplate

OPENER = "Hi {first_name}, this is {sender_name}: may I text you about {company}? Reply STOP to opt out."


class MessageTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MessageTemplate

    name = factory.Sequence(lambda n: f"Opener {n}")
    body = OPENER


def textable_leads(team, count: int, *, mobile_every: int = 1, state: str = "TX", start: int = 0) -> list[Lead]:
    """Create ``count`` people at one business each, every ``mobile_every``-th with a textable mobile."""
    for i in range(start, start + count):
        business = BusinessFactory(team=team, name=f"Biz {i}", normalized_name=f"BIZ {i}", state=state,
                                   city="Austin", zip5="78701", sic_code="1711", employees=10 + i)  # fmt: skip
        persona = person_with_contacts(team, f"First{i}", f"Last{i}", business=business)
        if i % mobile_every == 0:
            PersonaPhone.objects.create(
                team=team, persona=persona, raw=f"512555{i:04d}", normalized_number=f"512555{i:04d}",
                phone_type="mobile", is_valid=True, is_connected=True,
            )  # fmt: skip
    leads_prepare(team=team)
    return list(Lead.objects.for_team(team).order_by("-score", "id"))
