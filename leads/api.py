"""API of stage 4: ``/api/v1/leads/`` with the page's filters, and rescore."""

from django.db.models import Sum
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, views, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from usdatabiz.core.api import PrefixedIdField, TeamScopedViewSetMixin
from usdatabiz.core.exports import csv_response
from usdatabiz.core.filters import filter_parameters, filter_values
from usdatabiz.core.ids import ULID_PATTERN

from . import selectors, services
from .forms import LeadFilterForm
from .models import Lead, LeadSettings, SkipTraceJob


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


FILTERS = filter_parameters(LeadFilterForm)


class SkipTraceJobSerializer(serializers.ModelSerializer):
    cost = serializers.SerializerMethodField(help_text="What the job's lookups were billed (USD, as the provider said)")

    def get_cost(self, job) -> float:
        cost = getattr(job, "cost", None)
        if cost is None and not hasattr(job, "cost"):
            cost = job.results.aggregate(total=Sum("cost"))["total"]
        return round(cost or 0, 4)

    class Meta:
        model = SkipTraceJob
        fields = [
            "id",
            "provider",
            "status",
            "total",
            "done",
            "matched",
            "no_results",
            "partial",
            "failed",
            "progress_percent",
            "cost",
            "error_code",
            "error_message",
            "resume_at",
            "lead_ids",
            "started_at",
            "finished_at",
            "created_at",
        ]
        read_only_fields = fields


class EnrichRequestSerializer(serializers.Serializer):
    leads = serializers.ListField(
        child=PrefixedIdField(prefix=Lead._meta.pk.prefix), required=False,
        help_text="Lead ids (another team's or an unknown id is skipped); empty: the leads the filters select",
    )  # fmt: skip
    limit = serializers.IntegerField(required=False, min_value=1)


class SkipTraceJobViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Skip-trace jobs of the team with their progress and per-item outcome counts."""

    queryset = SkipTraceJob.objects.all().annotate(cost=Sum("results__cost")).order_by("-created_at")
    serializer_class = SkipTraceJobSerializer

    @extend_schema(request=None, responses={202: SkipTraceJobSerializer})
    @action(detail=True, methods=["post"])
    def resume(self, request, pk=None, format=None):
        """Let a paused job go on now instead of at 00:00 UTC (409 when the job is not paused)."""
        from .enrichment import skiptrace_job_resume

        job = skiptrace_job_resume(job=self.get_object())
        job.refresh_from_db()
        return Response(SkipTraceJobSerializer(job).data, status=202)


class LeadViewSet(TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Scored, tagged leads of the team (LUCY)."""

    queryset = Lead.objects.all().order_by("-score", "id")
    serializer_class = LeadSerializer
    # a lead's id only: ``/leads/enrich/`` and ``/leads/export/`` are never read as a lead named "enrich"
    lookup_value_regex = f"{Lead._meta.pk.prefix}_{ULID_PATTERN}"

    def get_queryset(self):
        if self.action not in ("list", "enrich", "export"):
            return super().get_queryset()
        return selectors.lead_list(team=self.request.team, **filter_values(LeadFilterForm, self.request.query_params))

    @extend_schema(parameters=FILTERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=EnrichRequestSerializer, parameters=FILTERS, responses={201: SkipTraceJobSerializer(many=True)}
    )
    @action(detail=False, methods=["post"], pagination_class=None)  # one plain list of the jobs started
    def enrich(self, request, format=None):
        """Start skip-trace jobs (250 leads each) for the given leads, or for the leads the filters select."""
        from .enrichment import skiptrace_jobs_create

        body = EnrichRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        ids = body.validated_data.get("leads")
        leads = Lead.objects.for_team(request.team).filter(pk__in=ids) if ids else self.get_queryset()
        jobs = skiptrace_jobs_create(team=request.team, leads=leads, limit=body.validated_data.get("limit"))
        return Response(SkipTraceJobSerializer(jobs, many=True).data, status=201)

    @extend_schema(parameters=FILTERS, responses={(200, "text/csv"): OpenApiTypes.STR})
    @action(detail=False, methods=["get"])
    def export(self, request, format=None):
        """The leads the filters select as CSV (formula-safe, streamed); a bad filter is a 400 naming it."""
        return csv_response(
            header=selectors.LEAD_EXPORT_HEADER,
            rows=selectors.lead_export_rows(leads=self.get_queryset()),
            filename="leads.csv",
        )

    @extend_schema(request=None, responses={200: LeadSerializer})
    @action(detail=True, methods=["post"])
    def rescore(self, request, pk=None, format=None):
        """Score the lead again with the team's current weights and rules."""
        lead = self.get_object()
        services.leads_rescore(team=request.team, leads=Lead.objects.filter(pk=lead.pk))
        lead.refresh_from_db()
        return Response(LeadSerializer(lead).data)


class LeadSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = LeadSettings
        fields = ["weights", "tag_rules", "daily_trace_cap", "updated_at"]
        read_only_fields = ["updated_at"]


class LeadSettingsView(views.APIView):
    """The team's LUCY settings: factor weights, tag rules, daily skip-trace cap. Saving rescores every lead."""

    write_roles = ("admin",)

    @extend_schema(responses={200: LeadSettingsSerializer})
    def get(self, request, format=None):
        return Response(LeadSettingsSerializer(services.lead_settings_get(team=request.team)).data)

    @extend_schema(request=LeadSettingsSerializer, responses={200: LeadSettingsSerializer})
    def put(self, request, format=None):
        current = services.lead_settings_get(team=request.team)
        body = LeadSettingsSerializer(current, data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        from django.core.exceptions import ValidationError as ModelValidationError

        try:
            row = services.lead_settings_update(
                team=request.team,
                weights=data.get("weights", current.weights),
                tag_rules=data.get("tag_rules", current.tag_rules),
                daily_trace_cap=data.get("daily_trace_cap", current.daily_trace_cap),
            )
        except ModelValidationError as exc:
            raise ValidationError(exc.message_dict) from exc
        return Response(LeadSettingsSerializer(row).data)
