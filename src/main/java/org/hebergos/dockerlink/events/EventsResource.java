package org.hebergos.dockerlink.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hebergos.dockerlink.container.ContainerRef;
import org.hebergos.dockerlink.container.ContainerService;
import org.hebergos.dockerlink.container.ContainerView;
import org.hebergos.dockerlink.docker.ContainerNotFound;

/**
 * {@code GET v1/events}: server-sent events {@code container}, {@code stats} and {@code reset}, for every
 * container or only those named by {@code id} parameters; {@code Last-Event-ID} resumes a stream.
 */
@Path("v1/events")
// not request-scoped: Weld's request context is off for this path (web.xml)
@ApplicationScoped
public class EventsResource {

    @Inject
    EventHub hub;
    @Inject
    ContainerService containers;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@QueryParam("id") List<String> ids, @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        hub.subscribe(sink, sse, ids.isEmpty() ? null : fullIds(ids), resumeFrom(lastEventId));
    }

    /** The containers named, by full id; one that does not exist is a 404, as everywhere else. */
    private Set<String> fullIds(List<String> ids) {
        Set<String> full = new LinkedHashSet<>();
        for (String id : ids) {
            ContainerRef ref = ContainerRef.of(id);
            Map<String, ContainerView> found = containers.list(List.of(ref), false);
            if (found.isEmpty()) {
                throw new ContainerNotFound(id);
            }
            full.addAll(found.keySet());
        }
        return full;
    }

    /**
     * Null without the header. A value that is not a number is no id this agent gave: like an id of an
     * earlier run, it gets a {@code reset} (the client re-lists), not an error.
     */
    static Long resumeFrom(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
