from django.contrib import admin

from dearreader.community.models import Fave, Follow, Kudos, Notification, Review, ReviewReply


class ReplyInline(admin.StackedInline):
    model = ReviewReply
    extra = 0
    raw_id_fields = ["member"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["__str__", "work", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["body", "guest_name", "member__username", "work__title"]
    raw_id_fields = ["work", "chapter", "member"]
    inlines = [ReplyInline]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["text", "recipient", "kind", "created_at", "read_at", "emailed_at"]
    list_filter = ["kind"]
    search_fields = ["recipient__username", "event_key"]
    raw_id_fields = ["recipient", "actor", "work", "review"]


for model in (Kudos, Fave, Follow):
    admin.site.register(
        model, raw_id_fields=[f.name for f in model._meta.get_fields() if f.many_to_one]
    )
