"""One vocabulary of dispositions: the closeout, the copilot and the metrics use the same words."""

from inbox import dispositions, forms, metrics
from inbox.copilot import rules
from inbox.services import closeout
from leads.models import Lead


def test_the_closeout_the_copilot_and_the_metrics_share_one_vocabulary():
    assert closeout.DISPOSITIONS is dispositions.DISPOSITIONS
    assert set(rules.CLOSE_REASONS) == {"", *dispositions.DISPOSITIONS}
    assert set(rules.TERMINAL.values()) <= set(dispositions.DISPOSITIONS)
    assert set(metrics.WON_DISPOSITIONS) | set(metrics.LOST_DISPOSITIONS) < set(dispositions.DISPOSITIONS)
    offered = {value for value, _ in forms.CloseForm().fields["disposition"].choices if value}
    assert offered == set(dispositions.DISPOSITIONS)


def test_every_disposition_leads_to_a_real_lead_status():
    assert set(dispositions.DISPOSITIONS.values()) <= set(Lead.Status.values)
    assert dispositions.WON == ("booked", "converted")
    assert dispositions.LOST == ("not_interested", "no_response")


def test_every_close_reason_the_copilot_can_suggest_is_accepted_by_the_closeout():
    for reason in rules.CLOSE_REASONS:
        if reason:
            rules.Suggestion(worker="CATHY", action="close", close_reason=reason, text="", notes="")
            assert reason in closeout.DISPOSITIONS
