/**
 * Request gatekeeping: the bearer-token check on {@code v1/} and the form-body-to-query adapter that
 * lets POST parameters come either way.
 */
package org.hebergos.dockerlink.security;
