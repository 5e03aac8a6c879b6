/**
 * The adapter to the Docker engine: the only package that imports docker-java. It hands out our own
 * records ({@link org.hebergos.dockerlink.docker.ContainerInfo}, {@link org.hebergos.dockerlink.docker.EngineStats},
 * {@link org.hebergos.dockerlink.docker.ExecResult}) and our own exceptions.
 */
package org.hebergos.dockerlink.docker;
