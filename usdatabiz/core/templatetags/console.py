"""Small display filters of the console: times, durations and rates."""

from django import template

from usdatabiz.core import times

register = template.Library()


@register.filter
def when(value) -> str:
    """The console's one time format, on the reader's clock: ``Dec 1, 11:05 AM CST``."""
    return times.when(value)


@register.filter
def duration_seconds(value) -> str:
    """Say a number of seconds the way a person reads it: "45 s", "12 min", "3 h 5 min", "2 d 4 h"."""
    if value is None or value == "":
        return "—"
    seconds = int(round(float(value)))
    if seconds < 90:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 90:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


@register.filter
def percent(value) -> str:
    """Show a rate (0-1) as a percentage with one decimal at most, or a dash when there is none."""
    if value is None or value == "":
        return "—"
    number = float(value) * 100
    return f"{number:.0f}%" if number.is_integer() else f"{number:.1f}%"
