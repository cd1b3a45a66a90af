package dev.atrium.core.tokens;

/**
 * Atrium's two kinds of token, named by their {@code typ} claim. An access token is signed with
 * the app's published key (ES256 or EdDSA) and read by anyone; a refresh token is signed HS256 with
 * a secret derived from that key and read only by Atrium (docs/client-api.md, "Tokens").
 */
public enum TokenKind {
    ACCESS("access"),
    REFRESH("refresh");

    private final String typ;

    TokenKind(String typ) {
        this.typ = typ;
    }

    /** The {@code typ} claim's value. */
    public String typ() {
        return typ;
    }

    /** What a caller that sent the other kind is told. */
    String required() {
        return this == ACCESS ? "an access token is required" : "a refresh token is required";
    }

    /** The kind a {@code typ} claim names, or null when it names neither. */
    static TokenKind ofTyp(Object typ) {
        for (TokenKind k : values()) {
            if (k.typ.equals(typ)) {
                return k;
            }
        }
        return null;
    }
}
