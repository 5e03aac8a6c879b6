package org.hebergos.dockerlink.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hebergos.dockerlink.stats.SamplingRound;

/**
 * The container part of one round's exposition, rendered at most once per format and kept as bytes until
 * the next round replaces it: the figures change once a round, so a scrape copies them instead of
 * formatting some 1,600 series again. The part holds only {@code container_*} families, which the client's
 * writers put before every other name ({@link MetricSnapshots} sorts by name), so the part followed by the
 * rest of a scrape rendered by the same writer is exactly what the writer makes of the whole.
 */
final class RoundExposition {

    private static final byte[] OPENMETRICS_END = "# EOF\n".getBytes(StandardCharsets.UTF_8);

    private final SamplingRound round;
    private final Map<ExpositionFormatWriter, byte[]> rendered = new ConcurrentHashMap<>(4);

    /** The round, rendered at once in {@code formats} (the ones scraped so far; none before the first scrape). */
    RoundExposition(SamplingRound round, Collection<ExpositionFormatWriter> formats) {
        this.round = round;
        if (!formats.isEmpty()) {
            MetricSnapshots containers = new MetricSnapshots(CadvisorExposition.containers(round));
            formats.forEach(format -> rendered.put(format, render(format, containers)));
        }
    }

    SamplingRound round() {
        return round;
    }

    /** The container part in {@code format}; rendered now, once, when the round was published before anyone asked for it. */
    byte[] bytes(ExpositionFormatWriter format) {
        return rendered.computeIfAbsent(format, f -> render(f, new MetricSnapshots(CadvisorExposition.containers(round))));
    }

    /** The body of a scrape: the container part, then the rest as {@code format} writes it (OpenMetrics' {@code # EOF} included). */
    static byte[] body(byte[] containers, ExpositionFormatWriter format, MetricSnapshots rest) {
        ByteArrayOutputStream tail = new ByteArrayOutputStream(16 * 1024);
        write(format, rest, tail);
        byte[] body = Arrays.copyOf(containers, containers.length + tail.size());
        System.arraycopy(tail.toByteArray(), 0, body, containers.length, tail.size());
        return body;
    }

    private static byte[] render(ExpositionFormatWriter format, MetricSnapshots containers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * 1024);
        write(format, containers, out);
        byte[] bytes = out.toByteArray();
        // OpenMetrics closes every exposition with "# EOF"; this one is only the beginning of a scrape
        return endsWith(bytes, OPENMETRICS_END) ? Arrays.copyOf(bytes, bytes.length - OPENMETRICS_END.length) : bytes;
    }

    private static void write(ExpositionFormatWriter format, MetricSnapshots snapshots, ByteArrayOutputStream out) {
        try {
            format.write(out, snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException("a ByteArrayOutputStream does not fail", e);
        }
    }

    private static boolean endsWith(byte[] bytes, byte[] end) {
        return bytes.length >= end.length
                && Arrays.equals(bytes, bytes.length - end.length, bytes.length, end, 0, end.length);
    }
}
