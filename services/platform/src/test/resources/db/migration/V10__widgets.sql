CREATE TABLE widget (
    name   text PRIMARY KEY,
    weight numeric NOT NULL DEFAULT 0
);
CREATE TABLE widget_counter (
    name  text PRIMARY KEY,
    count int NOT NULL
);
