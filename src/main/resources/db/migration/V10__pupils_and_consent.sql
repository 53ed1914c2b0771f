-- Pupil roster (SPEC 2.3): only what consent checks need (data minimisation).
create sequence pupil_seq start with 1 increment by 50;
create table pupil (
    id             bigint primary key,
    school_id      bigint       not null references school (id),
    mis_id         varchar(40)  not null,
    first_name     varchar(100) not null,
    surname        varchar(100) not null,
    preferred_name varchar(100),
    year_group     varchar(20),
    class_name     varchar(40),
    on_roll_date   date,
    leaving_date   date,
    off_roll       boolean      not null default false,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint       not null default 0,
    unique (school_id, mis_id)
);
create index pupil_school_name on pupil (school_id, surname, first_name);

-- Purposes a school adds beyond the built-in facebook, instagram, website and press.
create sequence consent_purpose_seq start with 1 increment by 50;
create table consent_purpose (
    id         bigint primary key,
    school_id  bigint      not null references school (id),
    code       varchar(40) not null,
    label      varchar(100) not null,
    created_at timestamp with time zone not null,
    unique (school_id, code)
);

-- Consent per pupil per purpose. Append-only: every change is a new version row; the newest
-- version is the current state. The trigger below refuses updates and deletes.
create sequence consent_record_seq start with 1 increment by 50;
create table consent_record (
    id                bigint primary key,
    school_id         bigint       not null references school (id),
    pupil_id          bigint       not null references pupil (id),
    purpose           varchar(40)  not null,
    version           int          not null,
    state             varchar(20)  not null,
    given_by          varchar(20),
    given_by_name     varchar(200),
    date_given        date,
    method            varchar(20),
    evidence_ref      varchar(200),
    name_allowance    varchar(20)  not null,
    expires_on        date,
    withdrawn_at      timestamp with time zone,
    withdrawn_by      varchar(200),
    withdrawal_method varchar(20),
    note              varchar(500),
    recorded_at       timestamp with time zone not null,
    recorded_by       varchar(254) not null,
    source            varchar(60)  not null,
    unique (pupil_id, purpose, version)
);
create index consent_record_school on consent_record (school_id, pupil_id, purpose, version desc);
create function consent_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'consent_record is append-only: record a new version instead';
end
$$;
create trigger consent_record_no_change before update or delete on consent_record
    for each row execute function consent_record_append_only();

-- An uploaded MIS export between preview and apply. The content is dropped once applied.
create sequence pupil_import_seq start with 1 increment by 50;
create table pupil_import (
    id          bigint primary key,
    school_id   bigint       not null references school (id),
    file_name   varchar(255) not null,
    sha256      varchar(64)  not null,
    content     bytea,
    uploaded_by varchar(254) not null,
    uploaded_at timestamp with time zone not null,
    applied_at  timestamp with time zone,
    summary     varchar(500)
);
create index pupil_import_school on pupil_import (school_id, uploaded_at);
