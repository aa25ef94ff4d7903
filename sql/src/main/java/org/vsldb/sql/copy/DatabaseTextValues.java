package org.vsldb.sql.copy;

import java.math.BigDecimal;
import java.util.HexFormat;
import org.vsldb.storage.table.Bytes;
import org.vsldb.storage.table.ColumnType;

/**
 * The literal text of a stored value in {@code database.txt} ({@code docs/FORMATS.md}, "The text
 * copy", table "Values"): SQL literals that a person can read and that parse back to exactly the
 * stored value. The reading side is {@link DatabaseTextLexer#literal}.
 */
public final class DatabaseTextValues {
  private static final HexFormat HEX = HexFormat.of();

  private DatabaseTextValues() {}

  /** Appends the literal of {@code v} (in the store's representation for {@code type}). */
  public static void append(StringBuilder out, ColumnType type, Object v) {
    if (v == null) {
      out.append("NULL");
      return;
    }
    switch (type) {
      case BOOLEAN -> out.append((Boolean) v ? "TRUE" : "FALSE");
      case TINYINT, SMALLINT, INTEGER, BIGINT -> out.append(((Number) v).longValue());
      case REAL -> approximate(out, ((Float) v).doubleValue(), Float.toString((Float) v), "REAL");
      case DOUBLE -> approximate(out, (Double) v, Double.toString((Double) v), "DOUBLE");
      case DECIMAL -> out.append(((BigDecimal) v).toPlainString());
      case CHAR, VARCHAR -> string(out, (String) v);
      case BINARY, VARBINARY -> out.append("X'").append(HEX.formatHex(((Bytes) v).toByteArray())).append('\'');
      case DATE -> DateTimeText.date(out.append("DATE '"), (Integer) v).append('\'');
      case TIME -> DateTimeText.time(out.append("TIME '"), (Integer) v).append('\'');
      case TIMESTAMP -> DateTimeText.timestamp(out.append("TIMESTAMP '"), (Long) v).append('\'');
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          DateTimeText.timestamp(out.append("TIMESTAMP WITH LOCAL TIME ZONE '"), (Long) v).append('\'');
      case UUID -> out.append("UUID '").append(v).append('\'');
    }
  }

  private static void approximate(StringBuilder out, double d, String text, String sqlType) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append("CAST('").append(text).append("' AS ").append(sqlType).append(')');
    } else {
      out.append(text);
    }
  }

  /**
   * A character string: {@code 'text'} with quotes doubled, or, when it holds characters an editor
   * would hide or a UTF-8 file cannot carry (control characters, line and paragraph separators,
   * unpaired surrogates), {@code U&'text'} with those written as {@code \XXXX} and backslashes
   * doubled.
   */
  static void string(StringBuilder out, String s) {
    boolean escape = false;
    for (int i = 0; i < s.length() && !escape; i++) {
      escape = needsEscape(s, i);
    }
    out.append(escape ? "U&'" : "'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        out.append("''");
      } else if (escape && c == '\\') {
        out.append("\\\\");
      } else if (escape && needsEscape(s, i)) {
        out.append('\\').append(HEX.toHexDigits(c).toUpperCase());
      } else {
        out.append(c);
      }
    }
    out.append('\'');
  }

  private static boolean needsEscape(String s, int i) {
    char c = s.charAt(i);
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
        || (Character.isSurrogate(c) && org.vsldb.storage.io.Wtf8.isLone(s, i));
  }
}
