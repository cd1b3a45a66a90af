package dev.atrium.bench.load;

/** A logged-in guest as a client holds it; the access token is replaced on refresh. */
final class Guest {
    final String refreshToken;
    String accessToken;

    Guest(String accessToken, String refreshToken) {
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
    }
}
