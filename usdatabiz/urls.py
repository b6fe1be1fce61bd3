from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from campaigns.api import CampaignStepViewSet, CampaignViewSet, MessageTemplateViewSet
from identity.api import BusinessViewSet, MatchReviewViewSet, PersonaViewSet
from inbox.api import (
    CallQueueViewSet,
    CampaignMetricsView,
    CampaignResultsExportView,
    ConversationViewSet,
    InboxItemViewSet,
)
from inbox.webhooks import provider_webhook
from ingestion.api import DataSourceViewSet
from leads.api import LeadSettingsView, LeadViewSet, SkipTraceJobViewSet
from messaging.api import (
    CredentialViewSet,
    MessageViewSet,
    OptOutReviewViewSet,
    SenderNumberViewSet,
    SmsWebhookViewSet,
    SuppressionViewSet,
)
from usdatabiz.core import health
from usdatabiz.core.api_alerts import AlertViewSet

router = DefaultRouter()
router.register("data-sources", DataSourceViewSet, basename="data-source")
router.register("businesses", BusinessViewSet, basename="business")
router.register("personas", PersonaViewSet, basename="persona")
router.register("match-reviews", MatchReviewViewSet, basename="match-review")
router.register("leads", LeadViewSet, basename="lead")
router.register("skiptrace-jobs", SkipTraceJobViewSet, basename="skiptrace-job")
router.register("templates", MessageTemplateViewSet, basename="template")
router.register("campaigns", CampaignViewSet, basename="campaign")
router.register("campaign-steps", CampaignStepViewSet, basename="campaign-step")
router.register("messages", MessageViewSet, basename="message")
router.register("suppressions", SuppressionViewSet, basename="suppression")
router.register("inbox-items", InboxItemViewSet, basename="inbox-item")
router.register("conversations", ConversationViewSet, basename="conversation")
router.register("call-queue", CallQueueViewSet, basename="call-queue")
router.register("sender-numbers", SenderNumberViewSet, basename="sender-number")
router.register("credentials", CredentialViewSet, basename="credential")
router.register("sms-webhook", SmsWebhookViewSet, basename="sms-webhook")
router.register("opt-out-reviews", OptOutReviewViewSet, basename="opt-out-review")
router.register("alerts", AlertViewSet, basename="alert")

handler400 = "usdatabiz.core.views.bad_request"
handler403 = "usdatabiz.core.views.permission_denied"
handler404 = "usdatabiz.core.views.page_not_found"
handler500 = "usdatabiz.core.views.server_error"

urlpatterns = [
    path("healthz/", health.healthz, name="healthz"),  # answered first by core.health.HealthProbeMiddleware
    path("readyz/", health.readyz, name="readyz"),
    # before the console's own pages (the empty prefix below): the providers' calls are matched first
    path("webhooks/signalhouse/", provider_webhook, {"provider": "signalhouse"}, name="webhook-signalhouse"),
    path("webhooks/<slug:provider>/", provider_webhook, name="webhook"),
    path("", include("usdatabiz.core.urls")),
    path("sources/", include("ingestion.urls")),
    path("identity/", include("identity.urls")),
    path("leads/", include("leads.urls")),
    path("campaigns/", include("campaigns.urls")),
    path("messages/", include("messaging.urls")),
    path("inbox/", include("inbox.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/lead-settings/", LeadSettingsView.as_view(), name="lead-settings"),
    # a campaign's outcome is read where its replies live (inbox), beside the campaign routes of the router
    path("api/v1/campaigns/<str:pk>/metrics/", CampaignMetricsView.as_view(), name="campaign-metrics"),
    path("api/v1/campaigns/<str:pk>/results/export/", CampaignResultsExportView.as_view(), name="campaign-results"),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", login_required(SpectacularSwaggerView.as_view(url_name="api-schema")), name="api-docs"),
]
