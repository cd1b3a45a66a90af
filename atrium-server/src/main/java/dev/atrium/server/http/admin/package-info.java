/**
 * The admin API ({@code /api/admin/v1}, bearer admin token; contract in {@code admin/openapi.json}).
 * Part of {@code server.http}: parses, calls one core admin service, returns JSON; errors go
 * through ErrorMapper.
 */
package dev.atrium.server.http.admin;
