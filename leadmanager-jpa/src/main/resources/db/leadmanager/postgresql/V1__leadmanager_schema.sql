-- Lead Manager schema for PostgreSQL 12+ (tested on 17).
-- Ids the library generates (projects, actions, leads, notes, follow-ups, saved searches, events) are uuid; their
-- order is the unsigned order the core uses. Ids of the host (tenant, contact, user, group) are text; COLLATE "C"
-- makes their order (and the order of name_key) the code-point order of the library's reference semantics.
-- Instants are stored with microsecond precision.
-- Each index names the statements that use it (repository and method of the JPA store).

CREATE TABLE lm_project (
    id                  uuid         NOT NULL,
    tenant_id           varchar(64)  COLLATE "C" NOT NULL,
    name                varchar(200) NOT NULL,
    name_key            varchar(200) COLLATE "C" NOT NULL,
    kind                varchar(16)  NOT NULL,
    archived            boolean      NOT NULL,
    default_status      varchar(40)  NOT NULL,
    assignment_strategy varchar(20)  NOT NULL,
    assignment_fallback varchar(64),
    -- who got the last round-robin lead: ties continue the rotation after them (see lm_round_robin)
    round_robin_last    varchar(64) COLLATE "C",
    created_at          timestamp(6) with time zone NOT NULL,
    -- the reasons to choose from when disqualifying (Projects.setLostReasons), one label per line
    lost_reasons        text NOT NULL DEFAULT '',
    version             bigint       NOT NULL,
    CONSTRAINT lm_project_pk PRIMARY KEY (id),
    -- ProjectRepository.findByName, findAll (tenant prefix); names unique per tenant ignoring case
    CONSTRAINT lm_project_name_uq UNIQUE (tenant_id, name_key)
);

-- a project's status list, in order; restricted: the status has a declared set of next statuses
CREATE TABLE lm_project_status (
    project_id uuid         NOT NULL,
    position   integer      NOT NULL,
    status_key varchar(40)  COLLATE "C" NOT NULL,
    label      varchar(200) NOT NULL,
    category   varchar(8)   NOT NULL,
    restricted boolean      NOT NULL,
    -- ProjectRepository.find and every project read: the list of one project
    CONSTRAINT lm_project_status_pk PRIMARY KEY (project_id, position),
    CONSTRAINT lm_project_status_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);

-- the allowed next statuses of the restricted statuses
CREATE TABLE lm_project_transition (
    project_id  uuid        NOT NULL,
    from_status varchar(40) COLLATE "C" NOT NULL,
    to_status   varchar(40) COLLATE "C" NOT NULL,
    -- every project read: the transitions of one project
    CONSTRAINT lm_project_transition_pk PRIMARY KEY (project_id, from_status, to_status),
    CONSTRAINT lm_project_transition_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);

-- the team, in order (round-robin goes through it in this order)
CREATE TABLE lm_project_member (
    project_id uuid        NOT NULL,
    position   integer     NOT NULL,
    user_id    varchar(64) COLLATE "C" NOT NULL,
    -- TeamMember: share of round-robin leads, cap of open leads (NULL: none)
    weight         integer     NOT NULL,
    max_open_leads integer,
    -- every project read: the team of one project
    CONSTRAINT lm_project_member_pk PRIMARY KEY (project_id, position),
    CONSTRAINT lm_project_member_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);

-- a project's round-robin balances (RoundRobinState): one row per member who could take the last lead; replaced as
-- a whole by the unit of work that holds the project's row (ProjectRepository.roundRobin, keepRoundRobin)
CREATE TABLE lm_round_robin (
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    project_id uuid        NOT NULL,
    user_id    varchar(64) COLLATE "C" NOT NULL,
    balance    double precision NOT NULL,
    -- ProjectRepository.roundRobin, keepRoundRobin: the rows of one project
    CONSTRAINT lm_round_robin_pk PRIMARY KEY (tenant_id, project_id, user_id),
    CONSTRAINT lm_round_robin_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);

-- contact groups bound to a project (automatic qualification)
CREATE TABLE lm_project_group (
    project_id uuid        NOT NULL,
    group_id   varchar(64) COLLATE "C" NOT NULL,
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    -- every project read: the groups of one project
    CONSTRAINT lm_project_group_pk PRIMARY KEY (project_id, group_id),
    CONSTRAINT lm_project_group_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);
