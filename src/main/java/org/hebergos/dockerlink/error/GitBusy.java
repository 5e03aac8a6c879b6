package org.hebergos.dockerlink.error;

import jakarta.ws.rs.core.Response.Status;

/** Another git call on the same repository did not finish in time for this one to start. */
public class GitBusy extends AgentException {

    public GitBusy(String path) {
        super(Status.CONFLICT, "path: another git call is still running on " + path);
    }
}
