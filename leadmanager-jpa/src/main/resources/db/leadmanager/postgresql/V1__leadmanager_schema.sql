-- Lead Manager schema for PostgreSQL 12+ (tested on 17).
-- Ids are the core's UUIDs in canonical text form; COLLATE "C" makes their order (and the order of name_key)
-- the code-point order the library's reference semantics use.
-- Instants are stored with microsecond precision.

CREATE TABLE lm_project (
    id             varchar(36)  COLLATE "C" NOT NULL,
    tenant_id      varchar(64)  COLLATE "C" NOT NULL,
    name           varchar(200) NOT NULL,
    name_key       varchar(200) COLLATE "C" NOT NULL,
    kind           varchar(16)  NOT NULL,
    archived       boolean      NOT NULL,
    statuses       text         NOT NULL,
    default_status varchar(40)  NOT NULL,
    transitions    text         NOT NULL,
    team           text         NOT NULL,
    assignment     text         NOT NULL,
    round_robin    bigint       NOT NULL,
    created_at     timestamp(6) with time zone NOT NULL,
    version        bigint       NOT NULL,
    CONSTRAINT lm_project_pk PRIMARY KEY (id),
    CONSTRAINT lm_project_name_uq UNIQUE (tenant_id, name_key)
);

CREATE TABLE lm_project_group (
    project_id varchar(36) COLLATE "C" NOT NULL,
    group_id   varchar(64) COLLATE "C" NOT NULL,
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    CONSTRAINT lm_project_group_pk PRIMARY KEY (project_id, group_id),
    CONSTRAINT lm_project_group_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);
CREATE INDEX lm_project_group_tenant_ix ON lm_project_group (tenant_id, group_id);

CREATE TABLE lm_marketing_action (
    id          varchar(36)  COLLATE "C" NOT NULL,
    tenant_id   varchar(64)  COLLATE "C" NOT NULL,
    name        varchar(200) NOT NULL,
    project_ids text         NOT NULL,
    created_at  timestamp(6) with time zone NOT NULL,
    version     bigint       NOT NULL,
    CONSTRAINT lm_marketing_action_pk PRIMARY KEY (id)
);
CREATE INDEX lm_marketing_action_tenant_ix ON lm_marketing_action (tenant_id);

CREATE TABLE lm_lead (
    id                varchar(36)   COLLATE "C" NOT NULL,
    tenant_id         varchar(64)   COLLATE "C" NOT NULL,
    project_id        varchar(36)   COLLATE "C" NOT NULL,
    contact_id        varchar(64)   COLLATE "C" NOT NULL,
    name              varchar(200)  NOT NULL,
    -- *_key: the text lower-cased (text search, NAME sort), up to twice as long: U+0130 becomes two characters
    -- *_fold: each character upper- then lower-cased (equality ignoring case), as long as the text
    name_key          varchar(400)  COLLATE "C" NOT NULL,
    name_fold         varchar(200)  COLLATE "C" NOT NULL,
    email             varchar(200),
    email_key         varchar(400)  COLLATE "C",
    email_fold        varchar(200)  COLLATE "C",
    phone             varchar(200),
    phone_fold        varchar(200)  COLLATE "C",
    company           varchar(200),
    company_key       varchar(400)  COLLATE "C",
    company_fold      varchar(200)  COLLATE "C",
    city              varchar(200),
    city_fold         varchar(200)  COLLATE "C",
    details_link      varchar(2000),
    status            varchar(40)   COLLATE "C" NOT NULL,
    assignee          varchar(64)   COLLATE "C",
    origin_kind       varchar(16)   NOT NULL,
    origin_ref        varchar(64)   COLLATE "C",
    origin_by         varchar(64)   NOT NULL,
    owner_kind        varchar(20)   NOT NULL,
    owner_detail      varchar(200),
    owner_by          varchar(64)   NOT NULL,
    lost_reason       text,
    created_at        timestamp(6) with time zone NOT NULL,
    last_activity_at  timestamp(6) with time zone NOT NULL,
    next_follow_up_at timestamp(6) with time zone,
    version           bigint        NOT NULL,
    -- number of the lead's latest timeline entry (1: its qualification); raised, without touching the version,
    -- under the row lock by each unit of work appending entries, so the numbers follow the commit order
    activity_seq      bigint        NOT NULL DEFAULT 1,
    CONSTRAINT lm_lead_pk PRIMARY KEY (id),
    CONSTRAINT lm_lead_contact_uq UNIQUE (project_id, contact_id),
    CONSTRAINT lm_lead_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);
-- the default list (newest activity first) and its keyset
CREATE INDEX lm_lead_activity_ix ON lm_lead (project_id, last_activity_at DESC, id DESC);
-- "my leads" and the assignee filter
CREATE INDEX lm_lead_assignee_ix ON lm_lead (project_id, assignee, last_activity_at DESC, id DESC);
-- status filter, counts per status and per project and status (index-only)
CREATE INDEX lm_lead_status_ix ON lm_lead (tenant_id, project_id, status);
-- a contact's leads across projects
CREATE INDEX lm_lead_contact_ix ON lm_lead (tenant_id, contact_id);

