package org.vsldb.tck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ForceCount}'s reading of {@code strace -f -y} output (lines as strace 6 prints them). */
class ForceCountTest {
  @Test
  void count_fsyncAndFdatasyncCalls_areForces() {
    assertEquals(2, ForceCount.count(List.of(
        "25415 fsync(9</tmp/d/db.log>) = 0",
        "25416 fdatasync(12</tmp/d/db.sqlite-wal>) = 0",
        "25415 write(9</tmp/d/db.log>, \"INSERT INTO C VALUES(0,'v')\\nCOMM\"..., 35) = 35")));
  }

  @Test
  void count_writesToAFileOpenedWithODsync_areForces_andOtherWritesAreNot() {
    assertEquals(2, ForceCount.count(List.of(
        "100 openat(AT_FDCWD, \"/tmp/d/database.vsl\", O_RDWR|O_CREAT|O_DSYNC, 0666) = 7</tmp/d/database.vsl>",
        "100 openat(AT_FDCWD, \"/tmp/d/other.bin\", O_RDWR|O_CREAT, 0666) = 8</tmp/d/other.bin>",
        "101 pwrite64(7</tmp/d/database.vsl>, \"\\1\\2\"..., 120, 4096) = 120",
        "101 write(8</tmp/d/other.bin>, \"x\", 1) = 1",
        "102 write(7</tmp/d/database.vsl>, \"\\3\"..., 80 <unfinished ...>",
        "102 <... write resumed>) = 80")));
  }

  @Test
  void count_resumedCallsAreCountedOnce() {
    assertEquals(1, ForceCount.count(List.of(
        "200 fsync(5</tmp/d/x> <unfinished ...>",
        "200 <... fsync resumed>) = 0")));
  }
}
