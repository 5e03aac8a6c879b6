package org.hebergos.dockerlink.docker.cgroup;

import java.nio.file.Path;

/**
 * Where one container's counter files are, as absolute paths in the reader's view of the filesystem. On
 * v1 each controller has its own directory (cpu and cpuacct may share one); on v2 all five are the same.
 */
public record CgroupDirectories(CgroupVersion version, Path memory, Path cpu, Path cpuacct, Path pids, Path blkio) {

    static CgroupDirectories unified(Path directory) {
        return new CgroupDirectories(CgroupVersion.V2, directory, directory, directory, directory, directory);
    }
}
