-- Services find the report of an engine task through its process instance (issue 8: one indexed select instead of
-- an engine command reading the task's variables).
CREATE INDEX ix_progress_report_process ON progress_report (process_instance_id);
