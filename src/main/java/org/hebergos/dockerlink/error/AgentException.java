package org.hebergos.dockerlink.error;

import jakarta.ws.rs.core.Response;

/**
 * A failure the panel should see as it is: an HTTP status and a one-line plain-text reason. Each
 * subclass names one cause and lives in the feature that throws it (docker, git, history, events);
 * {@link AgentExceptionMapper}, the one mapper for all of them, turns any of them into a response.
 */
public abstract class AgentException extends RuntimeException {

    /** HTTP 422, which JAX-RS 3.1's {@code Response.Status} does not name. */
    protected static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

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
