/**
 * The adapter to the Docker engine: the only package that imports docker-java. It hands out our own
 * records ({@link org.hebergos.dockerlink.docker.ContainerInfo}, {@link org.hebergos.dockerlink.docker.EngineStats},
 * {@link org.hebergos.dockerlink.docker.ExecResult}) and our own exceptions. By job:
 * {@link org.hebergos.dockerlink.docker.DockerConnection} the clients, the bare socket and the error translation;
 * {@link org.hebergos.dockerlink.docker.ContainerCatalogue} the containers in scope, their cache kept true by
 * {@link org.hebergos.dockerlink.docker.EngineEvents}, and reference resolution;
 * {@link org.hebergos.dockerlink.docker.ContainerActions} start, stop, restart, limits
 * ({@link org.hebergos.dockerlink.docker.CpuLimit}) and removal;
 * {@link org.hebergos.dockerlink.docker.ContainerExec} exec sessions and archive reads;
 * {@link org.hebergos.dockerlink.docker.ContainerStatsSource} the stats reading, from the cgroup files by
 * {@link org.hebergos.dockerlink.docker.CgroupStatsSource} (package {@code cgroup}) or from the Engine by
 * {@link org.hebergos.dockerlink.docker.EngineStatsSource}, as {@link org.hebergos.dockerlink.docker.StatsSources}
 * chooses from {@code stats_source}.
 */
package org.hebergos.dockerlink.docker;
