/**
 * HTTP/1.1 keep-alive connections for the load generator: one per simulated client. The raw
 * socket client exists because server, database and load generator share two cores here, so the
 * generator's own cost per request is part of every number; the JDK client is kept to compare.
 */
package dev.atrium.bench.http;
