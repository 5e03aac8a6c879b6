/**
 * Containers as the panel sees them: the {@code v1/container} list and the start, stop and restart
 * actions.
 */
package org.hebergos.dockerlink.container;
