/** The Java SDK. */
package dev.atrium.client;
