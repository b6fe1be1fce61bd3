"""API of stages 1-2: ``/api/v1/data-sources/``."""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from usdatabiz.core.api import TeamScopedViewSetMixin
from usdatabiz.core.models import StageFailure

from . import selectors, services
from .downloads import original_file_response
from .models import DataSource


class DataSourceSerializer(serializers.ModelSerializer):
    file_url = serializers.SerializerMethodField(
        help_text="Where the original file downloads with the same credentials as this call (token or session): "
        "/api/v1/data-sources/{id}/file/; empty when no file is stored"
    )
    source_file = serializers.CharField(read_only=True)
    progress_percent = serializers.IntegerField(read_only=True)
    team = serializers.CharField(source="team.slug", read_only=True)
    failures = serializers.SerializerMethodField()

    class Meta:
        model = DataSource
        fields = [
            "id",
            "team",
            "original_name",
            "size",
            "status",
            "record_count",
            "rows_done",
            "progress_percent",
            "loaded_count",
            "row_error_count",
            "error_code",
            "error_message",
            "encoding",
            "metadata",
            "source_file",
            "file_url",
            "attempts",
            "started_at",
            "finished_at",
            "created_at",
            "updated_at",
            "failures",
        ]
        read_only_fields = fields

    def get_file_url(self, obj) -> str:
        return reverse("data-source-file", args=[obj.pk]) if obj.file else ""

    def get_failures(self, obj) -> dict[str, int]:
        return selectors.data_source_failure_counts(data_source=obj)


@extend_schema_field({"type": "string", "format": "binary", "minLength": 1})
class _CsvFileField(serializers.FileField):
    """The uploaded file: never empty (an empty one is a 400 naming ``file``)."""


class DataSourceUploadSerializer(serializers.Serializer):
    file = _CsvFileField(
        help_text="The USDataBiz CSV file (text/csv), not empty. A file that cannot be read as CSV is taken and "
        "fails with a named error (CSV_PARSE_ERROR, ...) on the data source."
    )


class StageFailureSerializer(serializers.ModelSerializer):
    class Meta:
        model = StageFailure
        fields = ["id", "stage", "code", "source_file", "source_row", "field", "raw_value", "detail", "created_at"]
        read_only_fields = fields


class DataSourceViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Upload USDataBiz files and follow their ingestion."""

    queryset = DataSource.objects.all().order_by("-created_at")
    serializer_class = DataSourceSerializer
    parser_classes = [MultiPartParser]  # a file travels only in multipart/form-data; anything else is a 415
    filterset_fields = ["status"]

    def get_queryset(self):
        qs = super().get_queryset()
        wanted = self.request.query_params.get("status")
        return qs.filter(status=wanted) if wanted else qs

    @extend_schema(request=DataSourceUploadSerializer, responses={201: DataSourceSerializer})
    def create(self, request, *args, **kwargs):
        upload = DataSourceUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        data_source = services.data_source_create(
            team=request.team, file=upload.validated_data["file"], uploaded_by=request.user
        )
        data_source.refresh_from_db()
        return Response(DataSourceSerializer(data_source).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[OpenApiParameter("code", str, description="Only failures with this code")],
        responses=StageFailureSerializer(many=True),
    )
    @action(detail=True, methods=["get"])
    def failures(self, request, pk=None, format=None):
        """List the data source's failures (row errors and file-level errors), in row order."""
        data_source = self.get_object()
        qs = selectors.data_source_failures(data_source=data_source, code=request.query_params.get("code"))
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(StageFailureSerializer(page, many=True).data)

    @extend_schema(request=None, responses={202: DataSourceSerializer})
    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None, format=None):
        """Run a failed (or completed) data source again; rows already loaded are not loaded twice."""
        data_source = self.get_object()
        data_source = services.data_source_retry(data_source=data_source)
        return Response(DataSourceSerializer(data_source).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        request=None,
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="The file as stored"),
            302: OpenApiResponse(description="A short-lived signed address of the file in the bucket"),
        },
    )
    @action(detail=True, methods=["get"])
    def file(self, request, pk=None, format=None):
        """Download the original file as uploaded (the team's members only, by token or session)."""
        return original_file_response(self.get_object())

    def perform_content_negotiation(self, request, force=False):
        # A download asks for the file's type (text/csv, application/octet-stream): never a 406 for that.
        return super().perform_content_negotiation(request, force=force or self.action == "file")

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            raise Http404("No such data source.") from None
