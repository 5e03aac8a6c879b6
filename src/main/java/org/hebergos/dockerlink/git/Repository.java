package org.hebergos.dockerlink.git;

/**
 * A repository git is about to run in.
 *
 * @param containerId full id of the container
 * @param path        absolute path of the repository's working tree inside the container
 * @param user        {@code uid:gid} of the owner of its {@code .git}: git runs as this user
 */
public record Repository(String containerId, String path, String user) {
}
