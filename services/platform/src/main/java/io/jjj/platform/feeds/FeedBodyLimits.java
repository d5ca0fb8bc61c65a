package io.jjj.platform.feeds;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes a feed body as it streams by, and stops it at the size limit. */
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

    FeedBodyLimits(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
            digest.update(buffer, offset, n);
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
        return HexFormat.of().formatHex(digest.digest());
    }
}
