package org.vsldb.sql.plan;

/**
 * Where the SQL of one statement's text ends. H2, PostgreSQL and SQLite run {@code select 1;} and
 * {@code select 1; -- note}, and take a text of white space and comments only for a statement that
 * does nothing; Calcite's parser takes neither. The text is scanned as Calcite's lexer reads it:
 * strings ({@code '...'} with {@code ''}, {@code E'...'} also with backslash escapes), quoted names
 * ({@code "..."}), line comments ({@code --}) and block comments ({@code /* ... *}{@code /}).
 */
public final class StatementText {
  private StatementText() {}

  /**
   * The end of the text's last token that is not a semicolon: the text before it is the
   * statement; 0 when there is none (only white space, comments and semicolons). A string, name
   * or comment that is not closed ends the text, for the parser to report.
   */
  public static int end(String sql) {
    int n = sql.length();
    int end = 0;
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : 0;
      if (Character.isWhitespace(c) || c == ';') {
        i++;
        continue;
      }
      if (c == '-' && next == '-') {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
        continue;
      }
      if (c == '/' && next == '*') {
        int close = sql.indexOf("*/", i + 2);
        if (close < 0) {
          return n;
        }
        i = close + 2;
        continue;
      }
      if (c == '\'') {
        i = quotedEnd(sql, i, '\'', escapes(sql, i));
      } else if (c == '"') {
        i = quotedEnd(sql, i, '"', false);
      } else {
        i++;
      }
      end = i;
    }
    return end;
  }

  /** Whether the string starting at {@code quote} is an {@code E'...'} string. */
  private static boolean escapes(String sql, int quote) {
    if (quote == 0 || (sql.charAt(quote - 1) != 'E' && sql.charAt(quote - 1) != 'e')) {
      return false;
    }
    return quote == 1 || !(Character.isLetterOrDigit(sql.charAt(quote - 2)) || sql.charAt(quote - 2) == '_');
  }

  /** The end of the quoted token that starts at {@code i}, or the text's end if it is not closed. */
  private static int quotedEnd(String sql, int i, char quote, boolean backslashes) {
    int n = sql.length();
    int j = i + 1;
    while (j < n) {
      char c = sql.charAt(j);
      if (backslashes && c == '\\') {
        j += 2;
      } else if (c == quote) {
        if (j + 1 < n && sql.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return n;
  }
}
