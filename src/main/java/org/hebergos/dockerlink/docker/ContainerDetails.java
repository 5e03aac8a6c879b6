package org.hebergos.dockerlink.docker;

import java.util.List;

/**
 * What git needs to know of a container: its full id, whether it runs, its working directory
 * ({@code /} when the image sets none), and the groups it was created with ({@code --group-add}), which
 * every process started in it, an exec too, gets as supplementary groups.
 */
public record ContainerDetails(String id, boolean running, String workingDir, List<String> extraGroups) {
}
