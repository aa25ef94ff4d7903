package org.vsldb.storage.table;

import java.util.Objects;

/**
 * A CHECK constraint: a boolean SQL expression over one row that must not be FALSE.
 *
 * @param name the constraint name
 * @param sql the expression's SQL text, as the SQL layer parses it
 */
public record CheckDef(String name, String sql) {
  public CheckDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
  }
}
