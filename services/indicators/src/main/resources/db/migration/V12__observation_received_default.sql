-- Bulk loads copy observations without naming the time of receipt: it is the loading transaction's time.
ALTER TABLE observation ALTER COLUMN received_at SET DEFAULT now();
