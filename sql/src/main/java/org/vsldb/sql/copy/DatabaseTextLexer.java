package org.vsldb.sql.copy;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.type.Values;
import org.vsldb.storage.table.ColumnDef;

/**
 * Reads the text of {@code database.txt} ({@code docs/FORMATS.md}, "The text copy") as a stream:
 * blanks and comments, words, quoted identifiers, whole statements, and the literals of
 * {@link DatabaseTextValues} turned back into stored values. Knows the line and column of what it
 * reads, for error messages.
 */
final class DatabaseTextLexer {
  private static final int EOF = -1;

  private final Reader in;
  private final String file;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int lim;
  private int line = 1;
  private int col = 1;

  DatabaseTextLexer(Reader in, String file) {
    this.in = in;
    this.file = file;
  }

  int line() {
    return line;
  }

  /** {@code e} with the position in front of its message, if it has none; its SQLState kept. */
  SQLException at(int atLine, int atCol, SQLException e) {
    String prefix = file + " line ";
    if (e.getMessage() != null && e.getMessage().startsWith(prefix)) {
      return e;
    }
    return new SQLException(prefix + atLine + ", column " + atCol + ": " + e.getMessage(),
        e.getSQLState(), e.getErrorCode(), e);
  }

  /** An error at the current position: {@code file line L, column C: message}. */
  SQLException error(String message) {
    return ErrorCode.COPY_FILE_ERROR.exception(file, line, col, message);
  }

  private boolean ensure(int n) throws IOException {
    if (lim - pos >= n) {
      return true;
    }
    System.arraycopy(buf, pos, buf, 0, lim - pos);
    lim -= pos;
    pos = 0;
    while (lim < n) {
      int r = in.read(buf, lim, buf.length - lim);
      if (r < 0) {
        return false;
      }
      lim += r;
    }
    return true;
  }

  private int peek(int ahead) throws IOException {
    return ensure(ahead + 1) ? buf[pos + ahead] : EOF;
  }

  private int peek() throws IOException {
    return pos < lim ? buf[pos] : peek(0);
  }

  private char next() throws IOException {
    int c = peek();
    if (c == EOF) {
      throw new IOException("end");
    }
    pos++;
    if (c == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
    return (char) c;
  }

  /** Reads one line (without its end), for the first line's check; null at the end. */
  String readLine() throws IOException {
    if (peek() == EOF) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    while (peek() != EOF && peek() != '\n') {
      s.append(next());
    }
    if (peek() == '\n') {
      next();
    }
    return s.toString().replace("\r", "");
  }

  /** Skips white space and comments; false at the end of the file. */
  boolean skipBlank() throws IOException, SQLException {
    while (true) {
      int c = peek();
      if (c == EOF) {
        return false;
      }
      if (Character.isWhitespace(c)) {
        next();
      } else if (c == '-' && peek(1) == '-') {
        while (peek() != EOF && peek() != '\n') {
          next();
        }
      } else if (c == '/' && peek(1) == '*') {
        next();
        next();
        while (!(peek() == '*' && peek(1) == '/')) {
          if (peek() == EOF) {
            throw error("comment not closed");
          }
          next();
        }
        next();
        next();
      } else {
        return true;
      }
    }
  }

  /** Whether the next word is {@code word} (any case); reads nothing. */
  boolean atWord(String word) throws IOException, SQLException {
    skipBlank();
    for (int i = 0; i < word.length(); i++) {
      int c = peek(i);
      if (c == EOF || Character.toUpperCase(c) != word.charAt(i)) {
        return false;
      }
    }
    int after = peek(word.length());
    return after == EOF || !Character.isLetterOrDigit(after) && after != '_';
  }

  /** Reads the word {@code word} (any case) if it comes next. */
  boolean acceptWord(String word) throws IOException, SQLException {
    if (!atWord(word)) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      next();
    }
    return true;
  }

  void expectWord(String word) throws IOException, SQLException {
    if (!acceptWord(word)) {
      throw error("expected " + word);
    }
  }

  boolean accept(char c) throws IOException, SQLException {
    skipBlank();
    if (peek() == c) {
      next();
      return true;
    }
    return false;
  }

