from django.urls import path

from . import views

app_name = "identity"

urlpatterns = [
    path("businesses/", views.BusinessListView.as_view(), name="business-list"),
    path("businesses/<str:pk>/", views.BusinessDetailView.as_view(), name="business-detail"),
    path("personas/", views.PersonaListView.as_view(), name="persona-list"),
    path("personas/<str:pk>/", views.PersonaDetailView.as_view(), name="persona-detail"),
    path("personas/<str:pk>/merge/", views.PersonaMergeView.as_view(), name="persona-merge"),
    path("merges/", views.MergeListView.as_view(), name="merge-list"),
    path("merges/<str:pk>/unmerge/", views.MergeHistoryUnmergeView.as_view(), name="merge-unmerge"),
    path("reviews/", views.MatchReviewListView.as_view(), name="review-list"),
    path("reviews/<str:pk>/decide/", views.MatchReviewDecideView.as_view(), name="review-decide"),
    path("resolve/", views.ResolveRunView.as_view(), name="resolve-run"),
    path("resolution-settings/", views.ResolutionSettingsView.as_view(), name="resolution-settings"),
]
