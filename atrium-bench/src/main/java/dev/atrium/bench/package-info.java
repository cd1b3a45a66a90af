/**
 * {@code atrium bench}: drives a running (or freshly launched) server over loopback, measures the
 * raw work of a login on this machine in the same run, and reports Atrium as a ratio of it
 * (docs/performance.md). Sub-packages: {@code http} (load clients), {@code load} (scenarios and recording),
 * {@code baseline} (plain JDBC and JWT signing), {@code server} (launching and /proc readings),
 * {@code report} (text and JSON).
 */
package dev.atrium.bench;
