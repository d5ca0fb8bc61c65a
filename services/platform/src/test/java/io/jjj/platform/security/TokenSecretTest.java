package io.jjj.platform.security;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSecretTest {

    private static final String RANDOM = "4f9c1d7e2b8a6f3c0e5d9b7a1c3e5f7a9b2d4f6a8c0e1b3d";

    @Test
    void productionRefusesMissingPublishedAndShortSecretsSayingHowToSetOne() {
        for (String bad : new String[]{null, "", "  ", "jjj-local-development-secret-change-me",
                "test-only-token-secret-never-use-in-production", "short-secret"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> TokenSecret.checked(bad, LaunchMode.NORMAL), String.valueOf(bad));
            assertTrue(refused.getMessage().contains("JJJ_GATEWAY_TOKEN_SECRET"), refused.getMessage());
        }
        assertEquals(RANDOM, TokenSecret.checked(RANDOM, LaunchMode.NORMAL));
    }

    @Test
    void devAndTestAcceptTheirOwnValuesButNeverNone() {
        assertEquals("test-only-token-secret-never-use-in-production",
                TokenSecret.checked("test-only-token-secret-never-use-in-production", LaunchMode.TEST));
        assertThrows(IllegalStateException.class, () -> TokenSecret.checked(null, LaunchMode.DEVELOPMENT));
    }
}
