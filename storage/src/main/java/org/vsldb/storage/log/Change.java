package org.vsldb.storage.log;

import org.vsldb.storage.table.RowFormat;
import org.vsldb.storage.table.SequenceDef;
import org.vsldb.storage.table.SequenceState;
import org.vsldb.storage.table.TableDef;
import org.vsldb.storage.table.ViewDef;

/**
 * One change inside a committed transaction: the closed set of operations the log records. Each
 * carries the table, the key (the row id) and, where it has them, the row values; the values'
 * types are written with them.
 */
public sealed interface Change {
  /** The id of the table the change applies to; 0 for changes to schemas and views. */
  int tableId();

  /**
   * A new row, given by its values, or (from a commit) by its image in the table's {@link
   * RowFormat}, which is stored and logged as it is ({@code values} is then null, and {@link
   * #values()} decodes the image).
   */
  record Insert(int tableId, long rowId, Object[] values, RowFormat format, byte[] image) implements Change {
    public Insert(int tableId, long rowId, Object[] values) {
      this(tableId, rowId, values, null, null);
    }

    public Insert(int tableId, long rowId, RowFormat format, byte[] image) {
      this(tableId, rowId, null, format, image);
    }

    /** The row's values (decoded from the image when the change carries one: a new array each call). */
    @Override
    public Object[] values() {
      return values != null ? values : format.decode(image);
    }
  }

  /** New values for an existing row; given as {@link Insert}'s are. */
  record Update(int tableId, long rowId, Object[] values, RowFormat format, byte[] image) implements Change {
    public Update(int tableId, long rowId, Object[] values) {
      this(tableId, rowId, values, null, null);
    }

    public Update(int tableId, long rowId, RowFormat format, byte[] image) {
      this(tableId, rowId, null, format, image);
    }

    /** The row's values (decoded from the image when the change carries one: a new array each call). */
    @Override
    public Object[] values() {
      return values != null ? values : format.decode(image);
    }
  }

  /**
   * Removal of a row. {@code key} holds the row's primary-key values (empty for a table without a
   * primary key), so the log tells which row went without the snapshot; it is null in records
   * written before the log carried it (operation 3), and replay does not need it.
   */
  record Delete(int tableId, long rowId, Object[] key) implements Change {}

  /** Creation of a table with the given id. */
  record CreateTable(int tableId, TableDef def) implements Change {}

  /** Removal of a table and all of its rows. */
  record DropTable(int tableId) implements Change {}

  /**
   * A new definition of a table (ALTER TABLE, CREATE INDEX, DROP INDEX): its live rows are copied
   * into the new definition, new column i taking old column {@code sources[i]}, or the value
   * {@code fill[i]} where that is -1.
   */
  record AlterTable(int tableId, TableDef def, int[] sources, Object[] fill) implements Change {}

  /** Creation of an empty schema. */
  record CreateSchema(String name) implements Change {
    @Override
    public int tableId() {
      return 0;
    }
  }

  /** Removal of an empty schema. */
  record DropSchema(String name) implements Change {
    @Override
    public int tableId() {
      return 0;
    }
  }

  /** Creation (or replacement) of a view. */
  record CreateView(ViewDef view) implements Change {
    @Override
    public int tableId() {
      return 0;
    }
  }

  /** Removal of a view. */
  record DropView(String schema, String name) implements Change {
    @Override
    public int tableId() {
      return 0;
    }
  }

  /** Creation of a sequence, or a new definition of one (ALTER SEQUENCE), with its state. */
  record CreateSequence(SequenceDef def, SequenceState state) implements Change {
    @Override
    public int tableId() {
      return 0;
    }
  }

  /** Removal of a sequence. */
  record DropSequence(String schema, String name) implements Change {
    @Override
    public int tableId() {
      return 0;
    }
  }

  /**
   * A reservation of a sequence's values (invariant I11): recovery resumes the sequence at
   * {@code state}. The committing store also carries where its values are handed out from and how
   * many there are ({@code from}, {@code count}); these are not logged, and are null and 0 in a
   * change read from the log.
   */
  record SequenceValue(String schema, String name, SequenceState state, SequenceState from, long count)
      implements Change {
    public SequenceValue(String schema, String name, SequenceState state) {
      this(schema, name, state, null, 0);
    }

    @Override
    public int tableId() {
      return 0;
    }
  }
}
