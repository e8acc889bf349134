CREATE TABLE crm_contact (
    id   VARCHAR(64) PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);