CREATE SEQUENCE lm_note_seq;
CREATE TABLE lm_note (
    id         varchar(36) COLLATE "C" NOT NULL,
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    lead_id    varchar(36) COLLATE "C" NOT NULL,
    seq        bigint      NOT NULL DEFAULT nextval('lm_note_seq'),
    author     varchar(64) NOT NULL,
    body       text        NOT NULL,
    created_at timestamp(6) with time zone NOT NULL,
    edited_at  timestamp(6) with time zone,
    version    bigint      NOT NULL,
    CONSTRAINT lm_note_pk PRIMARY KEY (id)
);
CREATE INDEX lm_note_lead_ix ON lm_note (lead_id, created_at, seq);

CREATE SEQUENCE lm_activity_seq;
CREATE TABLE lm_activity (
    seq           bigint      NOT NULL,
    tenant_id     varchar(64) COLLATE "C" NOT NULL,
    lead_id       varchar(36) COLLATE "C" NOT NULL,
    lead_seq      bigint      NOT NULL,
    occurred_at   timestamp(6) with time zone NOT NULL,
    actor         varchar(64) NOT NULL,
    activity_type varchar(32) NOT NULL,
    from_value    varchar(200),
    to_value      varchar(200),
    detail        text,
    CONSTRAINT lm_activity_pk PRIMARY KEY (seq),
    -- a lead's timeline in order (lead_seq: the entry's number, from lm_lead.activity_seq)
    CONSTRAINT lm_activity_lead_uq UNIQUE (lead_id, lead_seq)
);

CREATE TABLE lm_follow_up (
    id           varchar(36) COLLATE "C" NOT NULL,
    tenant_id    varchar(64) COLLATE "C" NOT NULL,
    lead_id      varchar(36) COLLATE "C" NOT NULL,
    project_id   varchar(36) COLLATE "C" NOT NULL,
    owner_id     varchar(64) COLLATE "C" NOT NULL,
    due_at       timestamp(6) with time zone NOT NULL,
    note         text        NOT NULL,
    state        varchar(16) NOT NULL,
    created_by   varchar(64) NOT NULL,
    created_at   timestamp(6) with time zone NOT NULL,
    closed_at    timestamp(6) with time zone,
    reminder     varchar(16) NOT NULL,
    claimable_at timestamp(6) with time zone,
    claimed_by   varchar(200),
    attempts     integer     NOT NULL,
    reminded_at  timestamp(6) with time zone,
    last_error   text,
    version      bigint      NOT NULL,
    CONSTRAINT lm_follow_up_pk PRIMARY KEY (id)
);
CREATE INDEX lm_follow_up_lead_ix ON lm_follow_up (lead_id, due_at);
-- the overview: a user's open follow-ups by due time
CREATE INDEX lm_follow_up_owner_ix ON lm_follow_up (tenant_id, owner_id, state, due_at);
-- the reminder claim queue: only claimable rows are indexed
CREATE INDEX lm_follow_up_claim_ix ON lm_follow_up (claimable_at, id)
    WHERE state = 'OPEN' AND reminder IN ('PENDING', 'CLAIMED');
-- failed reminders per tenant; partial, so the claim and fire updates of every reminder do not touch it
CREATE INDEX lm_follow_up_failed_ix ON lm_follow_up (tenant_id, due_at) WHERE reminder = 'FAILED';

CREATE TABLE lm_saved_search (
    id              varchar(36)  COLLATE "C" NOT NULL,
    tenant_id       varchar(64)  COLLATE "C" NOT NULL,
    owner_id        varchar(64)  COLLATE "C" NOT NULL,
    name            varchar(200) COLLATE "C" NOT NULL,
    project_id      varchar(36)  COLLATE "C" NOT NULL,
    criteria        text         NOT NULL,
    sort_field      varchar(20)  NOT NULL,
    sort_descending boolean      NOT NULL,
    created_at      timestamp(6) with time zone NOT NULL,
    version         bigint       NOT NULL,
    CONSTRAINT lm_saved_search_pk PRIMARY KEY (id),
    CONSTRAINT lm_saved_search_name_uq UNIQUE (tenant_id, owner_id, name)
);

-- events recorded with their change, published after commit by JpaLeadStore.relayEvents
CREATE SEQUENCE lm_outbox_seq;
CREATE TABLE lm_outbox (
    seq         bigint      NOT NULL,
    event_id    varchar(36) NOT NULL,
    tenant_id   varchar(64) NOT NULL,
    occurred_at timestamp(6) with time zone NOT NULL,
    payload     bytea       NOT NULL,
    CONSTRAINT lm_outbox_pk PRIMARY KEY (seq)
);

-- one row per relay lock; relays serialise on it with SELECT ... FOR UPDATE
CREATE TABLE lm_relay_lock (
    name varchar(32) NOT NULL,
    CONSTRAINT lm_relay_lock_pk PRIMARY KEY (name)
);
INSERT INTO lm_relay_lock (name) VALUES ('outbox');
