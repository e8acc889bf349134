-- A host application's own first migration, in its own Flyway history (flyway_schema_history).
CREATE TABLE host_customer (
    id   varchar(36)  NOT NULL PRIMARY KEY,
    name varchar(100) NOT NULL
);
INSERT INTO host_customer (id, name) VALUES ('c1', 'First customer');
