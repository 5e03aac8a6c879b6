package org.hebergos.dockerlink.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.error.BadParameter;
import org.hebergos.dockerlink.error.ContainerNotFound;
import org.hebergos.dockerlink.error.ContainerNotRunning;
import org.hebergos.dockerlink.error.DockerFailed;
import org.hebergos.dockerlink.error.DockerRefused;
import org.hebergos.dockerlink.error.DockerUnavailable;

/**
 * The one door to the Docker engine: every engine call the agent makes is here, and docker-java's types
 * and exceptions are translated to ours before they leave. Engine errors become {@code ContainerNotFound},
 * {@code ContainerNotRunning}, {@code DockerFailed}; an engine that does not answer becomes
 * {@code DockerUnavailable}. Every call connects anew, so the agent recovers by itself when Docker returns.
 */
@ApplicationScoped
public class DockerGateway {

    /** Longest stop grace period a caller may ask for, so long calls still have a bound. */
    public static final int MAX_STOP_SECONDS = 300;

    private static final Pattern EXITED = Pattern.compile("^Exited \\((-?\\d+)\\)");
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Settings settings;
    @Resource
    ManagedThreadFactory threads;

    private final ContainerCache cache = new ContainerCache();
    private final EngineEvents events = new EngineEvents(cache);
    private volatile Engine engine;

    /**
     * Two clients on one engine, for short calls and for calls that legitimately take long (stop, exec,
     * events), their transports for the calls made without docker-java's models, and a bare socket for
     * the stats calls of every round.
     */
    private record Engine(DockerClient api, DockerHttpClient http, DockerClient slow, DockerHttpClient slowHttp, EngineSocket socket) {
    }

    public void ping() {
        call(null, () -> engine().api().pingCmd().exec());
    }

    /**
     * The containers, from memory while no engine event says anything changed; else one
     * {@code /containers/json} call, with an inspect only for running containers whose run is not known.
     */
    public List<ContainerInfo> containers(boolean runningOnly) {
        Engine e = engine();
        events.watch(e.slowHttp(), threads);
        List<ContainerInfo> all = cache.containers(() -> visible(e).stream().map(c -> toInfo(e, c)).filter(Objects::nonNull).toList(),
                id -> inspectEntry(e, id));
        return runningOnly ? all.stream().filter(ContainerInfo::running).toList() : all;
    }

    /** The containers in scope, as the engine lists them now. */
    private List<Container> visible(Engine e) {
        return call(null, () -> e.api().listContainersCmd().withShowAll(true).exec()).stream()
                .filter(c -> scope().admits(c.getLabels())).toList();
    }

    /** Full id, run, working directory and extra groups of a container named by id, id prefix or name. */
    public ContainerDetails inspect(String idOrName) {
        InspectContainerResponse r = managedInspect(idOrName);
        boolean running = Boolean.TRUE.equals(r.getState().getRunning());
        String workingDir = r.getConfig() == null ? null : r.getConfig().getWorkingDir();
        List<String> groupAdd = r.getHostConfig() == null ? null : r.getHostConfig().getGroupAdd();
        return new ContainerDetails(r.getId(), running, workingDir == null || workingDir.isBlank() ? "/" : workingDir,
                groupAdd == null ? List.of() : List.copyOf(groupAdd));
    }

    public void start(String idOrName) {
        String id = managed(idOrName);
        call(id, () -> idempotent(() -> engine().api().startContainerCmd(id).exec()));
        cache.acted(id);
    }

    /** Stops the container after {@code seconds} of grace, or, when null, after the container's own stop timeout. */
    public void stop(String idOrName, Integer seconds) {
        String id = managed(idOrName);
        stopOrRestart(id, "stop", seconds);
        cache.acted(id);
    }

    /** Restarts the container; the grace before the kill as for {@link #stop}. */
    public void restart(String idOrName, Integer seconds) {
        String id = managed(idOrName);
        stopOrRestart(id, "restart", seconds);
        cache.acted(id);
    }

