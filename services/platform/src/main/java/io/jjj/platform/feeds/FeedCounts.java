package io.jjj.platform.feeds;

/** What a feed's rows did; the handler counts as it applies them. */
public final class FeedCounts {
    long inserted;
    long updated;
    long unchanged;
    long events;

    public void inserted() {
        inserted++;
    }

    public void updated() {
        updated++;
    }

    public void unchanged() {
        unchanged++;
    }

    public boolean anyInserted() {
        return inserted > 0;
    }

    public void events(long n) {
        events += n;
    }
}
