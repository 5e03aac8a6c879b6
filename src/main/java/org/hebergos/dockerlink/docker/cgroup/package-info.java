/**
 * A container's resource counters read straight from the kernel (its cgroup files and its network
 * namespace's {@code /proc/<pid>/net/dev}) instead of through the Engine: finding its cgroup directories
 * on cgroup v1 and v2, parsing each file, and failing safe ({@link org.hebergos.dockerlink.docker.cgroup.CgroupUnreadable})
 * on anything not recognised so the caller can fall back to the Engine. No docker-java here.
 */
package org.hebergos.dockerlink.docker.cgroup;
