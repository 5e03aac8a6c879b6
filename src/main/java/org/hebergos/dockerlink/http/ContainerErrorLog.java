package org.hebergos.dockerlink.http;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Payara's HTTP layer logs a request it cannot parse (a malformed percent-escape in the path, {@code GET
 * /%zz}) as a SEVERE line with a 2.8 KB stack trace, before any part of the application runs: anyone,
 * without the token, could write gigabytes of log an hour. While the agent is deployed that message of
 * the server's logger goes through {@link OncePerCause}: one line per cause and minute, no stack trace.
 * Other servers have no such logger; the filter then sits on a logger nobody writes to.
 */
@WebListener
public class ContainerErrorLog implements ServletContextListener {

    /** Payara's (GlassFish's) web container logger, and its message "An exception or error occurred in the container during the request processing". */
    static final String SERVER_LOGGER = "jakarta.enterprise.web.core";
    static final String REQUEST_FAILURE = "AS-WEB-CORE-00037";
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private Logger server;
    private Filter previous;
    private Filter installed;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        server = Logger.getLogger(SERVER_LOGGER);
        previous = server.getFilter();
        installed = new OncePerCause(REQUEST_FAILURE, INTERVAL, previous,
                Logger.getLogger(ContainerErrorLog.class.getName()), System::nanoTime);
        server.setFilter(installed);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (server != null && server.getFilter() == installed) {
            server.setFilter(previous);
        }
    }
}
