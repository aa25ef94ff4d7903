package org.vsldb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Long statements report progress after a second, then about once a second, then at the end. */
class ProgressThrottleTest {
  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final List<String> reports = new ArrayList<>();
  private final ProgressSink sink =
      (op, done, total, unit, ms) -> reports.add(op + " " + done + "/" + total + " " + unit + " " + ms + "ms");

  private void advanceMillis(long ms) {
    now.addAndGet(ms * 1_000_000L);
  }

  @Test
  void statementShorterThanASecond_reportsNothing_evenAtTheEnd() {
    ProgressThrottle p = new ProgressThrottle(sink, "CHECKPOINT", "rows", now::get);
    for (int i = 1; i <= 9; i++) {
      advanceMillis(100);
      p.report(i * 10, 100);
    }
    p.finish();
    assertEquals(List.of(), reports);
  }

  @Test
  void longStatement_reportsAfterOneSecond_thenOncePerSecond_thenItsEnd() {
    ProgressThrottle p = new ProgressThrottle(sink, "COPY DATABASE TO", "rows", now::get);
    for (int i = 1; i <= 25; i++) {
      advanceMillis(100);
      p.report(i, -1);
    }
    p.finish();
    assertEquals(List.of(
        "COPY DATABASE TO 10/-1 rows 1000ms",
        "COPY DATABASE TO 20/-1 rows 2000ms",
        "COPY DATABASE TO 25/25 rows 2500ms"), reports);
  }
}
