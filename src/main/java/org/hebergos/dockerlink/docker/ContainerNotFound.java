package org.hebergos.dockerlink.docker;

import jakarta.ws.rs.core.Response.Status;
import org.hebergos.dockerlink.error.AgentException;

/** Docker knows no container by that id or name (and, for stats, no history is stored for it). */
public class ContainerNotFound extends AgentException {

    public ContainerNotFound(String id) {
        super(Status.NOT_FOUND, "id: no such container: " + id);
    }
}
