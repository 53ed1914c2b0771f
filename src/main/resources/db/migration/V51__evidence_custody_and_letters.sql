-- Who viewed or exported each evidence record, and when (the chain of custody, SPEC §2.5). Append-only.
create sequence evidence_custody_seq start with 1 increment by 50;
create table evidence_custody (
    id          bigint primary key,
    school_id   bigint       not null references school (id),
    evidence_id bigint       not null references evidence_record (id),
    comment_id  bigint       not null references scanned_comment (id),
    action      varchar(20)  not null,
    actor       varchar(254) not null,
    occurred_at timestamp with time zone not null,
    detail      varchar(500)
);
create index evidence_custody_evidence on evidence_custody (evidence_id, occurred_at);
create trigger evidence_custody_no_change before update or delete on evidence_custody
    for each row execute function review_record_append_only();

-- Letters asking a parent to remove a comment (Bledington E), as the headteacher finally wrote them. Append-only.
create sequence removal_letter_seq start with 1 increment by 50;
create table removal_letter (
    id          bigint primary key,
    school_id   bigint       not null references school (id),
    comment_id  bigint       not null references scanned_comment (id),
    item_id     bigint       not null references review_item (id),
    addressee   varchar(300) not null,
    body        text         not null,
    written_by  varchar(254) not null,
    written_at  timestamp with time zone not null
);
create index removal_letter_comment on removal_letter (comment_id, written_at);
create trigger removal_letter_no_change before update or delete on removal_letter
    for each row execute function review_record_append_only();
