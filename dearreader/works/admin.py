from django.contrib import admin

from dearreader.works.models import Chapter, Tag, Work


class ChapterInline(admin.StackedInline):
    model = Chapter
    extra = 0
    fields = [
        "position",
        "title",
        "status",
        "body_format",
        "body",
        "find_structure",
        "notes_begin",
        "notes_end",
    ]


@admin.register(Work)
class WorkAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "pen_name",
        "status",
        "rating",
        "restricted",
        "word_count",
        "updated_at",
    ]
    list_filter = ["status", "rating", "restricted", "is_complete", "language"]
    search_fields = ["title", "pen_name__name", "pen_name__member__username"]
    list_select_related = ["pen_name__member"]
    autocomplete_fields = ["tags", "inspired_by_work"]
    raw_id_fields = ["pen_name"]
    inlines = [ChapterInline]
    date_hierarchy = "updated_at"


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
