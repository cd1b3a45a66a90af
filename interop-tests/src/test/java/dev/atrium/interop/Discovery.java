package dev.atrium.interop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;

/** An app's discovery document, fetched as a resource server would: the issuer and the JWKS URL. */
record Discovery(String issuer, String jwksUri) {
    static Discovery of(String issuer) {
        Http.Reply r = Http.send("GET", issuer + "/.well-known/openid-configuration", null, null);
        if (r.status() != 200) {
            throw new IllegalStateException("discovery of " + issuer + " answered " + r);
        }
        JsonNode d = r.json();
        return new Discovery(d.get("issuer").asText(), d.get("jwks_uri").asText());
    }
}
