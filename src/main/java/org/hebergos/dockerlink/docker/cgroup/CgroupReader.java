package org.hebergos.dockerlink.docker.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads containers' counters from the kernel's files: where they are (once per container start), the
 * host's figures (once per round) and each container's counters (every round). Every file is read whole
 * and parsed strictly; a missing or unrecognised one is a {@link CgroupUnreadable} naming it, the signal
 * to read that container through the Engine. Stateless and safe to share between threads.
 */
public final class CgroupReader {

    private final Path root;
    private final Path proc;

    /**
     * @param root the directory the cgroup mount points of {@code mountinfo} are under: {@code /} on the
     *             host and in the image (which mounts the host's {@code /sys/fs/cgroup} at the same place)
     * @param proc the host's proc filesystem: {@code /proc} on the host, {@code /host/proc} in the image
     *             (container pids from the Engine are host pids)
     */
    public CgroupReader(Path root, Path proc) {
        this.root = root;
        this.proc = proc;
    }

    /** Where a running container's counters are, from its init process {@code pid} (inspect's State.Pid). */
    public CgroupLocation locate(String containerId, int pid) {
        try {
            return CgroupPaths.locate(containerId, content(proc.resolve(pid + "/cgroup")),
                    content(proc.resolve("self/mountinfo")));
        } catch (CgroupUnreadable e) {
            return new CgroupLocation.Unsupported(e.getMessage());
        }
    }

    /** The host's CPU clock, CPU count and memory, to read once per round next to the containers. */
    public HostReading host() throws CgroupUnreadable {
        return HostReading.parse(content(proc.resolve("stat")), content(proc.resolve("meminfo")));
    }

    /** Every counter of one container; {@code pid} is its init process, whose namespace holds its interfaces. */
    public CgroupReading read(CgroupDirectories directories, int pid, NetworkFigures network) throws CgroupUnreadable {
        CgroupReading.Memory memory;
        CgroupReading.Cpu cpu;
        CgroupReading.Pids pids;
        CgroupReading.BlockIo blockIo;
        if (directories.version() == CgroupVersion.V1) {
            memory = CgroupV1Counters.memory(in(directories.memory()));
            cpu = CgroupV1Counters.cpu(in(directories.cpuacct()), in(directories.cpu()));
            pids = CgroupV1Counters.pids(in(directories.pids()));
            blockIo = CgroupV1Counters.blockIo(in(directories.blkio()));
        } else {
            CounterFiles group = in(directories.memory());
            memory = CgroupV2Counters.memory(group);
            cpu = CgroupV2Counters.cpu(group);
            pids = CgroupV2Counters.pids(group);
            blockIo = CgroupV2Counters.blockIo(group);
        }
        List<CgroupReading.InterfaceCounters> networks = network == NetworkFigures.READ
                ? NetDev.interfaces(content(proc.resolve(pid + "/net/dev")))
                : List.of();
        return new CgroupReading(directories.version(), memory, cpu, pids, blockIo, networks);
    }

    /** The files of a directory named by its absolute path in the reader's view, under {@link #root}. */
    private CounterFiles in(Path directory) {
        Path dir = root.resolve(Path.of("/").relativize(directory));
        return name -> {
            try {
                return read(dir.resolve(name));
            } catch (NoSuchFileException e) {
                return null;
            }
        };
    }

    private static String content(Path file) throws CgroupUnreadable {
        try {
            return read(file);
        } catch (NoSuchFileException e) {
            throw new CgroupUnreadable(file.toString(), "missing");
        }
    }

    /** Kernel files report no size (or a page), so they are read to the end; all are ASCII. */
    private static String read(Path file) throws NoSuchFileException, CgroupUnreadable {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            // a container that stopped meanwhile: its cgroup files answer ENODEV
            throw new CgroupUnreadable(file.toString(), "unreadable (" + e.getMessage() + ")", e);
        }
    }
}
