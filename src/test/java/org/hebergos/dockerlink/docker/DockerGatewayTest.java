package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.model.HostConfig;
import org.junit.jupiter.api.Test;

class DockerGatewayTest {

    @Test
    void nameDropsTheLeadingSlashAndSkipsLinkAliases() {
        assertEquals("web", DockerGateway.name(new String[] {"/proxy/web-link", "/web"}));
        assertEquals("db", DockerGateway.name(new String[] {"/db"}));
        assertEquals("", DockerGateway.name(new String[0]));
    }

    @Test
    void cpuLimitComesFromNanoCpusOrQuotaOverPeriod() {
        assertEquals(0.5, DockerGateway.cpuLimitCores(HostConfig.newHostConfig().withNanoCPUs(500_000_000L)));
        assertEquals(1.5, DockerGateway.cpuLimitCores(HostConfig.newHostConfig().withCpuQuota(150_000L).withCpuPeriod(100_000L)));
        assertEquals(0.25, DockerGateway.cpuLimitCores(HostConfig.newHostConfig().withCpuQuota(25_000L)));
        assertEquals(0, DockerGateway.cpuLimitCores(HostConfig.newHostConfig()));
    }
}
