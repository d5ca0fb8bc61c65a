package io.jjj.platform.feeds;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts a feed body as it streams by and stops it at the size limit; hashes it too when asked (a body is only ever
 * compared with an earlier one under the same Idempotency-Key, or kept with an asynchronous run).
 */
final class FeedBodyLimits extends FilterInputStream {

    /** The body went over the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }

    private final long maxBytes;
    private final MessageDigest digest;
    private long count;

    FeedBodyLimits(InputStream in, long maxBytes, boolean hashed) {
        super(in);
        this.maxBytes = maxBytes;
        try {
            this.digest = hashed ? MessageDigest.getInstance("SHA-256") : null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
            if (digest != null) {
                digest.update((byte) b);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
            if (digest != null) {
                digest.update(buffer, offset, n);
            }
        }
        return n;
    }

    private void counted(int n) throws TooLargeException {
        count += n;
        if (count > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
    }

    /** Reads what is left, so the hash covers the whole body. */
    String drainAndHash() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // hashing happens in read
        }
        return sha256();
    }

    String sha256() {
        if (digest == null) {
            throw new IllegalStateException("this body is not hashed");
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
