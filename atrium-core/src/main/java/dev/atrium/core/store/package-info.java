/**
 * The store SPI aggregate {@link dev.atrium.core.store.AtriumStore}: one backend's set of the
 * feature-owned store interfaces. Imports the features' store interfaces; the reference
 * implementation lives in {@code store.memory}, JDBC ones in {@code atrium-store-jdbc}.
 */
package dev.atrium.core.store;
