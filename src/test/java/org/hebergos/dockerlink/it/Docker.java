package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Docker engine, driven with the docker CLI the way an operator would, to create the containers
 * the tests talk about. Every container it starts carries the label {@code hebergos-it} so that a test
 * can remove what it made.
 */
final class Docker {

    static final String BUSYBOX = "hebergos-test/busybox:1";
    static final String GIT = "hebergos-test/git:1";

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
        List<String> argv = new ArrayList<>(List.of("docker", "run", "-d", "--label", "hebergos-it"));
        argv.addAll(List.of(args));
        return cli(argv).strip();
    }

    /** {@code docker create --label hebergos-it ARGS}; returns the full id. */
    static String create(String... args) {
        List<String> argv = new ArrayList<>(List.of("docker", "create", "--label", "hebergos-it"));
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

    static void remove(String... ids) {
        for (String id : ids) {
            if (id != null) {
                run(List.of("docker", "rm", "-f", id));
            }
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
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", argv) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run docker: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
