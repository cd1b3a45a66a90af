package dev.atrium.client.e2e;

import dev.atrium.client.testing.TransportKind;

/** Linking, API keys and e-mail/password on SQLite, over {@code HttpURLConnection} (Android's transport). */
class SqliteLastingIdentitiesUrlConnectionEndToEndTest extends SqliteLastingIdentitiesEndToEndTest {
    @Override
    TransportKind transport() {
        return TransportKind.URL_CONNECTION;
    }
}