  void expect(char c) throws IOException, SQLException {
    if (!accept(c)) {
      throw error("expected '" + c + "'" + found());
    }
  }

  private String found() throws IOException {
    int c = peek();
    return c == EOF ? " at the end of the file" : ", found '" + (char) c + "'";
  }

  /** A quoted identifier (exact) or an unquoted one (folded to upper case). */
  String identifier() throws IOException, SQLException {
    skipBlank();
    if (peek() == '"') {
      return quoted('"');
    }
    StringBuilder s = new StringBuilder();
    while (peek() != EOF && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
      s.append(Character.toUpperCase(next()));
    }
    if (s.isEmpty()) {
      throw error("expected a name" + found());
    }
    return s.toString();
  }

  /** The text between {@code quote}s, with doubled quotes made single. */
  private String quoted(char quote) throws IOException, SQLException {
    next();
    StringBuilder s = new StringBuilder();
    while (true) {
      int c = peek();
      if (c == EOF) {
        throw error("quoted text not closed");
      }
      next();
      if (c == quote) {
        if (peek() != quote) {
          return s.toString();
        }
        next();
      }
      s.append((char) c);
    }
  }

  /**
   * The text of one statement up to its {@code ;} (read, not returned), with quotes and comments
   * kept whole.
   */
  String statement() throws IOException, SQLException {
    skipBlank();
    StringBuilder s = new StringBuilder();
    while (true) {
      int c = peek();
      if (c == EOF) {
        throw error("statement not ended with ';'");
      }
      if (c == ';') {
        next();
        return s.toString();
      }
      if (c == '\'' || c == '"') {
        String q = quoted((char) c);
        s.append((char) c).append(q.replace(String.valueOf((char) c), "" + (char) c + (char) c)).append((char) c);
      } else if (c == '-' && peek(1) == '-' || c == '/' && peek(1) == '*') {
        skipBlank();
        s.append(' ');
      } else {
        s.append(next());
      }
    }
  }

  /** Reads one literal and returns it as {@code column} stores it. */
  Object literal(ColumnDef column, String table) throws IOException, SQLException {
    skipBlank();
    int atLine = line;
    int atCol = col;
    try {
      return value(column, table);
    } catch (SQLException e) {
      throw at(atLine, atCol, e);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw ErrorCode.COPY_FILE_ERROR.exception(file, atLine, atCol,
          "not a " + column.type() + " value for column " + column.name() + ": " + e.getMessage());
    }
  }

