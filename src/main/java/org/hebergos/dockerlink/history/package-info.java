/**
 * Stats history: storage of the sampler's readings (recent rows, compact hours, half-hour summaries), its
 * maintenance, and the {@code v1/container/stats} endpoint that answers raw or downsampled ranges. It
 * stores numbers; only {@code HistoryJson} knows the wire format. {@code HistoryStore} is the store's
 * face; its parts, one job each, stay package-private behind it.
 */
package org.hebergos.dockerlink.history;
