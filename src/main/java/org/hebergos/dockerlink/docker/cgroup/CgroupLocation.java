package org.hebergos.dockerlink.docker.cgroup;

/** The outcome of looking for a container's cgroup directories: found, or a reason to use the Engine. */
public sealed interface CgroupLocation {

    /** The container's directories, each checked to be its own (named after its id). */
    record Found(CgroupDirectories directories) implements CgroupLocation {
    }

    /** A layout the reader does not handle, with the one-line reason the caller logs. */
    record Unsupported(String reason) implements CgroupLocation {
    }
}
