package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.merge.MergeService;
import dev.atrium.server.testing.Accounts;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.Tokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest refused a link for an identity another user holds, then merged into that user
 * (docs/client-api.md, Merging a guest): the 409 with its ticket, the merge, and every refusal,
 * which changes nothing.
 */
class MergeTest {
    @TempDir
    Path dir;
    TestServer server;
    Accounts accounts;

    @BeforeEach
    void start() {
        server = TestServer.sqlite(dir);
        server.enable("local-userpass", Map.of());
        server.enable("api-key", Map.of());
        accounts = new Accounts(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A guest's tokens and device. */
    record Guest(String userId, String access, String refresh, String deviceId) {
        static Guest of(JsonNode login) {
            return new Guest(login.get("user_id").asText(), login.get("access_token").asText(),
                    login.get("refresh_token").asText(), login.get("device_id").asText());
        }
    }

    private Guest guest() {
        return Guest.of(server.guestLogin());
    }

    private Http.Reply link(String access, String email) {
        return server.send("POST", server.provider("local-userpass", "login?link=true"), access,
                Accounts.credentials(email, Accounts.PASSWORD));
    }

    private String mergeUrl() {
        return server.client("/app/" + server.appId() + "/auth/merge");
    }

    private Http.Reply merge(String access, String ticket) {
        return server.send("POST", mergeUrl(), access, "{\"merge_ticket\":\"" + ticket + "\"}");
    }

    /** The ticket the guest gets by linking {@code email}, which another user holds. */
    private String ticket(Guest g, String email) {
        Http.Reply r = link(g.access(), email);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        return r.json().get("merge_ticket").asText();
    }

    private List<String> eventsOf(String userId) {
        return server.atrium.store().events().recent(server.appId(), 1000).stream().filter(e -> e.userId().equals(userId))
                .sorted(java.util.Comparator.comparingLong(UserEvent::seq)).map(e -> e.type() + ":" + e.detail()).toList();
    }

    /** What a refused request must leave as it was. */
    private List<Long> rows() {
        return List.of(server.count("users"), server.count("identities"), server.count("sessions"), server.count("events"));
    }

    @Test
    void aGuestsLinkToAnotherUsersEmailIsThe409ItAlwaysWasWithAMergeTicketBesides() {
        accounts.emailUser("ann@example.com");
        Guest g = guest();

        Http.Reply r = link(g.access(), "ann@example.com");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error_code").asText()).isEqualTo("LinkRefused");
        assertThat(r.json().get("error").asText()).isEqualTo("link refused: this local-userpass identity already belongs to another user");
        assertThat(r.json().get("link").asText()).startsWith("urn:atrium:request:");
        assertThat(r.json().get("merge_ticket").asText()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(r.json().properties()).extracting(Map.Entry::getKey).containsExactly("error", "error_code", "link", "merge_ticket");
        assertThat(server.send("GET", server.client("/auth/profile"), g.access(), null).json()
                .get("identities").findValuesAsText("provider_type")).containsExactly("anon-user");
    }

    @Test
    void noTicketForALinkedUserNorForWrongCredentialsNorForAnIdentityNobodyHolds() {
        accounts.emailUser("ann@example.com");
        Accounts.Held linked = accounts.guestWithLinkedKey();
        accounts.register("cat@example.com");
        Guest g = guest();

        for (Http.Reply r : List.of(link(linked.access(), "ann@example.com"),
                server.send("POST", server.provider("local-userpass", "login?link=true"), g.access(),
                        Accounts.credentials("ann@example.com", "wrong-password")))) {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().has("merge_ticket")).as(r.body()).isFalse();
        }
        assertThat(link(g.access(), "cat@example.com").status()).isEqualTo(200);
        assertThat(server.count("merge_tickets")).isZero();
    }

    @Test
    void mergeLogsThisDeviceInAsTheEmailsUserAndTheGuestGoesAfterItsMergedEvent() {
        Accounts.Held ann = accounts.emailUser("ann@example.com");
        Guest g = guest();
        String ticket = ticket(g, "ann@example.com");

        Http.Reply r = merge(g.access(), ticket);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().properties()).extracting(Map.Entry::getKey)
                .containsExactly("access_token", "refresh_token", "user_id", "device_id");
        assertThat(r.json().get("user_id").asText()).isEqualTo(ann.userId());
        assertThat(r.json().get("device_id").asText()).isEqualTo(g.deviceId());
        assertThat(Tokens.claims(r.json().get("access_token").asText()).getSubject()).isEqualTo(ann.userId());
        assertThat(Tokens.claims(r.json().get("access_token").asText()).getClaim("is_anonymous")).isEqualTo(false);
        JsonNode profile = server.send("GET", server.client("/auth/profile"), r.json().get("access_token").asText(), null).json();
        assertThat(profile.get("user_id").asText()).isEqualTo(ann.userId());
        assertThat(server.send("POST", server.client("/auth/session"), r.json().get("refresh_token").asText(), null).status())
                .isEqualTo(201);
        assertThat(server.send("POST", server.client("/auth/session"), g.refresh(), null).status()).isEqualTo(401);
        assertThat(server.send("POST", server.client("/auth/session"), ann.refresh(), null).status())
                .as("the holder's other sessions are untouched").isEqualTo(201);
        assertThat(server.atrium.store().users().find(server.appId(), g.userId())).isEmpty();
        assertThat(eventsOf(g.userId())).containsExactly("user.created:anon-user", "user.merged:local-userpass",
                "user.deleted:merged");
        assertThat(server.atrium.store().events().recent(server.appId(), 10)).filteredOn(e -> e.type().equals(UserEvent.MERGED))
                .singleElement().extracting(UserEvent::intoUserId).isEqualTo(ann.userId());
    }

    @Test
    void withMergedGuestKeepTheGuestStaysForTheAppToDeleteButItsSessionsEnd() {
        Accounts.Held ann = accounts.emailUser("ann@example.com");
        Http.Reply set = accounts.admin("PATCH", "/settings", "{\"merged_guest\":\"keep\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("merged_guest").asText()).isEqualTo("keep");
        Guest g = guest();

        Http.Reply r = merge(g.access(), ticket(g, "ann@example.com"));

        assertThat(r.json().get("user_id").asText()).isEqualTo(ann.userId());
        assertThat(server.atrium.store().users().find(server.appId(), g.userId())).isPresent();
        assertThat(server.send("POST", server.client("/auth/session"), g.refresh(), null).status()).isEqualTo(401);
        assertThat(eventsOf(g.userId())).containsExactly("user.created:anon-user", "user.merged:local-userpass");
    }

    @Test
    void refusedMergesAnswerTheirErrorAndChangeNothing() {
        accounts.emailUser("ann@example.com");
        accounts.register("bob@example.com");
        Guest g = guest();
        Guest other = guest();
        String ticket = ticket(g, "ann@example.com");
        Guest expiring = guest();
        String old = ticket(expiring, "ann@example.com");
        Guest linkedSince = guest();
        String before = ticket(linkedSince, "ann@example.com");
        assertThat(link(linkedSince.access(), "bob@example.com").status()).isEqualTo(200);
        server.clock.advance(MergeService.TICKET_LIFETIME.minusSeconds(1));
        String fresh = ticket(g, "ann@example.com");
        server.clock.advance(java.time.Duration.ofSeconds(1));
        List<Long> rows = rows();

        record Refusal(String why, String token, String body, int status, String code) {}
        for (Refusal x : List.of(
                new Refusal("no ticket", g.access(), "{}", 400, "MissingParameter"),
                new Refusal("an empty ticket", g.access(), "{\"merge_ticket\":\"\"}", 400, "MissingParameter"),
                new Refusal("a ticket that is not a string", g.access(), "{\"merge_ticket\":42}", 400, "InvalidParameter"),
                new Refusal("not JSON", g.access(), "merge_ticket", 400, "BadRequest"),
                new Refusal("an unknown ticket", g.access(), "{\"merge_ticket\":\"nope\"}", 409, "MergeRefused"),
                new Refusal("another guest's ticket", other.access(), "{\"merge_ticket\":\"" + fresh + "\"}", 409, "MergeRefused"),
                new Refusal("an expired ticket", expiring.access(), "{\"merge_ticket\":\"" + old + "\"}", 409, "MergeRefused"),
                new Refusal("the first of two tickets, expired", g.access(), "{\"merge_ticket\":\"" + ticket + "\"}", 409,
                        "MergeRefused"),
                new Refusal("a guest that linked since", linkedSince.access(), "{\"merge_ticket\":\"" + before + "\"}", 409,
                        "MergeRefused"),
                new Refusal("a refresh token", g.refresh(), "{\"merge_ticket\":\"" + fresh + "\"}", 401, "InvalidSession"),
                new Refusal("no token", null, "{\"merge_ticket\":\"" + fresh + "\"}", 401, "InvalidSession"))) {
            Http.Reply r = server.send("POST", mergeUrl(), x.token(), x.body());

            assertThat(r.status()).as(x.why() + ": " + r.body()).isEqualTo(x.status());
            assertThat(r.json().get("error_code").asText()).as(x.why()).isEqualTo(x.code());
            assertThat(r.json().has("merge_ticket")).isFalse();
        }
        assertThat(rows()).isEqualTo(rows);
        assertThat(merge(g.access(), fresh).status()).as("the rightful guest's ticket is still good").isEqualTo(200);
    }

    @Test
    void mergeWithATokenOfAnotherAppOrOnAnUnknownAppIsRefused() {
        accounts.emailUser("ann@example.com");
        Guest g = guest();
        String ticket = ticket(g, "ann@example.com");

        Http.Reply r = server.send("POST", server.client("/app/nope-abcde/auth/merge"), g.access(),
                "{\"merge_ticket\":\"" + ticket + "\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.json().get("error_code").asText()).isEqualTo("InvalidSession");
        assertThat(server.send("GET", mergeUrl(), g.access(), null).status()).isEqualTo(405);
    }

    /** Runs {@code calls} at the same moment on threads of their own and returns their replies in order. */
    @SafeVarargs
    private static List<Http.Reply> atOnce(Supplier<Http.Reply>... calls) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Http.Reply>> futures = new ArrayList<>();
        for (Supplier<Http.Reply> call : calls) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return call.get();
            }));
        }
        go.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void twoMergesWithOneTicketAtOnceThenOneGetsTheTokensAndTheOtherIsRefused() {
        accounts.emailUser("ann@example.com");
        for (int round = 0; round < 5; round++) {
            Guest g = guest();
            String ticket = ticket(g, "ann@example.com");

            List<Http.Reply> replies = atOnce(() -> merge(g.access(), ticket), () -> merge(g.access(), ticket));

            assertThat(replies).extracting(Http.Reply::status).containsOnlyOnce(200);
            Http.Reply loser = replies.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            assertThat(loser.json().get("error_code").asText()).as(loser.body()).isIn("MergeRefused", "InvalidSession");
            assertThat(eventsOf(g.userId())).containsExactly("user.created:anon-user", "user.merged:local-userpass",
                    "user.deleted:merged");
        }
    }

    @Test
    void aMergeRacingTheGuestsLogoutThenOneOfThemWinsAndTheGuestGoesOnce() {
        Accounts.Held ann = accounts.emailUser("ann@example.com");
        for (int round = 0; round < 5; round++) {
            Guest g = guest();
            String ticket = ticket(g, "ann@example.com");

            List<Http.Reply> replies = atOnce(() -> merge(g.access(), ticket),
                    () -> server.send("DELETE", server.client("/auth/session"), g.refresh(), null));

            Http.Reply merge = replies.get(0);
            assertThat(merge.status()).as(merge.body()).isIn(200, 401);
            assertThat(server.atrium.store().users().find(server.appId(), g.userId())).isEmpty();
            assertThat(eventsOf(g.userId())).containsExactlyElementsOf(merge.status() == 200
                    ? List.of("user.created:anon-user", "user.merged:local-userpass", "user.deleted:merged")
                    : List.of("user.created:anon-user", "user.deleted:logout"));
            if (merge.status() == 200) {
                assertThat(merge.json().get("user_id").asText()).isEqualTo(ann.userId());
            } else {
                assertThat(merge.json().get("error_code").asText()).isEqualTo("InvalidSession");
            }
        }
    }
}
