"""Workspace formatting: phone numbers with ``tel:`` links, and one format for times."""

from django import template
from django.utils.html import format_html

from usdatabiz.core import times

register = template.Library()


@register.filter
def phone(number: str) -> str:
    """``5125550100`` as ``(512) 555-0100``."""
    digits = "".join(ch for ch in str(number or "") if ch.isdigit())[-10:]
    if len(digits) != 10:
        return number or ""
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


@register.filter
def tel(number: str):
    """A ``tel:`` link showing the formatted number."""
    digits = "".join(ch for ch in str(number or "") if ch.isdigit())[-10:]
    if len(digits) != 10:
        return number or ""
    return format_html('<a href="tel:+1{}" class="tel">{}</a>', digits, phone(digits))


@register.filter
def when(value) -> str:
    """The console's one time format, on the reader's clock (``usdatabiz.core.times.when``)."""
    return times.when(value)
