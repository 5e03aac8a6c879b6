/**
 * Containers as the panel sees them: the {@code v1/container} list (one {@code ContainerView} per container,
 * the entry the container events of {@code v1/events} carry too), the start, stop and restart actions,
 * {@code PATCH} (memory and CPU limits) and {@code DELETE}, and {@code v1/container/stats}, a container's
 * stats history as the history store answers it.
 */
package org.hebergos.dockerlink.container;
