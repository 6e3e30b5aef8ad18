package org.pacemaker.telemetry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the ingest endpoint.
 *
 * @param maxBodySize largest request body accepted, after gzip decoding; 2000 rows with every feature
 *     take about 1 MB of JSON
 */
@ConfigurationProperties("pacemaker.ingest")
record IngestSettings(DataSize maxBodySize) {}
