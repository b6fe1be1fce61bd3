"""Stage 3 from every entry point: pages, API, admin and commands; other teams never see a thing."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from identity.models import MatchReview, Persona, PersonaMergeHistory
from identity.services import persona_merge, resolution_settings_update
from identity.tests.factories import BusinessFactory, person_with_contacts
from usdatabiz.core.models import Membership, StageFailure
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def twins(team):
    acme = BusinessFactory(team=team, name="Acme", normalized_name="ACME")
    a = person_with_contacts(team, "Robert", "Smith", phone="5125550143", business=acme)
    b = person_with_contacts(team, "Bob", "Smith", phone="5125550143", business=acme)
    return a, b


@pytest.fixture
def foreign_merge(other_team):
    a = person_with_contacts(other_team, "Ann", "Lee", phone="5125550001")
    b = person_with_contacts(other_team, "Ann", "Lee", phone="5125550002")
    return persona_merge(persona_a=a, persona_b=b)


def test_persona_page_shows_history_and_unmerge_restores(operator_client, twins):
    a, b = twins
    history = persona_merge(persona_a=a, persona_b=b)

    page = operator_client.get(reverse("identity:persona-detail", args=[a.pk]))
    assert page.status_code == 200
    assert b"<title>Robert Smith \xc2\xb7 USDataBiz</title>" in page.content
    assert b.pk.encode() in page.content
    assert b"Unmerge" in page.content

    response = operator_client.post(reverse("identity:merge-unmerge", args=[history.pk]), {"note": "not him"})
    assert response.status_code == 302
    b.refresh_from_db()
    assert not b.is_merged
    assert b.phones.count() == 1
    assert StageFailure.objects.filter(code="FALSE_POSITIVE_MERGE").count() == 1


def test_merged_persona_page_points_at_its_survivor(operator_client, twins):
    a, b = twins
    persona_merge(persona_a=a, persona_b=b)
    page = operator_client.get(reverse("identity:persona-detail", args=[b.pk]))
    assert b"merged into" in page.content
    assert a.pk.encode() in page.content


def test_manual_merge_from_the_page(operator_client, team):
    a = person_with_contacts(team, "Kate", "Brown", phone="5125550001")
    b = person_with_contacts(team, "Katherine", "Brown", phone="5125550002")
    response = operator_client.post(reverse("identity:persona-merge", args=[b.pk]), {"other": a.pk})
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.merged_into_id == a.pk
    assert StageFailure.objects.filter(code="FALSE_NEGATIVE").count() == 1


def test_manual_merge_with_another_teams_persona_is_refused(operator_client, team, other_team):
    mine = person_with_contacts(team, "Kate", "Brown")
    theirs = person_with_contacts(other_team, "Kate", "Brown")
    operator_client.post(reverse("identity:persona-merge", args=[mine.pk]), {"other": theirs.pk})
    assert PersonaMergeHistory.objects.count() == 0


def test_review_queue_page_confirm_and_reject(operator_client, team):
    resolution_settings_update(team=team, auto_merge_threshold=1.0, review_threshold=0.5)
    a = person_with_contacts(team, "John", "Smith", phone="5125550143")
    b = person_with_contacts(team, "John", "Smith", phone="5125550143")
    call_command("resolve", team=team.slug, stdout=io.StringIO())
    review = MatchReview.objects.get(team=team)

    page = operator_client.get(reverse("identity:review-list"))
    assert page.status_code == 200
    assert b"Same person: merge" in page.content
    assert a.pk.encode() in page.content
    assert b.pk.encode() in page.content

    operator_client.post(reverse("identity:review-decide", args=[review.pk]), {"decision": "reject"})
    review.refresh_from_db()
    assert review.status == MatchReview.Status.REJECTED
    assert not Persona.objects.filter(is_merged=True).exists()


def test_resolve_button_is_for_admins_only(client, team, operator, team_admin):
    person_with_contacts(team, "John", "Smith", phone="5125550143")
    person_with_contacts(team, "John", "Smith", phone="5125550143")
    client.force_login(operator)
    assert client.post(reverse("identity:resolve-run")).status_code == 403
    assert Persona.objects.filter(is_merged=True).count() == 0
    client.force_login(team_admin)
    assert client.post(reverse("identity:resolve-run")).status_code == 302
    assert Persona.objects.filter(is_merged=True).count() == 1


def test_pages_of_another_team_are_404(operator_client, foreign_merge):
    review_pair = MatchReview.objects.create(
        team_id=foreign_merge.team_id, persona_a=foreign_merge.survivor, persona_b=foreign_merge.merged, score=0.6
    )
    urls = [
        reverse("identity:persona-detail", args=[foreign_merge.survivor_id]),
    ]
    for url in urls:
        assert operator_client.get(url).status_code == 404
    assert operator_client.post(reverse("identity:merge-unmerge", args=[foreign_merge.pk])).status_code == 404
    assert (
        operator_client.post(
            reverse("identity:review-decide", args=[review_pair.pk]), {"decision": "confirm"}
        ).status_code
        == 404
    )
    assert (
        operator_client.post(
            reverse("identity:persona-merge", args=[foreign_merge.survivor_id]), {"other": foreign_merge.merged_id}
        ).status_code
        == 404
    )
    foreign_merge.refresh_from_db()
    assert foreign_merge.undone_at is None
    review_pair.refresh_from_db()
    assert review_pair.status == "pending"


def test_api_detail_has_history_and_merge_unmerge_round_trip(operator_api, twins):
    a, b = twins
    merged = operator_api.post(f"/api/v1/personas/{a.pk}/merge/", {"other": b.pk}, format="json")
    assert merged.status_code == 201
    history_id = merged.json()["id"]
    detail = operator_api.get(f"/api/v1/personas/{a.pk}/").json()
    assert [h["id"] for h in detail["history"]] == [history_id]
    assert detail["merged_from_ids"] == [b.pk]
    listed = {p["id"] for p in operator_api.get("/api/v1/personas/").json()["results"]}
    assert listed == {a.pk}
    old = operator_api.get(f"/api/v1/personas/{b.pk}/").json()
    assert old["is_merged"] is True
    assert old["merged_into"] == a.pk

    undone = operator_api.post(f"/api/v1/personas/{a.pk}/unmerge/", {"history": history_id}, format="json")
    assert undone.status_code == 201
    assert undone.json()["action"] == "unmerge"
    b.refresh_from_db()
    assert not b.is_merged


def test_api_review_decide_and_isolation(operator_api, outsider_api, team):
    resolution_settings_update(team=team, auto_merge_threshold=1.0, review_threshold=0.5)
    person_with_contacts(team, "John", "Smith", phone="5125550143")
    person_with_contacts(team, "John", "Smith", phone="5125550143")
    operator_api.post("/api/v1/personas/resolve/")  # operators may not run resolution
    assert MatchReview.objects.count() == 0
    call_command("resolve", team=team.slug, stdout=io.StringIO())
    review = MatchReview.objects.get()
    pending = operator_api.get("/api/v1/match-reviews/?status=pending").json()
    assert [r["id"] for r in pending["results"]] == [review.pk]
    assert outsider_api.get("/api/v1/match-reviews/").json()["results"] == []
    assert (
        outsider_api.post(
            f"/api/v1/match-reviews/{review.pk}/decide/", {"decision": "confirm"}, format="json"
        ).status_code
        == 404
    )
    decided = operator_api.post(f"/api/v1/match-reviews/{review.pk}/decide/", {"decision": "confirm"}, format="json")
    assert decided.status_code == 200
    assert decided.json()["status"] == "confirmed"


def test_api_other_team_persona_is_404_for_merge_and_unmerge(operator_api, foreign_merge):
    assert operator_api.get(f"/api/v1/personas/{foreign_merge.survivor_id}/").status_code == 404
    assert (
        operator_api.post(
            f"/api/v1/personas/{foreign_merge.survivor_id}/unmerge/", {"history": foreign_merge.pk}, format="json"
        ).status_code
        == 404
    )
    foreign_merge.refresh_from_db()
    assert foreign_merge.undone_at is None


def test_api_resolve_for_team_admins(team, team_admin):
    from conftest import api_client_for

    person_with_contacts(team, "John", "Smith", phone="5125550143")
    person_with_contacts(team, "John", "Smith", phone="5125550143")
    response = api_client_for(team_admin).post("/api/v1/personas/resolve/")
    assert response.status_code == 200
    assert response.json()["merges"] == 1


def test_admin_merge_history_is_scoped_and_unmerge_action_works(client, team, foreign_merge):
    staff = UserFactory(username="staffer", is_staff=True)
    MembershipFactory(team=team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="identity"))
    a = person_with_contacts(team, "Ann", "Lee", phone="5125550001")
    b = person_with_contacts(team, "Ann", "Lee", phone="5125550002")
    mine = persona_merge(persona_a=a, persona_b=b)
    client.force_login(staff)

    changelist = client.get(reverse("admin:identity_personamergehistory_changelist"))
    assert mine.pk.encode() in changelist.content
    assert foreign_merge.pk.encode() not in changelist.content
    foreign_page = client.get(reverse("admin:identity_personamergehistory_change", args=[foreign_merge.pk]))
    assert foreign_page.status_code in (302, 404)

    client.post(
        reverse("admin:identity_personamergehistory_changelist"),
        {"action": "unmerge_selected", "_selected_action": [mine.pk, foreign_merge.pk]},
    )
    mine.refresh_from_db()
    foreign_merge.refresh_from_db()
    assert mine.undone_at is not None
    assert foreign_merge.undone_at is None


def test_commands_resolve_check_and_export(team, twins):
    a, b = twins
    out = io.StringIO()
    call_command("resolve", team=team.slug, json=True, stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["merges"] == 1
    Persona.objects.filter(pk__in=[a.pk, b.pk]).update(source_file="unified-graph/raw/x.csv")
    Persona.objects.filter(pk=a.pk).update(source_record_id=1)
    Persona.objects.filter(pk=b.pk).update(source_record_id=2)

    export = io.StringIO()
    call_command("export_resolution", team=team.slug, stdout=export)
    rows = list(csv.reader(io.StringIO(export.getvalue())))
    assert rows == [
        ["source_file", "source_record_id", "persona_id"],
        ["unified-graph/raw/x.csv", "1", a.pk],
        ["unified-graph/raw/x.csv", "2", a.pk],
    ]

    check = io.StringIO()
    call_command("check_identity", team=team.slug, stdout=check)
    assert "0 problems" in check.getvalue()
    a.phones.update(persona=b)  # corrupt on purpose: records on a merged persona
    with pytest.raises(SystemExit) as exit_info:
        call_command("check_identity", team=team.slug, stdout=io.StringIO())
    assert exit_info.value.code == 1
    assert StageFailure.objects.filter(code="ORPHAN_RECORDS").exists()


@pytest.mark.parametrize("model_name", ["matchreview", "resolutionsettings"])
def test_admin_lists_of_review_pairs_and_settings_are_scoped(client, team, other_team, model_name):
    from identity.services import resolution_settings_get

    staff = UserFactory(username="staffer2", is_staff=True)
    MembershipFactory(team=team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="identity"))
    rows = {}
    for owner in (team, other_team):
        a = person_with_contacts(owner, "Ann", "Lee")
        b = person_with_contacts(owner, "Ann", "Lee")
        first, second = sorted([a.pk, b.pk])
        if model_name == "matchreview":
            rows[owner.pk] = MatchReview.objects.create(team=owner, persona_a_id=first, persona_b_id=second, score=0.6)
        else:
            rows[owner.pk] = resolution_settings_get(team=owner)
    client.force_login(staff)
    changelist = client.get(reverse(f"admin:identity_{model_name}_changelist"))
    assert changelist.status_code == 200
    assert rows[team.pk].pk.encode() in changelist.content
    assert rows[other_team.pk].pk.encode() not in changelist.content
    foreign = client.get(reverse(f"admin:identity_{model_name}_change", args=[rows[other_team.pk].pk]))
    assert foreign.status_code in (302, 404)


def test_review_page_shows_both_businesses_side_by_side_with_scores_of_the_values_shown(operator_client, team):
    resolution_settings_update(team=team, auto_merge_threshold=1.0, review_threshold=0.5)
    north = BusinessFactory(
        team=team, name="Beauman Roofing LLC", normalized_name="BEAUMAN ROOFING", address="1 Elm St"
    )
    south = BusinessFactory(
        team=team, name="Beauman Roofing Inc", normalized_name="BEAUMAN ROOFING INC", address="9 Oak"
    )
    a = person_with_contacts(team, "Brett", "Beauman", phone="5125550143", business=north)
    b = person_with_contacts(team, "Brett", "Beauman", phone="5125550143", business=south)
    call_command("resolve", team=team.slug, stdout=io.StringIO())
    review = MatchReview.objects.get(team=team)

    page = operator_client.get(reverse("identity:review-list")).content.decode()

    side_by_side = page[page.index('data-testid="businesses-side-by-side"') :]
    row = side_by_side[: side_by_side.index("</tr>")]
    assert "Beauman Roofing LLC" in row
    assert "Beauman Roofing Inc" in row
    assert "1 Elm St" in row
    assert "9 Oak" in row
    # the phone row of the field scores shows the two equal numbers and a positive "shared" weight
    phone = review.reasons["fields"]["phone"]
    assert phone["a"] == phone["b"] == ["5125550143"]
    assert phone["level"] == "shared"
    assert phone["weight"] > 0
    scores = page[page.index('data-field="phone"') :]
    scores = scores[: scores.index("</tr>")]
    assert scores.count("5125550143") == 2
    assert "shared" in scores
    assert f"{phone['weight']:.2f}" in scores
    assert a.pk in page
    assert b.pk in page


def test_a_runs_automatic_merges_are_listed_explained_and_undoable(operator_client, team, twins):
    a, b = twins
    call_command("resolve", team=team.slug, stdout=io.StringIO())
    history = PersonaMergeHistory.objects.get(team=team, action="merge")
    assert history.run_id is not None
    assert history.reasons["model"] == "fellegi-sunter"
    assert history.reasons["fields"]["first_name"]["weight"] > 0  # ROBERT / BOB: nicknames

    page = operator_client.get(reverse("identity:merge-list"), {"run": history.run_id}).content.decode()
    assert history.pk in page
    assert 'data-testid="match-explanation"' in page
    assert (
        operator_client.get(reverse("identity:merge-list"), {"run": "sr_other"})
        .content.decode()
        .count('data-testid="automatic-merge"')
        == 0
    )

    response = operator_client.post(reverse("identity:merge-unmerge", args=[history.pk]), {"note": "two people"})
    assert response.status_code == 302
    b.refresh_from_db()
    history.refresh_from_db()
    assert not b.is_merged
    assert history.undone_at is not None
    assert b.phones.count() == 1
    assert MatchReview.objects.get(team=team).status == MatchReview.Status.REJECTED
    # the next run does not merge them again
    Persona.objects.filter(pk__in=[a.pk, b.pk]).update(resolved_at=None)
    call_command("resolve", team=team.slug, stdout=io.StringIO())
    b.refresh_from_db()
    assert not b.is_merged


def test_merge_list_shows_no_other_teams_merges(operator_client, team, foreign_merge):
    page = operator_client.get(reverse("identity:merge-list")).content.decode()
    assert foreign_merge.pk not in page


def test_the_persona_and_review_filters_refuse_what_they_cannot_read(operator_api, twins, operator):
    a, b = twins
    persona_merge(persona_a=a, persona_b=b, user=operator)

    listed = operator_api.get("/api/v1/personas/").json()["results"]
    every = operator_api.get("/api/v1/personas/?include_merged=true").json()["results"]
    assert len(every) == len(listed) + 1
    assert len(operator_api.get("/api/v1/personas/?include_merged=").json()["results"]) == len(listed)
    junk = operator_api.get("/api/v1/personas/?include_merged=junk")
    assert junk.status_code == 400
    assert "include_merged" in json.dumps(junk.json())

    for bad in ("maybe", "pending\x00"):
        refused = operator_api.get("/api/v1/match-reviews/", {"status": bad})
        assert refused.status_code == 400
        assert "status" in json.dumps(refused.json())
    assert operator_api.get("/api/v1/match-reviews/?status=pending").status_code == 200


def test_the_explanation_shows_a_place_not_counted_for_one_person_at_another_office():
    from django.template.loader import render_to_string

    from identity import resolution
    from identity.tests.test_resolution import _names_model, _two_offices

    model = _names_model(last_name=[("BEAUMAN", 2), *[(f"NAME{i}", 5) for i in range(200)]])
    austin, dallas = _two_offices()
    _, reasons = resolution.score(austin, dallas, model)
    page = render_to_string("identity/_match_explanation.html", {"explanation": resolution.explain(reasons)})
    address = page[page.index('data-field="address"') :]
    address = address[: address.index("</tr>")]
    assert "12 MAIN ST 78701" in address
    assert "9 ELM ST 75201" in address
    assert "not counted: another office of the same company" in address
    phone = page[page.index('data-field="phone"') :]
    assert "not counted" not in phone[: phone.index("</tr>")]
