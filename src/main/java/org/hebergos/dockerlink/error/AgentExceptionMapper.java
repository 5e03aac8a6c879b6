package org.hebergos.dockerlink.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Answers every {@link AgentException} with its status and its one-line reason as plain text. */
@Provider
public class AgentExceptionMapper implements ExceptionMapper<AgentException> {

    private static final Logger LOG = Logger.getLogger(AgentExceptionMapper.class.getName());

    @Override
    public Response toResponse(AgentException e) {
        if (e.status().getFamily() == Response.Status.Family.SERVER_ERROR) {
            LOG.log(Level.WARNING, e.getMessage(), e.getCause());
        }
        return e.response();
    }
}
