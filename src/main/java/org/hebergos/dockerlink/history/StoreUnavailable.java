package org.hebergos.dockerlink.history;

import jakarta.ws.rs.core.Response.Status;
import org.hebergos.dockerlink.error.AgentException;

/**
 * The stats database cannot be opened, read or written (held by another agent, disk full, read-only,
 * corrupt file, server DataSource down). The store retries on its next use and recovers by itself.
 */
public class StoreUnavailable extends AgentException {

    public StoreUnavailable(String reason, Throwable cause) {
        super(Status.SERVICE_UNAVAILABLE, "stats store unavailable: " + reason, cause);
    }
}
