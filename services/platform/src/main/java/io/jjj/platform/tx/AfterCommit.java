package io.jjj.platform.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** An action that runs once per transaction, only if it commits (at once when no transaction is active). */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs {@code action} after the current transaction commits, once however often it is asked for under the same
     * {@code key}; returns whether this call was the first for the transaction.
     */
    public static boolean once(TransactionSynchronizationRegistry transactions, Object key, Runnable action) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return true;
        }
        if (transactions.getResource(key) != null) {
            return false;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
        return true;
    }
}
