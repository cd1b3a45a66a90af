package dev.atrium.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.client.App;
import dev.atrium.client.Credentials;
import dev.atrium.client.User;
import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.testing.CountingTransport;
import dev.atrium.client.testing.ScriptedServer;
import dev.atrium.client.testing.ScriptedServer.Answer;
import org.junit.jupiter.api.Test;

/** Location: asked lazily, once, at the base URL; every other request goes to the hostname it names. */
interface LocationContract extends EndToEnd {

    @Test
    default void buildingAnAppAndReadingItsUsersSendsNoRequest() {
        CountingTransport http = e2e().counter();

        App app = e2e().app(new InMemoryUserStorage(), http);
        app.currentUser();
        app.allUsers();

        assertThat(http.sent()).isEmpty();
    }

    @Test
    default void everyRequestButLocationGoesToTheHostnameLocationReturned() {
        String appId = e2e().server.appId();
        String host = e2e().server.baseUrl();
        ScriptedServer base = e2e().track(new ScriptedServer());
        base.on("GET", "/api/client/v2.0/app/" + appId + "/location",
                Answer.json(200, "{\"hostname\":\"" + host + "\",\"ws_hostname\":\"ws://unused\"}"));
        CountingTransport http = e2e().counter();
        App app = e2e().app(appId, base.url() + "/", new InMemoryUserStorage(), http);

        User guest = app.login(Credentials.anonymous(false));
        guest.refreshProfile();
        guest.refreshCustomData();
        guest.logOut();

        assertThat(base.received()).containsExactly("GET /api/client/v2.0/app/" + appId + "/location");
        assertThat(http.sent()).hasSize(6);
        assertThat(http.sent().subList(1, 6)).allSatisfy(s -> assertThat(s.uri().toString()).startsWith(host + "/"));
    }
}
