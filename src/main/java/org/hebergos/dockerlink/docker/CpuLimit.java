package org.hebergos.dockerlink.docker;

import com.github.dockerjava.api.command.UpdateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;

/**
 * A container's CPU limit in its two exclusive engine forms: {@code NanoCpus} ({@code --cpus}), or a CFS
 * quota over a period ({@code --cpu-quota}, {@code --cpu-period}), the period being the kernel's default
 * when the container sets none.
 */
public final class CpuLimit {

    /** The kernel's default CFS period ({@code cpu.cfs_period_us}), which the engine uses when none is set. */
    public static final long DEFAULT_PERIOD_MICROS = 100_000;

    private CpuLimit() {
    }

    /** The limit in cores, 0 when there is none. */
    static double cores(HostConfig host) {
        if (host == null) {
            return 0;
        }
        if (host.getNanoCPUs() != null && host.getNanoCPUs() > 0) {
            return host.getNanoCPUs() / 1e9;
        }
        Long quota = host.getCpuQuota();
        if (quota != null && quota > 0) {
            return (double) quota / period(host);
        }
        return 0;
    }

    /**
     * Sets {@code cpuPercent} (% of one core) on {@code update} in the form the container has now: as a
     * quota over its own period when it was created with a quota, else as {@code NanoCpus}.
     */
    static void set(UpdateContainerCmd update, HostConfig before, double cpuPercent) {
        boolean quota = before != null && before.getCpuQuota() != null && before.getCpuQuota() > 0
                && (before.getNanoCPUs() == null || before.getNanoCPUs() == 0);
        if (quota) {
            long period = period(before);
            update.withCpuPeriod(period).withCpuQuota(Math.round(cpuPercent / 100 * period));
        } else {
            update.withNanoCPUs(Math.round(cpuPercent / 100 * 1e9));
        }
    }

    private static long period(HostConfig host) {
        Long period = host.getCpuPeriod();
        return period != null && period > 0 ? period : DEFAULT_PERIOD_MICROS;
    }
}
