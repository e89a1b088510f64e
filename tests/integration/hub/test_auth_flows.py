"""Auth through the official Python client: sign-up, sign-in, user, refresh, sign-out."""

from __future__ import annotations

import logging

import pytest
from supabase_auth.errors import AuthApiError

from gfdesk.hub.context import KEYS
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import DEFAULT_PASSWORD, anon_client, user_client
from tests.helpers.logfail import ExpectedLogs
from tests.integration.hub.authraw import auth_request

PASSWORD = DEFAULT_PASSWORD


def profile_of(hub: RunningHub, user_id: str) -> tuple[str, str]:
    [row] = hub.store.query("SELECT username, display_name FROM profiles WHERE id = ?",
                            (user_id,))
    return row["username"], row["display_name"]


async def test_sign_up_signs_in_at_once_and_creates_the_profile(hub: RunningHub) -> None:
    client = await anon_client(hub)
    events: list[str] = []
    client.auth.on_auth_state_change(lambda event, _session: events.append(event))
    result = await client.auth.sign_up({
        "email": "Ann@Example.com", "password": PASSWORD,
        "options": {"data": {"username": "ann_gg", "display_name": "Ann"}},
    })
    assert result.session is not None and result.user is not None
    assert events == ["SIGNED_IN"]
    user = result.user
    assert user.email == "ann@example.com"
    assert user.email_confirmed_at is not None and user.last_sign_in_at is not None
    assert user.app_metadata == {"provider": "email", "providers": ["email"]}
    assert user.user_metadata == {
        "username": "ann_gg", "display_name": "Ann", "email": "ann@example.com",
        "email_verified": True, "phone_verified": False, "sub": user.id,
    }
    assert user.identities is not None and user.identities[0].user_id == user.id
    assert profile_of(hub, user.id) == ("ann_gg", "Ann")
    rest = await client.table("profiles").select("username, display_name").eq(
        "id", user.id).execute()
    assert rest.data == [{"username": "ann_gg", "display_name": "Ann"}]


async def test_usernames_default_to_the_email_local_part_made_unique(hub: RunningHub) -> None:
    first = await (await anon_client(hub)).auth.sign_up(
        {"email": "bob@one.example", "password": PASSWORD})
    second = await (await anon_client(hub)).auth.sign_up(
        {"email": "bob@two.example", "password": PASSWORD})
    assert first.user is not None and second.user is not None
    assert profile_of(hub, first.user.id)[0] == "bob"
    assert profile_of(hub, second.user.id)[0] == "bob2"


async def test_sign_in_issues_a_token_with_gotrue_claims(hub: RunningHub) -> None:
    await user_client(hub, "cat@example.com", nick="cat")
    client = await anon_client(hub)
    result = await client.auth.sign_in_with_password(
        {"email": "CAT@example.com", "password": PASSWORD})
    session = result.session
    assert session is not None and session.user.email == "cat@example.com"
    claims = hub.app[KEYS].decode(session.access_token)
    assert claims["iss"] == f"{hub.url}/auth/v1"
    assert claims["sub"] == session.user.id
    assert (claims["aud"], claims["role"], claims["aal"]) == (
        "authenticated", "authenticated", "aal1",
    )
    assert claims["exp"] - claims["iat"] == session.expires_in == 3600
    assert session.expires_at == claims["exp"]
    assert claims["amr"][0]["method"] == "password"
    assert claims["user_metadata"]["nick"] == "cat"
    fetched = await client.auth.get_user()
    assert fetched is not None and fetched.user.id == session.user.id


async def test_refresh_rotates_and_reuse_revokes_the_whole_family(
    hub: RunningHub, expected_logs: ExpectedLogs
) -> None:
    expected_logs.allow("gfdesk.hub", "refresh token reuse")
    client = await user_client(hub, "dan@example.com")
    first = await client.auth.get_session()
    assert first is not None
    refreshed = (await client.auth.refresh_session()).session
    assert refreshed is not None
    assert refreshed.refresh_token != first.refresh_token
    assert refreshed.user.id == first.user.id
    again = (await client.auth.refresh_session()).session
    assert again is not None and again.refresh_token != refreshed.refresh_token

    with pytest.raises(AuthApiError) as reused:
        await client.auth.refresh_session(first.refresh_token)
    assert (reused.value.status, reused.value.code) == (400, "refresh_token_already_used")
    assert reused.value.message == "Invalid Refresh Token: Already Used"
    # The newest token died with its family, and the session with it.
    with pytest.raises(AuthApiError) as newest:
        await client.auth.refresh_session(again.refresh_token)
    # supabase_auth's ErrorCode literal lacks the refresh-token codes GoTrue sends.
    assert str(newest.value.code) == "refresh_token_already_used"
    with pytest.raises(AuthApiError) as ended:
        await client.auth.get_user(again.access_token)
    assert (ended.value.status, ended.value.code) == (403, "session_not_found")


