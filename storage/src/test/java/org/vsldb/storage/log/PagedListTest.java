package org.vsldb.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PagedList}: a list appended across pages, then frozen, that a {@link LogRecord} keeps as it is. */
class PagedListTest {
  @Test
  void appendedAcrossManyPages_readsBackAsAnArrayListWould_inOrder() {
    for (int n : new int[] {0, 1, 4, 5, 1_023, 1_024, 1_025, 5_000}) {
      PagedList<Integer> paged = new PagedList<>();
      List<Integer> model = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        paged.add(i * 3);
        model.add(i * 3);
      }
      assertEquals(model, paged, "n = " + n);
      assertEquals(model.hashCode(), paged.hashCode());
      assertThrows(IndexOutOfBoundsException.class, () -> paged.get(n));
    }
  }

  @Test
  void aFrozenList_refusesChanges_andIsKeptByALogRecordWithoutACopy() {
    PagedList<Change> changes = new PagedList<>();
    changes.add(new Change.Delete(1, 7, new Object[] {7}));
    changes.add(new Change.Delete(1, 8, new Object[] {8}));
    assertNotSame(changes, new LogRecord(1, 0, changes).changes(), "not frozen yet: copied");
    changes.freeze();
    assertSame(changes, new LogRecord(1, 0, changes).changes());
    assertThrows(UnsupportedOperationException.class, () -> changes.add(new Change.Delete(1, 9, new Object[] {9})));
    assertThrows(UnsupportedOperationException.class, () -> changes.set(0, null));
    assertThrows(UnsupportedOperationException.class, () -> changes.remove(0));
    assertThrows(NullPointerException.class, () -> new PagedList<Change>().add(null));
  }
}
