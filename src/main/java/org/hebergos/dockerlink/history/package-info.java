/**
 * Stats history: storage of the sampling rounds it observes (recent rows, compact hours, half-hour
 * summaries), its maintenance, and the answers of {@code v1/container/stats} (its resource is in
 * {@code container}), raw or downsampled ranges. It stores numbers; only {@code HistoryJson} knows the wire
 * format. {@code HistoryStore} is the store's face; its parts, one job each, stay package-private behind it.
 */
package org.hebergos.dockerlink.history;
