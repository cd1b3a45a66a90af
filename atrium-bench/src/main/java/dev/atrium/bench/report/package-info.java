/**
 * A bench run as data ({@link dev.atrium.bench.report.BenchReport}) and its two forms: an aligned
 * text report for people and pretty JSON ({@code --json}) for scripts and later comparison.
 */
package dev.atrium.bench.report;
