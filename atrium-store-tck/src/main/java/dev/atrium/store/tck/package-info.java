/**
 * Store contracts written once and run against every backend (memory, SQLite, PostgreSQL), and
 * test support shared by the modules' tests. Imports the core's store SPI and records.
 */
package dev.atrium.store.tck;
