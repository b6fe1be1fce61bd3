from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("", views.MessageListView.as_view(), name="message-list"),
    path("suppressions/", views.SuppressionListView.as_view(), name="suppression-list"),
    path("suppressions/<str:pk>/lift/", views.SuppressionLiftView.as_view(), name="suppression-lift"),
    path("settings/", views.MessagingSettingsEditView.as_view(), name="settings-edit"),
    path("<str:pk>/release/", views.MessageReleaseView.as_view(), name="message-release"),
    path("<str:pk>/drop/", views.MessageDropView.as_view(), name="message-drop"),
]
