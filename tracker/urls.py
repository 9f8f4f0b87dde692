from django.urls import path

from tracker import views

urlpatterns = [
    path("", views.town_list, name="town-list"),
    path("towns/<int:pk>/", views.town_detail, name="town-detail"),
    path("pledges/", views.PledgeListView.as_view(), name="pledge-list"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge-detail"),
    path("pledges/<int:pk>/status/", views.pledge_status, name="pledge-status"),
    path("pledges/<int:pk>/confirm/", views.pledge_confirm, name="pledge-confirm"),
    path("pledges/<int:pk>/comment/", views.pledge_comment, name="pledge-comment"),
    path("review/", views.review_queue, name="review-queue"),
]
