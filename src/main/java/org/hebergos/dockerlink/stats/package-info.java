/**
 * Container stats: the sampler that reads every running container each interval, the arithmetic that
 * turns engine readings into the panel's figures, the persistent history and its endpoint.
 */
package org.hebergos.dockerlink.stats;
