package org.hebergos.dockerlink.events;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.container.ContainerRef;
import org.hebergos.dockerlink.container.ContainerService;
import org.hebergos.dockerlink.container.ContainerView;
import org.hebergos.dockerlink.docker.ContainerCatalogue;
import org.hebergos.dockerlink.docker.ContainerEvent;
import org.hebergos.dockerlink.docker.DockerConnection;
import org.hebergos.dockerlink.history.RoundStorage;
import org.hebergos.dockerlink.stats.SamplingRound;

/**
 * Feeds the event streams. Engine container events arrive from the catalogue's event watch (the one
 * that keeps the container list fresh: no call of its own, no polling) and are turned into list entries on
 * one dispatcher thread, so the engine's event thread never waits; each sampling round arrives as a CDI
 * event from the sampler. Publishing numbers an event, logs it for resumption and hands it to every
 * client's bounded buffer without waiting: a slow client can only lose its own stream.
 */
@ApplicationScoped
public class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());
    /** How far back a reconnecting client can resume. */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    static final int REPLAY_CAPACITY = 10_000;
    /** Engine events waiting for the dispatcher; more means it is stuck, and clients are told to re-list. */
    private static final int INBOX = 10_000;
    private static final Object LOST = new Object();
    private static final Object STOP = new Object();

    /** How long a new stream waits for a probed client to free its slot. */
    private static final long SLOT_WAIT_MILLIS = 2000;

    @Inject
    Settings settings;
    @Inject
    ContainerCatalogue catalogue;
    @Inject
    DockerConnection docker;
    @Inject
    ContainerService containers;
    @Resource
    ManagedThreadFactory threads;

    private final EventLog log = new EventLog(System.currentTimeMillis() * 1000, REPLAY_WINDOW, REPLAY_CAPACITY);
    private final Set<Subscriber> clients = new HashSet<>();
    private final BlockingQueue<Object> inbox = new ArrayBlockingQueue<>(INBOX);
    private final AtomicBoolean inboxOverflowed = new AtomicBoolean();
    private ContainerEntryTracker tracker;
    private ThreadPoolExecutor pool;
    private volatile boolean stopping;

    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // a writer per client, the dispatcher, and room for writers still stuck on clients already dropped
        int size = 2 * settings.eventsClients() + 1;
        pool = new ThreadPoolExecutor(0, size, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        tracker = new ContainerEntryTracker(this::lookup);
        pool.execute(this::dispatch);
        catalogue.listen(new ContainerEvent.Listener() {
            @Override
            public void event(ContainerEvent event) {
                if (!inbox.offer(event)) {
                    inboxOverflowed.set(true);
                }
            }

            @Override
            public void lost() {
                if (!inbox.offer(LOST)) {
                    inboxOverflowed.set(true);
                }
            }
        });
    }

    /**
     * Opens a stream following {@code only} (full ids; null for every container), resuming after
     * {@code lastEventId} when given: the events since then, or a {@code reset} when they are no longer
     * all kept.
     *
     * @throws TooManyStreams when {@code events_clients} streams are open
     */
    public void subscribe(SseEventSink sink, Sse sse, Set<String> only, Long lastEventId) {
        // answers 503 while Docker is down
        docker.ping();
        synchronized (this) {
            if (stopping) {
                throw new TooManyStreams("the agent is stopping");
            }
            if (clients.size() >= settings.eventsClients()) {
                awaitFreeSlot();
            }
            Optional<List<StreamEvent>> missed = lastEventId == null ? Optional.of(List.of()) : log.after(lastEventId);
            long startId = lastEventId != null && missed.isPresent() ? lastEventId : log.lastId();
            Subscriber client = new Subscriber(sink, sse, only, startId, this::ended);
            boolean fits = true;
            for (Subscriber.Message message : replay(only, lastEventId, missed)) {
                fits &= client.offer(message);
            }
            try {
                pool.execute(client);
            } catch (RejectedExecutionException e) {
                throw new TooManyStreams("no thread left for another stream");
            }
            // a replay that overflowed the buffer has been replaced by a reset: written, then the stream ends
            if (fits) {
                clients.add(client);
            }
        }
    }

    private Subscriber.Message[] replay(Set<String> only, Long lastEventId, Optional<List<StreamEvent>> missed) {
        if (missed.isEmpty()) {
            return new Subscriber.Message[] {new Subscriber.Message(log.lastId(), StreamEvent.RESET,
                    StreamEvent.resetData("the events since " + lastEventId + " are no longer kept: list the containers again"))};
        }
        return missed.get().stream().map(p -> new Subscriber.Message(p.id(), p.type(), p.dataFor(only)))
                .filter(m -> m.data() != null).toArray(Subscriber.Message[]::new);
    }

    private synchronized void ended(Subscriber client) {
        clients.remove(client);
        notifyAll();
    }

    /**
     * Every stream is taken: clients that went away keep theirs until a write to them fails, so each is
     * probed and the new one waits a moment for a slot before it is refused.
     */
    private synchronized void awaitFreeSlot() {
        clients.forEach(Subscriber::probe);
        long deadline = System.currentTimeMillis() + SLOT_WAIT_MILLIS;
        try {
            for (long left = SLOT_WAIT_MILLIS; clients.size() >= settings.eventsClients() && left > 0;
                    left = deadline - System.currentTimeMillis()) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (clients.size() >= settings.eventsClients()) {
            throw new TooManyStreams("all " + settings.eventsClients() + " streams (events_clients) are open");
        }
    }

    /** After the store took the round: a client told of a sample finds it in {@code v1/container/stats}. */
    void roundTaken(@Observes @Priority(RoundStorage.STORES_FIRST + 100) SamplingRound round) {
        try {
            Map<String, String> members = StreamEvent.statsMembers(round);
            if (!members.isEmpty()) {
                publish(StreamEvent.STATS, null, StreamEvent.statsData(members, null), members);
            }
        } catch (RuntimeException e) {
            // the sampler must never fail because of the event stream
            LOG.log(Level.WARNING, "stats event not published", e);
        }
    }

    private void dispatch() {
        while (!stopping) {
            try {
                Object item = inbox.take();
                if (item == STOP) {
                    return;
                }
                if (item == LOST || inboxOverflowed.getAndSet(false)) {
                    tracker.forget();
                    publish(StreamEvent.RESET, null, StreamEvent.resetData("container events may have been missed: list the containers again"), Map.of());
                }
                if (item instanceof ContainerEvent event) {
                    tracker.apply(event).ifPresent(data -> publish(StreamEvent.CONTAINER, event.id(), data, Map.of()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a container whose entry could not be looked up (Docker down): clients re-list
                LOG.log(Level.WARNING, "container event not published: " + e.getMessage(), e);
                tracker.forget();
                publish(StreamEvent.RESET, null, StreamEvent.resetData("a container event could not be read: list the containers again"), Map.of());
            }
        }
    }

    private synchronized void publish(String type, String containerId, String data, Map<String, String> members) {
        StreamEvent event = log.append(type, containerId, data, members, Instant.now());
        for (Iterator<Subscriber> it = clients.iterator(); it.hasNext(); ) {
            Subscriber client = it.next();
            String forClient = event.dataFor(client.only());
            if (forClient != null && !client.offer(new Subscriber.Message(event.id(), type, forClient))) {
                it.remove();
                LOG.info("event stream dropped: the client did not keep up");
            }
        }
    }

    private Optional<ContainerEntryTracker.Entry> lookup(String id) {
        Map<String, ContainerView> listed = containers.list(List.of(ContainerRef.of(id)), false);
        ContainerView view = listed.get(id);
        return view == null ? Optional.empty() : Optional.of(new ContainerEntryTracker.Entry(view.name(), view.state(), view.exitCode(), view.startedAt()));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (this) {
            clients.forEach(Subscriber::end);
            clients.clear();
        }
        inbox.clear();
        inbox.offer(STOP);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
