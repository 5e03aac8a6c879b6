package org.hebergos.dockerlink.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BearerTokenFilterTest {

    @Test
    void normalisesThePathAsResourceMatchingSeesIt() {
        assertEquals("health", BearerTokenFilter.normalised("health"));
        assertEquals("health", BearerTokenFilter.normalised("/health;x=1"));
        assertEquals("v1/container", BearerTokenFilter.normalised("v1;x/container;y/"));
        assertEquals("v1/container", BearerTokenFilter.normalised("health/../v1/./container"));
        assertEquals("v1/container", BearerTokenFilter.normalised("health/..;/v1//container"));
        assertEquals("v1/container", BearerTokenFilter.normalised("%76%31/container"));
        assertEquals("v1/container", BearerTokenFilter.normalised("health/%2e%2e/v1/container"));
        assertEquals("..", BearerTokenFilter.normalised("%2e%2e%2f").substring(0, 2), "an encoded slash stays inside its segment");
        assertEquals("a+b", BearerTokenFilter.normalised("a+b"), "'+' is literal in a path");
        assertEquals("%zz", BearerTokenFilter.normalised("%zz"), "malformed escapes match no public path");
    }

    @Test
    void onlyExactPublicPathsArePublic() {
        for (String path : new String[] {"health", "health/", "/health", "health;x", "./health"}) {
            assertEquals(true, BearerTokenFilter.PUBLIC_PATHS.contains(BearerTokenFilter.normalised(path)), path);
        }
        for (String path : new String[] {"Health", "health/x", "health%2F", "v1/health", "health/../v1/container", "healthz"}) {
            assertEquals(false, BearerTokenFilter.PUBLIC_PATHS.contains(BearerTokenFilter.normalised(path)), path);
        }
    }
}
