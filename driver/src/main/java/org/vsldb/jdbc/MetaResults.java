package org.vsldb.jdbc;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.ColumnMeta;

/** Builds the in-memory result sets that {@link VslDatabaseMetaData} returns. */
final class MetaResults {
  static {
    // This class reaches Calcite: the shell's planner preload must stop first (PlannerPreload).
    PlannerPreload.await();
  }

  private MetaResults() {}

  /** A column spec: name and type; e.g. {@code "TABLE_NAME"} or {@code "DATA_TYPE:INTEGER"}. */
  static List<ColumnMeta> columns(String... specs) {
    List<ColumnMeta> cols = new ArrayList<>();
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      String name = colon < 0 ? spec : spec.substring(0, colon);
      SqlTypeName t = colon < 0 ? SqlTypeName.VARCHAR : SqlTypeName.valueOf(spec.substring(colon + 1));
      cols.add(new ColumnMeta(name, name, "", "", t, 0, 0, true));
    }
    return List.copyOf(cols);
  }

  static ResultSet of(Statement owner, List<ColumnMeta> columns, List<Object[]> rows) {
    return new VslResultSet(owner, columns, rows.iterator());
  }

  /**
   * Whether a catalog argument admits vsl's objects: null (any catalog) and "" (objects without a
   * catalog) do; a catalog name does not, since vsl has no catalogs.
   */
  static boolean noCatalog(String catalog) {
    return catalog == null || catalog.isEmpty();
  }

  /** Whether {@code value} matches a JDBC LIKE pattern ({@code %}, {@code _}, escape {@code \}); null matches all. */
  static boolean matches(String pattern, String value) {
    if (pattern == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
  }
}
