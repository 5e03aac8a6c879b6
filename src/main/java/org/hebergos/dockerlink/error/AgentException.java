package org.hebergos.dockerlink.error;

import jakarta.ws.rs.core.Response;

/**
 * A failure the panel should see as it is: an HTTP status and a one-line plain-text reason. Each
 * subclass names one cause; {@link AgentExceptionMapper} turns any of them into a response.
 */
public abstract class AgentException extends RuntimeException {

    private final Response.StatusType status;

    protected AgentException(Response.StatusType status, String reason) {
        super(reason);
        this.status = status;
    }

    protected AgentException(Response.StatusType status, String reason, Throwable cause) {
        super(reason, cause);
        this.status = status;
    }

    public Response.StatusType status() {
        return status;
    }

    /** The response body; one line unless a subclass passes on a program's output as it is. */
    public Response response() {
        return PlainText.response(status, getMessage());
    }
}
