/**
 * The composition root: opens the store, bootstraps the first app, wires services to the web
 * server. The only package that instantiates store, provider and service implementations.
 */
package dev.atrium.server.app;
