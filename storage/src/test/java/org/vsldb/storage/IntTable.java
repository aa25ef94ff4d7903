package org.vsldb.storage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.TableDef;

/** A table {@code PUBLIC.T(ID INTEGER PRIMARY KEY)} for the tests that commit single ids. */
final class IntTable {
  private IntTable() {}

  static final TableDef DEF = new TableDef("PUBLIC", "T", List.of(
      new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false)), new int[] {0});

  /** Commits one row, {@code id}, in a transaction of its own. */
  static void insert(Store s, int id) {
    Transaction t = s.begin();
    t.insert(s.catalog().table("PUBLIC", "T"), new Object[] {id});
    t.commit();
  }

  /** The committed ids, in ascending order. */
  static List<Integer> ids(Store s) {
    List<Integer> out = new ArrayList<>();
    for (Iterator<Object[]> it = s.begin().scan(s.catalog().table("PUBLIC", "T")); it.hasNext(); ) {
      out.add((Integer) it.next()[0]);
    }
    out.sort(Integer::compare);
    return out;
  }
}
