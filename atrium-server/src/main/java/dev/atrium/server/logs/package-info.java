/**
 * Log records as operators ship them: the per-request fields a log line carries (request id, app,
 * route, status, duration) and the JSON formatter that writes one object per line. No HTTP here:
 * the web layer fills {@link dev.atrium.server.logs.RequestLog}, the formatter reads it.
 */
package dev.atrium.server.logs;
