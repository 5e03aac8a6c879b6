package org.hebergos.dockerlink.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiTokenTest {

    @Test
    void acceptsTheExactTokenAfterBearer() {
        assertTrue(ApiToken.authorized("Bearer s3cret", "s3cret"));
        assertTrue(ApiToken.authorized("bearer s3cret", "s3cret"), "the scheme is case-insensitive");
    }

    @Test
    void refusesEverythingElse() {
        assertFalse(ApiToken.authorized(null, "s3cret"));
        assertFalse(ApiToken.authorized("", "s3cret"));
        assertFalse(ApiToken.authorized("s3cret", "s3cret"), "no scheme");
        assertFalse(ApiToken.authorized("Basic s3cret", "s3cret"));
        assertFalse(ApiToken.authorized("Bearer s3cre", "s3cret"), "prefix of the token");
        assertFalse(ApiToken.authorized("Bearer s3cretX", "s3cret"), "token plus more");
        assertFalse(ApiToken.authorized("Bearer S3CRET", "s3cret"), "the token is case-sensitive");
        assertFalse(ApiToken.authorized("Bearer ", "s3cret"));
    }
}
