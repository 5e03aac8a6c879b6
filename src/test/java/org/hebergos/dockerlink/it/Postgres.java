package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for one test class: Debian's PostgreSQL binaries (scripts/test.sh installs
 * them), a fresh data directory, a free port on 127.0.0.1, a database {@code hebergos} owned by a
 * password-protected user {@code hebergos}. Run as root, the server runs as the {@code postgres} user
 * (PostgreSQL refuses root), so the cluster lives in a directory of its own under /tmp owned by that user,
 * never in the checkout, which other users may not be allowed to enter (a clone under /root, or in
 * {@code mktemp -d}); it is removed at the end, its log kept in {@code logDir}.
 */
final class Postgres implements AutoCloseable {

    static final String DATABASE = "hebergos";
    static final String USER = "hebergos";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final Path logDir;
    private final int port = Servers.freePort();
    private final String password = UUID.randomUUID().toString();
    private boolean running;

    private Postgres(Path bin, Path dir, Path logDir) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.logDir = logDir;
    }

    /** Starts a new cluster; its log is copied to {@code logDir} when it stops. */
    static Postgres start(Path logDir) {
        try {
            // not java.io.tmpdir: the tests point that into the checkout
            Postgres pg = new Postgres(binaries(), Files.createTempDirectory(Path.of("/tmp"), "hebergos-it-postgres"), logDir);
            pg.init();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb). Run the tests with"
                    + " scripts/test.sh, which installs it (apt-get install postgresql).", e);
        }
    }

    private void init() {
        try {
            Path passwordFile = dir.resolve("password");
            Files.writeString(passwordFile, password + "\n");
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            if (asRoot()) {
                Servers.run(Map.of(), Duration.ofSeconds(30), List.of("chown", "-R", "postgres", dir.toString()));
            }
            pg(Duration.ofSeconds(120), "initdb", "-D", data.toString(), "-U", USER, "--pwfile=" + passwordFile,
                    "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-instructions");
            pg(Duration.ofSeconds(120), "pg_ctl", "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(), "-w",
                    // TCP on 127.0.0.1 only, no Unix socket (whose path could outgrow the 107 bytes allowed under a deep checkout)
                    "-o", "-p " + port + " -k '' -c listen_addresses=127.0.0.1", "start");
            running = true;
            sql("postgres", "CREATE DATABASE " + DATABASE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AssertionError e) {
            close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    /** Runs SQL in the agent's database through psql over TCP, as the agent's user; returns the rows, one a line. */
    List<String> query(String sql) {
        return sql(DATABASE, sql).lines().filter(l -> !l.isEmpty()).toList();
    }

    private String sql(String database, String sql) {
        return Servers.run(Map.of("PGPASSWORD", password), Duration.ofSeconds(60), List.of(bin.resolve("psql").toString(),
                "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql));
    }

    private void pg(Duration limit, String tool, String... args) {
        List<String> argv = new ArrayList<>();
        if (asRoot()) {
            argv.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        argv.add(bin.resolve(tool).toString());
        argv.addAll(List.of(args));
        Servers.run(Map.of(), limit, argv);
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() {
        try {
            if (running) {
                running = false;
                pg(Duration.ofSeconds(60), "pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
            }
        } catch (AssertionError e) {
            fail("PostgreSQL did not stop: " + e.getMessage());
        } finally {
            keepLogAndRemove();
        }
    }

    private void keepLogAndRemove() {
        try {
            Files.createDirectories(logDir);
            Path log = dir.resolve("postgres.log");
            if (Files.exists(log)) {
                Files.copy(log, logDir.resolve("postgres.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            Servers.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
