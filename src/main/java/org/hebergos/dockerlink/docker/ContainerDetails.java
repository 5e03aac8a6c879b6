package org.hebergos.dockerlink.docker;

/**
 * What git needs to know of a container: its full id, whether it runs, and its working directory
 * ({@code /} when the image sets none).
 */
public record ContainerDetails(String id, boolean running, String workingDir) {
}
