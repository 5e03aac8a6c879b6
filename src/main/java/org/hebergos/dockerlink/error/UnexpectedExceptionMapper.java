package org.hebergos.dockerlink.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A bug or an unforeseen failure: logged with its stack trace, answered without one. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        LOG.log(Level.WARNING, "unexpected failure", e);
        return PlainText.response(Response.Status.INTERNAL_SERVER_ERROR, "internal error: " + e.getClass().getSimpleName());
    }
}