    /**
     * {@code POST /containers/{id}/stop} or {@code restart}, with {@code t} only when given. Not through
     * docker-java: its commands always send {@code t} (10 unless told, and it cannot be unset), which
     * overrides the container's {@code --stop-timeout}; without {@code t} the engine waits the container's
     * own {@code StopTimeout} (its default, 10 s, when it has none). The answer is awaited at most as long as
     * the slow client's timeout ({@link #MAX_STOP_SECONDS} and more); the engine goes on stopping a container
     * whose stop timeout is longer. 304: already stopped.
     */
    private void stopOrRestart(String id, String action, Integer seconds) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/containers/" + id + "/" + action + (seconds == null ? "" : "?t=" + seconds))
                .build();
        call(id, () -> {
            try (DockerHttpClient.Response response = engine().slowHttp().execute(request)) {
                int status = response.getStatusCode();
                if (status == 404) {
                    throw new ContainerNotFound(id);
                }
                if (status != 204 && status != 304) {
                    throw new DockerFailed(action + " of " + id + ": " + readError(response), null);
                }
                return null;
            }
        });
    }

    /**
     * One stats reading, without waiting for the engine to compute a CPU delta ({@code one-shot}, Engine
     * API 1.41+); null when the container has stopped meanwhile and the reading is empty.
     */
    public EngineStats stats(String id) {
        return call(id, () -> {
            try {
                EngineSocket.Answer answer = engine().socket().get("/containers/" + id + "/stats?stream=false&one-shot=true");
                if (answer.status() == 404) {
                    throw new ContainerNotFound(id);
                }
                if (answer.status() != 200) {
                    throw new DockerFailed("stats of " + id + " answered " + answer.status(), null);
                }
                EngineStats stats = EngineStatsParser.parse(answer.body());
                return stats.hasCpu() ? stats : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * What {@code path} is inside the container and who owns it, from the engine's archive of it
     * ({@code GET /containers/{id}/archive}): its first tar header, the content of a small file, and for
     * a symlink the engine's resolution of it (the archive's path-stat header); empty when there is no
     * such path.
     *
     * <p>Why the archive: it needs no program in the container and runs none (an exec'd {@code stat} would
     * run as root whatever the container's {@code PATH} holds, and images without coreutils have none).
     * The engine tars a directory recursively, but the first header is the path itself: the stream is
     * closed after it (closing aborts the request, it does not drain the rest), so a 90 MB {@code .git}
     * costs what its {@code HEAD} file does (0.15-0.7 s measured on a loaded 2-core host, against
     * 0.1-0.3 s for an exec'd {@code stat}). The archive sees the container's filesystem and volumes, not
     * mounts made from inside the container (a tmpfs it mounted itself).
     */
    public Optional<FileEntry> file(String id, String path) {
        Engine e = engine();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + id + "/archive?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                .build();
        return call(id, () -> {
            try (DockerHttpClient.Response response = e.http().execute(request)) {
                if (response.getStatusCode() == 404) {
                    String reason = readError(response);
                    if (reason.contains("No such container")) {
                        throw new ContainerNotFound(id);
                    }
                    return Optional.empty();
                }
                if (response.getStatusCode() != 200) {
                    throw new DockerFailed("archive of " + path + " in " + id + ": " + readError(response), null);
                }
                return Optional.of(FileEntry.first(response.getBody(), response.getHeader(FileEntry.PATH_STAT)));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /**
     * Starts {@code argv} in the container (no shell) as {@code user} ({@code uid:gid}), with extra
     * environment variables; the caller reads the output from the returned session and closes it.
     *
     * <p>The start goes through the transport, not docker-java's {@code execStartCmd}: that one reads the
     * stream on a thread it creates itself ({@code new Thread}, no executor can be given) and pushes
     * frames to a callback. Here the caller reads and demultiplexes ({@link ExecFrames}) on its managed
     * executor, caps the output while reading, and abandons a hung process by closing the session.
     */
    public ExecSession exec(String id, String user, List<String> argv, List<String> env) {
        managed(id);
        Engine e = engine();
        String execId = call(id, () -> {
            try {
                return e.api().execCreateCmd(id).withUser(user).withCmd(argv.toArray(String[]::new)).withEnv(env)
                        .withAttachStdout(true).withAttachStderr(true).exec().getId();
            } catch (ConflictException notRunning) {
                throw new ContainerNotRunning(id);
            }
        });
        DockerHttpClient.Request start = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST).path("/exec/" + execId + "/start")
                .putHeader("Content-Type", "application/json")
                .bodyBytes("{\"Detach\":false,\"Tty\":false}".getBytes(StandardCharsets.US_ASCII)).build();
        DockerHttpClient.Response response = call(id, () -> e.slowHttp().execute(start));
        if (response.getStatusCode() != 200) {
            String reason = readError(response);
            response.close();
            if (response.getStatusCode() == 409) {
                throw new ContainerNotRunning(id);
            }
            throw new DockerFailed("exec in " + id + ": " + reason, null);
        }
        return new ExecSession(execId, response, exec -> call(id, () -> {
            Long code = e.api().inspectExecCmd(exec).exec().getExitCodeLong();
            return code == null ? -1 : code.intValue();
        }));
    }

    @PreDestroy
    void close() {
        events.close();
        Engine e = engine;
        if (e != null) {
            closeQuietly(e.api());
            closeQuietly(e.slow());
        }
    }

    private ContainerInfo toInfo(Engine e, Container c) {
        String state = c.getState();
        RunInfo run = null;
        Integer exitCode = null;
        if ("running".equals(state)) {
            try {
                run = cache.run(c.getId(), id -> inspectEntry(e, id).run());
            } catch (ContainerNotFound vanished) {
                return null;
            }
        } else {
            if ("exited".equals(state)) {
                Matcher m = EXITED.matcher(String.valueOf(c.getStatus()));
                exitCode = m.find() ? Integer.valueOf(m.group(1))
                        : call(c.getId(), () -> e.api().inspectContainerCmd(c.getId()).exec().getState().getExitCodeLong()).intValue();
            }
        }
        return new ContainerInfo(c.getId(), name(c.getNames()), c.getImage(), state, exitCode, run);
    }

    /** The container's list entry as the engine answers an inspect now, its run only while running (not paused). */
    private ContainerInfo inspectEntry(Engine e, String id) {
        InspectContainerResponse r = call(id, () -> e.api().inspectContainerCmd(id).exec());
        InspectContainerResponse.ContainerState state = r.getState();
        String status = state.getStatus();
        Integer exitCode = "exited".equals(status) && state.getExitCodeLong() != null ? state.getExitCodeLong().intValue() : null;
        RunInfo run = null;
        if ("running".equals(status)) {
            HostConfig host = r.getHostConfig();
            Long memory = host == null ? null : host.getMemory();
            run = new RunInfo(Instant.parse(state.getStartedAt()), cpuLimitCores(host), memory == null ? 0 : memory);
        }
        String image = r.getConfig() == null ? null : r.getConfig().getImage();
        return new ContainerInfo(r.getId(), name(new String[] {r.getName()}), image, status, exitCode, run);
    }

    static double cpuLimitCores(HostConfig host) {
        if (host == null) {
            return 0;
        }
        if (host.getNanoCPUs() != null && host.getNanoCPUs() > 0) {
            return host.getNanoCPUs() / 1e9;
        }
        Long quota = host.getCpuQuota();
        Long period = host.getCpuPeriod();
        if (quota != null && quota > 0) {
            return (double) quota / (period != null && period > 0 ? period : 100_000L);
        }
        return 0;
    }

    /** Docker lists a container under every link alias too ({@code /a/b}); the real name has one slash. */
    static String name(String[] names) {
        if (names == null || names.length == 0) {
            return "";
        }
        return Arrays.stream(names).filter(n -> n.lastIndexOf('/') == 0).findFirst().orElse(names[0]).substring(1);
    }

    private static <T> T idempotent(Supplier<T> action) {
        try {
            return action.get();
        } catch (NotModifiedException alreadyThere) {
            return null;
        }
    }

    private static String readError(DockerHttpClient.Response response) {
        try {
            return JSON.readTree(response.getBody()).path("message").asText("status " + response.getStatusCode());
        } catch (IOException | RuntimeException e) {
            return "status " + response.getStatusCode();
        }
    }

    /** Runs one engine call and translates whatever goes wrong into our exceptions. */
    private <T> T call(String id, Supplier<T> action) {
        try {
            return action.get();
        } catch (NotFoundException e) {
            throw new ContainerNotFound(id);
        } catch (DockerException e) {
            throw new DockerFailed(String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
        } catch (RuntimeException e) {
            if (causedByIo(e)) {
                throw new DockerUnavailable("engine at " + settings.dockerHost().orElse("?") + " does not answer ("
                        + rootMessage(e) + ")", e);
            }
            throw e;
        }
    }

    private Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = connect();
                }
                e = engine;
            }
        }
        return e;
    }

    private Engine connect() {
        String host = settings.dockerHost()
                .orElseThrow(() -> new DockerUnavailable("docker_sock is not set in the agent's .env", null));
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        Duration timeout = settings.dockerTimeout();
        Duration slowTimeout = timeout.plus(Duration.ofSeconds(MAX_STOP_SECONDS)).plus(settings.gitTimeout());
        DockerHttpClient http = http(config.getDockerHost(), timeout);
        DockerHttpClient slowHttp = http(config.getDockerHost(), slowTimeout);
        return new Engine(DockerClientImpl.getInstance(config, http), http,
                DockerClientImpl.getInstance(config, slowHttp), slowHttp, new EngineSocket(config.getDockerHost()));
    }

    private DockerHttpClient http(URI host, Duration responseTimeout) {
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(host)
                .maxConnections(100)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(responseTimeout)
                .build();
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // shutting down: nothing left to tell
        }
    }

    /**
     * Changes a container's memory limit (bytes; swap set to the same value, so the limit is the whole
     * memory and the engine accepts it on a container created without one) and/or CPU limit (% of one
     * core; as {@code NanoCpus}, or as a quota over the container's own period when it was created with
     * one, the two kinds being exclusive), and reads back what the engine applied.
     *
     * @throws DockerRefused with the engine's reason when it refuses the values
     */
    public ContainerLimits update(String idOrName, Long memoryBytes, Double cpuPercent) {
        Engine e = engine();
        InspectContainerResponse before = managedInspect(idOrName);
        String id = before.getId();
        var cmd = e.api().updateContainerCmd(id);
        if (memoryBytes != null) {
            cmd.withMemory(memoryBytes).withMemorySwap(memoryBytes);
        }
        if (cpuPercent != null) {
            HostConfig host = before.getHostConfig();
            boolean quota = host != null && host.getCpuQuota() != null && host.getCpuQuota() > 0
                    && (host.getNanoCPUs() == null || host.getNanoCPUs() == 0);
            if (quota) {
                long period = host.getCpuPeriod() != null && host.getCpuPeriod() > 0 ? host.getCpuPeriod() : 100_000L;
                cmd.withCpuPeriod(period).withCpuQuota(Math.round(cpuPercent / 100 * period));
            } else {
                cmd.withNanoCPUs(Math.round(cpuPercent / 100 * 1e9));
            }
        }
        refusable(id, cmd::exec);
        cache.acted(id);
        InspectContainerResponse after = call(id, () -> e.api().inspectContainerCmd(id).exec());
        HostConfig host = after.getHostConfig();
        long memory = host == null || host.getMemory() == null ? 0 : host.getMemory();
        double cores = cpuLimitCores(host);
        if (memory == 0 || cores == 0) {
            Info info = call(null, () -> e.api().infoCmd().exec());
            memory = memory > 0 ? memory : info.getMemTotal();
            cores = cores > 0 ? cores : info.getNCPU();
        }
        return new ContainerLimits(id, memory, cores * 100);
    }

    /**
     * Removes a container, with its anonymous volumes when asked (named volumes stay: the engine never
     * removes them with a container); a running one only with {@code force} (killed first).
     *
     * @throws DockerRefused with the engine's reason (running without force, removal in progress)
     */
    public void remove(String idOrName, boolean force, boolean volumes) {
        String id = managed(idOrName);
        refusable(id, () -> engine().slow().removeContainerCmd(id).withForce(force).withRemoveVolumes(volumes).exec());
        cache.removed(id);
    }

    /** Hands the watched container events of the containers in scope to {@code listener}, translated. */
    public void listen(ContainerEvent.Listener listener) {
        cache.listen(new ContainerCache.Listener() {
            @Override
            public void event(Event event) {
                Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                        ? Map.of() : event.getActor().getAttributes();
                if (event.getId() == null || !scope().admits(attributes)) {
                    return;
                }
                String action = event.getAction() != null ? event.getAction() : event.getStatus();
                Integer exitCode = null;
                try {
                    exitCode = attributes.containsKey("exitCode") ? Integer.valueOf(attributes.get("exitCode")) : null;
                } catch (NumberFormatException notANumber) {
                    // left out, as for any event that carries none
                }
                String name = attributes.getOrDefault("name", "");
                long nanos = event.getTimeNano() != null ? event.getTimeNano()
                        : event.getTime() != null ? event.getTime() * 1_000_000_000L : System.currentTimeMillis() * 1_000_000L;
                listener.event(new ContainerEvent(event.getId(), action, name.startsWith("/") ? name.substring(1) : name, exitCode, nanos));
            }

            @Override
            public void lost() {
                listener.lost();
            }
        });
    }

    /** The {@code managed_label} scope of this agent. */
    private ManagedLabel scope() {
        return ManagedLabel.of(settings.managedLabel());
    }

    /**
     * Every reference the panel sends goes through here (or {@link #managedInspect}) and comes out as the
     * full id of a container in scope. A name or id prefix is resolved as the engine would, but among the
     * containers in scope only: with a {@code managed_label}, a container without it answers exactly as one
     * that does not exist, and the engine's own "Multiple IDs found" would count the hidden ones. A full id
     * with every container in scope is passed as it is (no engine call).
     *
     * @throws BadParameter naming {@code id} when several containers in scope have the prefix
     */
    private String managed(String ref) {
        if (!scope().scoped() && FULL_ID.matcher(ref).matches()) {
            return ref;
        }
        List<ContainerInfo> matches = ContainerInfo.matching(containers(false), ref);
        if (matches.isEmpty()) {
            // made a moment ago, its event not yet received: the engine's list has it already
            List<ContainerInfo> now = visible(engine()).stream()
                    .map(c -> new ContainerInfo(c.getId(), name(c.getNames()), c.getImage(), c.getState(), null, null)).toList();
            matches = ContainerInfo.matching(now, ref);
        }
        if (matches.size() > 1) {
            throw new BadParameter("id", "ambiguous id");
        }
        if (matches.isEmpty()) {
            throw new ContainerNotFound(ref);
        }
        return matches.get(0).id();
    }

    private InspectContainerResponse managedInspect(String idOrName) {
        String id = managed(idOrName);
        InspectContainerResponse r = call(idOrName, () -> engine().api().inspectContainerCmd(id).exec());
        if (!scope().admits(r.getConfig() == null ? null : r.getConfig().getLabels())) {
            throw new ContainerNotFound(idOrName);
        }
        return r;
    }

    /** An engine call whose refusal (bad value, conflicting state) the panel must see with the engine's reason. */
    private <T> T refusable(String id, Supplier<T> action) {
        return call(id, () -> {
            try {
                return action.get();
            } catch (NotFoundException e) {
                throw e;
            } catch (DockerException e) {
                if (e.getHttpStatus() == 400 || e.getHttpStatus() == 409 || e.getHttpStatus() == 500) {
                    throw new DockerRefused(engineReason(e));
                }
                throw e;
            }
        });
    }

    /** docker-java's message is {@code Status 409: {"message":"…"}}: the engine's message, on one line. */
    static String engineReason(DockerException e) {
        String text = String.valueOf(e.getMessage());
        int body = text.indexOf('{');
        if (body >= 0) {
            try {
                text = JSON.readTree(text.substring(body)).path("message").asText(text);
            } catch (IOException notJson) {
                // the text as it is
            }
        }
        return text.replaceAll("\\s+", " ").strip();
    }
}
