-- Posts (SPEC §2.1): drafts with pictures and pupil tags, a colleague's sign-off bound to the content
-- hash, the headteacher's approval, publishing per channel, and the post's whole history.
create sequence post_seq start with 1 increment by 50;
create table post (
    id                  bigint primary key,
    school_id           bigint        not null references school (id),
    author_id           bigint        not null references staff_user (id),
    author_email        varchar(254)  not null,
    author_name         varchar(200)  not null,
    caption             text          not null,
    scheduled_at        timestamp with time zone,
    status              varchar(30)   not null,
    content_hash        varchar(64)   not null,
    submitted_at        timestamp with time zone,
    signed_off_by       bigint,
    signed_off_by_name  varchar(200),
    signed_off_hash     varchar(64),
    signed_off_at       timestamp with time zone,
    approved_by         bigint,
    approved_by_name    varchar(200),
    approved_hash       varchar(64),
    approved_at         timestamp with time zone,
    rejected_by_name    varchar(200),
    rejected_reason     text,
    rejected_at         timestamp with time zone,
    blocked_reason      text,
    blocked_at          timestamp with time zone,
    publish_attempts    integer       not null default 0,
    next_attempt_at     timestamp with time zone,
    last_publish_error  text,
    published_at        timestamp with time zone,
    taken_down_at       timestamp with time zone,
    taken_down_by_name  varchar(200),
    take_down_reason    text,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint        not null default 0
);
create index post_school_status on post (school_id, status);
create index post_school_author on post (school_id, author_id);
create index post_due on post (status, scheduled_at);
-- the approval queue: by the time each post goes out (scheduled, else signed off), as PostQueries asks
create index post_approval_queue on post (school_id, status, (coalesce(scheduled_at, signed_off_at)), id);

-- pictures: the sanitised bytes live apart so that listing a post's pictures never loads them
create sequence post_image_seq start with 1 increment by 50;
create table post_image (
    id                      bigint primary key,
    school_id               bigint        not null references school (id),
    post_id                 bigint        not null references post (id),
    position                integer       not null,
    sha256                  varchar(64)   not null,
    media_type              varchar(40)   not null,
    width                   integer       not null,
    height                  integer       not null,
    size_bytes              integer       not null,
    no_identifiable_pupils  boolean       not null default false,
    created_at              timestamp with time zone not null
);
create index post_image_post on post_image (post_id, position);

create table post_image_data (
    image_id bigint primary key references post_image (id) on delete cascade,
    bytes    bytea  not null
);

create table post_image_pupil (
    image_id bigint not null references post_image (id) on delete cascade,
    pupil_id bigint not null references pupil (id),
    primary key (image_id, pupil_id)
);
create index post_image_pupil_pupil on post_image_pupil (pupil_id);

-- one row per post and channel: where publishing to that channel has got to
create sequence post_target_seq start with 1 increment by 50;
create table post_target (
    id                  bigint primary key,
    school_id           bigint        not null references school (id),
    post_id             bigint        not null references post (id),
    channel_id          bigint        not null references channel (id),
    status              varchar(20)   not null,
    idempotency_key     varchar(200)  not null,
    platform_post_id    varchar(128),
    permalink           varchar(1000),
    attempts            integer       not null default 0,
    attempt_started_at  timestamp with time zone,
    published_at        timestamp with time zone,
    reconciled          boolean       not null default false,
    last_error          text,
    taken_down_at       timestamp with time zone,
    version             bigint        not null default 0,
    unique (post_id, channel_id)
);
create index post_target_platform on post_target (channel_id, platform_post_id);

-- the post's history as its page shows it (the audit log keeps the tamper-evident copy)
create sequence post_event_seq start with 1 increment by 50;
create table post_event (
    id               bigint primary key,
    school_id        bigint        not null references school (id),
    post_id          bigint        not null references post (id),
    at               timestamp with time zone not null,
    actor_email      varchar(254)  not null,
    actor_name       varchar(200)  not null,
    action           varchar(40)   not null,
    detail           text          not null,
    consent_blocked  boolean       not null default false
);
create index post_event_post on post_event (post_id, at);
create index post_event_school on post_event (school_id, action, at);
