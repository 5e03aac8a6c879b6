package org.hebergos.dockerlink.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that answers without the token. Only methods that reveal nothing about
 * containers may carry it, and {@link BearerTokenFilter#PUBLIC_PATHS} must name their path too: a request
 * is let through without the token only when both agree.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Public {
}
