package org.hebergos.dockerlink.error;

import jakarta.ws.rs.core.Response;

/** HTTP 422, which JAX-RS 3.1's {@code Response.Status} does not name. */
final class UnprocessableEntity {

    static final Response.StatusType STATUS = new Response.StatusType() {
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

    private UnprocessableEntity() {
    }
}
