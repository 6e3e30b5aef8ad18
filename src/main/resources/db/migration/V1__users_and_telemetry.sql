-- Users follow the FastAPI full-stack template's "user" table; named app_user because USER is reserved.
CREATE TABLE app_user (
    id              uuid         PRIMARY KEY,
    email           varchar(255) NOT NULL,
    hashed_password varchar(255) NOT NULL,
    full_name       varchar(255),
    is_active       boolean      NOT NULL DEFAULT true,
    is_superuser    boolean      NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT app_user_email_key UNIQUE (email)
);

-- One row per (patient, reading time). The unique pair is what makes a duplicate a duplicate, even
-- under concurrent requests; it also serves lookups by patient, so patient_id has no index of its own.
-- Ids are time-ordered (UUIDv7, made by the service) so the primary key grows at its right edge.
CREATE TABLE pacemaker_telemetry (
    id                                  uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at                          timestamptz      NOT NULL DEFAULT now(),
    patient_id                          integer          NOT NULL CHECK (patient_id >= 0),
    "timestamp"                         timestamptz      NOT NULL,
    lead_impedance_ohms                 double precision NOT NULL,
    capture_threshold_v                 double precision NOT NULL,
    r_wave_sensing_mv                   double precision NOT NULL,
    battery_voltage_v                   double precision NOT NULL,
    target_fail_next_7d                 smallint         CHECK (target_fail_next_7d IN (0, 1)),
    lead_impedance_ohms_rolling_mean_3d double precision,
    lead_impedance_ohms_rolling_mean_7d double precision,
    capture_threshold_v_rolling_mean_3d double precision,
    capture_threshold_v_rolling_mean_7d double precision,
    lead_impedance_ohms_delta_per_day_3d double precision,
    lead_impedance_ohms_delta_per_day_7d double precision,
    capture_threshold_v_delta_per_day_3d double precision,
    capture_threshold_v_delta_per_day_7d double precision,
    CONSTRAINT pacemaker_telemetry_patient_timestamp_key UNIQUE (patient_id, "timestamp")
);
