from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from dearreader.accounts.models import Member, PenName


class PenNameInline(admin.TabularInline):
    model = PenName
    extra = 0


@admin.register(Member)
class MemberAdmin(UserAdmin):
    inlines = [PenNameInline]


@admin.register(PenName)
class PenNameAdmin(admin.ModelAdmin):
    list_display = ["name", "member", "is_default", "created_at"]
    search_fields = ["name", "member__username"]
    list_select_related = ["member"]
