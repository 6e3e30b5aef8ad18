package org.pacemaker.bench;

import java.util.OptionalLong;

/**
 * Watches one process while it runs: its peak resident memory (VmHWM) and CPU time are gone from
 * /proc the moment it exits, so they are read every few milliseconds and the last reading kept.
 */
final class ProcessSampler implements AutoCloseable {

    private static final long EVERY_MILLIS = 20;

    private final long pid;
    private final Thread thread;
    private volatile long peakKb = -1;
    private volatile long cpuTicks = -1;
    private volatile boolean stopped;

    private ProcessSampler(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::sample, "bench-sampler-" + pid);
        this.thread.setDaemon(true);
    }

    static ProcessSampler watch(long pid) {
        ProcessSampler sampler = new ProcessSampler(pid);
        sampler.sampleOnce();
        sampler.thread.start();
        return sampler;
    }

    private void sample() {
        while (!stopped && sampleOnce()) {
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One reading; false once the process is gone. */
    private boolean sampleOnce() {
        OptionalLong peak = ProcFs.statusKb(pid, "VmHWM");
        var stat = ProcFs.stat(pid);
        if (peak.isEmpty() || stat.isEmpty()) {
            return false;
        }
        peakKb = Math.max(peakKb, peak.getAsLong());
        cpuTicks = stat.get().ownTicks();
        return true;
    }

    /** Peak resident memory in MB as last seen, or null where /proc is missing. */
    Double peakMb() {
        return peakKb < 0 ? null : peakKb / 1024.0;
    }

    /** CPU seconds (user and system) as last seen, or null. */
    Double cpuSeconds() {
        return cpuTicks < 0 ? null : cpuTicks / ProcFs.TICKS_PER_SECOND;
    }

    /** Stops watching; the figures stay. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
    }
}
