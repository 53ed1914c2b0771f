-- Schools, staff and their roles. Every feature record belongs to one school (school_id).
create sequence school_seq start with 1 increment by 50;
create table school (
    id         bigint primary key,
    name       varchar(200) not null,
    urn        varchar(20) unique,
    timezone   varchar(64)  not null default 'Europe/London',
    created_at timestamp with time zone not null
);

create sequence staff_user_seq start with 1 increment by 50;
create table staff_user (
    id            bigint primary key,
    email         varchar(254) not null unique,
    display_name  varchar(200) not null,
    password_hash varchar(100) not null,
    active        boolean      not null default true,
    created_at    timestamp with time zone not null
);
create table staff_user_role (
    staff_user_id bigint      not null references staff_user (id) on delete cascade,
    role          varchar(20) not null,
    primary key (staff_user_id, role)
);
create table staff_user_school (
    staff_user_id bigint not null references staff_user (id) on delete cascade,
    school_id     bigint not null references school (id),
    primary key (staff_user_id, school_id)
);

-- Append-only audit trail, hash-chained. seq is assigned under the lock on audit_head so that
-- the chain order is the append order even with several instances.
create table audit_event (
    seq          bigint primary key,
    occurred_at  timestamp with time zone not null,
    actor        varchar(254) not null,
    school_id    bigint,
    action       varchar(80)  not null,
    subject_type varchar(60),
    subject_id   varchar(120),
    details      text,
    prev_hash    varchar(64)     not null,
    hash         varchar(64)     not null
);
create index audit_event_school on audit_event (school_id, seq);
create table audit_head (
    id        int primary key,
    last_seq  bigint   not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end
$$;
create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_append_only();

-- The headteacher's and DSL's review queue. One item per subject and kind, ever: callers choose
-- subject ids that say what makes an item new (a second token expiry is a new subject).
create sequence review_item_seq start with 1 increment by 50;
create table review_item (
    id              bigint primary key,
    school_id       bigint       not null references school (id),
    kind            varchar(40)  not null,
    severity        varchar(10)  not null,
    severity_rank   smallint     not null,
    status          varchar(20)  not null,
    subject_type    varchar(60)  not null,
    subject_id      varchar(120) not null,
    channel_id      bigint,
    summary         varchar(500) not null,
    detail          text,
    created_at      timestamp with time zone not null,
    resolved_by     varchar(254),
    resolved_at     timestamp with time zone,
    resolution      varchar(60),
    resolution_note text,
    version         bigint not null default 0,
    unique (school_id, kind, subject_type, subject_id)
);
create index review_item_queue on review_item (school_id, status, severity_rank desc, created_at);
