"""API of stages 2-3: businesses, personas with merge history, merges, unmerges and the review queue."""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from usdatabiz.core.api import TeamScopedViewSetMixin
from usdatabiz.core.filters import filter_parameters, filter_values

from . import selectors, services
from .forms import MatchReviewFilterForm, PersonaFilterForm
from .models import Business, BusinessOwner, MatchReview, Persona, PersonaEmail, PersonaMergeHistory, PersonaPhone


class BusinessSerializer(serializers.ModelSerializer):
    class Meta:
        model = Business
        fields = [
            "id",
            "name",
            "normalized_name",
            "dba",
            "address",
            "city",
            "state",
            "zip5",
            "zip4",
            "employees",
            "revenue",
            "year_founded",
            "sic_code",
            "source_file",
            "source_record_id",
            "created_at",
        ]
        read_only_fields = fields


class PersonaPhoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = PersonaPhone
        fields = [
            "id",
            "raw",
            "normalized_number",
            "phone_type",
            "is_valid",
            "is_connected",
            "do_not_call",
            "source_file",
            "source_record_id",
        ]
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


class MergeHistorySerializer(serializers.ModelSerializer):
    class Meta:
        model = PersonaMergeHistory
        fields = [
            "id",
            "action",
            "survivor",
            "merged",
            "match_score",
            "reasons",
            "merged_by",
            "user",
            "moved",
            "reverses",
            "undone_at",
            "note",
            "created_at",
        ]
        read_only_fields = fields


class PersonaSerializer(serializers.ModelSerializer):
    phones = PersonaPhoneSerializer(many=True, read_only=True)
    emails = PersonaEmailSerializer(many=True, read_only=True)
    businesses = BusinessOwnerSerializer(source="business_links", many=True, read_only=True)

    class Meta:
        model = Persona
        fields = [
            "id",
            "first_name",
            "last_name",
            "normalized_first_name",
            "normalized_last_name",
            "title",
            "state",
            "zip5",
            "confidence_score",
            "merged_from_ids",
            "is_merged",
            "merged_into",
            "merged_at",
            "do_not_contact",
            "source_extra",
            "source_file",
            "source_record_id",
            "created_at",
            "phones",
            "emails",
            "businesses",
        ]
        read_only_fields = fields


class PersonaDetailSerializer(PersonaSerializer):
    history = serializers.SerializerMethodField()

    class Meta(PersonaSerializer.Meta):
        fields = [*PersonaSerializer.Meta.fields, "history"]
        read_only_fields = fields

    @extend_schema_field(MergeHistorySerializer(many=True))
    def get_history(self, obj):
        return MergeHistorySerializer(selectors.persona_history(persona=obj), many=True).data


class MergeRequestSerializer(serializers.Serializer):
    other = serializers.CharField(help_text="Id of the persona that is the same person")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class UnmergeRequestSerializer(serializers.Serializer):
    history = serializers.CharField(help_text="Id of the merge (pmh_...) to undo")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class MatchReviewSerializer(serializers.ModelSerializer):
    persona_a = PersonaSerializer(read_only=True)
    persona_b = PersonaSerializer(read_only=True)

    class Meta:
        model = MatchReview
        fields = [
            "id",
            "persona_a",
            "persona_b",
            "score",
            "reasons",
            "status",
            "decided_by",
            "decided_at",
            "created_at",
        ]
        read_only_fields = fields


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["confirm", "reject"])


class BusinessViewSet(TeamScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Normalized businesses of the team."""

    queryset = Business.objects.all().order_by("normalized_name", "id")
    serializer_class = BusinessSerializer


class PersonaViewSet(TeamScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Personas of the team with phones, emails, businesses and merge history; merge and unmerge."""

    write_roles = ("admin", "operator")

    queryset = (
        Persona.objects.all()
        .prefetch_related("phones", "emails", "business_links")
        .order_by("normalized_last_name", "normalized_first_name", "id")
    )
    serializer_class = PersonaSerializer

    def get_serializer_class(self):
        return PersonaDetailSerializer if self.action == "retrieve" else PersonaSerializer

    @extend_schema(parameters=filter_parameters(PersonaFilterForm))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        qs = super().get_queryset()
        if self.action == "list" and not filter_values(PersonaFilterForm, self.request.query_params).get(
            "include_merged"
        ):
            qs = qs.filter(is_merged=False)
        return qs

    @extend_schema(request=MergeRequestSerializer, responses={201: MergeHistorySerializer})
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None, format=None):
        """Merge this persona with another one of the same person (an operator's decision)."""
        persona = self.get_object()
        body = MergeRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            other = Persona.objects.for_team(request.team).get(pk=body.validated_data["other"])
        except Persona.DoesNotExist:
            raise Http404("No such persona.") from None
        history = services.persona_merge(
            persona_a=persona, persona_b=other, user=request.user, note=body.validated_data["note"]
        )
        return Response(MergeHistorySerializer(history).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=UnmergeRequestSerializer, responses={201: MergeHistorySerializer})
    @action(detail=True, methods=["post"])
    def unmerge(self, request, pk=None, format=None):
        """Undo a merge this persona took part in (repairs a FALSE_POSITIVE_MERGE)."""
        persona = self.get_object()
        body = UnmergeRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        history = selectors.persona_history(persona=persona).filter(pk=body.validated_data["history"]).first()
        if history is None:
            raise Http404("No such merge for this persona.")
        undo = services.persona_unmerge(history=history, user=request.user, note=body.validated_data["note"])
        return Response(MergeHistorySerializer(undo).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: dict})
    @action(detail=False, methods=["post"], write_roles=("admin",))
    def resolve(self, request, format=None):
        """Run identity resolution for the team's new personas now (admins)."""
        run = services.identity_resolve(team=request.team)
        return Response(
            {
                "run": run.pk,
                "status": run.status,
                "new_personas": run.count_in,
                "merges": run.count_out,
                "detail": run.detail,
            }
        )


class MatchReviewViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Pairs scored between the team's thresholds, for an operator to confirm or reject."""

    queryset = MatchReview.objects.all().select_related("persona_a", "persona_b").order_by("-score", "created_at")
    serializer_class = MatchReviewSerializer

    @extend_schema(parameters=filter_parameters(MatchReviewFilterForm))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        qs = super().get_queryset()
        if self.action != "list":
            return qs
        return qs.filter(**filter_values(MatchReviewFilterForm, self.request.query_params))

    @extend_schema(request=DecisionSerializer, responses={200: MatchReviewSerializer})
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None, format=None):
        """Confirm (merge) or reject (remember as different people) a pair."""
        review = self.get_object()
        body = DecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        review = services.match_review_decide(
            review=review, confirm=body.validated_data["decision"] == "confirm", user=request.user
        )
        return Response(MatchReviewSerializer(review).data)
