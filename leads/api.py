"""API of stage 4: ``/api/v1/leads/`` with the page's filters, and rescore."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from usdatabiz.core.api import TeamScopedViewSetMixin

from . import selectors, services
from .forms import LeadFilterForm
from .models import Lead


class LeadSerializer(serializers.ModelSerializer):
    class Meta:
        model = Lead
        fields = [
            "id",
            "persona",
            "business",
            "status",
            "score",
            "score_breakdown",
            "tags",
            "flags",
            "enrichment_status",
            "scored_at",
            "close_reason",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


FILTERS = [
    OpenApiParameter("min_score", int),
    OpenApiParameter("max_score", int),
    OpenApiParameter("tag", str),
    OpenApiParameter("state", str),
    OpenApiParameter("enrichment_status", str, enum=Lead.Enrichment.values),
    OpenApiParameter("status", str, enum=Lead.Status.values),
]


class LeadViewSet(TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Scored, tagged leads of the team (LUCY)."""

    queryset = Lead.objects.all().order_by("-score", "id")
    serializer_class = LeadSerializer

    def get_queryset(self):
        if self.action != "list":
            return super().get_queryset()
        form = LeadFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        filters = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        return selectors.lead_list(team=self.request.team, **filters)

    @extend_schema(parameters=FILTERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=None, responses={200: LeadSerializer})
    @action(detail=True, methods=["post"])
    def rescore(self, request, pk=None, format=None):
        """Score the lead again with the team's current weights and rules."""
        lead = self.get_object()
        services.leads_rescore(team=request.team, leads=Lead.objects.filter(pk=lead.pk))
        lead.refresh_from_db()
        return Response(LeadSerializer(lead).data)
