package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI over the admin API: users and stats, run in-process against a real server. */
class AdminCliTest extends AdminCliHarness {
    @Test
    void usersListShowsATableThatPagesWithTheCursorAndJsonThatParses() throws IOException {
        start();
        List<String> ids = guests(3);

        Run table = atrium("users", "list", "--app", server.appId(), "--url", server.baseUrl(), "--data-dir", dir.toString());
        Run first = api("users", "list", "--app", server.appId(), "--limit", "2");
        String cursor = first.out().lines().filter(l -> l.startsWith("next page: --cursor ")).findFirst().orElseThrow()
                .substring("next page: --cursor ".length());
        Run second = api("users", "list", "--app", server.appId(), "--limit", "2", "--cursor", cursor);
        Run json = api("users", "list", "--app", server.appId(), "--json");

        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow())
                .matches("ID +IDENTITY +KIND +PROVIDERS +DISABLED +CREATED +LAST ACTIVE");
        assertThat(table.out()).contains(ids.get(0), ids.get(1), ids.get(2)).contains("anonymous").contains("anon-user")
                .contains("(last page)").contains("3 users match");
        assertThat(first.out()).contains(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));
        assertThat(second.out()).contains(ids.get(2)).doesNotContain(ids.get(0)).contains("(last page)");
        assertThat(json.code()).isZero();
        assertThat(json.json().get("users")).hasSize(3);
        assertThat(json.json().get("users").get(0).get("id").asText()).isEqualTo(ids.get(0));
        assertThat(json.json().hasNonNull("next_cursor")).as("no next page").isFalse();
    }

    @Test
    void usersGetDisableEnableRevokeAndDeleteOneGuest() throws IOException {
        start();
        String id = guests(1).getFirst();
        String app = server.appId();

        Run get = api("users", "get", "--app", app, id);
        Run disable = api("users", "disable", "--app", app, id);
        Run disabledOnly = api("users", "list", "--app", app, "--disabled", "true", "--json");
        Run enable = api("users", "enable", "--app", app, id, "--json");
        Run revoke = api("users", "revoke", "--app", app, id);
        Run delete = api("users", "delete", "--app", app, id);
        Run gone = api("users", "get", "--app", app, id);

        assertThat(get.code()).as(get.err()).isZero();
        assertThat(get.out()).contains("IDENTITY", "PROVIDER", "SESSION", "EXPIRES", id, "anon-user", "anonymous");
        assertThat(disable.out()).contains("user " + id + " disabled");
        assertThat(disabledOnly.json().get("users")).hasSize(1);
        assertThat(enable.json().get("disabled").asBoolean()).isFalse();
        assertThat(enable.json().get("sessions")).hasSize(1);
        assertThat(revoke.out()).contains("revoked 1 sessions of user " + id);
        assertThat(delete.out()).contains("user " + id + " deleted");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("atrium: UserNotFound: user not found: " + id);
    }

    @Test
    void usersPasskeysListsThemAndRevokePasskeyRemovesOne() throws IOException {
        start();
        String id = guests(1).getFirst();
        String app = server.appId();
        var passkey = new dev.atrium.core.auth.passkey.PasskeyCredential("65e1a0c0aaaaaaaaaaaaaaaa", app, id, "q83vEjRWeJA",
                "AAAA", "00000000-0000-0000-0000-000000000000", 3, List.of("internal"), true, true, "Phone",
                server.clock.instant(), null);
        assertThat(server.atrium.store().passkeys().insertCredential(passkey)).isTrue();

        Run listed = api("users", "passkeys", "--app", app, id);
        Run revoked = api("users", "revoke-passkey", "--app", app, id, passkey.id());
        Run again = api("users", "revoke-passkey", "--app", app, id, passkey.id());
        Run empty = api("users", "passkeys", "--app", app, id, "--json");

        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out().lines().findFirst().orElseThrow()).matches("ID +NAME +CREDENTIAL ID +CREATED +LAST USED +SYNCED");
        assertThat(listed.out()).contains(passkey.id(), "Phone", "q83vEjRWeJA");
        assertThat(revoked.out()).contains("passkey " + passkey.id() + " of user " + id + " revoked");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("atrium: PasskeyNotFound: passkey not found");
        assertThat(empty.json().get("passkeys")).isEmpty();
    }

    @Test
    void bulkDeleteOnlyCountsUntilYesAndEmptiesTheAppOnlyWithAll() throws IOException {
        start();
        Instant now = server.clock.instant();
        server.clock.set(now.minus(Duration.ofDays(2)));
        List<String> old = guests(2);
        server.clock.set(now);
        String recent = guests(1).getFirst();
        String before = now.minus(Duration.ofDays(1)).toString();

        Run dry = api("users", "bulk-delete", "--app", server.appId(), "--created-before", before);
        Run afterDry = api("users", "list", "--app", server.appId(), "--json");
        Run real = api("users", "bulk-delete", "--app", server.appId(), "--created-before", before, "--kind", "anonymous", "--yes");
        Run left = api("users", "list", "--app", server.appId(), "--json");
        Run badFilter = api("users", "bulk-delete", "--app", server.appId(), "--inactive-since", "yesterday");
        Run everyoneWithoutAll = api("users", "bulk-delete", "--app", server.appId(), "--yes");
        Run stillThere = api("users", "list", "--app", server.appId(), "--json");
        Run everyone = api("users", "bulk-delete", "--app", server.appId(), "--yes", "--all");

        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would delete 2 users").contains("--yes");
        assertThat(afterDry.json().get("users")).hasSize(3);
        assertThat(real.out()).contains("deleted 2 users of app " + server.appId());
        assertThat(left.json().get("users")).hasSize(1);
        assertThat(left.json().get("users").get(0).get("id").asText()).isEqualTo(recent).isNotIn(old);
        assertThat(badFilter.code()).isEqualTo(1);
        assertThat(badFilter.err()).contains("InvalidParameter: inactive_since must be an ISO-8601 instant");
        assertThat(everyoneWithoutAll.code()).isEqualTo(1);
        assertThat(everyoneWithoutAll.err()).contains("every user of the app");
        assertThat(stillThere.json().get("users")).hasSize(1);
        assertThat(everyone.out()).contains("deleted 1 users of app " + server.appId());
    }

    @Test
    void statsShowUsersByKindThenGuestSignUpsPerHour() throws IOException {
        start();
        guests(3);

        Run table = api("stats", "--app", server.appId(), "--hours", "3");
        Run json = api("stats", "--app", server.appId(), "--json");
        Run bad = api("stats", "--app", server.appId(), "--hours", "0");

        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("anonymous +3").containsPattern("total +3")
                .containsPattern("HOUR +GUEST SIGN-UPS +CONVERSIONS +MERGES +SWEPT +DELETED").contains("swept in total: 0")
                .containsPattern("CONVERTED BY +LINKED +MERGED +TOTAL").contains("(none in this period)");
        assertThat(table.out().lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT.*")).count()).isEqualTo(3);
        JsonNode stats = json.json();
        assertThat(stats.get("users").get("anonymous").asInt()).isEqualTo(3);
        assertThat(stats.get("hours")).hasSize(48);
        int signups = 0;
        for (JsonNode h : stats.get("hours")) {
            signups += h.get("guest_signups").asInt();
        }
        assertThat(signups).isEqualTo(3);
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("InvalidParameter: hours must be 1..720");
    }

    @Test
    void usersCreateSearchSortAndResetPasswordThroughTheApi() throws IOException {
        start();
        server.enable("local-userpass", java.util.Map.of());
        String app = server.appId();
        guests(1);

        Run create = api("users", "create", "--app", app, "--email", "Ann@Example.com", "--password", "secret-12");
        Run again = api("users", "create", "--app", app, "--email", "ann@example.com", "--password", "secret-12");
        Run search = api("users", "list", "--app", app, "--search", "ANN@");
        Run newest = api("users", "list", "--app", app, "--sort", "-created", "--json");
        Run badSort = api("users", "list", "--app", app, "--sort", "name");
        String id = search.out().lines().filter(l -> l.contains("ann@example.com")).findFirst().orElseThrow().split(" +")[0];
        Run reset = api("users", "reset-password", "--app", app, id);
        Run invite = api("users", "invite", "--app", app, "--email", "bea@example.com");

        assertThat(create.code()).as(create.err()).isZero();
        assertThat(create.out()).contains("created for Ann@Example.com");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("AccountNameInUse");
        assertThat(search.out()).contains("ann@example.com").contains("1 users match");
        assertThat(newest.json().get("users").get(0).get("email").asText()).isEqualTo("ann@example.com");
        assertThat(newest.json().get("total").asInt()).isEqualTo(2);
        assertThat(badSort.err()).contains("InvalidParameter: sort must be one of created, -created, last_active, -last_active");
        assertThat(reset.code()).as("local-userpass has no reset channel here").isEqualTo(1);
        assertThat(reset.err()).contains("password reset is not configured");
        assertThat(invite.err()).contains("password reset is not configured");
    }

    @Test
    void eventsListByStateAndTypeAndRetryOnTheStore() throws IOException {
        start();
        guests(2);
        String app = server.appId();
        long seq = server.atrium.store().events().recent(app, 1).getFirst().seq();
        server.atrium.store().events().retryLater(seq, 3, server.clock.instant().plus(Duration.ofHours(1)), "HTTP 503");

        Run failed = atrium("events", "list", "--app", app, "--state", "failed", "--data-dir", dir.toString());
        Run created = atrium("events", "list", "--app", app, "--type", "user.created", "--data-dir", dir.toString());
        Run bad = atrium("events", "list", "--state", "lost", "--data-dir", dir.toString());
        Run retry = atrium("events", "retry", "--app", app, "--data-dir", dir.toString());

        assertThat(failed.code()).as(failed.err()).isZero();
        List<String> failedRows = failed.out().lines().toList();
        List<String> createdRows = created.out().lines().toList();
        assertThat(failedRows.subList(1, failedRows.size())).hasSize(1).allMatch(l -> l.contains("HTTP 503")); // after the header
        assertThat(createdRows.size() - 1).isGreaterThanOrEqualTo(2);
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("state must be one of pending, failed, delivered, skipped");
        assertThat(retry.code()).as(retry.err()).isZero();
        assertThat(retry.out()).contains("1 failed deliveries of app " + app + " are due now");
    }

    @Test
    void statsShowConversionsByProviderWithLinksAndMergesApart() throws IOException {
        start();
        server.enable("local-userpass", java.util.Map.of());
        server.enable("api-key", java.util.Map.of());
        dev.atrium.server.testing.Accounts accounts = new dev.atrium.server.testing.Accounts(server);
        accounts.emailUser("ann@example.com");
        accounts.guestWithLinkedKey();
        accounts.register("bob@example.com");
        link(server.guestLogin().get("access_token").asText(), "bob@example.com");
        String guest = server.guestLogin().get("access_token").asText();
        String ticket = link(guest, "ann@example.com").json().get("merge_ticket").asText();
        assertThat(server.send("POST", server.client("/app/" + server.appId() + "/auth/merge"), guest,
                "{\"merge_ticket\":\"" + ticket + "\"}").status()).isEqualTo(200);

        Run table = api("stats", "--app", server.appId(), "--hours", "1");
        Run json = api("stats", "--app", server.appId(), "--hours", "1", "--json");

        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("CONVERTED BY +LINKED +MERGED +TOTAL\\R+local-userpass +1 +1 +2\\R+api-key +1 +0 +1");
        JsonNode hour = json.json().get("hours").get(0);
        assertThat(hour.get("conversions").asInt()).isEqualTo(3);
        assertThat(hour.get("merges").asInt()).isEqualTo(1);
        assertThat(hour.get("conversions_by_provider").get("local-userpass").asInt()).isEqualTo(2);
        assertThat(hour.get("conversions_by_provider").get("api-key").asInt()).isEqualTo(1);
        assertThat(json.json().get("conversions").get(0).get("provider").asText()).isEqualTo("local-userpass");
    }

    @Test
    void mergedGuestIsASettingOfTheApiAndTheStoreAndABadValueIsAUsageError() throws IOException {
        start();
        String app = server.appId();

        Run shownDefault = api("apps", "settings", "--app", app, "--json");
        Run keep = api("apps", "configure", "--app", app, "--merged-guest", "keep");
        Run shownKeep = api("apps", "settings", "--app", app);
        Run back = store("apps", "configure", "--app", app, "--merged-guest", "delete");
        Run shownBack = api("apps", "settings", "--app", app, "--json");
        Run bad = api("apps", "configure", "--app", app, "--merged-guest", "archive");

        assertThat(shownDefault.json().get("merged_guest").asText()).isEqualTo("delete");
        assertThat(keep.code()).as(keep.err()).isZero();
        assertThat(keep.out()).contains("merged_guest=keep");
        assertThat(shownKeep.out()).containsPattern("merged_guest +keep");
        assertThat(back.code()).as(back.err()).isZero();
        assertThat(shownBack.json().get("merged_guest").asText()).isEqualTo("delete");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--merged-guest").contains("'archive' is neither delete nor keep");
    }

    private dev.atrium.server.testing.Http.Reply link(String access, String email) {
        return server.send("POST", server.provider("local-userpass", "login?link=true"), access,
                dev.atrium.server.testing.Accounts.credentials(email, dev.atrium.server.testing.Accounts.PASSWORD));
    }
}
