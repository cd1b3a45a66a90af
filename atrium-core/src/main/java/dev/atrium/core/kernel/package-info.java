/**
 * The kernel: identifiers, secrets, JSON, and the domain's exceptions. Every feature may import
 * it; it imports nothing of Atrium but {@code dev.atrium.api}.
 */
package dev.atrium.core.kernel;
