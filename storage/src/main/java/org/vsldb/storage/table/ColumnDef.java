package org.vsldb.storage.table;

import java.util.Objects;

/**
 * One column of a table: its name, type, declared precision and scale, nullability, default and
 * identity.
 *
 * @param name exact column name (already case-folded by the SQL layer)
 * @param type the column type
 * @param precision declared length for strings, precision for DECIMAL, -1 when not declared
 * @param scale declared scale for DECIMAL, -1 when not declared
 * @param nullable whether NULL may be stored
 * @param defaultSql the SQL text of the column's DEFAULT expression, or null for none
 * @param identity how the column generates values, or null for an ordinary column
 */
public record ColumnDef(
    String name,
    ColumnType type,
    int precision,
    int scale,
    boolean nullable,
    String defaultSql,
    Identity identity) {
  public ColumnDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (defaultSql != null && defaultSql.isEmpty()) {
      defaultSql = null;
    }
  }

  /** An ordinary column with no default. */
  public ColumnDef(String name, ColumnType type, int precision, int scale, boolean nullable) {
    this(name, type, precision, scale, nullable, null, null);
  }

  /**
   * An identity column's generator: {@code GENERATED ALWAYS} (no value may be given) or
   * {@code BY DEFAULT} (a given value is kept), starting at {@code start} and stepping by
   * {@code increment}.
   */
  public record Identity(boolean always, long start, long increment) {
    public Identity {
      if (increment == 0) {
        throw new IllegalArgumentException("identity increment must not be 0");
      }
    }
  }

  /** A copy with another nullability. */
  public ColumnDef withNullable(boolean nullable) {
    return new ColumnDef(name, type, precision, scale, nullable, defaultSql, identity);
  }

  /** A copy with another name. */
  public ColumnDef withName(String newName) {
    return new ColumnDef(newName, type, precision, scale, nullable, defaultSql, identity);
  }

  /** A copy with another default (null for none). */
  public ColumnDef withDefault(String sql) {
    return new ColumnDef(name, type, precision, scale, nullable, sql, identity);
  }

  /** Whether the column generates its values. */
  public boolean isIdentity() {
    return identity != null;
  }
}
