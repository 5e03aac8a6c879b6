package org.hebergos.dockerlink.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.HostConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.error.BadParameter;

/**
 * The containers this agent may see ({@code managed_label} scope), listed from the {@link ContainerCache}
 * that the engine's events keep true, and the resolution of the panel's references (id, id prefix, name)
 * among them. The engine's events are followed from deployment on ({@link EngineEvents}).
 */
@ApplicationScoped
public class ContainerCatalogue {

    private static final Pattern EXITED = Pattern.compile("^Exited \\((-?\\d+)\\)");
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");

    @Inject
    Settings settings;
    @Inject
    DockerConnection connection;
    @Resource
    ManagedThreadFactory threads;

    private final ContainerCache cache = new ContainerCache();
    private final EngineEvents events = new EngineEvents(cache);

    /** Follows the engine's events from deployment on: the cache is trusted only while they are followed. */
    void watch(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        events.start(() -> connection.engine().slowHttp(), threads);
    }

    /**
     * The containers, from memory while no engine event says anything changed; else one
     * {@code /containers/json} call, with an inspect only for running containers whose run is not known.
     */
    public List<ContainerInfo> containers(boolean runningOnly) {
        List<ContainerInfo> all = cache.containers(() -> visible().stream().map(this::toInfo).filter(Objects::nonNull).toList(),
                this::inspectEntry);
        return runningOnly ? all.stream().filter(ContainerInfo::running).toList() : all;
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

    /** Hands the watched container events of the containers in scope to {@code listener}, translated. */
    public void listen(ContainerEvent.Listener listener) {
        cache.listen(new ContainerCache.Listener() {
            @Override
            public void event(Event event) {
                if (event.getId() != null && scope().admits(EngineEvents.attributes(event))) {
                    listener.event(EngineEvents.translated(event));
                }
            }

            @Override
            public void lost() {
                listener.lost();
            }
        });
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
    String managed(String ref) {
        if (!scope().scoped() && FULL_ID.matcher(ref).matches()) {
            return ref;
        }
        List<ContainerInfo> matches = ContainerInfo.matching(containers(false), ref);
        if (matches.isEmpty()) {
            // made a moment ago, its event not yet received: the engine's list has it already
            List<ContainerInfo> now = visible().stream()
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

    /** The engine's inspect of a container in scope named by id, id prefix or name. */
    InspectContainerResponse managedInspect(String idOrName) {
        String id = managed(idOrName);
        InspectContainerResponse r = connection.call(idOrName, () -> connection.engine().api().inspectContainerCmd(id).exec());
        if (!scope().admits(r.getConfig() == null ? null : r.getConfig().getLabels())) {
            throw new ContainerNotFound(idOrName);
        }
        return r;
    }

    /** Our own action on the container of full id {@code id}: see {@link ContainerCache#acted}. */
    void acted(String id) {
        cache.acted(id);
    }

    /** Our own removal of the container of full id {@code id}. */
    void removed(String id) {
        cache.removed(id);
    }

    @PreDestroy
    void close() {
        events.close();
    }

    /** The containers in scope, as the engine lists them now. */
    private List<Container> visible() {
        return connection.call(null, () -> connection.engine().api().listContainersCmd().withShowAll(true).exec()).stream()
                .filter(c -> scope().admits(c.getLabels())).toList();
    }

    private ContainerInfo toInfo(Container c) {
        String state = c.getState();
        RunInfo run = null;
        Integer exitCode = null;
        if ("running".equals(state)) {
            try {
                run = cache.run(c.getId(), id -> inspectEntry(id).run());
            } catch (ContainerNotFound vanished) {
                return null;
            }
        } else if ("exited".equals(state)) {
            Matcher m = EXITED.matcher(String.valueOf(c.getStatus()));
            exitCode = m.find() ? Integer.valueOf(m.group(1))
                    : connection.call(c.getId(), () -> connection.engine().api().inspectContainerCmd(c.getId()).exec()
                            .getState().getExitCodeLong()).intValue();
        }
        return new ContainerInfo(c.getId(), name(c.getNames()), c.getImage(), state, exitCode, run);
    }

    /** The container's list entry as the engine answers an inspect now, its run only while running (not paused). */
    private ContainerInfo inspectEntry(String id) {
        InspectContainerResponse r = connection.call(id, () -> connection.engine().api().inspectContainerCmd(id).exec());
        InspectContainerResponse.ContainerState state = r.getState();
        String status = state.getStatus();
        Integer exitCode = "exited".equals(status) && state.getExitCodeLong() != null ? state.getExitCodeLong().intValue() : null;
        RunInfo run = null;
        if ("running".equals(status)) {
            HostConfig host = r.getHostConfig();
            Long memory = host == null ? null : host.getMemory();
            Integer pid = state.getPid();
            String networkMode = host == null || host.getNetworkMode() == null ? "default" : host.getNetworkMode();
            run = new RunInfo(Instant.parse(state.getStartedAt()), CpuLimit.cores(host), memory == null ? 0 : memory,
                    pid == null ? 0 : pid, networkMode);
        }
        String image = r.getConfig() == null ? null : r.getConfig().getImage();
        return new ContainerInfo(r.getId(), name(new String[] {r.getName()}), image, status, exitCode, run);
    }

    /** Docker lists a container under every link alias too ({@code /a/b}); the real name has one slash. */
    static String name(String[] names) {
        if (names == null || names.length == 0) {
            return "";
        }
        return Arrays.stream(names).filter(n -> n.lastIndexOf('/') == 0).findFirst().orElse(names[0]).substring(1);
    }

    /** The {@code managed_label} scope of this agent. */
    private ManagedLabel scope() {
        return ManagedLabel.of(settings.managedLabel());
    }
}
