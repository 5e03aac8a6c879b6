/**
 * Our exceptions, one per cause the panel can see, and the mappers that turn every failure into a
 * one-line {@code text/plain} answer: never an HTML page, never a stack trace.
 */
package org.hebergos.dockerlink.error;
