package org.hebergos.dockerlink.docker.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding a container's directories on each layout, and refusing every layout that would give wrong numbers. */
class CgroupPathsTest {

    private static final Path PATHS = CgroupTrees.tree("paths");
    private static final String ID = text(PATHS.resolve("container-id")).strip();
    private static final String V1_HERE = "v1-cgroupfs/busy-loop-cpus-0.5";

    private static String text(Path file) {
        return new String(CgroupTrees.bytes(file));
    }

    private static CgroupDirectories found(CgroupLocation location) {
        return assertInstanceOf(CgroupLocation.Found.class, location, () -> location.toString()).directories();
    }

    private static String refused(CgroupLocation location) {
        return assertInstanceOf(CgroupLocation.Unsupported.class, location, () -> location.toString()).reason();
    }

    private static CgroupLocation sample(String layout) {
        return CgroupPaths.locate(ID, text(PATHS.resolve(layout + "/cgroup")), text(PATHS.resolve(layout + "/mountinfo")));
    }

    @Test
    void hybridHostIsReadAsV1DespiteItsUnifiedLine() throws Exception {
        Path tree = CgroupTrees.tree(V1_HERE);
        Map<String, String> recording = CgroupTrees.recording(tree);
        String id = recording.get("container_id");
        String cgroups = text(tree.resolve("proc/" + recording.get("pid") + "/cgroup"));
        assertTrue(cgroups.contains("0::/docker/" + id), "the recorded hybrid layout has a 0:: line");

        CgroupDirectories dirs = found(CgroupPaths.locate(id, cgroups, text(tree.resolve("proc/self/mountinfo"))));

        assertEquals(new CgroupDirectories(CgroupVersion.V1,
                Path.of("/sys/fs/cgroup/memory/docker/" + id), Path.of("/sys/fs/cgroup/cpu/docker/" + id),
                Path.of("/sys/fs/cgroup/cpuacct/docker/" + id), Path.of("/sys/fs/cgroup/pids/docker/" + id),
                Path.of("/sys/fs/cgroup/blkio/docker/" + id)), dirs);
        assertTrue(Files.isDirectory(tree.resolve(dirs.memory().toString().substring(1))));
    }

    @Test
    void v1SystemdScopeWithCoMountedCpuAndCpuacctListedInEitherOrder() {
        String scope = "/system.slice/docker-" + ID + ".scope";
        assertEquals(new CgroupDirectories(CgroupVersion.V1, Path.of("/sys/fs/cgroup/memory" + scope),
                Path.of("/sys/fs/cgroup/cpu,cpuacct" + scope), Path.of("/sys/fs/cgroup/cpu,cpuacct" + scope),
                Path.of("/sys/fs/cgroup/pids" + scope), Path.of("/sys/fs/cgroup/blkio" + scope)), found(sample("v1-systemd")));
    }

    @Test
    void v2CgroupfsAndSystemdDirectories() {
        assertEquals(CgroupDirectories.unified(Path.of("/sys/fs/cgroup/docker/" + ID)), found(sample("v2-cgroupfs")));
        assertEquals(CgroupDirectories.unified(Path.of("/sys/fs/cgroup/system.slice/docker-" + ID + ".scope")),
                found(sample("v2-systemd")));
    }

    @Test
    void privateCgroupNamespaceIsRefusedWithTheFix() {
        String reason = refused(CgroupPaths.locate(ID, "0::/../" + ID + "\n", text(PATHS.resolve("v2-cgroupfs/mountinfo"))));
        assertTrue(reason.contains("--cgroupns host"), reason);
    }

    @Test
    void aCgroupThatIsNotTheContainersOwnIsRefused() {
        String mountinfo = text(PATHS.resolve("v2-systemd/mountinfo"));
        // rootless Docker without a cgroup manager: every container in the daemon's own cgroup
        refused(CgroupPaths.locate(ID, "0::/user.slice/user-1000.slice/user@1000.service/docker.service\n", mountinfo));
        // a reused pid now in another container
        refused(CgroupPaths.locate(ID, "0::/docker/" + "ab".repeat(32) + "\n", mountinfo));
        // the id as a prefix of a longer name
        refused(CgroupPaths.locate(ID, "0::/system.slice/docker-" + ID + ".scope/init\n", mountinfo));
    }

    @Test
    void aMissingControllerIsNamed() {
        String mountinfo = text(PATHS.resolve("v1-systemd/mountinfo")).replaceAll("(?m)^.* rw,pids\\n", "");
        String reason = refused(CgroupPaths.locate(ID, text(PATHS.resolve("v1-systemd/cgroup")), mountinfo));
        assertTrue(reason.contains("pids"), reason);
    }

    @Test
    void noCgroupMountsOrNoFullIdAreRefused() {
        refused(CgroupPaths.locate(ID, "0::/docker/" + ID + "\n", "22 28 0:21 / /sys rw - sysfs sysfs rw\n"));
        refused(CgroupPaths.locate(ID.substring(0, 12), text(PATHS.resolve("v2-cgroupfs/cgroup")),
                text(PATHS.resolve("v2-cgroupfs/mountinfo"))));
    }

    @Test
    void inTheAgentContainerTheHostsBindMountHidesItsOwnCgroupMount() {
        String agent = "cd".repeat(32);
        // Docker's own mount shows the agent's cgroup; the -v /sys/fs/cgroup bind mounted over it shows the host's tree
        String mountinfo = "700 690 0:31 /docker/" + agent + " /sys/fs/cgroup/memory ro,nosuid - cgroup cgroup rw,memory\n"
                + text(PATHS.resolve("v1-systemd/mountinfo"));
        assertEquals(Path.of("/sys/fs/cgroup/memory/system.slice/docker-" + ID + ".scope"),
                found(CgroupPaths.locate(ID, text(PATHS.resolve("v1-systemd/cgroup")), mountinfo)).memory());
    }

    @Test
    void aControllerSeenTwiceIsReadWhereItsMountHoldsThePath() {
        String scope = "/system.slice/docker-" + ID + ".scope";
        String mountinfo = "800 25 0:29 /docker/" + "cd".repeat(32) + " /agent/memory ro - cgroup cgroup rw,memory\n"
                + text(PATHS.resolve("v1-systemd/mountinfo"));
        assertEquals(Path.of("/sys/fs/cgroup/memory" + scope),
                found(CgroupPaths.locate(ID, text(PATHS.resolve("v1-systemd/cgroup")), mountinfo)).memory());
        String onlyPart = mountinfo.replaceAll("(?m)^.* /sys/fs/cgroup/memory .*\\n", "");
        String reason = refused(CgroupPaths.locate(ID, text(PATHS.resolve("v1-systemd/cgroup")), onlyPart));
        assertTrue(reason.contains("is not under /docker/"), reason);
    }

    @Test
    void aMountOfPartOfTheHierarchyMapsPathsBelowItsRoot() {
        String mountinfo = "35 24 0:30 /docker /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n";
        assertEquals(CgroupDirectories.unified(Path.of("/sys/fs/cgroup/" + ID)),
                found(CgroupPaths.locate(ID, "0::/docker/" + ID + "\n", mountinfo)));
        refused(CgroupPaths.locate(ID, "0::/system.slice/docker-" + ID + ".scope\n", mountinfo));
    }
}
