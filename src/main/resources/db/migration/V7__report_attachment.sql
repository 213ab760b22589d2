-- Files a unit attaches to its progress report (佐证材料). The content is stored base64-encoded in parts of at most
-- 500,000 characters in the ${text} column type every database here has, so no vendor-specific binary type is needed.

CREATE TABLE report_attachment (
    id            ${bigint}     NOT NULL PRIMARY KEY,
    report_id     ${bigint}     NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(120)  NOT NULL,
    byte_count    ${bigint}     NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    uploaded_by   VARCHAR(60)   NOT NULL,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_report_attachment_report FOREIGN KEY (report_id) REFERENCES progress_report (id)
);
CREATE INDEX ix_report_attachment_report ON report_attachment (report_id);

CREATE TABLE report_attachment_part (
    id             ${bigint}   NOT NULL PRIMARY KEY,
    attachment_id  ${bigint}   NOT NULL,
    part_no        INTEGER     NOT NULL,
    chunk_text     ${text}     NOT NULL,
    CONSTRAINT uk_report_attachment_part UNIQUE (attachment_id, part_no),
    CONSTRAINT fk_attachment_part_attachment FOREIGN KEY (attachment_id) REFERENCES report_attachment (id)
);
