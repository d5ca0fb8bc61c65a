-- Two consumer groups of one service each handle an event once: the inbox remembers events per consumer.
ALTER TABLE inbox_event DROP CONSTRAINT inbox_event_pkey;
ALTER TABLE inbox_event ADD PRIMARY KEY (consumer, event_id);
