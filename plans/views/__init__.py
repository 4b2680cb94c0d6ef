"""The plan as a whole on screen: dashboard, plan documents, publishing, the public page, plan editing."""

from .dashboard import dashboard
from .documents import plan_documents, plan_logo, plan_pdf, plan_publish, status_report
from .editing import plan_edit, plan_item_delete, plan_item_edit
from .public import accessibility, public_plan, public_plan_pdf
from .reports import (
    annual_report_docx,
    annual_report_edit,
    annual_report_freeze,
    annual_report_new,
    annual_report_pdf,
    annual_report_preview,
    status_report_discard,
    status_report_edit,
    status_report_freeze,
    status_report_new,
    status_report_preview,
    status_report_record_pdf,
)
from .rollover import plan_rollover
from .tasks import my_tasks
from .versions import plan_adopt, plan_changes, plan_draft_pdf, plan_version_pdf

__all__ = [
    "accessibility",
    "annual_report_docx",
    "annual_report_edit",
    "annual_report_freeze",
    "annual_report_new",
    "annual_report_pdf",
    "annual_report_preview",
    "status_report_discard",
    "status_report_edit",
    "status_report_freeze",
    "status_report_new",
    "status_report_preview",
    "status_report_record_pdf",
    "dashboard",
    "my_tasks",
    "plan_documents",
    "plan_adopt",
    "plan_changes",
    "plan_draft_pdf",
    "plan_edit",
    "plan_item_delete",
    "plan_item_edit",
    "plan_logo",
    "plan_pdf",
    "plan_rollover",
    "plan_version_pdf",
    "plan_publish",
    "public_plan",
    "public_plan_pdf",
    "status_report",
]
