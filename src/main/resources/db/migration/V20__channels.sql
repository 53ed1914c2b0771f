-- Channels (SPEC §2.2): official accounts and monitored pages, their encrypted credentials and
-- where polling has got to; and the publication journal that makes publishing idempotent.
create sequence channel_seq start with 1 increment by 50;
create table channel (
    id                    bigint primary key,
    school_id             bigint        not null references school (id),
    platform              varchar(30)   not null,
    account_id            varchar(64)   not null,
    name                  varchar(200)  not null,
    kind                  varchar(20)   not null,
    purpose               text          not null,
    objectives            text          not null,
    risk_assessment       text          not null,
    registered_with_email varchar(254)  not null,
    status                varchar(20)   not null,
    registered_by         varchar(254)  not null,
    registered_at         timestamp with time zone not null,
    approved_by           varchar(254),
    approved_at           timestamp with time zone,
    credentials_cipher    text,
    credentials_key_id    varchar(20),
    token_expires_at      timestamp with time zone,
    post_cursor           varchar(500),
    post_watermark        timestamp with time zone,
    pending_watermark     timestamp with time zone,
    backoff_until         timestamp with time zone,
    last_polled_at        timestamp with time zone,
    last_problem          varchar(1000),
    problem_since         timestamp with time zone,
    version               bigint not null default 0,
    unique (school_id, platform, account_id)
);
create index channel_school on channel (school_id, status);

create sequence channel_publication_seq start with 1 increment by 50;
create table channel_publication (
    id               bigint primary key,
    school_id        bigint        not null references school (id),
    channel_id       bigint        not null references channel (id),
    idempotency_key  varchar(200)  not null,
    container_id     varchar(64),
    platform_post_id varchar(128),
    permalink        varchar(1000),
    created_at       timestamp with time zone not null,
    published_at     timestamp with time zone,
    unique (channel_id, idempotency_key)
);
create index channel_publication_post on channel_publication (channel_id, platform_post_id);
