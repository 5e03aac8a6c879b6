/**
 * HTTP plumbing shared by every resource: the JAX-RS application and request adaptation (form bodies read
 * as query parameters). Nothing here decides who may call what: that is {@code security}.
 */
package org.hebergos.dockerlink.http;
