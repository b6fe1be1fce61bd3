"""What a reply means for consent, kept apart from the inbox stages that call it.

- ``hold_for_review``: a reply that may revoke consent but is not clear (``opt_out_decide`` said
  "uncertain") holds the number until a person decides (``messaging.opt_out_reviews``).
- ``mark_not_textable``: an auto-reply saying the number does not accept texts puts it on the
  suppression list as ``not_textable``; the send-time check then refuses it with ``NOT_TEXTABLE``.
- ``record_correction``: an operator's reclassification is kept with the text and both labels, the
  raw material of ``manage.py export_corrections``.
- ``opt_out_by_person``: a reply an operator reclassifies as ``opt_out`` suppresses the number as a detected
  opt-out does. A reclassification away from ``opt_out`` gives no consent back: only the person's START or a
  person lifting the entry (``suppression_entry_lift``, with a reason) does.
"""

from messaging import services as messaging
from messaging.models import ConsentMark, OptOutReview, Suppression
from messaging.opt_out_reviews import opt_out_review_decide, opt_out_review_hold

from .models import ClassificationCorrection, InboxItem


def hold_for_review(*, item: InboxItem, message, reason: str):
    """Hold the number of an unclear reply for a person's opt-out decision."""
    from .services.common import _event

    review = opt_out_review_hold(
        team=item.team_id,
        number=item.phone_number,
        text=item.response_text,
        reason=reason,
        source_message=message,
        inbox_item=item,
    )
    _event(item, "opt_out_review", review=review.pk, reason=reason)
    return review


def mark_not_textable(*, item: InboxItem, result) -> bool:
    """Stop texting a number whose auto-reply says it takes no texts; return whether it did."""
    if not result.not_textable or not item.phone_number:
        return False
    from .services.common import _event

    messaging.suppression_add(
        team=item.team_id,
        number=item.phone_number,
        reason=Suppression.Reason.NOT_TEXTABLE,
        source_message=item.message,
        note=f"auto-reply: {item.response_text[:200]}",
    )
    _event(item, "not_textable", number=item.phone_number)
    return True


def record_correction(*, item: InboxItem, before: str, after: str, user) -> ClassificationCorrection:
    """Keep an operator's correction: the reply's text, what the classifier said and what it is."""
    return ClassificationCorrection.objects.create(
        team_id=item.team_id,
        inbox_item=item,
        text=item.response_text,
        predicted=before,
        corrected=after,
        corrected_by=user,
    )


def opt_out_by_person(*, item: InboxItem, user) -> Suppression | None:
    """Suppress the number of a reply a person reclassified as an opt-out: consent mark, entry and any hold decided."""
    if not item.phone_number:
        return None
    from .services.common import _event

    # the person's decision is the newest word on consent: an older START delivered late does not undo it
    messaging.consent_mark_move(team=item.team_id, number=item.phone_number, keyword=ConsentMark.Keyword.STOP)
    entry = messaging.suppression_add(
        team=item.team_id,
        number=item.phone_number,
        reason=Suppression.Reason.OPT_OUT,
        source_message=item.message,
        user=user,
        note=f"reclassified as opt_out by {user.get_username()}: {item.response_text[:160]}",
    )
    held = OptOutReview.objects.filter(
        team_id=item.team_id, phone_number=item.phone_number, status=OptOutReview.Status.HELD
    ).first()
    if held is not None:  # the correction answers the open question about the number
        opt_out_review_decide(review=held, decision=OptOutReview.Decision.OPT_OUT, user=user)
    _event(item, "suppressed", user, number=item.phone_number, by="reclassification")
    return entry
