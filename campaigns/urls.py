from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("", views.CampaignListView.as_view(), name="campaign-list"),
    path("new/", views.CampaignCreateView.as_view(), name="campaign-create"),
    path("templates/", views.MessageTemplateListView.as_view(), name="template-list"),
    path("templates/<str:pk>/", views.MessageTemplateEditView.as_view(), name="template-edit"),
    path("<str:pk>/", views.CampaignDetailView.as_view(), name="campaign-detail"),
    path("<str:pk>/stage/", views.CampaignStageView.as_view(), name="campaign-stage"),
    path("<str:pk>/edit/", views.CampaignEditView.as_view(), name="campaign-edit"),
    path("<str:pk>/pause/", views.CampaignActionView.as_view(action="pause"), name="campaign-pause"),
    path("<str:pk>/resume/", views.CampaignActionView.as_view(action="resume"), name="campaign-resume"),
]
