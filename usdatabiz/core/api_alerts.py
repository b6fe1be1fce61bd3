"""API of the alerts (a module of its own: ``core.api`` is loaded by DRF's settings, before its views)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .api import IsTeamMember, TeamScopedViewSetMixin
from .models import Alert


class AlertSerializer(serializers.ModelSerializer):
    class Meta:
        model = Alert
        fields = [
            "id",
            "stage",
            "kind",
            "code",
            "status",
            "run",
            "measured_seconds",
            "limit_seconds",
            "detail",
            "opened_at",
            "resolved_at",
            "notified_at",
            "resolve_notified_at",
            "notify_error",
        ]
        read_only_fields = fields


class AlertViewSet(TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The team's alerts (SLA breaches, work given up), open first; ``?status=open`` or ``resolved``."""

    queryset = Alert.objects.all()
    serializer_class = AlertSerializer
    permission_classes = [IsTeamMember]

    def get_queryset(self):
        qs = super().get_queryset().order_by("-status", "-opened_at")
        status = self.request.query_params.get("status")
        return qs.filter(status=status) if status in ("open", "resolved") else qs

    @extend_schema(request=None, responses={200: AlertSerializer})
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None, format=None):
        """Resolve an open alert by hand (409 ``NOT_OPEN`` when it is resolved already)."""
        from .alerts import alert_resolve

        return Response(AlertSerializer(alert_resolve(alert=self.get_object(), user=request.user)).data)
