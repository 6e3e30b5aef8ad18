package org.pacemaker.telemetry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the read endpoints.
 *
 * @param defaultPageSize rows per page of {@code GET /api/v1/telemetry} when no limit is given
 * @param maxPageSize the largest limit accepted
 * @param exportFetchSize rows the export fetches from the database cursor at a time; the export holds
 *     no more than this many rows in memory, whatever it sends in all
 * @param maxStatsDays the most UTC days {@code /stats} counts rows for
 */
@ConfigurationProperties("pacemaker.read")
record ReadSettings(int defaultPageSize, int maxPageSize, int exportFetchSize, int maxStatsDays) {

    ReadSettings {
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("need 1 <= READ_DEFAULT_PAGE_SIZE <= READ_MAX_PAGE_SIZE, got "
                    + defaultPageSize + " and " + maxPageSize);
        }
        if (exportFetchSize < 1 || maxStatsDays < 1) {
            throw new IllegalArgumentException("EXPORT_FETCH_SIZE and the stats days must be positive");
        }
    }
}
