from django.urls import path

from . import views

app_name = "ingestion"

urlpatterns = [
    path("", views.DataSourceListView.as_view(), name="data-source-list"),
    path("<str:pk>/", views.DataSourceDetailView.as_view(), name="data-source-detail"),
    path("<str:pk>/retry/", views.DataSourceRetryView.as_view(), name="data-source-retry"),
    path("<str:pk>/file/", views.DataSourceFileView.as_view(), name="data-source-file"),
    path("<str:pk>/errors.csv", views.DataSourceFailuresCsvView.as_view(), name="data-source-errors"),
]