-- ProjectRepository.findByGroup
CREATE INDEX lm_project_group_tenant_ix ON lm_project_group (tenant_id, group_id);

-- the criteria rules of a project's owner assignment, in order (the first match wins)
CREATE TABLE lm_assignment_rule (
    project_id  uuid         NOT NULL,
    position    integer      NOT NULL,
    name        varchar(200) NOT NULL,
    field       varchar(16)  NOT NULL,
    match_value varchar(200) NOT NULL,
    assignee    varchar(64)  COLLATE "C" NOT NULL,
    -- every project read: the rules of one project
    CONSTRAINT lm_assignment_rule_pk PRIMARY KEY (project_id, position),
    CONSTRAINT lm_assignment_rule_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);

-- a project's first-response deadline (FirstResponsePolicy), at most one row per project, with its calendar's
-- holidays in lm_first_response_holiday; every project read: the deadline of one project
CREATE TABLE lm_first_response (
    project_id       uuid         NOT NULL,
    working_seconds  bigint       NOT NULL,
    zone             varchar(64)  NOT NULL,
    -- ISO numbers of the working days in order, e.g. 12345 for Monday to Friday
    working_days     varchar(7)   NOT NULL,
    opens            time         NOT NULL,
    closes           time         NOT NULL,
    -- the ResponseActivity names that stop the clock, comma-separated
    stops_clock      varchar(100) NOT NULL,
    escalate_to      varchar(64) COLLATE "C" NOT NULL,
    unowned_fallback varchar(64) COLLATE "C",
    reassign         boolean      NOT NULL,
    CONSTRAINT lm_first_response_pk PRIMARY KEY (project_id),
    CONSTRAINT lm_first_response_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);

CREATE TABLE lm_first_response_holiday (
    project_id uuid NOT NULL,
    holiday    date NOT NULL,
    -- every project read: the holidays of one project's calendar
    CONSTRAINT lm_first_response_holiday_pk PRIMARY KEY (project_id, holiday),
    CONSTRAINT lm_first_response_holiday_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);

CREATE TABLE lm_marketing_action (
    id          uuid         NOT NULL,
    tenant_id   varchar(64)  COLLATE "C" NOT NULL,
    name        varchar(200) NOT NULL,
    -- ActionKind
    kind        varchar(20)  NOT NULL,
    starts_on   date,
    ends_on     date,
    created_at  timestamp(6) with time zone NOT NULL,
    version     bigint       NOT NULL,
    CONSTRAINT lm_marketing_action_pk PRIMARY KEY (id)
);
-- MarketingActionRepository.findAll
CREATE INDEX lm_marketing_action_tenant_ix ON lm_marketing_action (tenant_id);

-- the projects a marketing action qualifies for
CREATE TABLE lm_marketing_action_project (
    action_id  uuid NOT NULL,
    project_id uuid NOT NULL,
    -- every action read: the projects of one action
    CONSTRAINT lm_marketing_action_project_pk PRIMARY KEY (action_id, project_id),
    CONSTRAINT lm_marketing_action_project_action_fk FOREIGN KEY (action_id) REFERENCES lm_marketing_action (id)
);

