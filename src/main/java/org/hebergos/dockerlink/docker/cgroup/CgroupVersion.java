package org.hebergos.dockerlink.docker.cgroup;

/** Which cgroup hierarchy the host runs the containers in; the hybrid layout counts as V1. */
public enum CgroupVersion {
    V1,
    V2
}
