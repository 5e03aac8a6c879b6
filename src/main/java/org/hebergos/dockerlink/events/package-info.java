/**
 * The live event stream {@code GET v1/events} (server-sent events): container list entries as the
 * engine's events change them, each sampling round's samples, resumable by event id from a bounded
 * replay log, with a bounded buffer per client so that no client can hold up the others or the sampler.
 */
package org.hebergos.dockerlink.events;
