package org.vsldb.sql.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The digest of an ad-hoc statement's text, found by a lexer before Calcite parses: the text with
 * each literal that may become a parameter replaced by {@code ?}, plus the type class of each
 * such literal. Two statements that differ only in those literals' values have the same
 * {@link #key()}, so the second reuses the plan compiled for the first and runs it with its own
 * literals as the parameter values.
 *
 * <p>What is replaced (docs/ARCHITECTURE.md, "Ad-hoc statements", says the same):
 *
 * <ul>
 *   <li>only in statements that begin with SELECT, UPDATE or DELETE and have no comment, no
 *       {@code ?}, no JDBC escape (<code>{</code>);
 *   <li>only exact numeric literals ({@code 17}, {@code -5}, {@code 12.50}; an integer must fit a
 *       BIGINT, and no exponent), plain character string literals ({@code 'ab'}, not
 *       {@code X'..'}, {@code N'..'}, nor a string continued by another), and DATE, TIME and
 *       TIMESTAMP literals in the canonical form {@link Datetimes} reads
 *       ({@code DATE '2024-01-05'}, {@code TIME '10:30:00'},
 *       {@code TIMESTAMP '2024-01-05 10:30:00.25'});
 *   <li>only where the clause at the literal's nesting level is WHERE, ON or HAVING and each
 *       enclosing level is WHERE, ON, HAVING or FROM (never a select list, GROUP BY, ORDER BY,
 *       LIMIT, OFFSET, FETCH, SET or VALUES), and only right after a comparison operator,
 *       {@code (}, a comma, BETWEEN or AND.
 * </ul>
 *
 * <p>The key records each literal's type class: INTEGER or BIGINT by value, DECIMAL with the
 * precision and scale Calcite gives its text, a string by its length, a TIME or TIMESTAMP by the
 * digits of its fraction of a second (its precision). {@link LiteralParameters}
 * then checks the validated statement and rejects the digest unless every parameter is compared
 * with an expression of its own type family.
 */
public final class AdHocDigest {
  /** Calcite's own rules derive the literal types; the position is never reported. */
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private static final int OTHER = 0;
  private static final int FROM = 1;
  private static final int CONDITION = 2;
  /** Not a clause: a word after which a literal may be an operand of a comparison. */
  private static final int OPERATOR = 3;

  /**
   * The words the lexer acts on, by length: the clause each starts (OTHER: literals stay
   * literals there) or OPERATOR.
   */
  private static final String[][] WORDS = new String[16][];
  private static final int[][] ACTIONS = new int[16][];

  static {
    Object[][] words = {
      {"WHERE", CONDITION}, {"ON", CONDITION}, {"HAVING", CONDITION},
      {"FROM", FROM}, {"JOIN", FROM},
      {"BETWEEN", OPERATOR}, {"AND", OPERATOR},
      {"SELECT", OTHER}, {"GROUP", OTHER}, {"ORDER", OTHER}, {"LIMIT", OTHER}, {"OFFSET", OTHER},
      {"FETCH", OTHER}, {"WINDOW", OTHER}, {"QUALIFY", OTHER}, {"UNION", OTHER},
      {"INTERSECT", OTHER}, {"EXCEPT", OTHER}, {"MINUS", OTHER}, {"VALUES", OTHER}, {"SET", OTHER},
      {"USING", OTHER}, {"TABLESAMPLE", OTHER}, {"PIVOT", OTHER}, {"UNPIVOT", OTHER},
      {"MATCH_RECOGNIZE", OTHER}, {"PARTITION", OTHER}, {"RETURNING", OTHER}, {"TOP", OTHER},
      {"WITH", OTHER}, {"INTO", OTHER}, {"UPDATE", OTHER}, {"DELETE", OTHER}, {"OVER", OTHER},
      {"ROWS", OTHER}, {"RANGE", OTHER}
    };
    for (int len = 0; len < WORDS.length; len++) {
      List<String> w = new ArrayList<>();
      List<Integer> a = new ArrayList<>();
      for (Object[] e : words) {
        if (((String) e[0]).length() == len) {
          w.add((String) e[0]);
          a.add((Integer) e[1]);
        }
      }
      WORDS[len] = w.toArray(new String[0]);
      ACTIONS[len] = a.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private final String text;
  private final String key;
  private final Object[] values;
  private final int[] precisions;

  private AdHocDigest(String text, String key, Object[] values, int[] precisions) {
    this.text = text;
    this.key = key;
    this.values = values;
    this.precisions = precisions;
  }

  /** The statement with {@code ?} for each replaced literal; Calcite parses it on a cache miss. */
  public String text() {
    return text;
  }

  /** The text and the type class of each replaced literal: equal for statements that share a plan. */
  public String key() {
    return key;
  }

  /**
   * The replaced literals' values, in order: Integer, Long, BigDecimal, String, LocalDate,
   * LocalTime or LocalDateTime.
   */
  public Object[] values() {
    return values;
  }

  /**
   * The type each parameter takes: the literal's own type (INTEGER, BIGINT, DECIMAL(p, s), DATE,
   * TIME(p), TIMESTAMP(p), NOT NULL), and for a string VARCHAR(n) with the literal's character set and collation. A CHAR(n)
   * parameter would be padded as a CHAR column is, where a literal is compared as it stands.
   */
  public List<RelDataType> parameterTypes(RelDataTypeFactory types) {
    List<RelDataType> out = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Integer) {
        out.add(types.createSqlType(SqlTypeName.INTEGER));
      } else if (v instanceof Long) {
        out.add(types.createSqlType(SqlTypeName.BIGINT));
      } else if (v instanceof BigDecimal d) {
        out.add(types.createSqlType(SqlTypeName.DECIMAL, precisions[i], d.scale()));
      } else if (v instanceof LocalDate) {
        out.add(types.createSqlType(SqlTypeName.DATE));
      } else if (v instanceof LocalTime) {
        out.add(types.createSqlType(SqlTypeName.TIME, precisions[i]));
      } else if (v instanceof LocalDateTime) {
        out.add(types.createSqlType(SqlTypeName.TIMESTAMP, precisions[i]));
      } else {
        String s = (String) v;
        RelDataType literal = SqlLiteral.createCharString(s, POS).createSqlType(types);
        RelDataType varying = types.createSqlType(SqlTypeName.VARCHAR, s.length());
        out.add(types.createTypeWithCharsetAndCollation(
            varying, literal.getCharset(), literal.getCollation()));
      }
    }
    return out;
  }

  /** The digest of {@code sql}, or null when no literal of it may become a parameter. */
  public static AdHocDigest of(String sql) {
    return new Lexer(sql).run();
  }

  /** One pass over the text; see the class comment for what it replaces. */
  private static final class Lexer {
    private final String sql;
    private final int n;
    private int[] clauses = new int[8];
    private int depth;
    /** Whether a literal may follow the previous token. */
    private boolean afterOperator;
    /** Where a prefix minus that may belong to a literal starts, or -1. */
    private int minus = -1;
    private StringBuilder text;
    private StringBuilder codes;
    private int copied;
    private final List<Object> values = new ArrayList<>(4);
    private int[] precisions = new int[4];

    Lexer(String sql) {
      this.sql = sql;
      this.n = sql.length();
    }

    AdHocDigest run() {
      int i = skipSpace(0);
      int end = wordEnd(i);
      if (!is(i, end, "SELECT") && !is(i, end, "UPDATE") && !is(i, end, "DELETE")) {
        return null;
      }
      clauses[0] = OTHER;
      i = end;
      while (i < n) {
        char c = sql.charAt(i);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || Character.isWhitespace(c)) {
          i++;
          continue;
        }
        int start = i;
        boolean maybeLiteral = afterOperator;
        int minusStart = minus;
        minus = -1;
        afterOperator = false;
        if (c == '\'') {
          i = stringEnd(i);
          if (i < 0) {
            return null;
          }
          if (maybeLiteral && minusStart < 0 && conditionClause() && !continued(i)) {
            String value = sql.substring(start + 1, i - 1).replace("''", "'");
            literal(start, i, value, value.length(), 'S');
          }
        } else if (c >= '0' && c <= '9') {
          i = number(start, maybeLiteral, minusStart);
        } else if (Character.isLetter(c) || c == '_') {
          i = wordEnd(i);
          int typed = maybeLiteral && minusStart < 0 ? datetime(start, i) : -1;
          if (typed > 0) {
            i = typed;
          } else {
            word(start, i);
          }
        } else if (c == '"') {
          i = sql.indexOf('"', i + 1);
          while (i >= 0 && i + 1 < n && sql.charAt(i + 1) == '"') {
            i = sql.indexOf('"', i + 2);
          }
          if (i < 0) {
            return null;
          }
          i++;
        } else {
          char next = i + 1 < n ? sql.charAt(i + 1) : 0;
          switch (c) {
            case '?', '{', '}' -> {
              return null;
            }
            case '-' -> {
              if (next == '-') {
                return null;
              }
              if (maybeLiteral && minusStart < 0) {
                minus = start;
              }
            }
            case '/' -> {
              if (next == '*') {
                return null;
              }
            }
            case '(' -> {
              if (++depth == clauses.length) {
                clauses = java.util.Arrays.copyOf(clauses, depth * 2);
              }
              clauses[depth] = clauses[depth - 1];
              afterOperator = true;
            }
            case ')' -> {
              if (depth == 0) {
                return null;
              }
              depth--;
            }
            case ',', '=' -> afterOperator = true;
            case '<', '>' -> {
              afterOperator = true;
              if (next == '=' || (c == '<' && next == '>')) {
                i++;
              }
            }
            case '!' -> {
              if (next == '=') {
                afterOperator = true;
                i++;
              }
            }
            default -> { }
          }
          i++;
        }
      }
      if (values.isEmpty()) {
        return null;
      }
      text.append(sql, copied, n);
      String normalised = text.toString();
      String key = normalised + '\u0000' + codes;
      return new AdHocDigest(normalised, key, values.toArray(), precisions);
    }

    /** Scans digits [. digits] at {@code start}; returns the end. */
    private int number(int start, boolean maybeLiteral, int minusStart) {
      int i = start;
      while (i < n && isDigit(sql.charAt(i))) {
        i++;
      }
      int intDigits = i - start;
      int fraction = 0;
      if (i + 1 < n && sql.charAt(i) == '.' && isDigit(sql.charAt(i + 1))) {
        i++;
        int f = i;
        while (i < n && isDigit(sql.charAt(i))) {
          i++;
        }
        fraction = i - f;
      }
      boolean plain = i == n || !isWordPart(sql.charAt(i)) && sql.charAt(i) != '.';
      boolean signed = minusStart >= 0;
      if (!plain || !conditionClause() || !(maybeLiteral || signed)) {
        return i;
      }
      int from = signed ? minusStart : start;
      if (fraction > 0) {
        BigDecimal d = new BigDecimal(sql.substring(start, i));
        literal(from, i, signed ? d.negate() : d, intDigits + fraction, 'D');
        return i;
      }
      long v = 0;
      if (intDigits <= 18) {
        for (int k = start; k < i; k++) {
          v = v * 10 + (sql.charAt(k) - '0');
        }
        v = signed ? -v : v;
      } else {
        try {
          String digits = sql.substring(start, i);
          v = new BigDecimal(signed ? "-" + digits : digits).longValueExact();
        } catch (ArithmeticException tooLarge) {
          return i; // Calcite types it DECIMAL; it stays a literal
        }
      }
      if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
        literal(from, i, (int) v, 0, 'I');
      } else {
        literal(from, i, v, 0, 'L');
      }
      return i;
    }

    /**
     * A DATE, TIME or TIMESTAMP literal whose type name ends at {@code end}: when its string is in
     * the canonical form {@link Datetimes} reads and the literal may become a parameter, records
     * it and returns the end of its string; else -1, and the word and string stay as they are.
     */
    private int datetime(int start, int end) {
      char kind;
      if (is(start, end, "DATE")) {
        kind = 'd';
      } else if (is(start, end, "TIME")) {
        kind = 't';
      } else if (is(start, end, "TIMESTAMP")) {
        kind = 'p';
      } else {
        return -1;
      }
      int quote = skipSpace(end);
      if (quote >= n || sql.charAt(quote) != '\'' || !conditionClause()) {
        return -1;
      }
      int close = stringEnd(quote);
      if (close < 0 || continued(close)) {
        return -1;
      }
      String s = sql.substring(quote + 1, close - 1);
      Object value = switch (kind) {
        case 'd' -> Datetimes.date(s);
        case 't' -> Datetimes.time(s);
        default -> Datetimes.timestamp(s);
      };
      if (value == null) {
        return -1;
      }
      literal(start, close, value, kind == 'd' ? 0 : Datetimes.fractionDigits(s), kind);
      return close;
    }

    private void literal(int start, int end, Object value, int precision, char kind) {
      if (text == null) {
        text = new StringBuilder(n);
        codes = new StringBuilder(16);
      }
      text.append(sql, copied, start).append('?');
      copied = end;
      codes.append(kind);
      if (kind == 'D') {
        codes.append(precision).append('.').append(((BigDecimal) value).scale());
      } else if (kind == 'S' || kind == 't' || kind == 'p') {
        codes.append(precision);
      }
      codes.append(',');
      int k = values.size();
      if (k == precisions.length) {
        precisions = java.util.Arrays.copyOf(precisions, k * 2);
      }
      precisions[k] = precision;
      values.add(value);
    }

    private void word(int start, int end) {
      int len = end - start;
      if (len >= WORDS.length) {
        return;
      }
      String[] words = WORDS[len];
      for (int k = 0; k < words.length; k++) {
        if (is(start, end, words[k])) {
          int action = ACTIONS[len][k];
          if (action == OPERATOR) {
            afterOperator = true;
          } else {
            clauses[depth] = action;
          }
          return;
        }
      }
    }

    /** Whether the text from {@code start} to {@code end} is {@code word}, in any case. */
    private boolean is(int start, int end, String word) {
      return end - start == word.length()
          && (sql.charAt(start) & ~0x20) == word.charAt(0) // ASCII upper case, a cheap first test
          && sql.regionMatches(true, start, word, 0, word.length());
    }

    /** Whether the current level is a condition and every enclosing one a condition or FROM. */
    private boolean conditionClause() {
      if (clauses[depth] != CONDITION) {
        return false;
      }
      for (int d = 0; d < depth; d++) {
        if (clauses[d] == OTHER) {
          return false;
        }
      }
      return true;
    }

    /** Whether another string follows the one ending at {@code end} (Calcite joins them). */
    private boolean continued(int end) {
      int i = skipSpace(end);
      return i < n && sql.charAt(i) == '\'';
    }

    /** The end of the string literal starting at {@code i}, or -1 when it does not end. */
    private int stringEnd(int i) {
      int j = i + 1;
      while (true) {
        j = sql.indexOf('\'', j);
        if (j < 0) {
          return -1;
        }
        if (j + 1 < n && sql.charAt(j + 1) == '\'') {
          j += 2;
        } else {
          return j + 1;
        }
      }
    }

    private int skipSpace(int i) {
      while (i < n && Character.isWhitespace(sql.charAt(i))) {
        i++;
      }
      return i;
    }

    private int wordEnd(int i) {
      while (i < n && isWordPart(sql.charAt(i))) {
        i++;
      }
      return i;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isWordPart(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
  }
}
