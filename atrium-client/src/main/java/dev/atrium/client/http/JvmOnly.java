package dev.atrium.client.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code that uses JDK API Android lacks, and is therefore never loaded there: the build's
 * Android API check (animal-sniffer, see the module's pom) skips what carries it. Anything else in
 * the SDK must stay within the checked Android API level.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
@interface JvmOnly {}
