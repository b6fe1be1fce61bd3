"""API of normalized records: ``/api/v1/businesses/`` and ``/api/v1/personas/`` (read-only)."""

from rest_framework import serializers, viewsets

from usdatabiz.core.api import TeamScopedViewSetMixin

from .models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone


class BusinessSerializer(serializers.ModelSerializer):
    class Meta:
        model = Business
        fields = ["id", "name", "normalized_name", "dba", "address", "city", "state", "zip5", "zip4", "employees",
                  "revenue", "year_founded", "sic_code", "source_file", "source_record_id", "created_at"]
        read_only_fields = fields


class PersonaPhoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = PersonaPhone
        fields = ["id", "raw", "normalized_number", "phone_type", "is_valid", "is_connected", "do_not_call",
                  "source_file", "source_record_id"]
        read_only_fields = fields


class PersonaEmailSerializer(serializers.ModelSerializer):
    class Meta:
        model = PersonaEmail
        fields = ["id", "email", "is_valid", "source_file", "source_record_id"]
        read_only_fields = fields


class BusinessOwnerSerializer(serializers.ModelSerializer):
    class Meta:
        model = BusinessOwner
        fields = ["id", "business", "title", "source_file", "source_record_id"]
        read_only_fields = fields


class PersonaSerializer(serializers.ModelSerializer):
    phones = PersonaPhoneSerializer(many=True, read_only=True)
    emails = PersonaEmailSerializer(many=True, read_only=True)
    businesses = BusinessOwnerSerializer(source="business_links", many=True, read_only=True)

    class Meta:
        model = Persona
        fields = ["id", "first_name", "last_name", "normalized_first_name", "normalized_last_name", "title", "state",
                  "zip5", "confidence_score", "merged_from_ids", "source_extra", "source_file", "source_record_id",
                  "created_at", "phones", "emails", "businesses"]
        read_only_fields = fields


class BusinessViewSet(TeamScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Normalized businesses of the team."""

    queryset = Business.objects.all().order_by("normalized_name", "id")
    serializer_class = BusinessSerializer


class PersonaViewSet(TeamScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Normalized personas of the team with their phones, emails and businesses."""

    queryset = Persona.objects.all().prefetch_related("phones", "emails", "business_links").order_by(
        "normalized_last_name", "normalized_first_name", "id"
    )
    serializer_class = PersonaSerializer
