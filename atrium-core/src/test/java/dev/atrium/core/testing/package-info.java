/**
 * Test support for core's unit tests: {@link dev.atrium.core.testing.TestWorld}, the in-memory
 * store, a moved clock and the token services, with small builders for apps and users.
 */
package dev.atrium.core.testing;
