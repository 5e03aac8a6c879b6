/**
 * Container stats sampling: the sampler that reads every running container each interval and the
 * arithmetic that turns engine readings into the panel's figures. Storing and answering them is
 * {@link org.hebergos.dockerlink.history}.
 */
package org.hebergos.dockerlink.stats;
