package org.hebergos.dockerlink.http;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells Payara Micro's post-deploy command file that the agent started: the system property
 * {@value #PROPERTY} is {@code true} while the web module runs, absent otherwise. The command file opens
 * the HTTP listener with this value, so after a failed deployment the port stays closed instead of serving
 * the server's HTML 404 and 500 pages. Other servers ignore the property.
 */
@WebListener
public class DeployedFlag implements ServletContextListener {

    static final String PROPERTY = "hebergos.deployed";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        System.setProperty(PROPERTY, "true");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        System.clearProperty(PROPERTY);
    }
}
