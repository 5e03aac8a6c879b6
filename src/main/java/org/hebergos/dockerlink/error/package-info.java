/**
 * How every failure reaches the panel: {@link org.hebergos.dockerlink.error.AgentException} (a status and
 * a one-line reason; its subclasses live in the features that throw them), {@code BadParameter} shared by
 * all resources, and the mappers that turn every failure into a one-line {@code text/plain} answer: never
 * an HTML page, never a stack trace.
 */
package org.hebergos.dockerlink.error;
