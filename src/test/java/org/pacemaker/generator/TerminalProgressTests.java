package org.pacemaker.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTests {

    @Test
    void redrawsOneLineAtMostEveryFifthOfASecondAndClearsItAtTheEnd() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(err), clock::get);

        progress.advanced(1, 10);
        assertThat(err.toString()).isEmpty();

        clock.addAndGet(200_000_000L);
        progress.advanced(3, 10);
        progress.advanced(4, 10);
        assertThat(err.toString()).isEqualTo("\rgenerating: 30% of the timeline");

        progress.advanced(10, 10);
        assertThat(err.toString()).endsWith("\r" + " ".repeat(40) + "\r");
    }
}
