package org.hebergos.dockerlink.events;

import jakarta.ws.rs.core.Response.Status;
import org.hebergos.dockerlink.error.AgentException;

/** Every event stream the agent allows ({@code events_clients}) is open, or the agent is stopping. */
public class TooManyStreams extends AgentException {

    public TooManyStreams(String reason) {
        super(Status.SERVICE_UNAVAILABLE, "events: " + reason);
    }
}
