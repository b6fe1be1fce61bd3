from django.contrib import admin

from usdatabiz.core.admin import TeamScopedAdmin

from .models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone

SOURCE_FIELDS = ["source_file", "source_record_id", "created_at", "updated_at"]


class PersonaPhoneInline(admin.TabularInline):
    model = PersonaPhone
    extra = 0
    fields = ["normalized_number", "raw", "phone_type", "is_valid", "is_connected", "do_not_call", "source_record_id"]
    readonly_fields = fields
    can_delete = False


class PersonaEmailInline(admin.TabularInline):
    model = PersonaEmail
    extra = 0
    fields = ["email", "is_valid", "source_record_id"]
    readonly_fields = fields
    can_delete = False


class BusinessOwnerInline(admin.TabularInline):
    model = BusinessOwner
    extra = 0
    fields = ["business", "persona", "title", "source_record_id"]
    readonly_fields = fields
    can_delete = False


@admin.register(Business)
class BusinessAdmin(TeamScopedAdmin):
    list_display = ["id", "name", "normalized_name", "city", "state", "zip5", "sic_code", "employees", "revenue", "team"]
    list_filter = ["state", "team"]
    search_fields = ["id", "name", "normalized_name", "zip5", "sic_code"]
    readonly_fields = ["id", *SOURCE_FIELDS]
    inlines = [BusinessOwnerInline]


@admin.register(Persona)
class PersonaAdmin(TeamScopedAdmin):
    list_display = ["id", "first_name", "last_name", "title", "state", "zip5", "confidence_score", "team"]
    list_filter = ["state", "team"]
    search_fields = ["id", "first_name", "last_name", "normalized_last_name", "phones__normalized_number"]
    readonly_fields = ["id", "merged_from_ids", *SOURCE_FIELDS]
    inlines = [PersonaPhoneInline, PersonaEmailInline, BusinessOwnerInline]


@admin.register(PersonaPhone)
class PersonaPhoneAdmin(TeamScopedAdmin):
    list_display = ["id", "normalized_number", "raw", "phone_type", "is_valid", "is_connected", "do_not_call", "persona"]
    list_filter = ["phone_type", "is_valid", "do_not_call", "team"]
    search_fields = ["id", "normalized_number", "raw", "persona__id"]
    readonly_fields = ["id", *SOURCE_FIELDS]
    raw_id_fields = ["persona"]


@admin.register(PersonaEmail)
class PersonaEmailAdmin(TeamScopedAdmin):
    list_display = ["id", "email", "is_valid", "persona", "team"]
    list_filter = ["is_valid", "team"]
    search_fields = ["id", "email", "persona__id"]
    readonly_fields = ["id", *SOURCE_FIELDS]
    raw_id_fields = ["persona"]


@admin.register(BusinessOwner)
class BusinessOwnerAdmin(TeamScopedAdmin):
    list_display = ["id", "persona", "business", "title", "team"]
    list_filter = ["team"]
    search_fields = ["id", "persona__id", "business__id", "business__name"]
    readonly_fields = ["id", *SOURCE_FIELDS]
    raw_id_fields = ["persona", "business"]
