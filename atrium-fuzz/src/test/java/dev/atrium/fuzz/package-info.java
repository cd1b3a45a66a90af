/**
 * Jazzer fuzz targets ({@code fuzzerTestOneInput}) and {@link dev.atrium.fuzz.FuzzRunsTest}, which
 * runs each under libFuzzer's driver for a bounded time on every build.
 */
package dev.atrium.fuzz;