CREATE TABLE lm_lead (
    id                uuid          NOT NULL,
    tenant_id         varchar(64)   COLLATE "C" NOT NULL,
    project_id        uuid          NOT NULL,
    contact_id        varchar(64)   COLLATE "C" NOT NULL,
    name              varchar(200)  NOT NULL,
    -- *_key: the text lower-cased (name_key: the NAME sort), up to twice as long: U+0130 becomes two characters
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
    -- the kept words of name, e-mail and company (lm_lead_word's), each after a blank: a text search that walks a
    -- page's index tests them here, LIKE '% word%'
    search_words      text NOT NULL DEFAULT '',
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
    -- when the lead came onto its status: the funnel's time on a status
    status_since      timestamp(6) with time zone NOT NULL,
    last_activity_at  timestamp(6) with time zone NOT NULL,
    next_follow_up_at timestamp(6) with time zone,
    -- the first-response deadline (null: no clock runs); claimable_at: when the escalation dispatcher may claim
    -- the lead (the deadline, or the end of the lease claimed_by holds); written only by their own statements
    response_due_at       timestamp(6) with time zone,
    response_claimable_at timestamp(6) with time zone,
    response_claimed_by   varchar(200),
    -- escalation attempts at this deadline (each claim counts one) and the last failed one's error (ErrorText);
    -- failed for good: a deadline but no response_claimable_at
    response_attempts     integer NOT NULL DEFAULT 0,
    response_error        text,
    version           bigint        NOT NULL,
    -- number of the lead's latest timeline entry (1: its qualification); raised, without touching the version,
    -- under the row lock by each unit of work appending entries, so the numbers follow the commit order
    activity_seq      bigint        NOT NULL DEFAULT 1,
    CONSTRAINT lm_lead_pk PRIMARY KEY (id),
    -- LeadRepository.insertIfAbsent (the conflict target), findByContact, existingContacts
    CONSTRAINT lm_lead_contact_uq UNIQUE (project_id, contact_id),
    CONSTRAINT lm_lead_project_fk FOREIGN KEY (project_id) REFERENCES lm_project (id)
);
-- LeadRepository.search sorted by last activity (the default list) and its keyset
CREATE INDEX lm_lead_activity_ix ON lm_lead (project_id, last_activity_at DESC, id DESC);
-- LeadRepository.search filtered by assignee ("my leads") sorted by last activity, and its keyset
CREATE INDEX lm_lead_assignee_ix ON lm_lead (project_id, assignee, last_activity_at DESC, id DESC);
-- LeadRepository.countByStatus, TallyRepository.recount (index-only where it can)
CREATE INDEX lm_lead_status_ix ON lm_lead (tenant_id, project_id, status);
-- LeadRepository.findAllByContact
CREATE INDEX lm_lead_contact_ix ON lm_lead (tenant_id, contact_id);
-- ResponseDeadlineQueue.claimBreached: only leads with a running clock are indexed
CREATE INDEX lm_lead_response_claim_ix ON lm_lead (response_claimable_at, id)
    WHERE response_claimable_at IS NOT NULL;
-- LeadRepository.findByResponseDue (Search.byResponseDeadline)
CREATE INDEX lm_lead_response_due_ix ON lm_lead (tenant_id, project_id, response_due_at, id)
    WHERE response_due_at IS NOT NULL;

-- the words of each lead's name, e-mail and company as the text criterion folds them (SearchWords: lower case,
-- ss for ß, umlauts both as ae/oe/ue and as a/o/u, accents dropped; at most 40 characters; not a word that begins
-- another of the lead's), one row per word and lead: the words of lm_lead.search_words. The lead repository writes
-- them in the unit of work that inserts a lead, changes its card or deletes it, and finds a lead's rows by the
-- primary key with those words; no other index, so that writing a lead's words costs one index entry each
CREATE TABLE lm_lead_word (
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    project_id uuid        NOT NULL,
    -- COLLATE "C": LIKE 'prefix%' is a range of the primary key
    word       varchar(40) COLLATE "C" NOT NULL,
    lead_id    uuid        NOT NULL,
    -- LeadRepository.search, countByStatus with text: the leads of a project with a word in a term word's range;
    -- update and delete of a lead: its rows, one per word of its stored search_words
    CONSTRAINT lm_lead_word_pk PRIMARY KEY (tenant_id, project_id, word, lead_id)
);

-- kept tallies (TallyRepository): numbers per project, such as leads per status, kept as changes commit. A unit of
-- work only ever adds rows of its own (a random id each), so concurrent units of work never wait for one another
-- on a counter row; a number is the sum of its rows, and JpaTallyRepository now and then folds a project's rows
-- into one per number, skipping rows other units of work hold
CREATE TABLE lm_tally (
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    project_id uuid        NOT NULL,
    id         uuid        NOT NULL,
    tally      varchar(16) COLLATE "C" NOT NULL,
    tally_key  varchar(100) COLLATE "C" NOT NULL,
    tally_sub  varchar(100) COLLATE "C",
    n          bigint      NOT NULL,
    -- TallyRepository.add (the rows of a unit of work)
    CONSTRAINT lm_tally_pk PRIMARY KEY (tenant_id, project_id, id)
);
-- TallyRepository.sums (a project's tallies, ranges of their keys; all of a tenant's projects' for one tally),
-- recount, and folding the rows of some numbers of a project
CREATE INDEX lm_tally_key_ix ON lm_tally (tenant_id, project_id, tally, tally_key, tally_sub);
-- TallyRepository.sums of one tally for every project of a tenant (the lead managers list), whatever else is kept
CREATE INDEX lm_tally_tally_ix ON lm_tally (tenant_id, tally, project_id);

CREATE SEQUENCE lm_note_seq;
CREATE TABLE lm_note (
    id         uuid        NOT NULL,
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    lead_id    uuid        NOT NULL,
    seq        bigint      NOT NULL DEFAULT nextval('lm_note_seq'),
    author     varchar(64) NOT NULL,
    body       text        NOT NULL,
    created_at timestamp(6) with time zone NOT NULL,
    edited_at  timestamp(6) with time zone,
    version    bigint      NOT NULL,
    CONSTRAINT lm_note_pk PRIMARY KEY (id)
);
-- NoteRepository.findByLead (in its order), moveAll; JpaSession.eraseLead
CREATE INDEX lm_note_lead_ix ON lm_note (lead_id, created_at, seq);

CREATE SEQUENCE lm_activity_seq;
CREATE TABLE lm_activity (
    seq           bigint      NOT NULL DEFAULT nextval('lm_activity_seq'),
    tenant_id     varchar(64) COLLATE "C" NOT NULL,
    lead_id       uuid        NOT NULL,
    lead_seq      bigint      NOT NULL,
    occurred_at   timestamp(6) with time zone NOT NULL,
    actor         varchar(64) NOT NULL,
    activity_type varchar(32) NOT NULL,
    from_value    varchar(200),
    to_value      varchar(200),
    detail        text,
    CONSTRAINT lm_activity_pk PRIMARY KEY (seq),
    -- ActivityRepository.findByLead (in order of lead_seq, the entry's number from lm_lead.activity_seq), moveAll;
    -- JpaSession.eraseLead
    CONSTRAINT lm_activity_lead_uq UNIQUE (lead_id, lead_seq)
);

CREATE TABLE lm_follow_up (
    id           uuid        NOT NULL,
    tenant_id    varchar(64) COLLATE "C" NOT NULL,
    lead_id      uuid        NOT NULL,
    project_id   uuid        NOT NULL,
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
-- FollowUpRepository.findByLead, moveAll; JpaSession.eraseLead
CREATE INDEX lm_follow_up_lead_ix ON lm_follow_up (lead_id, due_at);
-- FollowUpRepository.findOpenByOwner (the overview)
CREATE INDEX lm_follow_up_owner_ix ON lm_follow_up (tenant_id, owner_id, state, due_at);
-- ReminderQueue.claimDue: only claimable rows are indexed
CREATE INDEX lm_follow_up_claim_ix ON lm_follow_up (claimable_at, id)
    WHERE state = 'OPEN' AND reminder IN ('PENDING', 'CLAIMED');
-- ReminderQueue.findFailed; partial, so the claim and fire updates of every reminder do not touch it
CREATE INDEX lm_follow_up_failed_ix ON lm_follow_up (tenant_id, due_at) WHERE reminder = 'FAILED';

-- a saved search: its scalar criteria here, its sets in the lm_saved_search_* tables below
CREATE TABLE lm_saved_search (
    id                   uuid         NOT NULL,
    tenant_id            varchar(64)  COLLATE "C" NOT NULL,
    owner_id             varchar(64)  COLLATE "C" NOT NULL,
    name                 varchar(200) COLLATE "C" NOT NULL,
    project_id           uuid         NOT NULL,
    unassigned           boolean      NOT NULL,
    search_text          text,
    created_from         timestamp(6) with time zone,
    created_to           timestamp(6) with time zone,
    activity_from        timestamp(6) with time zone,
    activity_to          timestamp(6) with time zone,
    has_open_follow_up   boolean,
    follow_up_due_before timestamp(6) with time zone,
    response_due_before  timestamp(6) with time zone,
    sort_field           varchar(20)  NOT NULL,
    sort_descending      boolean      NOT NULL,
    created_at           timestamp(6) with time zone NOT NULL,
    version              bigint       NOT NULL,
    CONSTRAINT lm_saved_search_pk PRIMARY KEY (id),
    -- SavedSearchRepository.findByOwner, insert (the name check)
    CONSTRAINT lm_saved_search_name_uq UNIQUE (tenant_id, owner_id, name)
);

CREATE TABLE lm_saved_search_status (
    saved_search_id uuid        NOT NULL,
    status_key      varchar(40) COLLATE "C" NOT NULL,
    -- every saved search read: the ticked statuses of one search
    CONSTRAINT lm_saved_search_status_pk PRIMARY KEY (saved_search_id, status_key),
    CONSTRAINT lm_saved_search_status_fk FOREIGN KEY (saved_search_id) REFERENCES lm_saved_search (id)
);

CREATE TABLE lm_saved_search_assignee (
    saved_search_id uuid        NOT NULL,
    user_id         varchar(64) COLLATE "C" NOT NULL,
    -- every saved search read: the assignees of one search
    CONSTRAINT lm_saved_search_assignee_pk PRIMARY KEY (saved_search_id, user_id),
    CONSTRAINT lm_saved_search_assignee_fk FOREIGN KEY (saved_search_id) REFERENCES lm_saved_search (id)
);

CREATE TABLE lm_saved_search_source (
    saved_search_id uuid NOT NULL,
    action_id       uuid NOT NULL,
    -- every saved search read: the source actions of one search
    CONSTRAINT lm_saved_search_source_pk PRIMARY KEY (saved_search_id, action_id),
    CONSTRAINT lm_saved_search_source_fk FOREIGN KEY (saved_search_id) REFERENCES lm_saved_search (id)
);

CREATE TABLE lm_saved_search_field (
    saved_search_id uuid        NOT NULL,
    field           varchar(16) NOT NULL,
    field_value     text        NOT NULL,
    -- every saved search read: the field criteria of one search
    CONSTRAINT lm_saved_search_field_pk PRIMARY KEY (saved_search_id, field),
    CONSTRAINT lm_saved_search_field_fk FOREIGN KEY (saved_search_id) REFERENCES lm_saved_search (id)
);

-- the publication registry: one row per recorded event, numbered in commit order (seq), published by the event
-- relay (JpaEventRegistry); payload is the event's JSON envelope. state: PENDING (claimed_by and claimable_at hold
-- a claim, or claimable_at a retry time), SET_ASIDE (given up, waiting for the host), PUBLISHED (kept for the
-- relay's retention, else the row is deleted when published)
CREATE SEQUENCE lm_event_seq;
CREATE TABLE lm_event (
    id             uuid         NOT NULL,
    seq            bigint       NOT NULL DEFAULT nextval('lm_event_seq'),
    tenant_id      varchar(64)  COLLATE "C" NOT NULL,
    lead_id        uuid,
    event_type     varchar(64)  NOT NULL,
    schema_version integer      NOT NULL,
    occurred_at    timestamp(6) with time zone NOT NULL,
    payload        text         NOT NULL,
    state          varchar(16)  NOT NULL,
    attempts       integer      NOT NULL,
    claimed_by     varchar(200),
    claimable_at   timestamp(6) with time zone,
    published_at   timestamp(6) with time zone,
    last_error     text,
    CONSTRAINT lm_event_pk PRIMARY KEY (id)
);
-- EventRegistry.claim, countPending: pending rows in commit order
CREATE INDEX lm_event_pending_ix ON lm_event (seq) WHERE state = 'PENDING';
-- EventRegistry.claim: a lead's earlier pending rows (the order per lead)
CREATE INDEX lm_event_lead_ix ON lm_event (lead_id, seq) WHERE state = 'PENDING';
-- JpaSession.eraseLead (LeadOwnedRows): a lead's rows in every state
CREATE INDEX lm_event_erase_ix ON lm_event (lead_id);
-- EventRegistry.findSetAside, retryAll, countSetAside
CREATE INDEX lm_event_set_aside_ix ON lm_event (seq) WHERE state = 'SET_ASIDE';
-- EventRegistry.purgePublished, countKept
CREATE INDEX lm_event_published_ix ON lm_event (published_at) WHERE state = 'PUBLISHED';
