package org.hebergos.dockerlink.docker.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a container's cgroup directories from its init process's {@code /proc/<pid>/cgroup} and the
 * reader's {@code /proc/self/mountinfo}, as runc and Netdata do, rather than guessing the cgroup driver.
 *
 * <p>v1 or v2 is decided from the mounts, not from a {@code 0::} line: the hybrid layout (v1 controllers,
 * cgroup2 at {@code /sys/fs/cgroup/unified}) has a {@code 0::} line whose directory holds no memory, io or
 * pids files. A directory is accepted only if its last component is the container's id (cgroupfs driver)
 * or {@code docker-<id>.scope} (systemd driver), as cAdvisor checks: rootless Docker's shared cgroup or a
 * private cgroup namespace's {@code /../} path would otherwise give another group's counters.
 */
public final class CgroupPaths {

    static final List<String> V1_CONTROLLERS = List.of("memory", "cpu", "cpuacct", "pids", "blkio");
    private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{64}");
    private static final String UNIFIED_MOUNT = "/sys/fs/cgroup";

    private CgroupPaths() {
    }

    /** A cgroup mount: which part of the hierarchy ({@code root}) is seen at {@code mountPoint}. */
    private record Mount(String root, String mountPoint, String type, List<String> superOptions) {
    }

    /**
     * @param containerId    the container's full id
     * @param processCgroups the content of {@code /proc/<init pid>/cgroup}
     * @param mountinfo      the content of the reader's {@code /proc/self/mountinfo}
     */
    public static CgroupLocation locate(String containerId, String processCgroups, String mountinfo) {
        if (!CONTAINER_ID.matcher(containerId).matches()) {
            return new CgroupLocation.Unsupported("not a full container id: " + containerId);
        }
        List<Mount> mounts = visibleCgroupMounts(mountinfo);
        boolean v1 = mounts.stream().anyMatch(m -> m.type().equals("cgroup") && m.superOptions().contains("memory"));
        try {
            if (v1) {
                return new CgroupLocation.Found(v1Directories(containerId, processCgroups, mounts));
            }
            List<Mount> unified = mounts.stream().filter(m -> m.type().equals("cgroup2")).toList();
            if (unified.isEmpty()) {
                return new CgroupLocation.Unsupported("no cgroup v1 memory controller nor cgroup2 mount in /proc/self/mountinfo");
            }
            Mount mount = unified.stream().filter(m -> m.mountPoint().equals(UNIFIED_MOUNT)).findFirst()
                    .orElse(unified.get(0));
            if (unified.size() > 1 && !mount.mountPoint().equals(UNIFIED_MOUNT)) {
                return new CgroupLocation.Unsupported("several cgroup2 mounts and none at " + UNIFIED_MOUNT);
            }
            String path = pathOf(processCgroups, "")
                    .orElseThrow(() -> new Refused("no 0:: line in /proc/<pid>/cgroup"));
            return new CgroupLocation.Found(CgroupDirectories.unified(directory(containerId, mount, path)));
        } catch (Refused e) {
            return new CgroupLocation.Unsupported(e.getMessage());
        }
    }

    private static CgroupDirectories v1Directories(String id, String processCgroups, List<Mount> mounts) throws Refused {
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (String controller : V1_CONTROLLERS) {
            String path = pathOf(processCgroups, controller)
                    .orElseThrow(() -> new Refused("no " + controller + " line in /proc/<pid>/cgroup"));
            Refused refused = new Refused("cgroup v1 controller " + controller + " is not mounted");
            // a controller may be seen at several places (a mount of part of its hierarchy): the first that holds the path
            for (Mount mount : mounts) {
                if (mount.type().equals("cgroup") && mount.superOptions().contains(controller) && !dirs.containsKey(controller)) {
                    try {
                        dirs.put(controller, directory(id, mount, path));
                    } catch (Refused e) {
                        refused = e;
                    }
                }
            }
            if (!dirs.containsKey(controller)) {
                throw refused;
            }
        }
        return new CgroupDirectories(CgroupVersion.V1, dirs.get("memory"), dirs.get("cpu"), dirs.get("cpuacct"),
                dirs.get("pids"), dirs.get("blkio"));
    }

    /**
     * The path of the {@code /proc/<pid>/cgroup} line whose controller list holds {@code controller}
     * (lists such as {@code cpuacct,cpu} are split); the empty controller is the v2 {@code 0::} line.
     */
    private static Optional<String> pathOf(String processCgroups, String controller) {
        for (String line : processCgroups.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            boolean match = controller.isEmpty()
                    ? fields[0].equals("0") && fields[1].isEmpty()
                    : Arrays.asList(fields[1].split(",")).contains(controller);
            if (match) {
                return Optional.of(fields[2].strip());
            }
        }
        return Optional.empty();
    }

    private static Path directory(String id, Mount mount, String path) throws Refused {
        if (path.contains("/..") || !path.startsWith("/")) {
            throw new Refused("cgroup path " + path + " lies outside the reader's cgroup namespace (run with --cgroupns host)");
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!last.equals(id) && !last.equals("docker-" + id + ".scope")) {
            throw new Refused("cgroup path " + path + " is not the container's own (no per-container cgroup)");
        }
        String relative;
        if (mount.root().equals("/")) {
            relative = path;
        } else if (path.startsWith(mount.root() + "/")) {
            relative = path.substring(mount.root().length());
        } else {
            throw new Refused("cgroup path " + path + " is not under " + mount.root() + " mounted at " + mount.mountPoint());
        }
        return Path.of(mount.mountPoint() + relative);
    }

    /** The cgroup and cgroup2 mounts of mountinfo; of several at one mount point the last one is seen. */
    private static List<Mount> visibleCgroupMounts(String mountinfo) {
        Map<String, Mount> byMountPoint = new LinkedHashMap<>();
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.strip().split(" ");
            int separator = Arrays.asList(fields).indexOf("-");
            if (separator < 6 || fields.length < separator + 4) {
                continue;
            }
            String type = fields[separator + 1];
            String mountPoint = unescape(fields[4]);
            if (type.equals("cgroup") || type.equals("cgroup2")) {
                byMountPoint.remove(mountPoint);
                byMountPoint.put(mountPoint, new Mount(unescape(fields[3]), mountPoint, type,
                        List.of(fields[separator + 3].split(","))));
            } else {
                // another filesystem mounted over a cgroup mount point hides it
                byMountPoint.remove(mountPoint);
            }
        }
        return new ArrayList<>(byMountPoint.values());
    }

    /** mountinfo writes space, tab, newline and backslash as three-digit octal escapes. */
    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A reason to refuse the layout, carried out of the nested look-ups. */
    private static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
