/**
 * How the SDK sends its HTTP requests: the {@link dev.atrium.client.http.HttpTransport} seam and
 * its two implementations. {@link dev.atrium.client.http.JdkHttpTransport} uses the JDK's
 * {@code java.net.http} client (the default on a JVM); {@link
 * dev.atrium.client.http.UrlConnectionTransport} uses {@code HttpURLConnection}, which Android has
 * and {@code java.net.http} is not part of. A transport only moves bytes: tokens, refresh and error
 * answers are the SDK's business. This package knows nothing of the SDK's users.
 */
package dev.atrium.client.http;
