/**
 * Containers as the panel sees them: the {@code v1/container} list and the start, stop and restart
 * actions, and {@code v1/container/stats}, a container's stats history as the history store answers it.
 */
package org.hebergos.dockerlink.container;
