-- Review actions (issue 7, SPEC §2.5): what people did to a review item, escalations, the labels
-- that feed retraining, and the mail outbox of the alerts and the morning digest.

-- the last action on an item, and its first one (the report's response time)
alter table review_item add column first_action_at timestamp with time zone;
alter table review_item add column last_action varchar(40);
alter table review_item add column last_action_by varchar(254);
alter table review_item add column last_action_at timestamp with time zone;

-- every action on an item, in order: notes, escalations, hide, delete, reply, letters, closing. Append-only.
create sequence review_action_seq start with 1 increment by 50;
create table review_action (
    id          bigint primary key,
    school_id   bigint       not null references school (id),
    item_id     bigint       not null references review_item (id),
    type        varchar(40)  not null,
    actor       varchar(254) not null,
    occurred_at timestamp with time zone not null,
    detail      text
);
create index review_action_item on review_action (item_id, occurred_at);
create index review_action_school on review_action (school_id, occurred_at);

-- an escalation is a safeguarding / police / LADO / complaints record: it is never changed or removed
create sequence escalation_seq start with 1 increment by 50;
create table escalation (
    id           bigint primary key,
    school_id    bigint        not null references school (id),
    item_id      bigint        not null references review_item (id),
    target       varchar(20)   not null,
    reason       text          not null,
    reference    varchar(120),
    escalated_by varchar(254)  not null,
    escalated_at timestamp with time zone not null
);
create index escalation_school on escalation (school_id, escalated_at desc);

create function review_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end
$$;
create trigger review_action_no_change before update or delete on review_action
    for each row execute function review_record_append_only();
create trigger escalation_no_change before update or delete on escalation
    for each row execute function review_record_append_only();

-- what a person's decision says about the item's subject: abusive (hidden, deleted, escalated) or ok
-- (dismissed as a false positive). The newest decision counts. Exported for retraining.
create table review_label (
    item_id    bigint primary key references review_item (id),
    school_id  bigint       not null references school (id),
    abusive    boolean      not null,
    source     varchar(40)  not null,
    decided_by varchar(254) not null,
    decided_at timestamp with time zone not null
);
create index review_label_school on review_label (school_id);

-- every e-mail goes through this outbox: written with the event that caused it, sent after commit,
-- retried with back-off, and kept with its outcome, so an alert is never lost silently
create sequence mail_message_seq start with 1 increment by 50;
create table mail_message (
    id              bigint primary key,
    school_id       bigint        not null references school (id),
    kind            varchar(20)   not null,
    dedup_key       varchar(200)  not null unique,
    recipient       varchar(254)  not null,
    subject         varchar(300)  not null,
    body_text       text          not null,
    body_html       text          not null,
    status          varchar(20)   not null,
    attempts        int           not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    version         bigint        not null default 0
);
create index mail_message_due on mail_message (status, next_attempt_at);
create index mail_message_school on mail_message (school_id, created_at desc);

-- how far the morning digest of each school has reported
create table digest_state (
    school_id    bigint primary key references school (id),
    reported_to  timestamp with time zone not null
);
