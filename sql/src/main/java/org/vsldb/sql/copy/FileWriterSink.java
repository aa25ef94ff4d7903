package org.vsldb.sql.copy;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the lines of a COPY file, one field at a time, in CSV ({@link Csv}) or PostgreSQL's text
 * format ({@link Text}). Lines end with {@code \n}. A field is the value's text from
 * {@link ValueText}, or null for NULL.
 */
abstract sealed class FileWriterSink permits FileWriterSink.Csv, FileWriterSink.Text {
  private final Writer out;
  private final char[] buf = new char[1 << 16];
  private int pos;
  final char delimiter;
  final String nullText;
  private boolean first = true;

  FileWriterSink(Writer out, CopyOptions o) {
    this.out = out;
    this.delimiter = o.delimiter();
    this.nullText = o.nullText();
  }

  /** The writer for {@code o}'s format. */
  static FileWriterSink of(Writer out, CopyOptions o) {
    return o.csv() ? new Csv(out, o) : new Text(out, o);
  }

  /** Writes one field; null writes the NULL text. */
  final void field(String text) throws IOException {
    if (!first) {
      put(delimiter);
    }
    first = false;
    if (text == null) {
      put(nullText);
    } else {
      value(text);
    }
  }

  /** Ends the line. */
  final void endLine() throws IOException {
    put('\n');
    first = true;
  }

  /** Writes a line of column names. */
  final void header(List<String> names) throws IOException {
    for (String n : names) {
      field(n);
    }
    endLine();
  }

  abstract void value(String text) throws IOException;

  final void put(char c) throws IOException {
    if (pos == buf.length) {
      drain();
    }
    buf[pos++] = c;
  }

  final void put(String s) throws IOException {
    int n = s.length();
    if (n > buf.length - pos) {
      drain();
      if (n > buf.length) {
        out.write(s);
        return;
      }
    }
    s.getChars(0, n, buf, pos);
    pos += n;
  }

  private void drain() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }

  /** Writes what is buffered and flushes the underlying writer. */
  final void flush() throws IOException {
    drain();
    out.flush();
  }

  /**
   * RFC 4180 with PostgreSQL's NULL rule: a field is quoted when it is empty-equal to the NULL text,
   * or contains the delimiter, the quote, the escape, a line break, or is {@code \.}; inside quotes
   * the quote and the escape are preceded by the escape character (the quote itself by default,
   * so {@code "} becomes {@code ""}).
   */
  static final class Csv extends FileWriterSink {
    private final char quote;
    private final char escape;

    Csv(Writer out, CopyOptions o) {
      super(out, o);
      this.quote = o.quote();
      this.escape = o.escape();
    }

    @Override
    void value(String s) throws IOException {
      boolean needsQuotes = s.equals(nullText) || s.equals("\\.");
      for (int i = 0, n = s.length(); i < n && !needsQuotes; i++) {
        char c = s.charAt(i);
        needsQuotes = c == delimiter || c == quote || c == escape || c == '\n' || c == '\r';
      }
      if (!needsQuotes) {
        put(s);
        return;
      }
      put(quote);
      for (int i = 0, n = s.length(); i < n; i++) {
        char c = s.charAt(i);
        if (c == quote || c == escape) {
          put(escape);
        }
        put(c);
      }
      put(quote);
    }
  }

  /**
   * PostgreSQL's text format: backslash, line breaks, tab, backspace, form feed, vertical tab and
   * the delimiter are written as backslash escapes ({@code \\}, {@code \n}, {@code \r},
   * {@code \t}, {@code \b}, {@code \f}, {@code \v}, backslash + delimiter).
   */
  static final class Text extends FileWriterSink {
    Text(Writer out, CopyOptions o) {
      super(out, o);
    }

    @Override
    void value(String s) throws IOException {
      for (int i = 0, n = s.length(); i < n; i++) {
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> put("\\\\");
          case '\n' -> put("\\n");
          case '\r' -> put("\\r");
          case '\t' -> put("\\t");
          case '\b' -> put("\\b");
          case '\f' -> put("\\f");
          case '\u000b' -> put("\\v");
          default -> {
            if (c == delimiter) {
              put('\\');
            }
            put(c);
          }
        }
      }
    }
  }
}
