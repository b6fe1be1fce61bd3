from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("", views.MessageListView.as_view(), name="message-list"),
    path("suppressions/", views.SuppressionListView.as_view(), name="suppression-list"),
    path("suppressions/export/", views.SuppressionExportView.as_view(), name="suppression-export"),
    path("suppressions/<str:pk>/lift/", views.SuppressionLiftView.as_view(), name="suppression-lift"),
    path("settings/", views.MessagingSettingsEditView.as_view(), name="settings-edit"),
    path("campaigns/<str:pk>/approve/", views.CampaignConfirmView.as_view(action="approve"), name="campaign-approve"),
    path(
        "campaigns/<str:pk>/send-back/",
        views.CampaignConfirmView.as_view(action="send-back"),
        name="campaign-send-back",
    ),  # fmt: skip
    path("campaigns/<str:pk>/cancel/", views.CampaignConfirmView.as_view(action="cancel"), name="campaign-cancel"),
    path("steps/<str:pk>/approve/", views.CampaignStepConfirmView.as_view(action="approve"), name="step-approve"),
    path("steps/<str:pk>/cancel/", views.CampaignStepConfirmView.as_view(action="cancel"), name="step-cancel"),
    path("settings/numbers/", views.SenderNumberCreateView.as_view(), name="sender-number-create"),
    path("settings/numbers/<str:pk>/", views.SenderNumberChangeView.as_view(), name="sender-number-change"),
    path("credentials/", views.ProviderCredentialsView.as_view(), name="credentials"),
    path("credentials/webhook/register/", views.WebhookRegisterView.as_view(), name="webhook-register"),
    path("credentials/webhook/rotate/", views.WebhookRotateView.as_view(), name="webhook-rotate"),
    path("opt-out-reviews/<str:pk>/decide/", views.OptOutReviewDecideView.as_view(), name="opt-out-review-decide"),
    path("<str:pk>/release/", views.MessageReleaseView.as_view(), name="message-release"),
    path("<str:pk>/drop/", views.MessageDropView.as_view(), name="message-drop"),
]
