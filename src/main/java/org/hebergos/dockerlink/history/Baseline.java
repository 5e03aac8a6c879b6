package org.hebergos.dockerlink.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.hebergos.dockerlink.stats.Sample;

/**
 * What the sampler needs of a container's last sample to go on after a restart, beyond what the panel
 * sees: the run it belongs to and the CPU counters its next percentage is computed from. A compact
 * hour keeps the baseline of its last sample (columns run_started, cpu_total, cpu_clock).
 */
record Baseline(long runStartedMillis, long cpuTotalNanos, long cpuClockNanos) {

    static Baseline of(Sample s) {
        return new Baseline(s.runStartedMillis(), s.cpuTotalNanos(), s.cpuClockNanos());
    }

    /** The baseline in the three columns from {@code first} on; null for an hour stored without one. */
    static Baseline read(ResultSet rs, int first) throws SQLException {
        if (rs.getObject(first) == null) {
            return null;
        }
        return new Baseline(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2));
    }

    /** Binds {@code baseline} (or three NULLs) to the parameters from {@code first} on. */
    static void write(PreparedStatement insert, int first, Baseline baseline) throws SQLException {
        long[] values = baseline == null ? null
                : new long[] {baseline.runStartedMillis, baseline.cpuTotalNanos, baseline.cpuClockNanos};
        for (int i = 0; i < 3; i++) {
            if (values == null) {
                insert.setNull(first + i, Types.BIGINT);
            } else {
                insert.setLong(first + i, values[i]);
            }
        }
    }

    /** A sample with the panel's figures of {@code p} and this baseline. */
    Sample sample(String containerId, Point p) {
        return new Sample(containerId, p.time(), runStartedMillis, p.memoryUsed(), p.memoryLimit(),
                p.cpuPercent(), p.cpuLimitPercent(), cpuTotalNanos, cpuClockNanos,
                p.netUp(), p.netDown(), p.deltaUp(), p.deltaDown());
    }
}
