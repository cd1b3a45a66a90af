/**
 * An in-process identity-provider stub for tests ({@link dev.atrium.server.testing.idp.IdpStub}):
 * Apple's and Google's JWKS and ID tokens signed with test keys, Google's token endpoint, the Graph
 * API's {@code debug_token} and {@code /me}, an app's custom-function URL, and the sign-in pages and
 * code exchanges of the web redirect flow (Google, Apple's form post, Facebook), on a loopback port of
 * its own; it can be told to be down or to answer garbage. No network.
 */
package dev.atrium.server.testing.idp;
