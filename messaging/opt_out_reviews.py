"""Replies that may revoke consent but that ``compliance.opt_out_decide`` could not decide ("uncertain").

The number is held at once: the send-time check refuses every text to it with ``OPT_OUT_REVIEW`` until a
person decides, on the inbox page, in the admin or through ``POST /api/v1/opt-out-reviews/{id}/decide/``.
Deciding ``opt_out`` puts the number on the suppression list (and counts as the number's newest STOP, so a
START sent before the decision and delivered after it lifts nothing); ``not_opt_out`` releases it. A false hold costs
one lead's wait; a missed revocation costs a fine and a person's trust.
"""

from django.db import transaction
from django.utils import timezone

from usdatabiz.core.errors import DomainError
from usdatabiz.core.inflight import senders_wait
from usdatabiz.core.models import Team

from .models import ConsentMark, OptOutReview, Suppression
from .services import consent_mark_move, suppression_add

HELD = OptOutReview.Status.HELD


class OptOutReviewError(DomainError):
    """A decision that cannot be made (already decided, unknown decision)."""


def _team_id(team: Team | str) -> str:
    return team.pk if isinstance(team, Team) else team


def opt_out_review_hold(
    *, team: Team | str, number: str, text: str, reason: str = "", source_message=None, inbox_item=None
) -> OptOutReview:
    """Hold a number for a person's decision; a number already held keeps its one open review. A text to the number
    that is with the provider this moment is answered first (``SMS_STOP_WAIT_SECONDS`` at most); the next one is
    refused."""
    team_id = _team_id(team)
    with transaction.atomic():
        senders_wait(team_id=team_id, number=number)
        # the database keeps one held review per number (a partial unique index): a reply held at the same moment
        # makes get_or_create read that one instead
        existing, created = OptOutReview.objects.select_for_update().get_or_create(
            team_id=team_id, phone_number=number, status=HELD,
            defaults={"text": text, "reason": reason[:120], "source_message": source_message, "inbox_item": inbox_item},
        )  # fmt: skip
        if created:
            return existing
        # the hold made by the webhook before its answer learns the reply it stands for once that is stored
        links = {"source_message": source_message, "inbox_item": inbox_item}
        missing = [name for name, value in links.items() if value is not None and getattr(existing, name) is None]
        for name in missing:
            setattr(existing, name, links[name])
        if missing:
            existing.save(update_fields=missing)
        return existing


def is_held(*, team: Team | str, number: str) -> bool:
    """Whether a reply from this number waits for a person's opt-out decision."""
    return OptOutReview.objects.filter(team_id=_team_id(team), phone_number=number, status=HELD).exists()


def held_reviews(*, team: Team | str):
    """The team's open holds, oldest first (shown at the top of the inbox)."""
    return OptOutReview.objects.for_team(team).filter(status=HELD).order_by("created_at", "id")


def opt_out_review_decide(*, review: OptOutReview, decision: str, user) -> OptOutReview:
    """A person decides: ``opt_out`` suppresses the number, ``not_opt_out`` releases it (409 once decided)."""
    if decision not in OptOutReview.Decision.values:
        valid = ", ".join(OptOutReview.Decision.values)
        raise OptOutReviewError("INVALID_DECISION", f"Decide one of: {valid}.")
    with transaction.atomic():
        review = OptOutReview.objects.select_for_update().get(pk=review.pk)
        if review.status != HELD:
            raise OptOutReviewError("NOT_HELD", "This reply was decided already.", http_status=409)
        if decision == OptOutReview.Decision.OPT_OUT:
            # a person's decision is the newest word on consent: an older START delivered late does not undo it
            consent_mark_move(team=review.team_id, number=review.phone_number, keyword=ConsentMark.Keyword.STOP)
            suppression_add(
                team=review.team_id,
                number=review.phone_number,
                reason=Suppression.Reason.OPT_OUT,
                source_message=review.source_message,
                user=user,
                note=f"decided by {user.get_username()} on review {review.pk}: {review.text[:160]}",
            )
        now = timezone.now()
        # one decision answers every open hold of the number
        OptOutReview.objects.filter(team_id=review.team_id, phone_number=review.phone_number, status=HELD).update(
            status=OptOutReview.Status.DECIDED, decision=decision, decided_by=user, decided_at=now, updated_at=now
        )
    review.refresh_from_db()
    return review
