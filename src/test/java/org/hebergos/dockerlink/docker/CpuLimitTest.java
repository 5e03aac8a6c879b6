package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.command.UpdateContainerCmdImpl;
import org.junit.jupiter.api.Test;

class CpuLimitTest {

    /** A command to read back, never sent. */
    private static UpdateContainerCmdImpl update() {
        return new UpdateContainerCmdImpl(command -> {
            throw new AssertionError("not sent");
        }, "c");
    }

    @Test
    void coresComeFromNanoCpusOrQuotaOverPeriod() {
        assertEquals(0.5, CpuLimit.cores(HostConfig.newHostConfig().withNanoCPUs(500_000_000L)));
        assertEquals(1.5, CpuLimit.cores(HostConfig.newHostConfig().withCpuQuota(150_000L).withCpuPeriod(100_000L)));
        assertEquals(0.25, CpuLimit.cores(HostConfig.newHostConfig().withCpuQuota(25_000L)), "the kernel's default period");
        assertEquals(0, CpuLimit.cores(HostConfig.newHostConfig()));
        assertEquals(0, CpuLimit.cores(null));
    }

    @Test
    void aContainerCreatedWithAQuotaKeepsItsOwnPeriod() {
        UpdateContainerCmdImpl update = update();
        CpuLimit.set(update, HostConfig.newHostConfig().withCpuQuota(20_000L).withCpuPeriod(50_000L), 150);
        assertEquals(50_000L, update.getCpuPeriod());
        assertEquals(75_000L, update.getCpuQuota());
        assertNull(update.getNanoCPUs());
    }

    @Test
    void aQuotaWithoutPeriodIsOverTheKernelsDefaultPeriod() {
        UpdateContainerCmdImpl update = update();
        CpuLimit.set(update, HostConfig.newHostConfig().withCpuQuota(20_000L), 50);
        assertEquals(100_000L, update.getCpuPeriod());
        assertEquals(50_000L, update.getCpuQuota());
    }

    @Test
    void anyOtherContainerGetsNanoCpus() {
        UpdateContainerCmdImpl update = update();
        CpuLimit.set(update, HostConfig.newHostConfig().withNanoCPUs(1_000_000_000L), 25);
        assertEquals(250_000_000L, update.getNanoCPUs());
        assertNull(update.getCpuQuota());
        UpdateContainerCmdImpl unlimited = update();
        CpuLimit.set(unlimited, null, 200);
        assertEquals(2_000_000_000L, unlimited.getNanoCPUs());
    }
}
