/**
 * The raw work of a guest login on this machine, measured in the same run as the load: the
 * store's guest insert through plain JDBC (same schema, made by the server's own migrations, same
 * row shapes and connection settings) at the same concurrency, and JWT signing and verification
 * per core with a new app's algorithm. The server's rates are reported as ratios of these.
 */
package dev.atrium.bench.baseline;
