from django.urls import path

from . import views

app_name = "identity"

urlpatterns = [
    path("businesses/", views.BusinessListView.as_view(), name="business-list"),
    path("businesses/<str:pk>/", views.BusinessDetailView.as_view(), name="business-detail"),
    path("personas/", views.PersonaListView.as_view(), name="persona-list"),
    path("personas/<str:pk>/", views.PersonaDetailView.as_view(), name="persona-detail"),
]
