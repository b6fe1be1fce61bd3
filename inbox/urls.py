from django.urls import path

from . import views, workspace

app_name = "inbox"

urlpatterns = [
    path("", views.InboxListView.as_view(), name="item-list"),
    path("conversations/", workspace.WorkspaceView.as_view(), name="workspace"),
    path("conversations/list/", workspace.WorkspaceListView.as_view(), name="workspace-list"),
    path("conversations/settings/", workspace.WorkspaceSettingsView.as_view(), name="workspace-settings"),
    path("conversations/<str:pk>/", workspace.ThreadView.as_view(), name="conversation-thread"),
    path("conversations/<str:pk>/messages/", workspace.ThreadMessagesView.as_view(), name="conversation-messages"),
    *[
        path(
            f"conversations/<str:pk>/{action}/",
            workspace.ConversationActionView.as_view(action_name=action),
            name=f"conversation-{action}",
        )
        for action in workspace.ConversationActionView.actions
    ],
    path("calls/", views.CallQueueView.as_view(), name="call-queue"),
    path("calls/<str:pk>/take/", views.CallQueueTakeView.as_view(), name="call-take"),
    path("calls/<str:pk>/attempt/", views.CallQueueAttemptView.as_view(), name="call-attempt"),
    path("simulate/", views.SimulateReplyView.as_view(), name="simulate-reply"),
    path("export/", views.InboxExportView.as_view(), name="item-export"),
    path("outcomes/", views.OutcomeListView.as_view(), name="outcome-list"),
    path("outcomes/<str:pk>/", views.CampaignOutcomeView.as_view(), name="campaign-outcomes"),
    path("outcomes/<str:pk>/export/", views.CampaignResultsExportView.as_view(), name="campaign-results-export"),
    path("<str:pk>/", views.InboxItemDetailView.as_view(), name="item-detail"),
    path("<str:pk>/reply/", views.InboxItemReplyView.as_view(), name="item-reply"),
    path("<str:pk>/reject-suggestion/", views.InboxItemRejectSuggestionView.as_view(), name="item-reject-suggestion"),
    path("<str:pk>/reclassify/", views.InboxItemReclassifyView.as_view(), name="item-reclassify"),
    path("<str:pk>/move/", views.InboxItemMoveView.as_view(), name="item-move"),
    path("<str:pk>/close/", views.InboxItemCloseView.as_view(), name="item-close"),
    path("<str:pk>/reopen/", views.InboxItemReopenView.as_view(), name="item-reopen"),
]
