/** Typed, validated server configuration. Imports nothing of Atrium. */
package dev.atrium.server.config;
