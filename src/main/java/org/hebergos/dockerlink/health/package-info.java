/** The unauthenticated liveness endpoint: is the agent up, does Docker answer. */
package org.hebergos.dockerlink.health;
