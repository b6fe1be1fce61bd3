from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("team/switch/", views.TeamSwitchView.as_view(), name="team-switch"),
    path("stages/", views.StageListView.as_view(), name="stage-list"),
    path("runs/", views.StageRunListView.as_view(), name="run-list"),
    path("failures/", views.StageFailureListView.as_view(), name="failure-list"),
    path("alerts/", views.AlertListView.as_view(), name="alert-list"),
    path("alerts/settings/", views.AlertSettingsView.as_view(), name="alert-settings"),
    path("alerts/<str:pk>/resolve/", views.AlertResolveView.as_view(), name="alert-resolve"),
]
