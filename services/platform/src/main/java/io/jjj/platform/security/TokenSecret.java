package io.jjj.platform.security;

import io.jjj.platform.config.PlatformConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The secret the gateway signs tokens with. There is no default: outside dev and test mode a process without one,
 * or with a value published anywhere (this repository's dev and test values), refuses to start.
 */
@Startup
@ApplicationScoped
public class TokenSecret {

    static final int MIN_BYTES = 32;
    private static final Set<String> PUBLISHED = Set.of(
            "jjj-local-development-secret-change-me",
            "dev-only-token-secret-never-use-in-production",
            "test-only-token-secret-never-use-in-production");

    private final String value;

    public TokenSecret(PlatformConfig config) {
        this.value = checked(config.security().tokenSecret().orElse(null), LaunchMode.current());
    }

    static String checked(String secret, LaunchMode mode) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(howToSet("No gateway token secret is set"));
        }
        if (mode == LaunchMode.DEVELOPMENT || mode == LaunchMode.TEST) {
            return secret;
        }
        if (PUBLISHED.contains(secret)) {
            throw new IllegalStateException(howToSet("The gateway token secret is a published development value"));
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new IllegalStateException(howToSet("The gateway token secret is shorter than " + MIN_BYTES + " bytes"));
        }
        return secret;
    }

    private static String howToSet(String problem) {
        return problem + ": set JJJ_GATEWAY_TOKEN_SECRET (the same value for the gateway and every service) to a random "
                + "value of at least " + MIN_BYTES + " bytes, e.g. `openssl rand -hex 32`; ./jjj up generates one in .jjj/token-secret";
    }

    public String value() {
        return value;
    }
}
