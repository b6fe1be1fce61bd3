from django.urls import path

from . import views

app_name = "leads"

urlpatterns = [
    path("", views.LeadListView.as_view(), name="lead-list"),
    path("enrich/", views.LeadEnrichView.as_view(), name="lead-enrich"),
    path("export/", views.LeadExportView.as_view(), name="lead-export"),
    path("jobs/", views.SkipTraceJobListView.as_view(), name="job-list"),
    path("settings/", views.LeadSettingsEditView.as_view(), name="settings-edit"),
    path("jobs/<str:pk>/resume/", views.SkipTraceJobResumeView.as_view(), name="job-resume"),
    path("jobs/<str:pk>/", views.SkipTraceJobDetailView.as_view(), name="job-detail"),
    path("<str:pk>/", views.LeadDetailView.as_view(), name="lead-detail"),
    path("<str:pk>/rescore/", views.LeadRescoreView.as_view(), name="lead-rescore"),
]
