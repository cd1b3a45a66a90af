package dev.atrium.client.e2e;

import dev.atrium.client.testing.TransportKind;

/** Every SDK contract against a server on SQLite, over {@code HttpURLConnection} (Android's transport). */
class SqliteUrlConnectionEndToEndTest extends SqliteEndToEndTest {
    @Override
    TransportKind transport() {
        return TransportKind.URL_CONNECTION;
    }
}
