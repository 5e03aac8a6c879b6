/**
 * {@code GET /metrics}: the last sampling round in Prometheus' text formats under cAdvisor's metric names,
 * plus the agent's own figures. A scrape copies what the sampler published, rendered once a round; it never
 * calls the engine.
 */
package org.hebergos.dockerlink.metrics;
