package org.vsldb.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A script of the shell split into its commands, each with the line it starts on: SQL statements
 * ended by {@code ;} (quotes, quoted names and comments kept whole, the {@code ;} dropped) and
 * sqlline commands, which start with {@code !} and end with their line.
 */
final class Script {
  /** One command of a script; {@code line} is 1-based. */
  record Command(String text, int line) {
    /** The first line of the text, for messages. */
    String firstLine() {
      int nl = text.indexOf('\n');
      return nl < 0 ? text : text.substring(0, nl) + " ...";
    }
  }

  private Script() {}

  static List<Command> split(String script) {
    List<Command> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int line = 1;
    int startLine = -1;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (startLine < 0) {
        if (Character.isWhitespace(c)) {
          line += c == '\n' ? 1 : 0;
          i++;
          continue;
        }
        if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
          while (i < n && script.charAt(i) != '\n') {
            i++;
          }
          continue;
        }
        if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
          int end = script.indexOf("*/", i + 2);
          end = end < 0 ? n : end + 2;
          line += (int) script.substring(i, end).chars().filter(ch -> ch == '\n').count();
          i = end;
          continue;
        }
        startLine = line;
        if (c == '!') {
          int end = script.indexOf('\n', i);
          end = end < 0 ? n : end;
          out.add(new Command(script.substring(i, end).strip(), startLine));
          startLine = -1;
          i = end;
          continue;
        }
      }
      if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < n) {
          if (script.charAt(j) == c) {
            if (j + 1 < n && script.charAt(j + 1) == c) {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        j = Math.min(j + 1, n);
        String quoted = script.substring(i, j);
        line += (int) quoted.chars().filter(ch -> ch == '\n').count();
        cur.append(quoted);
        i = j;
      } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        while (i < n && script.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += (int) script.substring(i, end).chars().filter(ch -> ch == '\n').count();
        cur.append(' ');
        i = end;
      } else if (c == ';') {
        if (!cur.toString().isBlank()) {
          out.add(new Command(cur.toString().strip(), startLine));
        }
        cur.setLength(0);
        startLine = -1;
        i++;
      } else {
        line += c == '\n' ? 1 : 0;
        cur.append(c);
        i++;
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(new Command(cur.toString().strip(), startLine));
    }
    return out;
  }
}
