/**
 * Who may call what: every request needs the bearer token except the few endpoints marked {@link
 * org.hebergos.dockerlink.security.Public}; the decision is taken on the normalised path before matching
 * and confirmed on the resource method JAX-RS matched.
 */
package org.hebergos.dockerlink.security;
