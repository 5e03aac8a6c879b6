package org.hebergos.dockerlink.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BearerTokenFilterTest {

    @Test
    void acceptsTheExactTokenAfterBearer() {
        assertTrue(BearerTokenFilter.authorized("Bearer s3cret", "s3cret"));
        assertTrue(BearerTokenFilter.authorized("bearer s3cret", "s3cret"), "the scheme is case-insensitive");
    }

    @Test
    void refusesEverythingElse() {
        assertFalse(BearerTokenFilter.authorized(null, "s3cret"));
        assertFalse(BearerTokenFilter.authorized("", "s3cret"));
        assertFalse(BearerTokenFilter.authorized("s3cret", "s3cret"), "no scheme");
        assertFalse(BearerTokenFilter.authorized("Basic s3cret", "s3cret"));
        assertFalse(BearerTokenFilter.authorized("Bearer s3cre", "s3cret"), "prefix of the token");
        assertFalse(BearerTokenFilter.authorized("Bearer s3cretX", "s3cret"), "token plus more");
        assertFalse(BearerTokenFilter.authorized("Bearer S3CRET", "s3cret"), "the token is case-sensitive");
        assertFalse(BearerTokenFilter.authorized("Bearer ", "s3cret"));
    }
}
