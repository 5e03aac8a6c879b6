package org.hebergos.dockerlink.docker.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each file format's traps: units, optional keys, extra keys, and refusing what is not recognised. */
class CgroupCountersTest {

    private static final String V1_MEMORY_STAT = "cache 8192\nrss 4096\ntotal_cache 16384\ntotal_rss 8192\n"
            + "total_mapped_file 4096\ntotal_inactive_file 12288\n";

    private static CounterFiles files(String... nameAndContent) {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            files.put(nameAndContent[i], nameAndContent[i + 1]);
        }
        return files::get;
    }

    private static CounterFiles v1Memory(String stat) {
        return files("memory.usage_in_bytes", "65536\n", "memory.max_usage_in_bytes", "131072\n", "memory.failcnt", "0\n",
                "memory.limit_in_bytes", "9223372036854771712\n", "memory.stat", stat,
                "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");
    }

    private static String message(Executable call) {
        return assertThrows(CgroupUnreadable.class, call::run).getMessage();
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws CgroupUnreadable;
    }

    @Test
    void v1MemoryWithoutSwapAccountingCountsNoSwap() throws CgroupUnreadable {
        assertEquals(new CgroupReading.Memory(65536, 131072, 0, 9223372036854771712L, 12288, 8192, 16384, 4096, 0, 3,
                CgroupReading.NOT_KEPT, CgroupReading.NOT_KEPT), CgroupV1Counters.memory(v1Memory(V1_MEMORY_STAT)));
        assertEquals(4096, CgroupV1Counters.memory(v1Memory(V1_MEMORY_STAT + "total_swap 4096\n")).swap());
    }

    @Test
    void v1MemoryRefusesAMissingKeyOrFile() {
        assertEquals("memory.stat: no total_inactive_file line",
                message(() -> CgroupV1Counters.memory(v1Memory(V1_MEMORY_STAT.replace("total_inactive_file", "inactive_file")))));
        assertEquals("memory.oom_control: missing", message(() -> CgroupV1Counters.memory(files("memory.stat", V1_MEMORY_STAT))));
        assertEquals("memory.stat: not a number: 'x'",
                message(() -> CgroupV1Counters.memory(v1Memory(V1_MEMORY_STAT + "total_swap x\n"))));
    }

    @Test
    void v1UserAndSystemTimeAreUserHzTicks() throws CgroupUnreadable {
        CgroupReading.Cpu cpu = CgroupV1Counters.cpu(
                files("cpuacct.usage", "11073118890\n", "cpuacct.stat", "user 1086\nsystem 17\n"),
                files("cpu.stat", "nr_periods 313\nnr_throttled 37\nthrottled_time 727591308\nnr_bursts 0\nburst_time 0\n"));
        assertEquals(new CgroupReading.Cpu(11073118890L, 10_860_000_000L, 170_000_000L, 313, 37, 727591308), cpu);
    }

    @Test
    void v1BlockIoReadsTheThrottleFileWithoutCfqAndTheRecursiveOneWithIt() throws CgroupUnreadable {
        String throttle = "8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 12288\n8:0 Async 0\n8:0 Discard 0\n8:0 Total 12288\n"
                + "8:16 Read 1\n8:16 Write 2\n8:16 Sync 3\n8:16 Async 0\n8:16 Discard 0\n8:16 Total 3\nTotal 12291\n";
        assertEquals(new CgroupReading.BlockIo(4097, 8194), CgroupV1Counters.blockIo(files("blkio.throttle.io_service_bytes", throttle)));
        assertEquals(new CgroupReading.BlockIo(0, 0), CgroupV1Counters.blockIo(files("blkio.throttle.io_service_bytes", "Total 0\n")));
        assertEquals(new CgroupReading.BlockIo(10, 20), CgroupV1Counters.blockIo(files(
                "blkio.io_serviced_recursive", "8:0 Read 1\nTotal 1\n",
                "blkio.io_service_bytes_recursive", "8:0 Read 10\n8:0 Write 20\nTotal 30\n",
                "blkio.throttle.io_service_bytes", throttle)));
        assertEquals("blkio.throttle.io_service_bytes: unknown operation Trim",
                message(() -> CgroupV1Counters.blockIo(files("blkio.throttle.io_service_bytes", "8:0 Trim 5\n"))));
    }

    @Test
    void limitsOfMaxAreUnlimited() throws CgroupUnreadable {
        assertEquals(new CgroupReading.Pids(3, CgroupReading.UNLIMITED),
                CgroupV1Counters.pids(files("pids.current", "3\n", "pids.max", "max\n")));
        assertEquals(new CgroupReading.Pids(1, 4694), CgroupV2Counters.pids(files("pids.current", "1\n", "pids.max", "4694\n")));
    }

    @Test
    void v2MemoryMapsEventsAsTheEngineDoes() throws CgroupUnreadable {
        CounterFiles group = files("memory.current", "234647552\n", "memory.max", "max\n",
                "memory.stat", "anon 61440\nfile 233848832\nkernel 700000\nfile_mapped 0\ninactive_file 0\nworkingset_refault_anon 0\n",
                "memory.events", "low 0\nhigh 2\nmax 9\noom 1\noom_kill 1\noom_group_kill 0\n",
                "memory.swap.current", "4096\n", "memory.peak", "268435456\n");
        assertEquals(new CgroupReading.Memory(234647552, 268435456, 1, CgroupReading.UNLIMITED, 0, 61440, 233848832, 0, 4096,
                1, 2, 9), CgroupV2Counters.memory(group));
    }

    @Test
    void v2CpuStatIsMicrosecondsAndHasNoThrottlingWithoutTheCpuController() throws CgroupUnreadable {
        // the keys this machine's unified hierarchy shows for a container (no controller enabled there)
        assertEquals(new CgroupReading.Cpu(454_445_000, 344_621_000, 109_824_000, 0, 0, 0),
                CgroupV2Counters.cpu(files("cpu.stat", "usage_usec 454445\nuser_usec 344621\nsystem_usec 109824\nnice_usec 0\n")));
        assertEquals(new CgroupReading.Cpu(1000, 1000, 0, 5, 2, 7000), CgroupV2Counters.cpu(files("cpu.stat",
                "usage_usec 1\nuser_usec 1\nsystem_usec 0\nnr_periods 5\nnr_throttled 2\nthrottled_usec 7\nnr_bursts 0\nburst_usec 0\n")));
        assertEquals("cpu.stat: no usage_usec line", message(() -> CgroupV2Counters.cpu(files("cpu.stat", "user_usec 1\n"))));
    }

    @Test
    void v2IoStatSumsDevicesAndIgnoresOtherPoliciesKeys() throws CgroupUnreadable {
        String ioStat = "8:16 rbytes=1459200 wbytes=314773504 rios=192 wios=353 dbytes=0 dios=0\n"
                + "8:0 rbytes=90430464 wbytes=299008000 rios=8950 wios=1252 dbytes=50331648 dios=3021 "
                + "cost.vrate=135.04 cost.usage=8821 cost.wait=0 cost.indebt=0 cost.indelay=0\n";
        assertEquals(new CgroupReading.BlockIo(91889664, 613781504), CgroupV2Counters.blockIo(files("io.stat", ioStat)));
        assertEquals(new CgroupReading.BlockIo(0, 0), CgroupV2Counters.blockIo(files("io.stat", "")));
        assertEquals("io.stat: unexpected line 'total 5'", message(() -> CgroupV2Counters.blockIo(files("io.stat", "total 5\n"))));
    }

    @Test
    void netDevSkipsLoAndReadsNumbersTouchingTheColon() throws CgroupUnreadable {
        String netDev = "Inter-|   Receive                                                |  Transmit\n"
                + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
                + "    lo:  123456     100    0    0    0     0          0         0   123456     100    0    0    0     0       0          0\n"
                + "  eth0:4294967296000 7 1 2 0 0 0 0 656 8 3 4 0 0 0 0\n"
                + "  eth1:     100       1    0    0    0     0          0         0      200       2    0    0    0     0       0          0\n";
        assertEquals(List.of(new CgroupReading.InterfaceCounters("eth0", 4294967296000L, 7, 1, 2, 656, 8, 3, 4),
                new CgroupReading.InterfaceCounters("eth1", 100, 1, 0, 0, 200, 2, 0, 0)), NetDev.interfaces(netDev));
        assertEquals("net/dev: no Inter-|/face |bytes header", message(() -> NetDev.interfaces("eth0: 1 2 3\n")));
        assertEquals("net/dev: expected 16 counters for eth0",
                message(() -> NetDev.interfaces(netDev.lines().limit(2).map(l -> l + "\n").reduce("", String::concat) + "eth0: 1 2 3\n")));
    }

    @Test
    void hostClockLeavesStealAndGuestOutAndCountsCpuLines() throws CgroupUnreadable {
        assertEquals(new HostReading((10 + 1 + 20 + 300 + 4 + 5 + 6) * 10_000_000L, 2, 24683548L * 1024),
                HostReading.parse("cpu  10 1 20 300 4 5 6 999 888 777\ncpu0 5 0 10 150 2 2 3 0 0 0\ncpu1 5 1 10 150 2 3 3 0 0 0\nintr 1 2\n",
                        "MemTotal:       24683548 kB\nMemFree: 1 kB\n"));
        assertEquals("meminfo: no MemTotal line", message(() -> HostReading.parse("cpu  1 1 1 1 1 1 1\ncpu0 1 1 1 1 1 1 1\n", "")));
    }
}
