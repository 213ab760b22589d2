-- Files the lead unit attaches to its closure (销号) application as evidence. Uploaded while the application step is
-- open (application_id null), they belong to the application once it is submitted; the bytes are base64 slices in
-- closure_evidence_part, as for report attachments (no database-specific BLOB type).
CREATE TABLE closure_evidence (
    id              ${bigint}     NOT NULL PRIMARY KEY,
    task_id         ${bigint}     NOT NULL,
    application_id  ${bigint},
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(120)  NOT NULL,
    byte_count      ${bigint}     NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    uploaded_by     VARCHAR(60)   NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_closure_evidence_task FOREIGN KEY (task_id) REFERENCES key_task (id),
    CONSTRAINT fk_closure_evidence_appl FOREIGN KEY (application_id) REFERENCES closure_application (id)
);
CREATE INDEX ix_closure_evidence_task ON closure_evidence (task_id);

CREATE TABLE closure_evidence_part (
    id           ${bigint}   NOT NULL PRIMARY KEY,
    evidence_id  ${bigint}   NOT NULL,
    part_no      INTEGER     NOT NULL,
    chunk_text   ${text}     NOT NULL,
    CONSTRAINT uk_closure_evidence_part UNIQUE (evidence_id, part_no),
    CONSTRAINT fk_closure_evidence_part FOREIGN KEY (evidence_id) REFERENCES closure_evidence (id)
);
