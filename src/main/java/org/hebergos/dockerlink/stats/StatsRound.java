package org.hebergos.dockerlink.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hebergos.dockerlink.history.HistoryJson;
import org.hebergos.dockerlink.history.Point;

/**
 * The samples one sampling round took (a CDI event the sampler fires after each round, for the live
 * event stream): the newest sample of every running container in scope.
 *
 * @param time unix second of the round, the samples' key
 */
public record StatsRound(long time, List<Sample> samples) {

    /**
     * Each container's sample as the stats endpoint writes it, {@code "time":{"memory":…,"cpu":…,"net":…}},
     * keyed by full id.
     */
    public Map<String, String> members() {
        Map<String, String> members = new LinkedHashMap<>();
        for (Sample s : samples) {
            members.put(s.containerId(), HistoryJson.member(Point.of(s)));
        }
        return members;
    }
}
