package dev.atrium.interop;

/** The access-token algorithms Atrium signs with; names as in a JWT header. */
enum Alg {
    ES256,
    EdDSA
}
