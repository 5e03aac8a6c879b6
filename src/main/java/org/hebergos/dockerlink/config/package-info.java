/**
 * Configuration: the {@code .env} file reader, environment overrides and the typed {@link
 * org.hebergos.dockerlink.config.Settings} every other feature injects.
 */
package org.hebergos.dockerlink.config;
