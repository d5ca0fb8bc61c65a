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
 * The short-lived token the gateway signs for one forwarded call: who called (the API key's name) with which scopes,
 * for which service ({@code aud}), method and canonical path, issued when and valid until when; HMAC-SHA256 over the
 * payload with a secret the gateway and the services share. A token captured for one call opens no other.
 * Format: {@code base64url(payload JSON) "." base64url(signature)}.
 */
public final class GatewayToken {

    public static final String HEADER = "X-JJJ-Gateway-Token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The call a token is for. */
    public record Call(String audience, String method, String path) {
    }

    /** What a valid token says. */
    public record Claims(String subject, List<String> scopes, Call call, Instant issued, Instant expires) {
    }

    /** Why a token was refused, worded for the caller. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private GatewayToken() {
    }

    public static String issue(String secret, String subject, List<String> scopes, Call call, Duration lifetime) {
        return issue(secret, subject, scopes, call, Instant.now(), lifetime);
    }

    public static String issue(String secret, String subject, List<String> scopes, Call call, Instant now, Duration lifetime) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("sub", subject);
        payload.putArray("scp").addAll(scopes.stream().map(JSON.getNodeFactory()::textNode).toList());
        payload.put("aud", call.audience());
        payload.put("mth", call.method());
        payload.put("pth", call.path());
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(lifetime).getEpochSecond());
        String body = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(sign(secret, body));
    }

    /**
     * The claims of a well-signed token issued for exactly {@code call}, valid at {@code now} give or take
     * {@code skew}.
     */
    public static Claims verify(String secret, String token, Call call, Instant now, Duration skew) throws Refused {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            throw new Refused("The gateway token is malformed");
        }
        String body = token.substring(0, dot);
        JsonNode payload;
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(secret, body))) {
                throw new Refused("The gateway token's signature is not valid");
            }
            payload = JSON.readTree(DECODER.decode(body));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new Refused("The gateway token is malformed");
        }
        Instant issued = Instant.ofEpochSecond(payload.path("iat").asLong());
        Instant expires = Instant.ofEpochSecond(payload.path("exp").asLong());
        if (now.isAfter(expires.plus(skew)) || now.isBefore(issued.minus(skew))) {
            throw new Refused("The gateway token has expired or is not valid yet");
        }
        Call signedFor = new Call(payload.path("aud").asText(), payload.path("mth").asText(), payload.path("pth").asText());
        if (!signedFor.equals(call)) {
            throw new Refused("The gateway token was issued for another call");
        }
        List<String> scopes = new ArrayList<>();
        payload.path("scp").forEach(s -> scopes.add(s.asText()));
        return new Claims(payload.path("sub").asText(), List.copyOf(scopes), signedFor, issued, expires);
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
