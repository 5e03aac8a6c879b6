package org.hebergos.dockerlink.error;

import jakarta.ws.rs.core.Response.Status;

/** The call needs a running container (git runs inside it). */
public class ContainerNotRunning extends AgentException {

    public ContainerNotRunning(String id) {
        super(Status.CONFLICT, "id: container is not running: " + id);
    }
}
