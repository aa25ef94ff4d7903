package org.vsldb.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Statements of H2 and other databases that vsl does not have, named by their first words, so
 * that a text that fails to parse and starts with one fails with 0A000 naming the statement
 * rather than with a syntax error at its second word (H2's SCRIPT, for one, starts with
 * {@code CREATE USER}); H2's {@code SET <setting> <value>} is named {@code SET <setting>}.
 * Consulted only after the parser failed.
 */
public final class UnsupportedStatements {
  private static final List<String> STATEMENTS = List.of(
      "CREATE USER", "ALTER USER", "DROP USER", "CREATE ROLE", "DROP ROLE", "GRANT", "REVOKE",
      "CREATE TRIGGER", "DROP TRIGGER", "CREATE ALIAS", "DROP ALIAS", "CREATE DOMAIN", "ALTER DOMAIN",
      "DROP DOMAIN", "CREATE CONSTANT", "DROP CONSTANT", "CREATE SYNONYM", "DROP SYNONYM",
      "CREATE LINKED TABLE", "CREATE FUNCTION", "DROP FUNCTION", "CREATE PROCEDURE", "DROP PROCEDURE",
      "CREATE AGGREGATE", "DROP AGGREGATE", "CREATE TYPE", "DROP TYPE", "CREATE MATERIALIZED VIEW",
      "RUNSCRIPT", "SCRIPT", "BACKUP", "ANALYZE", "VACUUM", "PREPARE COMMIT", "COMMIT TRANSACTION",
      "ROLLBACK TRANSACTION");

  private UnsupportedStatements() {}

  /** The statement {@code sql} starts with, if it is one vsl does not have; else null. */
  public static String of(String sql) {
    List<String> words = firstWords(sql, 3);
    if (words.size() >= 2 && words.get(0).equals("SET") && !words.get(1).equals("SCHEMA")) {
      // H2's settings (SET DB_CLOSE_DELAY -1, SET MODE ..., which its SCRIPT may write)
      return "SET " + words.get(1);
    }
    String best = null;
    for (String statement : STATEMENTS) {
      String[] parts = statement.split(" ");
      if (parts.length <= words.size() && (best == null || statement.length() > best.length())) {
        boolean match = true;
        for (int i = 0; i < parts.length && match; i++) {
          match = parts[i].equals(words.get(i));
        }
        if (match) {
          best = statement;
        }
      }
    }
    return best;
  }

  /** Up to {@code max} words at the start of the text, upper-case, after white space and comments. */
  private static List<String> firstWords(String sql, int max) {
    List<String> words = new ArrayList<>(max);
    int i = 0;
    int n = sql.length();
    while (i < n && words.size() < max) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (Character.isLetter(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
      } else {
        break;
      }
    }
    return words;
  }
}
