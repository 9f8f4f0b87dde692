"""Who may do what.

Roles are groups (created by migration tracker/0002_roles): "staff" (congress staff: upload
reports, confirm or override statuses), "deputy" (read everything, comment and rate).
Superusers are admins and may do both. A signed-in user in neither group sees nothing but
a 403 page asking them to get a role: the data is for deputies and staff only.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from reports.models import Report
from tracker.models import Pledge, Town

STAFF = "staff"
DEPUTY = "deputy"

NO_ROLE = _("您的账号尚未分配角色（人大代表或人大工作人员），请联系管理员。")
STAFF_ONLY = _("只有人大工作人员可以进行此操作。")
DEPUTY_ONLY = _("只有人大代表可以发表意见和评价满意度。")


def roles(user) -> frozenset[str]:
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_duixian_roles"):
        user._duixian_roles = frozenset(user.groups.values_list("name", flat=True))
    return user._duixian_roles


def can_read(user) -> bool:
    return user.is_superuser or bool(roles(user) & {STAFF, DEPUTY})


def can_edit(user) -> bool:
    return user.is_superuser or STAFF in roles(user)


def can_comment(user) -> bool:
    return user.is_superuser or DEPUTY in roles(user)


def _role_required(check: Callable, message) -> Callable:
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not can_read(request.user):
                raise PermissionDenied(NO_ROLE)
            if not check(request.user):
                raise PermissionDenied(message)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


reader_required = _role_required(can_read, NO_ROLE)
staff_required = _role_required(can_edit, STAFF_ONLY)


class ReaderRequiredMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_read(request.user):
            raise PermissionDenied(NO_ROLE)
        return super().dispatch(request, *args, **kwargs)


def get_pledge_for_user(user, pk: int, action: str = "read") -> Pledge:
    """The pledge if `user` may `action` ("read", "edit", "comment") it; 404 or 403 otherwise."""
    if not can_read(user):
        raise PermissionDenied(NO_ROLE)
    if action == "edit" and not can_edit(user):
        raise PermissionDenied(STAFF_ONLY)
    if action == "comment" and not can_comment(user):
        raise PermissionDenied(DEPUTY_ONLY)
    return get_object_or_404(Pledge.objects.select_related("town", "report", "passage", "evidence"), pk=pk)


def get_town_for_user(user, pk: int) -> Town:
    if not can_read(user):
        raise PermissionDenied(NO_ROLE)
    return get_object_or_404(Town, pk=pk)


def get_report_for_user(user, pk: int) -> Report:
    if not can_read(user):
        raise PermissionDenied(NO_ROLE)
    return get_object_or_404(Report.objects.select_related("town"), pk=pk)
