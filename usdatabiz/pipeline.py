"""Which stage follows which, as data: stage number -> dotted task paths called with the subject id.

Key 0 is the start of the journey: a file was uploaded. ``core.journey.advance`` reads this map, so
the order of the stages can change here without touching the apps.
"""

PIPELINE: dict[int, list[str]] = {
    0: ["ingestion.tasks.data_source_ingest_task"],  # uploaded file -> stage 1 (validate, count)
    1: ["ingestion.tasks.data_source_normalize_task"],  # stage 1 -> stage 2 (normalize, load)
    2: ["identity.tasks.identity_resolve_task"],  # stage 2 -> stage 3 (resolve the team's new personas)
    3: ["leads.tasks.lead_prepare_task"],  # stage 3 -> stage 4 (LUCY creates, scores and tags leads)
    4: ["leads.tasks.leads_enrich_task"],  # stage 4 -> stage 5 (skip-trace jobs of 250 within the daily cap)
    # Stage 5 -> 6 is a person's decision: an operator creates a campaign and LUCI stages it.
    5: [],
    6: ["messaging.tasks.campaign_sending_start_task"],  # approved by a named person -> stage 7 (send)
    # Stage 7 -> 8 is the person's reply, which arrives by webhook.
    7: [],
    8: ["inbox.tasks.inbox_item_classify_task"],  # a reply became an inbox item -> stage 9 (classify)
    9: ["inbox.tasks.inbox_item_prioritize_task"],  # classified -> stage 10 (score, route, call queue)
    10: ["inbox.tasks.inbox_item_draft_task"],  # prioritized -> stage 11 (a worker drafts; a person approves)
    # Stage 11 -> 12 is a person's decision: reply, call, close with a disposition.
}

# Housekeeping that runs on a clock, as data: schedule name -> (dotted task path, every N minutes).
# ``manage.py setup_schedules`` creates or updates one django-q2 Schedule per entry (``make migrate`` runs it).
SCHEDULES: dict[str, tuple[str, int]] = {
    "sweep leases": ("usdatabiz.core.tasks.work_sweep_task", 1),  # a killed worker's part goes to another
    "check SLAs": ("usdatabiz.core.tasks.sla_check_task", 1),  # alert once per breach, resolve on recovery
    "hold stale sends": ("messaging.tasks.messages_hold_stale_task", 5),  # a send with no answer -> held
    "reconcile deliveries": ("messaging.tasks.messages_reconcile_task", 30),  # missing delivery reports
    "follow-up check": ("inbox.tasks.inbox_items_follow_up_check_task", 15),  # NO_FOLLOW_UP, LOST_LEAD
    "nudge quiet conversations": ("inbox.tasks.inbox_items_nudge_check_task", 60),  # CATHY drafts, a person sends
    "form due follow-ups": ("messaging.tasks.campaign_steps_stage_due_task", 60),  # a person approves each batch
    "reconcile provider events": ("inbox.tasks.provider_events_reconcile_task", 10),  # GET /notification after gaps
    "wake snoozed conversations": ("inbox.tasks.conversations_wake_task", 1),  # a snooze ends on time
    "prune task results": ("usdatabiz.core.tasks.task_results_prune_task", 1),  # keep Q_SAVE_LIMIT successes
    "retry stored events": ("inbox.tasks.webhook_events_retry_task", 1),  # lost, killed or failed: sent again
}

# Which django-q2 cluster (lane) runs each task, as data: dotted task path -> lane. ``realtime`` is what a
# person waits on after a reply; ``bulk`` works through lists and never delays it. ``core.journey.enqueue`` and
# ``setup_schedules`` route by this map; a system check fails on a task path that has no lane.
LANES: dict[str, str] = {
    # realtime: what follows an inbound reply, and the housekeeping that must run on time
    "inbox.tasks.webhook_event_process_task": "realtime",  # a stored webhook event, after the answer
    "inbox.tasks.webhook_events_retry_task": "realtime",  # stored events left unprocessed, sent to a worker again
    "inbox.tasks.compliance_reply_task": "realtime",  # STOP confirmation, HELP, START answers
    "inbox.tasks.inbox_item_classify_task": "realtime",
    "inbox.tasks.inbox_item_prioritize_task": "realtime",
    "inbox.tasks.inbox_item_draft_task": "realtime",
    "inbox.tasks.inbox_items_follow_up_check_task": "realtime",
    "inbox.tasks.inbox_items_nudge_check_task": "realtime",
    "inbox.tasks.conversations_wake_task": "realtime",
    "usdatabiz.core.tasks.work_sweep_task": "realtime",  # a killed bulk worker's part moves on even when bulk is busy
    "usdatabiz.core.tasks.task_results_prune_task": "realtime",  # one short DELETE a minute
    "usdatabiz.core.tasks.sla_check_task": "realtime",  # a late bulk stage is told even while bulk is behind
    # bulk: lists, chunks, jobs and slices
    "ingestion.tasks.data_source_ingest_task": "bulk",
    "ingestion.tasks.data_source_normalize_task": "bulk",
    "ingestion.tasks.ingest_start_run_task": "bulk",  # the start of stage 2 sent again by the sweeper
    "ingestion.tasks.ingest_scan_run_task": "bulk",  # stage 1 of a file taken over from a worker that stopped
    "ingestion.tasks.ingest_chunk_run_task": "bulk",
    "identity.tasks.identity_resolve_task": "bulk",
    "identity.tasks.resolution_index_chunk_run_task": "bulk",  # one chunk of a stage-3 run's new personas
    "identity.tasks.resolution_partition_run_task": "bulk",  # one block partition of a stage-3 run
    "identity.tasks.resolution_finish_task": "bulk",  # EM, scoring, merges once every partition is done
    "leads.tasks.lead_prepare_task": "bulk",
    "leads.tasks.lead_preparation_run_task": "bulk",  # stage 4 taken over from a worker that stopped
    "leads.tasks.leads_enrich_task": "bulk",
    "leads.tasks.skiptrace_job_run_task": "bulk",
    "leads.tasks.leads_rescore_task": "bulk",
    "messaging.tasks.campaign_sending_start_task": "bulk",
    "messaging.tasks.campaign_send_slice_task": "bulk",
    "messaging.tasks.send_slice_run_task": "bulk",
    "messaging.tasks.messages_hold_stale_task": "bulk",
    "messaging.tasks.messages_reconcile_task": "bulk",
    "messaging.tasks.campaign_steps_stage_due_task": "bulk",
    "inbox.tasks.provider_events_reconcile_task": "bulk",
}

# What must hold before a stage may start for a team, as data: stage number -> dotted paths of checks called as
# ``check(team_id)``; each returns None, or (code, message) to refuse. ``core.journey.gate`` asks them in order.
GATES: dict[int, list[str]] = {
    6: ["messaging.selectors.sender_number_gate"],  # a block is formed only for a team that can text (NO_SENDER_NUMBER)
}

# Numbers a check further on would refuse, as data: stage number -> dotted paths of readers called as
# ``reader(team_id)``; each returns {failure code: query of the team's refused numbers as ``phone_number``}.
# ``core.journey.refused_numbers`` asks them, so stage 6 leaves such numbers out of a block without importing the
# app that keeps them; the send-time check still refuses whatever changed after staging.
REFUSED_NUMBERS: dict[int, list[str]] = {
    6: ["messaging.selectors.consent_refused_numbers"],  # OPTED_OUT, OPT_OUT_REVIEW, NOT_TEXTABLE (per team)
}
