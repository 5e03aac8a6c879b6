/**
 * {@code GET /metrics}: the last sampling round in Prometheus' text formats under cAdvisor's metric names,
 * plus the agent's own figures. A scrape reads what the sampler published; it never calls the engine.
 */
package org.hebergos.dockerlink.metrics;
