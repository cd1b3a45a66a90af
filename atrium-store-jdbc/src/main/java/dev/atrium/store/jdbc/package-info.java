/**
 * The JDBC backend for SQLite and PostgreSQL: one class per feature store, SQL shared between
 * dialects wherever both accept it, {@link dev.atrium.store.jdbc.Dialect} for the rest, Flyway
 * migrations under {@code db/<dialect>}. Imports the core's store interfaces and records only.
 */
package dev.atrium.store.jdbc;
