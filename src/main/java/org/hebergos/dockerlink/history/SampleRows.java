package org.hebergos.dockerlink.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.hebergos.dockerlink.stats.Sample;

/** The columns of {@code stats_sample}, the recent samples one row each, and a row read back. */
final class SampleRows {

    static final String COLUMNS = "ts, run_started, mem_used, mem_limit, cpu_percent, cpu_limit,"
            + " cpu_total, cpu_clock, net_up, net_down, delta_up, delta_down";
    /** What the panel sees of a row: no baseline. */
    static final String POINT_COLUMNS = "ts, mem_used, mem_limit, cpu_percent, cpu_limit,"
            + " net_up, net_down, delta_up, delta_down";

    private SampleRows() {
    }

    /** The row of {@link #COLUMNS}. */
    static Sample sample(String containerId, ResultSet rs) throws SQLException {
        return new Sample(containerId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getDouble(5), rs.getDouble(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12));
    }

    /** The row of {@link #POINT_COLUMNS}. */
    static Point point(ResultSet rs) throws SQLException {
        return new Point(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
    }
}
