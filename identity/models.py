"""Businesses, personas and their contact points, as normalized from source rows (stage 2).

Every record keeps ``source_file`` (the stored file's name) and ``source_record_id`` (its CSV row
number) so that any value can be traced back to the line it came from.
"""

from django.db import models

from usdatabiz.core.ids import PrefixedULIDField
from usdatabiz.core.models import TeamScoped


class SourceTraced(TeamScoped):
    source_file = models.CharField(max_length=255, blank=True)
    source_record_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        abstract = True


class Business(SourceTraced):
    id = PrefixedULIDField(prefix="biz")
    name = models.CharField(max_length=255)
    normalized_name = models.CharField(max_length=255, db_index=True)
    dba = models.CharField(max_length=255, blank=True)
    address = models.CharField(max_length=255, blank=True)
    city = models.CharField(max_length=120, blank=True)
    state = models.CharField(max_length=2, blank=True)
    zip5 = models.CharField(max_length=5, blank=True)
    zip4 = models.CharField(max_length=4, blank=True)
    employees = models.IntegerField(null=True, blank=True)
    revenue = models.BigIntegerField(null=True, blank=True, help_text="Annual revenue in whole dollars")
    year_founded = models.SmallIntegerField(null=True, blank=True)
    sic_code = models.CharField(max_length=8, blank=True)

    class Meta:
        verbose_name_plural = "businesses"
        ordering = ["normalized_name"]
        constraints = [
            models.UniqueConstraint(fields=["source_file", "source_record_id"], name="business_source_unique"),
        ]
        indexes = [models.Index(fields=["team", "normalized_name", "zip5"], name="business_team_name_zip_idx")]

    def __str__(self):
        return self.name


class Persona(SourceTraced):
    """A person. Resolution (stage 3) may merge personas; ``merged_from_ids`` lists those absorbed."""

    id = PrefixedULIDField(prefix="per")
    first_name = models.CharField(max_length=120, blank=True)
    last_name = models.CharField(max_length=120, blank=True)
    normalized_first_name = models.CharField(max_length=120, blank=True)
    normalized_last_name = models.CharField(max_length=120, blank=True, db_index=True)
    title = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=2, blank=True, help_text="State of the source row's address")
    zip5 = models.CharField(max_length=5, blank=True)
    confidence_score = models.FloatField(default=1.0, help_text="0.0-1.0: confidence that this record is one person")
    merged_from_ids = models.JSONField(default=list, blank=True)
    source_extra = models.JSONField(default=dict, blank=True, help_text="Columns of the source row with no mapped field")

    class Meta:
        ordering = ["normalized_last_name", "normalized_first_name"]
        constraints = [
            models.UniqueConstraint(fields=["source_file", "source_record_id"], name="persona_source_unique"),
        ]
        indexes = [models.Index(fields=["team", "normalized_last_name", "zip5"], name="persona_team_last_zip_idx")]

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip() or self.pk

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class PersonaPhone(SourceTraced):
    class PhoneType(models.TextChoices):
        UNKNOWN = "unknown", "Unknown"
        MOBILE = "mobile", "Mobile"
        LANDLINE = "landline", "Landline"
        VOIP = "voip", "VoIP"

    id = PrefixedULIDField(prefix="ph")
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="phones")
    raw = models.CharField(max_length=64, blank=True)
    normalized_number = models.CharField(max_length=10, db_index=True)
    phone_type = models.CharField(max_length=16, choices=PhoneType.choices, default=PhoneType.UNKNOWN)
    is_valid = models.BooleanField(null=True, blank=True)
    is_connected = models.BooleanField(null=True, blank=True)
    do_not_call = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source_file", "source_record_id"], name="personaphone_source_unique"),
        ]

    def __str__(self):
        return self.normalized_number


class PersonaEmail(SourceTraced):
    id = PrefixedULIDField(prefix="em")
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="emails")
    email = models.CharField(max_length=254, db_index=True)
    is_valid = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source_file", "source_record_id"], name="personaemail_source_unique"),
        ]

    def __str__(self):
        return self.email


class BusinessOwner(SourceTraced):
    """Junction: a persona's role at a business."""

    id = PrefixedULIDField(prefix="bo")
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="business_links")
    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="owner_links")
    title = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source_file", "source_record_id"], name="businessowner_source_unique"),
        ]

    def __str__(self):
        return f"{self.persona_id} @ {self.business_id}"
