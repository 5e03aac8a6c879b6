package org.hebergos.dockerlink.docker.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The cgroup trees of src/test/resources/cgroup (see its README) and what their recording.txt says. */
public final class CgroupTrees {

    private CgroupTrees() {
    }

    /** A case directory, such as {@code v1-cgroupfs/busy-loop-cpus-0.5}. */
    public static Path tree(String name) {
        try {
            return Path.of(CgroupTrees.class.getResource("/cgroup/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code key: value} lines of the case's recording.txt. */
    public static Map<String, String> recording(Path tree) {
        try (Stream<String> lines = Files.lines(tree.resolve("recording.txt"))) {
            return lines.map(line -> line.split(": ", 2)).collect(Collectors.toMap(f -> f[0], f -> f[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CgroupReader reader(Path tree) {
        return new CgroupReader(tree, tree.resolve("proc"));
    }

    /** The case's container read as the sampler would: located from its proc files, then read. */
    public static CgroupReading read(Path tree) throws CgroupUnreadable {
        Map<String, String> recording = recording(tree);
        int pid = Integer.parseInt(recording.get("pid"));
        CgroupReader reader = reader(tree);
        CgroupLocation location = reader.locate(recording.get("container_id"), pid);
        if (!(location instanceof CgroupLocation.Found found)) {
            throw new AssertionError("not located: " + location);
        }
        return reader.read(found.directories(), pid, NetworkFigures.forNetworkMode(recording.get("network_mode")));
    }

    public static HostReading host(Path tree) throws CgroupUnreadable {
        return reader(tree).host();
    }

    /** A copy of a case to break: the resources stay as recorded. */
    public static Path copy(Path tree, Path target) {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path source : paths.toList()) {
                Files.copy(source, target.resolve(tree.relativize(source).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
