/**
 * A command-line program written against the Java SDK as an app would be: a guest that persists
 * across runs in a file, then linked to an e-mail address. See the module's README.
 */
package dev.atrium.examples.cli;
