package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vsldb.storage.WriteSet.Pending;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/** {@link UndoLog}: a failed statement's changes are undone newest first, back to its mark. */
class UndoLogTest {
  private static WriteSet writeSet() {
    TableDef def = new TableDef("PUBLIC", "T", List.of(new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false)),
        new int[] {0});
    return new WriteSet(new Table(1, def), 0);
  }

  @Test
  void rollbackToAMark_restoresEachRowsStateBeforeTheMark_newestFirst() {
    WriteSet ws = writeSet();
    UndoLog undo = new UndoLog();
    Pending a = Pending.of(null, ws.table.format(), new Object[] {1});
    Pending b = Pending.of(null, ws.table.format(), new Object[] {2});
    undo.add(ws, 1, null);
    ws.put(1, a);
    int mark = undo.size();
    for (int i = 0; i < 40; i++) { // past the arrays' first size
      Pending next = Pending.of(null, ws.table.format(), new Object[] {100 + i});
      undo.add(ws, 1, ws.pending.get(1));
      ws.put(1, next);
    }
    undo.add(ws, 2, null);
    ws.put(2, b);
    undo.rollbackTo(mark);
    assertEquals(mark, undo.size());
    assertEquals(a, ws.pending.get(1));
    assertNull(ws.pending.get(2));
    assertTrue(ws.pendingRowWithPrimaryKey(2) == null, "the undone row's key is free again");
    undo.rollbackTo(0);
    assertTrue(undo.isEmpty());
    assertNull(ws.pending.get(1));
  }

  @Test
  void insertsOfConsecutiveRowIds_shareAnEntry_andAMarkInsideTheRunUndoesOnlyTheRowsAfterIt() {
    WriteSet ws = writeSet();
    UndoLog undo = new UndoLog();
    for (long id = 1; id <= 10; id++) {
      undo.add(ws, id, null);
      ws.put(id, Pending.of(null, ws.table.format(), new Object[] {(int) id}));
    }
    int mark = undo.size();
    for (long id = 11; id <= 25; id++) {
      undo.add(ws, id, null);
      ws.put(id, Pending.of(null, ws.table.format(), new Object[] {(int) id}));
    }
    // a change to an already pending row breaks the run: it has a state to restore
    Pending before = ws.pending.get(5);
    undo.add(ws, 5, before);
    ws.put(5, Pending.of(null, ws.table.format(), new Object[] {500}));
    assertEquals(26, undo.size());
    undo.rollbackTo(mark + 3);
    assertEquals(mark + 3, undo.size());
    assertEquals(before, ws.pending.get(5));
    for (long id = 1; id <= 13; id++) {
      assertEquals((int) id, ws.pending.get(id).values()[0], "row " + id + " kept");
    }
    for (long id = 14; id <= 25; id++) {
      assertNull(ws.pending.get(id), "row " + id + " undone");
      assertNull(ws.pendingRowWithPrimaryKey((int) id), "key " + id + " free again");
    }
    undo.rollbackTo(mark);
    assertEquals(mark, undo.size());
    assertNull(ws.pending.get(11));
    assertEquals(10, ws.pending.size());
    undo.rollbackTo(0);
    assertTrue(undo.isEmpty());
    assertEquals(0, ws.pending.size());
  }
}
