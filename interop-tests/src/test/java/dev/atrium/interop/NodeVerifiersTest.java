package dev.atrium.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.server.testing.NodeTestRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Node verifiers of {@code sdk-tests/verifiers} ({@code node --test}) against the running
 * server's tokens: jose, and jsonwebtoken + jwks-rsa, each configured from the discovery document
 * alone. Needs {@code node} (20+) and {@code npm ci} in {@code sdk-tests/verifiers} (./run-tests
 * does it); a missing package fails with the command to run.
 */
@ExtendWith(AtriumTokensExtension.class)
class NodeVerifiersTest {
    static final long TIMEOUT_SECONDS = 120;

    @Test
    void joseVerifiesBothAlgorithmsAndRefusesWrongAudienceAndExpiredTokens(AtriumTokens atrium) throws Exception {
        NodeTestRunner node = NodeTestRunner.requireInstalled("verifiers", "jose", "6.2.17");

        node.runPassing(atrium.server(), env(atrium), TIMEOUT_SECONDS, "jose.test.mjs");
    }

    @Test
    void jsonwebtokenWithJwksRsaVerifiesEs256AndRefusesEdDsaWrongAudienceAndExpiredTokens(AtriumTokens atrium)
            throws Exception {
        NodeTestRunner.requireInstalled("verifiers", "jwks-rsa", "4.1.0");
        NodeTestRunner node = NodeTestRunner.requireInstalled("verifiers", "jsonwebtoken", "9.0.3");

        node.runPassing(atrium.server(), env(atrium), TIMEOUT_SECONDS, "jsonwebtoken.test.mjs");
    }

    /** {@code ATRIUM_INTEROP_TOKENS}: per algorithm, the app's issuer, id, guest and tokens (see support.mjs). */
    private static Map<String, String> env(AtriumTokens atrium) throws Exception {
        Map<String, Object> byAlg = new LinkedHashMap<>();
        for (Alg alg : Alg.values()) {
            AppTokens t = atrium.of(alg);
            byAlg.put(alg.name(), Map.of("issuer", t.issuer(), "app_id", t.appId(), "user_id", t.userId(),
                    "fresh", t.fresh(), "expired", t.expired()));
        }
        return Map.of("ATRIUM_INTEROP_TOKENS", new ObjectMapper().writeValueAsString(byAlg));
    }
}
