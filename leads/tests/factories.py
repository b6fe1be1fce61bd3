"""Stage 5 test data shared by the enrichment tests."""

from identity.tests.factories import BusinessFactory, person_with_contacts
from leads.models import Lead
from leads.services import leads_prepare


def five_leads(team):
    """Five traceable leads of one Austin business, best score first."""
    business = BusinessFactory(team=team, name="Acme", normalized_name="ACME", address="1 Main St", city="Austin",
                               state="TX", zip5="78701", sic_code="1711")  # fmt: skip
    for i, (first, last) in enumerate([("Ann", "Lee"), ("Bo", "Diaz"), ("Cy", "Fox"), ("Di", "Ray"), ("Ed", "Ng")]):
        person_with_contacts(team, first, last, phone=f"51255500{i:02d}", business=business)
    leads_prepare(team=team)
    return list(Lead.objects.for_team(team).order_by("-score", "id"))
