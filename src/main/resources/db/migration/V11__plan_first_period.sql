-- The reporting calendar's first period (1 = Q1 or January): set at import, so a plan published in spring starts
-- with the cycle it can still report on.
ALTER TABLE plan ADD first_period_no INTEGER DEFAULT 1 NOT NULL;
