package io.jjj.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The short-lived token the gateway signs on every call it forwards: who called (the API key's name), with which
 * scopes, until when; HMAC-SHA256 over the payload with a secret the gateway and the services share.
 * Format: {@code base64url(payload JSON) "." base64url(signature)}.
 */
public final class GatewayToken {

    public static final String HEADER = "X-JJJ-Gateway-Token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid token says. */
    public record Claims(String subject, List<String> scopes, Instant expires) {
        public boolean allows(String scope) {
            return scopes.contains(scope) || scopes.contains("admin");
        }
    }

    private GatewayToken() {
    }

    public static String issue(String secret, String subject, List<String> scopes, Duration lifetime) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("sub", subject);
        payload.putArray("scopes").addAll(scopes.stream().map(JSON.getNodeFactory()::textNode).toList());
        payload.put("exp", Instant.now().plus(lifetime).getEpochSecond());
        String body = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(sign(secret, body));
    }

    /** The claims of a well-signed, unexpired token; empty otherwise. */
    public static Optional<Claims> verify(String secret, String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(secret, body))) {
                return Optional.empty();
            }
            JsonNode payload = JSON.readTree(DECODER.decode(body));
            Instant expires = Instant.ofEpochSecond(payload.path("exp").asLong());
            if (Instant.now().isAfter(expires)) {
                return Optional.empty();
            }
            List<String> scopes = new ArrayList<>();
            payload.path("scopes").forEach(s -> scopes.add(s.asText()));
            return Optional.of(new Claims(payload.path("sub").asText(), List.copyOf(scopes), expires));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
