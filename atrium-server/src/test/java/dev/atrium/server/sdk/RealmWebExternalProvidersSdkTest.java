package dev.atrium.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.idp.IdpStub;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the official {@code realm-web} 2.0.1 npm package under Node against a real Atrium server on
 * SQLite for the external-identity providers ({@code external-providers.test.mjs} in
 * {@code sdk-tests/realm-web}): {@code Credentials.apple(idToken)}, {@code Credentials.google({idToken})},
 * {@code Credentials.google({authCode})}, {@code Credentials.facebook(accessToken)} and
 * {@code Credentials.function(payload)}, each to log in, link a guest and log in again to the same
 * id. The providers point at an in-process {@link IdpStub}; no network.
 */
@Tag("external")
class RealmWebExternalProvidersSdkTest {
    @TempDir
    Path dir;

    @Test
    void realmWebLogsInLinksAndLogsInAgainWithAppleGoogleFacebookAndACustomFunction() throws Exception {
        RealmWebNode node = RealmWebNode.requireInstalled();
        try (TestServer server = TestServer.sqlite(dir); IdpStub stub = IdpStub.start(server.clock::instant)) {
            server.enable("oauth2-apple", stub.appleSettings());
            server.enable("oauth2-google", stub.googleSettings());
            server.enable("oauth2-facebook", stub.facebookSettings());
            server.enable("custom-function", stub.functionSettings());
            // One Node process plays every client from one address: the per-network limits are not this test's subject.
            server.throttling(Map.of("network_burst", 10_000, "network_rate_per_minute", 100_000));

            node.runPassing(server, Map.of("ATRIUM_IDP_STUB", stub.baseUrl()), "external-providers.test.mjs");

            assertThat(stub.googleExchanges()).as("auth codes were exchanged at the stub's token endpoint").isNotEmpty();
            assertThat(stub.functionBodies()).as("the function was called").isNotEmpty();
        }
    }
}
