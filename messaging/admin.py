from django.contrib import admin

from usdatabiz.core.admin import TeamScopedAdmin

from .models import Message, MessagingSettings, Suppression


@admin.register(Message)
class MessageAdmin(TeamScopedAdmin):
    """Messages are records of what happened: read-only here; held ones are released from the console."""

    list_display = ["id", "team", "direction", "kind", "status", "to_number", "from_number", "error_code",
                    "external_id", "campaign", "created_at"]  # fmt: skip
    list_filter = ["direction", "kind", "status", "error_code", "provider", "team"]
    search_fields = ["id", "external_id", "to_number", "from_number", "correlation_id", "idempotency_key"]
    readonly_fields = [f.name for f in Message._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Suppression)
class SuppressionAdmin(TeamScopedAdmin):
    list_display = ["phone_number", "team", "reason", "created_by", "created_at", "lifted_at", "lifted_reason"]
    list_filter = ["reason", "team"]
    search_fields = ["phone_number", "note"]
    readonly_fields = ["id", "source_message", "created_by", "created_at", "updated_at", "lifted_at", "lifted_reason"]


@admin.register(MessagingSettings)
class MessagingSettingsAdmin(TeamScopedAdmin):
    list_display = ["team", "sender_number", "brand_name", "quiet_start_hour", "quiet_end_hour", "sends_per_minute"]
