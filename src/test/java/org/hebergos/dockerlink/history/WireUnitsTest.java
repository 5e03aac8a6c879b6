package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hebergos.dockerlink.docker.EngineStatsParser;
import org.hebergos.dockerlink.docker.RunInfo;
import org.hebergos.dockerlink.stats.Sample;
import org.hebergos.dockerlink.stats.StatsMath;
import org.junit.jupiter.api.Test;

/**
 * A recorded Engine payload as the panel reads it: memory in GiB and network in KiB, the figures
 * {@code docker stats} shows for it (src/test/resources/engine-stats/README), through the sampler's
 * sample and the writer of the stats endpoint and event stream.
 */
class WireUnitsTest {

    private static double figure(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([0-9.E-]+)").matcher(json);
        m.find();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void memoryIsInGibibytesAndNetworkInKibibytes() throws IOException {
        byte[] payload;
        try (InputStream in = WireUnitsTest.class.getResourceAsStream("/engine-stats/v1-vespa-two-networks.json")) {
            payload = in.readAllBytes();
        }
        Sample s = StatsMath.next("c", new RunInfo(Instant.parse("2020-01-01T00:00:00Z"), 0, 0, 0, "default"), EngineStatsParser.parse(payload), null, 1, 0);
        String member = HistoryJson.member(Point.of(s));
        assertEquals(1.410927, figure(member, "used"), 5e-7, member);
        assertEquals(4.0, figure(member, "limit"), member);
        assertEquals(22211.9492, figure(member, "down"), 5e-5, member);
        assertEquals(72802.9297, figure(member, "up"), 5e-5, member);
    }
}
