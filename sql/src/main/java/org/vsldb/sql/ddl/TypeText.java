package org.vsldb.sql.ddl;

import org.vsldb.storage.table.ColumnDef;

/** The SQL type text of a stored column, as DDL would declare it. */
public final class TypeText {
  private TypeText() {}

  public static String of(ColumnDef c) {
    String base = switch (c.type()) {
      case DOUBLE -> "DOUBLE";
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP";
      default -> c.type().name();
    };
    return switch (c.type()) {
      case CHAR, VARCHAR, BINARY, VARBINARY -> c.precision() >= 0 ? base + "(" + c.precision() + ")" : base;
      case DECIMAL -> c.precision() >= 0
          ? base + "(" + c.precision() + (c.scale() >= 0 ? ", " + c.scale() : "") + ")" : base;
      case TIME, TIMESTAMP -> c.precision() >= 0 ? base + "(" + c.precision() + ")" : base;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          (c.precision() >= 0 ? base + "(" + c.precision() + ")" : base) + " WITH LOCAL TIME ZONE";
      default -> base;
    };
  }
}
