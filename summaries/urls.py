from django.urls import path

from summaries import views

app_name = "summaries"
urlpatterns = [
    path("town/<int:pk>/", views.town_summary, name="town"),
    path("town/<int:pk>/print/", views.town_summary_print, name="town-print"),
    path("town/<int:pk>/docx", views.town_summary_docx, name="town-docx"),
    path("district/", views.district_comparison, name="district"),
    path("pledges.csv", views.pledges_csv, name="pledges-csv"),
    path("pledges.xlsx", views.pledges_xlsx_view, name="pledges-xlsx"),
]
