"""Staff see a letter only when a recipient reports it: reports are the only letters in the
admin (no Letter or Copy admin exists), each showing the reported copy as its recipient saw
it, with the reason. Staff can mark a report resolved; they cannot browse letters."""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from dearreader.letters.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "reporter", "writer", "created_at", "resolved"]
    list_filter = ["resolved"]
    list_select_related = ["letter__writer", "reporter"]
    fields = ["writer", "reporter", "created_at", "reason", "subject", "letter_text", "resolved"]
    readonly_fields = ["writer", "reporter", "created_at", "reason", "subject", "letter_text"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="written by")
    def writer(self, report: Report) -> str:
        return report.letter.writer.username

    @admin.display(description="subject")
    def subject(self, report: Report) -> str:
        return report.letter.subject_for(report.copy.name)

    @admin.display(description="the letter")
    def letter_text(self, report: Report) -> SafeString:
        return mark_safe(report.letter_html)  # noqa: S308 (sanitised when it was saved)
