import factory

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from usdatabiz.core.tests.factories import TeamFactory


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Business

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Business {n} LLC")
    normalized_name = factory.LazyAttribute(lambda b: b.name.upper().replace(" LLC", ""))
    state = "TX"
    zip5 = "78701"


class PersonaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persona

    team = factory.SubFactory(TeamFactory)
    first_name = "John"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    normalized_first_name = factory.LazyAttribute(lambda p: p.first_name.upper())
    normalized_last_name = factory.LazyAttribute(lambda p: p.last_name.upper())
    state = "TX"
    zip5 = "78701"


class PersonaPhoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonaPhone

    persona = factory.SubFactory(PersonaFactory)
    team = factory.LazyAttribute(lambda o: o.persona.team)
    normalized_number = factory.Sequence(lambda n: f"512555{n % 10000:04d}")
    raw = factory.LazyAttribute(lambda o: o.normalized_number)


class PersonaEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonaEmail

    persona = factory.SubFactory(PersonaFactory)
    team = factory.LazyAttribute(lambda o: o.persona.team)
    email = factory.Sequence(lambda n: f"person{n}@example.com")


class BusinessOwnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BusinessOwner

    persona = factory.SubFactory(PersonaFactory)
    team = factory.LazyAttribute(lambda o: o.persona.team)
    business = factory.SubFactory(BusinessFactory, team=factory.SelfAttribute("..team"))
    title = "Owner"


def person_with_contacts(team, first, last, *, phone=None, email=None, business=None, **kwargs):
    """Create a persona with an optional phone, email and business link."""
    persona = PersonaFactory(team=team, first_name=first, last_name=last, **kwargs)
    if phone:
        PersonaPhoneFactory(persona=persona, team=team, normalized_number=phone)
    if email:
        PersonaEmailFactory(persona=persona, team=team, email=email)
    if business:
        BusinessOwnerFactory(persona=persona, team=team, business=business)
    return persona
