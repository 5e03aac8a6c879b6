package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Docker engine, driven with the docker CLI the way an operator would, to create the containers
 * the tests talk about. Every container it starts carries the label {@link #LABEL}, and every agent the
 * tests start has it as {@code managed_label} (src/test/it-env/agent.env, {@link AgentEnv},
 * {@link MicroServer}): other containers on the engine stay invisible to the tests' agents and cannot
 * change an outcome.
 */
final class Docker {

    static final String BUSYBOX = "hebergos-test/busybox:1";
    static final String GIT = "hebergos-test/git:1";
    /** The label of the tests' containers; the {@code managed_label} of the tests' agents. */
    static final String LABEL = "hebergos-it";
    /** Containers removed per {@code docker rm -f}: dockerd 20.10 deadlocked once on 200 in one call. */
    private static final int REMOVAL_BATCH = 20;
    private static final Duration CALL_LIMIT = Duration.ofSeconds(120);

    private Docker() {
    }

    /** Fails the test class loudly when there is no engine or no test image. */
    static void requireEngineAndImages() {
        Result info = run(List.of("docker", "info", "--format", "{{.ServerVersion}}"));
        if (info.code != 0) {
            fail("No Docker engine answers (" + info.output.strip() + "). Run the tests with scripts/test.sh, which installs and starts it.");
        }
        for (String image : List.of(BUSYBOX, GIT)) {
            if (run(List.of("docker", "image", "inspect", image)).code != 0) {
                fail("Test image " + image + " is missing. Run the tests with scripts/test.sh, which builds it.");
            }
        }
    }

    /** {@code docker run -d --label hebergos-it ARGS}; returns the full id. */
    static String runDetached(String... args) {
        List<String> argv = new ArrayList<>(List.of("docker", "run", "-d", "--label", LABEL));
        argv.addAll(List.of(args));
        return cli(argv).strip();
    }

    /** {@code docker create --label hebergos-it ARGS}; returns the full id. */
    static String create(String... args) {
        List<String> argv = new ArrayList<>(List.of("docker", "create", "--label", LABEL));
        argv.addAll(List.of(args));
        return cli(argv).strip();
    }

    static String cli(String... args) {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        return cli(argv);
    }

    static String inspect(String id, String format) {
        return cli("inspect", "--format", format, id).strip();
    }

    static Instant startedAt(String id) {
        return Instant.parse(inspect(id, "{{.State.StartedAt}}"));
    }

    /** {@code docker rm -f} in batches, each bounded in time; ignores nulls and containers already gone. */
    static void remove(String... ids) {
        List<String> present = Stream.of(ids).filter(Objects::nonNull).toList();
        for (int from = 0; from < present.size(); from += REMOVAL_BATCH) {
            List<String> argv = new ArrayList<>(List.of("docker", "rm", "-f"));
            argv.addAll(present.subList(from, Math.min(present.size(), from + REMOVAL_BATCH)));
            run(argv);
        }
    }

    private static String cli(List<String> argv) {
        Result r = run(argv);
        if (r.code != 0) {
            fail(String.join(" ", argv) + " failed (" + r.code + "): " + r.output);
        }
        return r.output;
    }

    record Result(int code, String output) {
    }

    /** {@code docker ARGS} whatever its exit code. */
    static Result attempt(String... args) {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        return run(argv);
    }

    /** {@code docker exec ID ARGV} whatever its exit code. */
    static Result exec(String id, String... argv) {
        List<String> command = new ArrayList<>(List.of("docker", "exec", id));
        command.addAll(List.of(argv));
        return run(command);
    }

    private static Result run(List<String> argv) {
        Path output = null;
        try {
            // output to a file: reading a pipe would wait for a hung CLI forever, past the time limit
            output = Files.createTempFile("docker", ".out");
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", argv) + " did not finish in " + CALL_LIMIT.toSeconds() + " s");
            }
            return new Result(p.exitValue(), Files.readString(output));
        } catch (IOException e) {
            return new Result(-1, "cannot run docker: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file under target/: harmless
            }
        }
    }
}
