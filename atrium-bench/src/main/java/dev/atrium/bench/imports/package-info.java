/**
 * {@code atrium bench --import N}: the rate and memory of {@code atrium import app-services} over
 * N users, run as an operator runs it (the server jar's own command, in a process of its own, on a
 * fresh store of the server's kind) on an App Services export this package writes.
 */
package dev.atrium.bench.imports;
