-- Reads across patients go in time order (the generator's file order): lists and exports page through
-- ("timestamp", patient_id), which this index serves without a sort. Reads of one patient use the
-- unique (patient_id, "timestamp") index of V1.
CREATE INDEX pacemaker_telemetry_timestamp_patient_idx ON pacemaker_telemetry ("timestamp", patient_id);

-- The live ingest figures (rows stored in the last minute, the last insert) look at the newest rows
-- only; rows are appended in created_at order, so this index grows at its right edge.
CREATE INDEX pacemaker_telemetry_created_at_idx ON pacemaker_telemetry (created_at);
