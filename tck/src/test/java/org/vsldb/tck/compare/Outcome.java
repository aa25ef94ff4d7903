package org.vsldb.tck.compare;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * What one statement did on one engine, normalized so that two engines can be compared: column
 * labels and type families, rows of normalized values, an update count, or an error's SQLState.
 */
record Outcome(List<String> columns, List<String> types, List<List<Object>> rows, long updateCount, String error) {

  static Outcome run(Connection c, Script.Statement st) {
    try (Statement s = c.createStatement()) {
      if (s.execute(st.sql())) {
        try (ResultSet rs = s.getResultSet()) {
          ResultSetMetaData md = rs.getMetaData();
          List<String> cols = new ArrayList<>();
          List<String> types = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            cols.add(md.getColumnLabel(i));
            types.add(family(md.getColumnType(i)));
          }
          List<List<Object>> rows = new ArrayList<>();
          while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              row.add(normalize(rs.getObject(i)));
            }
            rows.add(row);
          }
          if (!st.ordered()) {
            rows.sort(java.util.Comparator.comparing(Object::toString));
          }
          return new Outcome(cols, types, rows, -1, null);
        }
      }
      return new Outcome(List.of(), List.of(), List.of(), s.getUpdateCount(), null);
    } catch (SQLException e) {
      return new Outcome(List.of(), List.of(), List.of(), -1, state(e));
    }
  }

  /**
   * The SQLState to compare. 42000 and 42001 are both "syntax error" (PRODUCT.md section 5): H2
   * says 42001 when its own parser can list the tokens it expected, 42000 otherwise, a split that
   * another parser cannot reproduce, so both are compared as 42000.
   */
  static String state(SQLException e) {
    String s = e.getSQLState();
    return "42001".equals(s) ? "42000" : s;
  }

  /** Types compared by family, since engines may pick different widths for one family. */
  static String family(int jdbcType) {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> "INTEGER";
      case Types.BIGINT -> "BIGINT";
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> "FLOAT";
      case Types.DECIMAL, Types.NUMERIC -> "DECIMAL";
      // CLOB and BLOB are vsl's documented equivalents of VARCHAR and VARBINARY (README).
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB, Types.NCLOB -> "STRING";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "BINARY";
      case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
      case Types.DATE -> "DATE";
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> "TIME";
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP";
      default -> "OTHER(" + jdbcType + ")";
    };
  }

  static Object normalize(Object v) throws SQLException {
    if (v instanceof byte[] b) {
      return "X'" + java.util.HexFormat.of().formatHex(b) + "'";
    }
    if (v instanceof java.sql.Blob b) {
      return normalize(b.getBytes(1, (int) b.length()));
    }
    if (v instanceof java.sql.Clob c) {
      return c.getSubString(1, (int) c.length());
    }
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    return v;
  }
}