async def test_other_sessions_survive_a_reuse_in_one_session(
    hub: RunningHub, expected_logs: ExpectedLogs
) -> None:
    expected_logs.allow("gfdesk.hub", "refresh token reuse")
    laptop = await user_client(hub, "eve@example.com")
    phone = await user_client(hub, "eve@example.com")
    stolen = await laptop.auth.get_session()
    assert stolen is not None
    await laptop.auth.refresh_session()
    with pytest.raises(AuthApiError):
        await laptop.auth.refresh_session(stolen.refresh_token)
    assert (await phone.auth.refresh_session()).session is not None


async def test_sign_out_ends_the_session_server_side(hub: RunningHub) -> None:
    client = await user_client(hub, "fay@example.com")
    session = await client.auth.get_session()
    assert session is not None
    await client.auth.sign_out()
    assert await client.auth.get_session() is None
    with pytest.raises(AuthApiError) as gone:
        await client.auth.get_user(session.access_token)
    assert (gone.value.status, gone.value.code) == (403, "session_not_found")
    assert gone.value.message == "Session from session_id claim in JWT does not exist"
    with pytest.raises(AuthApiError) as refresh:
        await client.auth.refresh_session(session.refresh_token)
    assert (refresh.value.status, refresh.value.code) == (400, "refresh_token_not_found")


@pytest.mark.parametrize(
    ("scope", "first_alive", "second_alive"),
    [("local", False, True), ("others", True, False), ("global", False, False)],
)
async def test_logout_scopes(hub: RunningHub, scope: str, first_alive: bool,
                             second_alive: bool) -> None:
    first = await user_client(hub, "gus@example.com")
    second = await user_client(hub, "gus@example.com")
    tokens = []
    for client in (first, second):
        session = await client.auth.get_session()
        assert session is not None
        tokens.append(session.access_token)
    response = await auth_request(hub, "POST", f"logout?scope={scope}",
                                  headers={"Authorization": f"Bearer {tokens[0]}"})
    assert (response.status, response.body) == (204, None)
    for token, alive in zip(tokens, (first_alive, second_alive), strict=True):
        if alive:
            assert (await first.auth.get_user(token)) is not None
        else:
            with pytest.raises(AuthApiError) as gone:
                await first.auth.get_user(token)
            assert gone.value.code == "session_not_found"


async def test_update_user_changes_metadata_and_password(hub: RunningHub) -> None:
    elsewhere = await user_client(hub, "hal@example.com", nick="hal")
    elsewhere_session = await elsewhere.auth.get_session()
    assert elsewhere_session is not None
    client = await user_client(hub, "hal@example.com")
    updated = await client.auth.update_user({"data": {"nick": "hal9000", "team": "red"}})
    assert updated.user.user_metadata["nick"] == "hal9000"
    assert updated.user.user_metadata["team"] == "red"
    assert updated.user.user_metadata["sub"] == updated.user.id

    with pytest.raises(AuthApiError) as same:
        await client.auth.update_user({"password": PASSWORD})
    assert (same.value.status, same.value.code) == (422, "same_password")
    await client.auth.update_user({"password": "a-brand-new-passphrase"})
    # The other session is signed out; this one lives on.
    with pytest.raises(AuthApiError) as signed_out:
        await client.auth.get_user(elsewhere_session.access_token)
    assert signed_out.value.code == "session_not_found"
    assert await client.auth.get_user() is not None
    other = await anon_client(hub)
    with pytest.raises(AuthApiError) as old:
        await other.auth.sign_in_with_password({"email": "hal@example.com", "password": PASSWORD})
    assert old.value.code == "invalid_credentials"
    signed_in = await other.auth.sign_in_with_password(
        {"email": "hal@example.com", "password": "a-brand-new-passphrase"})
    assert signed_in.user is not None and signed_in.user.user_metadata["nick"] == "hal9000"


async def test_settings_and_health_answer_like_gotrue(hub: RunningHub) -> None:
    settings = await auth_request(hub, "GET", "settings")
    assert settings.status == 200
    assert settings.body["external"]["email"] is True
    assert settings.body["mailer_autoconfirm"] is True
    assert settings.body["disable_signup"] is False
    health = await auth_request(hub, "GET", "health")
    assert health.status == 200
    assert health.body["name"] == "GoTrue"
    assert set(health.body) == {"version", "name", "description"}


async def test_no_password_or_token_reaches_the_logs(
    hub: RunningHub, caplog: pytest.LogCaptureFixture, expected_logs: ExpectedLogs
) -> None:
    expected_logs.allow("gfdesk.hub", "refresh token reuse")
    caplog.set_level(logging.DEBUG)
    client = await anon_client(hub)
    signed_up = (await client.auth.sign_up(
        {"email": "ida@example.com", "password": PASSWORD})).session
    with pytest.raises(AuthApiError):
        await client.auth.sign_in_with_password(
            {"email": "ida@example.com", "password": "a-wrong-guess"})
    refreshed = (await client.auth.refresh_session()).session
    assert signed_up is not None and refreshed is not None
    with pytest.raises(AuthApiError):
        await client.auth.refresh_session(signed_up.refresh_token)
    await client.auth.sign_out()
    secrets = [PASSWORD, "a-wrong-guess", signed_up.access_token, signed_up.refresh_token,
               refreshed.access_token, refreshed.refresh_token, hub.anon_key]
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "signed up" in logged  # the auth log lines were captured
    assert not [secret for secret in secrets if secret in logged]
