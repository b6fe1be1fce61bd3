from django.urls import path

from . import views

app_name = "leads"

urlpatterns = [
    path("", views.LeadListView.as_view(), name="lead-list"),
    path("enrich/", views.LeadEnrichView.as_view(), name="lead-enrich"),
    path("jobs/<str:pk>/", views.SkipTraceJobDetailView.as_view(), name="job-detail"),
    path("<str:pk>/", views.LeadDetailView.as_view(), name="lead-detail"),
    path("<str:pk>/rescore/", views.LeadRescoreView.as_view(), name="lead-rescore"),
]
