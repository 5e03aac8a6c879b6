package org.hebergos.dockerlink.events;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One subscriber of {@code v1/events}, an open stream: a bounded buffer the hub fills without ever waiting, and the loop that writes it to the
 * client on the client's own managed thread (a write to a client that does not read blocks that thread
 * only). A buffer that overflows is replaced by a final {@code reset} and the stream ends. Silence is
 * broken by a comment every {@link #HEARTBEAT_MILLIS}, which also finds clients that went away.
 */
final class Subscriber implements Runnable {

    private static final Logger LOG = Logger.getLogger(Subscriber.class.getName());
    static final long HEARTBEAT_MILLIS = 15_000;
    /** Events held for one client; they are shared with the log and the other clients, not copied. */
    static final int MAX_EVENTS = 1000;
    /** Characters of event data held for one client. */
    static final long MAX_CHARS = 4L * 1024 * 1024;

    /** An event to write, or (type null) the last thing written before the stream ends. */
    record Message(long id, String type, String data) {
    }

    /** A comment written at once to find out whether the client is still there. */
    private static final Message PROBE = new Message(0, "", "");

    private final SseEventSink sink;
    private final Sse sse;
    private final Set<String> only;
    private final Consumer<Subscriber> onEnd;
    private final long startId;
    private final Deque<Message> buffer = new ArrayDeque<>();
    private long chars;
    private boolean ending;

    /**
     * @param only    full ids this client follows, null for every container
     * @param startId the event id this stream's events follow: sent first (event {@code connected}), so that
     *                a client has a resume point even when nothing happens before it disconnects
     * @param onEnd   called once when the stream has ended, whatever the cause
     */
    Subscriber(SseEventSink sink, Sse sse, Set<String> only, long startId, Consumer<Subscriber> onEnd) {
        this.sink = sink;
        this.sse = sse;
        this.only = only;
        this.startId = startId;
        this.onEnd = onEnd;
    }

    Set<String> only() {
        return only;
    }

    /**
     * Queues an event without waiting. When the buffer is full it is dropped for a {@code reset} carrying
     * {@code id} (the client re-lists and may resume from there) and false is returned: the stream ends
     * once that is written.
     */
    synchronized boolean offer(Message message) {
        if (ending) {
            return false;
        }
        if (buffer.size() >= MAX_EVENTS || chars + message.data().length() > MAX_CHARS) {
            buffer.clear();
            chars = 0;
            buffer.add(new Message(message.id(), StreamEvent.RESET, StreamEvent.resetData("events came faster than this client read them")));
            buffer.add(new Message(message.id(), null, null));
            ending = true;
            notifyAll();
            return false;
        }
        buffer.add(message);
        chars += message.data().length();
        notifyAll();
        return true;
    }

    /**
     * Writes two comments as soon as the writer is free: a client that went away makes the second one fail
     * (the first may still be taken by the kernel), and its stream ends, freeing its slot.
     */
    synchronized void probe() {
        if (!ending) {
            buffer.addFirst(PROBE);
            buffer.addFirst(PROBE);
            notifyAll();
        }
    }

    /** Ends the stream after what is buffered (the agent stops). */
    synchronized void end() {
        if (!ending) {
            buffer.add(new Message(0, null, null));
            ending = true;
            notifyAll();
        }
    }

    /** The next message, or null after {@code millis} without one. */
    synchronized Message next(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (buffer.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        Message message = buffer.removeFirst();
        if (message.type() != null) {
            chars -= message.data().length();
        }
        return message;
    }

    @Override
    public void run() {
        try {
            // sends the headers at once, with the id this stream's events follow
            write(sse.newEventBuilder().id(Long.toString(startId)).name(StreamEvent.CONNECTED).data("{}").build());
            while (!sink.isClosed()) {
                Message message = next(HEARTBEAT_MILLIS);
                if (message == null) {
                    write(sse.newEventBuilder().comment("heartbeat").build());
                } else if (message.type() == null) {
                    break;
                } else if (message == PROBE) {
                    write(sse.newEventBuilder().comment("are you there").build());
                } else {
                    write(sse.newEventBuilder().id(Long.toString(message.id())).name(message.type()).data(message.data()).build());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CompletionException | IllegalStateException gone) {
            LOG.log(Level.FINE, "event stream client went away", gone);
        } finally {
            try {
                sink.close();
            } catch (RuntimeException alreadyGone) {
                LOG.log(Level.FINE, "closing an event stream", alreadyGone);
            }
            synchronized (this) {
                ending = true;
                buffer.clear();
            }
            onEnd.accept(this);
        }
    }

    private void write(OutboundSseEvent event) {
        sink.send(event).toCompletableFuture().join();
    }
}
