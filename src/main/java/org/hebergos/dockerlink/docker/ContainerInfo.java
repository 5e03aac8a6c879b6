package org.hebergos.dockerlink.docker;

/**
 * One container as the engine lists it, translated to our terms.
 *
 * @param id       full 64-hex id
 * @param name     primary name without Docker's leading {@code /}
 * @param image    the image as the container was created from it (a name or an image id), for the metrics' {@code image} label
 * @param state    Docker's state string as is ({@code running}, {@code exited}, {@code created}, …)
 * @param exitCode the last exit code, only for {@code exited}
 * @param run      the current run, only for {@code running}
 */
public record ContainerInfo(String id, String name, String image, String state, Integer exitCode, RunInfo run) {

    public boolean running() {
        return run != null;
    }
}
