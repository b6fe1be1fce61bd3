"""Fill a template's merge fields for one person; used by the preview (stage 6) and the send (stage 7)."""

import re

from .models import MERGE_FIELD, MERGE_FIELDS

# What a field says when the record has no value: never an empty gap or a literal "{company}".
FALLBACKS = {
    "first_name": "there",
    "last_name": "",
    "company": "your business",
    "city": "your area",
    "state": "your state",
    "title": "owner",
    "sender_name": "our team",
}


def _title_case(value: str) -> str:
    """Names arrive upper-cased from some lists; text them as people write them."""
    return value.title() if value.isupper() or value.islower() else value


def merge_context(*, persona, business=None, title: str = "", sender_name: str = "") -> dict[str, str]:
    """Return the merge values for one person at one business."""
    company = ""
    if business is not None:
        company = (getattr(business, "dba", "") or business.name or "").strip()
    return {
        "first_name": _title_case((persona.first_name or "").strip()),
        "last_name": _title_case((persona.last_name or "").strip()),
        "company": company,
        "city": _title_case((getattr(business, "city", "") or "").strip()),
        "state": (getattr(business, "state", "") or getattr(persona, "state", "") or "").strip().upper(),
        "title": (title or "").strip(),
        "sender_name": (sender_name or "").strip(),
    }


def render(body: str, context: dict[str, str]) -> str:
    """Replace each ``{field}`` with its value, or the field's fallback when the value is missing."""

    def fill(match):
        name = match.group(1)
        if name not in MERGE_FIELDS:
            return match.group(0)
        return (context.get(name) or "").strip() or FALLBACKS[name]

    text = MERGE_FIELD.sub(fill, body)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def render_for(campaign_lead, template=None, *, title: str | None = None) -> str:
    """Return the text one campaign lead would receive now.

    ``title`` is the person's title at the lead's business when the caller read the titles of a whole batch ("":
    none); None reads it here."""
    campaign = campaign_lead.campaign
    template = template or campaign.template
    lead = campaign_lead.lead
    if title is None:
        link = lead.persona.business_links.filter(business_id=lead.business_id).first() if lead.business_id else None
        title = link.title if link else ""
    context = merge_context(
        persona=lead.persona,
        business=lead.business,
        title=title or getattr(lead.persona, "title", ""),
        sender_name=campaign.sender_name,
    )
    return render(template.body, context)
