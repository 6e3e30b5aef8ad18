package org.pacemaker.generator;

/** Hears how far along the timeline the generator is. */
@FunctionalInterface
interface Progress {

    Progress NONE = (done, total) -> {};

    void advanced(long readingsDone, long readingsTotal);
}
