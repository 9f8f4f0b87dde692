from django.urls import path

from reports import views

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("upload/", views.upload, name="report-upload"),
    path("upload/save/", views.upload_save, name="report-upload-save"),
    path("<int:pk>/", views.report_detail, name="report-detail"),
]
