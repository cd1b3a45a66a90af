/** Load generator and baselines. */
package dev.atrium.bench;
