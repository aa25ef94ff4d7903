package org.vsldb.storage.table;

import java.util.List;
import java.util.Objects;

/**
 * A view: a named query, kept as SQL text and expanded by the SQL layer where it is used.
 *
 * @param schema exact schema name
 * @param name exact view name
 * @param sql the query's SQL text
 * @param columnNames the column names given in {@code CREATE VIEW v (a, b)}, or empty
 */
public record ViewDef(String schema, String name, String sql, List<String> columnNames) {
  public ViewDef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    columnNames = List.copyOf(columnNames);
  }
}
