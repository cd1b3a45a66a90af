package dev.atrium.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.TokenService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Token parsing and verification ({@link TokenService#verifyAccess}, {@link TokenService#verifyRefresh}),
 * the door every authenticated request goes through. Inputs are raw strings, and, more to the
 * point, arbitrary header and payload bytes carrying a <em>genuine</em> signature of the app's
 * real keys (access: its signing key; refresh: the HS256 secret derived from it), so the claim
 * checks behind the signature check are reached with anything at all in the claims. The only
 * documented outcome of a bad token is an {@link AuthException} (401 InvalidSession and kin
 * through ErrorMapper); any other exception is a finding.
 */
public final class TokenFuzzer {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String[] CLAIMS = {"typ", "sub", "aud", "iss", "exp", "iat", "nbf", "sid", "kid", "jti",
        "is_anonymous", "amr", "baas_device_id", "user_data", "user_id", "device_id", "app"};
    private static TokenService tokens;
    private static String appId;
    private static String issuer;
    private static JWSSigner accessSigner;
    private static JWSAlgorithm accessAlg;
    private static String kid;
    private static JWSSigner refreshSigner;

    private TokenFuzzer() {}

    public static void fuzzerInitialize() throws Exception {
        InMemoryStore store = new InMemoryStore();
        Clock clock = Clock.systemUTC();
        App app = Apps.newApp("fuzz", Instant.now());
        store.apps().createFirstApp(app, Apps.defaultProviders(app, Instant.now()));
        appId = app.id();
        AppDirectory apps = new AppDirectory(store.apps(), clock, Duration.ofSeconds(5));
        KeyRing keys = new KeyRing(store.signingKeys(), clock, Duration.ofSeconds(5));
        keys.publicKeys(appId); // makes the app's first key
        tokens = new TokenService(keys, apps, clock, () -> "http://127.0.0.1:9090");
        issuer = tokens.issuer(appId);
        JWK key = JWK.parse(store.signingKeys().forApp(appId).get(0).privateJwk());
        kid = key.getKeyID();
        byte[] d;
        if (key instanceof ECKey ec) {
            accessSigner = new ECDSASigner(ec);
            accessAlg = JWSAlgorithm.ES256;
            d = ec.getD().decode();
        } else {
            OctetKeyPair okp = (OctetKeyPair) key;
            accessSigner = new Ed25519Signer(okp);
            accessAlg = JWSAlgorithm.EdDSA;
            d = okp.getDecodedD();
        }
        // The server's refresh-token secret: SHA-256 of a label and the private scalar (KeyMaterial).
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("atrium-refresh-token-v1".getBytes(StandardCharsets.US_ASCII));
        refreshSigner = new MACSigner(sha.digest(d));
    }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) throws JOSEException {
        String token = switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeRemainingAsString();
            case 1 -> signed(data.consumeBytes(512), data.consumeRemainingAsBytes(), accessSigner, accessAlg);
            case 2 -> signed(data.consumeBytes(512), data.consumeRemainingAsBytes(), refreshSigner, JWSAlgorithm.HS256);
            default -> structured(data);
        };
        verify(token);
    }

    /** A token whose header and claims are built from known names with fuzzed values, genuinely signed. */
    private static String structured(FuzzedDataProvider data) throws JOSEException {
        boolean refresh = data.consumeBoolean();
        JWSAlgorithm alg = refresh ? JWSAlgorithm.HS256 : accessAlg;
        String header = "{\"alg\":\"" + (data.consumeBoolean() ? alg.getName() : data.consumeString(8)) + "\""
                + (data.consumeBoolean() ? ",\"kid\":\"" + kid + "\"" : ",\"kid\":" + value(data)) + ",\"typ\":\"JWT\"}";
        StringBuilder claims = new StringBuilder("{");
        int n = data.consumeInt(0, 10);
        for (int i = 0; i < n; i++) {
            String name = data.consumeBoolean() ? CLAIMS[data.consumeInt(0, CLAIMS.length - 1)] : data.consumeString(12);
            claims.append(i == 0 ? "" : ",").append('"').append(escape(name)).append("\":").append(value(data));
        }
        claims.append('}');
        return signed(header.getBytes(StandardCharsets.UTF_8), claims.toString().getBytes(StandardCharsets.UTF_8),
                refresh ? refreshSigner : accessSigner, alg);
    }

    /** A JSON value: often a plausible one (this app, its issuer, a time near now), else anything. */
    private static String value(FuzzedDataProvider data) {
        long now = Instant.now().getEpochSecond();
        return switch (data.consumeInt(0, 9)) {
            case 0 -> "\"" + appId + "\"";
            case 1 -> "\"" + issuer + "\"";
            case 2 -> Long.toString(now + data.consumeLong(-100_000, 100_000));
            case 3 -> Long.toString(data.consumeLong());
            case 4 -> Double.toString(data.consumeRegularDouble());
            case 5 -> data.consumeBoolean() ? "true" : "false";
            case 6 -> "null";
            case 7 -> "[\"" + escape(data.consumeString(24)) + "\"]";
            case 8 -> "{\"k\":\"" + escape(data.consumeString(24)) + "\"}";
            default -> "\"" + escape(data.consumeString(40)) + "\"";
        };
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String signed(byte[] header, byte[] payload, JWSSigner signer, JWSAlgorithm alg) throws JOSEException {
        String input = B64.encodeToString(header) + "." + B64.encodeToString(payload);
        String signature = signer.sign(new JWSHeader(alg), input.getBytes(StandardCharsets.US_ASCII)).toString();
        return input + "." + signature;
    }

    private static void verify(String token) {
        try {
            tokens.verifyAccess(token);
        } catch (AuthException documented) {
            // a refusal with an error code: what ErrorMapper answers as documented JSON
        }
        try {
            tokens.verifyRefresh(token);
        } catch (AuthException documented) {
            // likewise
        }
    }
}
