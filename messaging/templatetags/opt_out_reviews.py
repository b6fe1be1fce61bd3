"""``{% held_opt_out_reviews as reviews %}``: the current team's numbers held for an opt-out decision."""

from django import template

from messaging.opt_out_reviews import held_reviews

register = template.Library()


@register.simple_tag(takes_context=True)
def held_opt_out_reviews(context):
    request = context.get("request")
    team = getattr(request, "team", None) if request is not None else None
    if not team:
        return []
    return list(held_reviews(team=team).select_related("inbox_item")[:50])
