package dev.atrium.server.testing.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * The stub's {@code /test/} routes, for clients that cannot sign (the realm-web scenarios under
 * Node): each POST takes {@code {"sub"|"id", "email"?, "name"?, "nonce"?}} and answers a token made
 * as a real IdP would for the stub's app.
 * <ul>
 * <li>{@code /test/apple/id-token}, {@code /test/google/id-token}: {@code {"id_token"}};</li>
 * <li>{@code /test/google/auth-code}: {@code {"code"}}, exchanging for such an ID token;</li>
 * <li>{@code /test/facebook/access-token}: {@code {"access_token"}} of user {@code id};</li>
 * <li>{@code /test/sign-in-as}: the person who signs in at the stub's sign-in pages next
 *     ({@code {"sub", "email", "name"}}), or {@code {"deny": true}} for one who says no; {@code {}}.</li>
 * </ul>
 */
final class StubTestRoutes implements HttpHandler {
    private final IdpStub stub;

    StubTestRoutes(IdpStub stub) {
        this.stub = stub;
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        JsonNode in = StubExchange.body(x);
        switch (x.getRequestURI().getPath()) {
            case "/test/apple/id-token" -> StubExchange.json(x, 200, Map.of("id_token", stub.apple.sign(claims(stub.apple, in))));
            case "/test/google/id-token" -> StubExchange.json(x, 200, Map.of("id_token", stub.google.sign(claims(stub.google, in))));
            case "/test/google/auth-code" -> StubExchange.json(x, 200, Map.of("code", stub.googleCode(claims(stub.google, in))));
            case "/test/facebook/access-token" -> StubExchange.json(x, 200, Map.of("access_token",
                    stub.facebookToken(in.path("id").asText(), in.path("name").asText(null), in.path("email").asText(null))));
            case "/test/sign-in-as" -> {
                if (in.path("deny").asBoolean()) {
                    stub.deny();
                } else {
                    stub.signInAs(new IdpStub.Person(in.path("sub").asText(), in.path("email").asText(), in.path("name").asText()));
                }
                StubExchange.json(x, 200, Map.of());
            }
            default -> StubExchange.json(x, 404, Map.of("error", "no such test route"));
        }
    }

    private static JWTClaimsSet claims(StubIssuer issuer, JsonNode in) {
        JWTClaimsSet.Builder b = issuer.claims(in.path("sub").asText());
        for (String name : new String[] {"email", "name", "nonce"}) {
            if (in.hasNonNull(name)) {
                b.claim(name, in.get(name).asText());
            }
        }
        if (in.hasNonNull("email")) {
            b.claim("email_verified", true);
        }
        return b.build();
    }
}