  private Object value(ColumnDef column, String table) throws IOException, SQLException {
    if (acceptWord("NULL")) {
      return null;
    }
    switch (column.type()) {
      case BOOLEAN -> {
        if (acceptWord("TRUE")) {
          return Boolean.TRUE;
        }
        if (acceptWord("FALSE")) {
          return Boolean.FALSE;
        }
        throw error("expected TRUE, FALSE or NULL for column " + column.name() + found());
      }
      case TINYINT, SMALLINT, INTEGER, BIGINT -> {
        long v = Long.parseLong(number());
        Object r = switch (column.type()) {
          case TINYINT -> v == (byte) v ? (Object) (byte) v : null;
          case SMALLINT -> v == (short) v ? (Object) (short) v : null;
          case INTEGER -> v == (int) v ? (Object) (int) v : null;
          default -> v;
        };
        if (r == null) {
          throw ErrorCode.NUMERIC_OUT_OF_RANGE.exception(v + " for column " + column.name() + " " + column.type());
        }
        return r;
      }
      case REAL -> {
        return Float.parseFloat(approximate("REAL"));
      }
      case DOUBLE -> {
        return Double.parseDouble(approximate("DOUBLE"));
      }
      case DECIMAL -> {
        return Values.forColumn(new BigDecimal(number()), column, table);
      }
      case CHAR, VARCHAR -> {
        return Values.forColumn(string(), column, table);
      }
      case BINARY, VARBINARY -> {
        if (!(peek() == 'X' || peek() == 'x') || peek(1) != '\'') {
          throw error("expected X'<hex>' or NULL for column " + column.name() + found());
        }
        next();
        String hex = quoted('\'');
        try {
          return Values.forColumn(HexFormat.of().parseHex(hex), column, table);
        } catch (IllegalArgumentException e) {
          throw error("not hexadecimal digits: " + e.getMessage());
        }
      }
      case DATE -> {
        expectWord("DATE");
        return (int) LocalDate.parse(string()).toEpochDay();
      }
      case TIME -> {
        expectWord("TIME");
        return (int) (LocalTime.parse(string()).toNanoOfDay() / 1_000_000L);
      }
      case TIMESTAMP -> {
        expectWord("TIMESTAMP");
        return timestamp(string());
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> {
        expectWord("TIMESTAMP");
        expectWord("WITH");
        expectWord("LOCAL");
        expectWord("TIME");
        expectWord("ZONE");
        return timestamp(string());
      }
      case UUID -> {
        expectWord("UUID");
        String text = string();
        try {
          return org.vsldb.sql.type.UuidValues.parse(text);
        } catch (SQLException e) {
          throw error("not a UUID: '" + text + "'");
        }
      }
      default -> throw error("no literal form for " + column.type());
    }
  }

  private static long timestamp(String text) {
    int space = text.indexOf(' ');
    if (space < 0) {
      throw new DateTimeParseException("expected '<date> <time>'", text, 0);
    }
    LocalDate d = LocalDate.parse(text.substring(0, space));
    LocalTime t = LocalTime.parse(text.substring(space + 1));
    return d.atTime(t).toEpochSecond(ZoneOffset.UTC) * 1000L + t.getNano() / 1_000_000;
  }

  /** A number, or {@code CAST('NaN' | 'Infinity' | '-Infinity' AS type)}. */
  private String approximate(String type) throws IOException, SQLException {
    if (acceptWord("CAST")) {
      expect('(');
      String text = string();
      expectWord("AS");
      expectWord(type);
      expect(')');
      if (!text.equals("NaN") && !text.equals("Infinity") && !text.equals("-Infinity")) {
        throw error("CAST literal must be 'NaN', 'Infinity' or '-Infinity', found '" + text + "'");
      }
      return text;
    }
    return number();
  }

  private String number() throws IOException, SQLException {
    skipBlank();
    StringBuilder s = new StringBuilder();
    if (peek() == '-' || peek() == '+') {
      s.append(next());
    }
    while (peek() != EOF && (Character.isDigit(peek()) || peek() == '.' || peek() == 'E' || peek() == 'e'
        || ((peek() == '-' || peek() == '+') && !s.isEmpty() && (s.charAt(s.length() - 1) == 'E' || s.charAt(s.length() - 1) == 'e')))) {
      s.append(next());
    }
    if (s.isEmpty() || !Character.isDigit(s.charAt(s.length() - 1)) && s.charAt(s.length() - 1) != '.') {
      throw error("expected a number" + found());
    }
    return s.toString();
  }

  /** {@code 'text'} or {@code U&'text'} with {@code \XXXX}, {@code \+XXXXXX} and {@code \\}. */
  String string() throws IOException, SQLException {
    skipBlank();
    if ((peek() == 'U' || peek() == 'u') && peek(1) == '&' && peek(2) == '\'') {
      next();
      next();
      return unescape(quoted('\''));
    }
    if (peek() != '\'') {
      throw error("expected a quoted string" + found());
    }
    return quoted('\'');
  }

  private String unescape(String s) throws SQLException {
    StringBuilder r = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        r.append(c);
      } else if (i + 1 < s.length() && s.charAt(i + 1) == '\\') {
        r.append('\\');
        i++;
      } else if (i + 1 < s.length() && s.charAt(i + 1) == '+' && i + 8 <= s.length()) {
        r.appendCodePoint(hex(s.substring(i + 2, i + 8)));
        i += 7;
      } else if (i + 5 <= s.length()) {
        r.append((char) hex(s.substring(i + 1, i + 5)));
        i += 4;
      } else {
        throw error("bad escape in U&'...' string at offset " + i);
      }
    }
    return r.toString();
  }

  private int hex(String digits) throws SQLException {
    try {
      return Integer.parseInt(digits, 16);
    } catch (NumberFormatException e) {
      throw error("bad escape \\" + digits + " in U&'...' string");
    }
  }
}
