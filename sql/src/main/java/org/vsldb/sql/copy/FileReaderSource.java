package org.vsldb.sql.copy;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.vsldb.sql.error.ErrorCode;

/**
 * Reads the records of a COPY file, CSV ({@link Csv}) or PostgreSQL's text format
 * ({@link Text}), as arrays of field texts with null for NULL, and knows the line each record
 * starts on. Lines end with {@code \n}, {@code \r\n} or {@code \r}.
 */
abstract sealed class FileReaderSource permits FileReaderSource.Csv, FileReaderSource.Text {
  private final Reader in;
  final char[] buf = new char[1 << 16];
  int pos;
  int len;
  /** The line of the next character, counting from 1. */
  long line = 1;
  /** The line the last record returned by {@link #next()} started on. */
  long recordLine;
  final String file;
  final char delimiter;
  final String nullText;
  final List<String> fields = new ArrayList<>();
  final StringBuilder field = new StringBuilder();

  FileReaderSource(Reader in, String file, CopyOptions o) {
    this.in = in;
    this.file = file;
    this.delimiter = o.delimiter();
    this.nullText = o.nullText();
  }

  /** The reader for {@code o}'s format; {@code file} names the file in messages. */
  static FileReaderSource of(Reader in, String file, CopyOptions o) {
    return o.csv() ? new Csv(in, file, o) : new Text(in, file, o);
  }

  /**
   * The next record's fields (null for NULL), or null at the end of the file.
   *
   * @throws SQLException 22P04 for a malformed record, naming the file and line
   */
  final String[] next() throws IOException, SQLException {
    if (peek() < 0) {
      return null;
    }
    recordLine = line;
    fields.clear();
    if (!readRecord()) {
      return null;
    }
    return fields.toArray(new String[0]);
  }

  /** Reads one record into {@link #fields}; false when it marks the end of the data. */
  abstract boolean readRecord() throws IOException, SQLException;

  /** The next character without consuming it, or -1 at the end. */
  final int peek() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos];
  }

  /** Consumes and returns the next character, or -1 at the end; counts lines, not translating them. */
  final int read() throws IOException {
    int c = peek();
    if (c >= 0) {
      pos++;
      if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
    }
    return c;
  }

  /** Whether {@code c} ends a line; a {@code \r\n} pair is consumed whole. */
  final boolean endOfLine(int c) throws IOException {
    if (c == '\r') {
      if (peek() == '\n') {
        read();
      }
      return true;
    }
    return c == '\n';
  }

  final SQLException bad(String what) {
    return ErrorCode.BAD_COPY_FILE.exception("'" + file + "'", recordLine, what);
  }

  /**
   * CSV as RFC 4180 and PostgreSQL read it: a field in quotes may hold delimiters, quotes
   * (escaped) and line breaks; a field equal to the NULL text is NULL only when no part of it was
   * quoted, so {@code ""} is an empty string while an unquoted empty field is NULL by default.
   */
  static final class Csv extends FileReaderSource {
    private final char quote;
    private final char escape;

    Csv(Reader in, String file, CopyOptions o) {
      super(in, file, o);
      this.quote = o.quote();
      this.escape = o.escape();
    }

    @Override
    boolean readRecord() throws IOException, SQLException {
      while (true) {
        field.setLength(0);
        boolean quoted = false;
        int c;
        while (true) {
          // Copy the run of plain characters at once; stop at anything with a meaning.
          int start = pos;
          while (pos < len) {
            char ch = buf[pos];
            if (ch == delimiter || ch == quote || ch == '\n' || ch == '\r') {
              break;
            }
            pos++;
          }
          field.append(buf, start, pos - start);
          c = read();
          if (c < 0 || c == delimiter || endOfLine(c)) {
            break;
          }
          if (c == quote) {
            quoted = true;
            readQuoted();
          } else {
            field.append((char) c); // the buffer ended in the run: read() refilled it
          }
        }
        fields.add(!quoted && field.length() == nullText.length() && field.toString().equals(nullText)
            ? null : field.toString());
        if (c != delimiter) {
          return true;
        }
      }
    }

    private void readQuoted() throws IOException, SQLException {
      while (true) {
        int start = pos;
        while (pos < len) {
          char ch = buf[pos];
          if (ch == quote || ch == escape || ch == '\n' || ch == '\r') {
            break;
          }
          pos++;
        }
        field.append(buf, start, pos - start);
        int c = read();
        if (c < 0) {
          throw bad("a quoted field is not closed before the end of the file");
        }
        if (c == escape && escape != quote && (peek() == quote || peek() == escape)) {
          field.append((char) read());
        } else if (c == quote) {
          if (escape == quote && peek() == quote) {
            field.append((char) read());
          } else {
            return;
          }
        } else {
          field.append((char) c);
        }
      }
    }
  }

  /**
   * PostgreSQL's text format: one record a line, fields split at the delimiter, a field equal to
   * the NULL text (before unescaping) is NULL, backslash escapes ({@code \b \f \n \r \t \v \\},
   * octal {@code \ooo}, hex {@code \xhh}, and backslash before any other character for that
   * character); a line {@code \.} ends the data.
   */
  static final class Text extends FileReaderSource {
    private final StringBuilder raw = new StringBuilder();

    Text(Reader in, String file, CopyOptions o) {
      super(in, file, o);
    }

    @Override
    boolean readRecord() throws IOException, SQLException {
      raw.setLength(0);
      boolean escaped = false;
      boolean firstField = true;
      while (true) {
        int c = read();
        if (c < 0 || (!escaped && endOfLine(c))) {
          if (firstField && raw.length() == 2 && raw.charAt(0) == '\\' && raw.charAt(1) == '.') {
            return false;
          }
          fields.add(unescape());
          return true;
        }
        if (escaped) {
          escaped = false;
          raw.append((char) c);
        } else if (c == '\\') {
          escaped = true;
          raw.append('\\');
        } else if (c == delimiter) {
          fields.add(unescape());
          raw.setLength(0);
          firstField = false;
        } else {
          raw.append((char) c);
        }
      }
    }

    private String unescape() throws SQLException {
      if (raw.length() == nullText.length() && raw.toString().equals(nullText)) {
        return null;
      }
      if (raw.indexOf("\\") < 0) {
        return raw.toString();
      }
      field.setLength(0);
      for (int i = 0, n = raw.length(); i < n; i++) {
        char c = raw.charAt(i);
        if (c != '\\') {
          field.append(c);
          continue;
        }
        if (++i == n) {
          throw bad("a backslash ends the line");
        }
        char e = raw.charAt(i);
        switch (e) {
          case 'b' -> field.append('\b');
          case 'f' -> field.append('\f');
          case 'n' -> field.append('\n');
          case 'r' -> field.append('\r');
          case 't' -> field.append('\t');
          case 'v' -> field.append('\u000b');
          case 'x' -> {
            int v = 0;
            int digits = 0;
            while (digits < 2 && i + 1 < n && Character.digit(raw.charAt(i + 1), 16) >= 0) {
              v = v * 16 + Character.digit(raw.charAt(++i), 16);
              digits++;
            }
            if (digits == 0) {
              field.append('x');
            } else {
              field.append((char) v);
            }
          }
          default -> {
            if (e >= '0' && e <= '7') {
              int v = e - '0';
              for (int d = 0; d < 2 && i + 1 < n && raw.charAt(i + 1) >= '0' && raw.charAt(i + 1) <= '7'; d++) {
                v = v * 8 + (raw.charAt(++i) - '0');
              }
              field.append((char) v);
            } else {
              field.append(e);
            }
          }
        }
      }
      return field.toString();
    }
  }
}
