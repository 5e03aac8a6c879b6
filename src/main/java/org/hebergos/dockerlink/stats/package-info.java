/**
 * Container stats sampling: the sampler that reads every running container each interval and the
 * arithmetic that turns engine readings into the panel's figures. Each round is fired as a
 * {@code SamplingRound} CDI event; the store, the scrapes, {@code /health} and the event stream observe
 * it, and this package knows none of them (the store's baselines come through {@code Baselines}).
 */
package org.hebergos.dockerlink.stats;
