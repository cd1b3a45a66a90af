/**
 * Deployment as operators do it: the image ({@code Containerfile}) built with Podman on a base made
 * here from Debian's packages and a jlink runtime (no registry needed), run and driven by the
 * official realm-web SDK; the Kubernetes manifests ({@code deploy/k8s}) checked against the
 * Kubernetes API's schemas offline. docs/deployment.md describes what they test.
 */
package dev.atrium.deploy;
