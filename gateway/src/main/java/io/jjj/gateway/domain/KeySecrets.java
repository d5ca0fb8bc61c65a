package io.jjj.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Key secrets: 256 random bits, stored only as their SHA-256 (a fast hash is enough for that much entropy). */
public final class KeySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "jjj_";
    private static final HexFormat HEX = HexFormat.of();
    /** A digest per thread: looking one up by name costs more than hashing a key, and every keyed request hashes one. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private KeySecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return HEX.formatHex(SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
