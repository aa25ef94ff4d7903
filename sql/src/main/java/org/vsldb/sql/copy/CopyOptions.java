package org.vsldb.sql.copy;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.vsldb.sql.error.ErrorCode;

/**
 * The {@code WITH (...)} options of a table or query {@code COPY}, with PostgreSQL's defaults:
 * {@code FORMAT csv} (delimiter {@code ,}, NULL as an unquoted empty field, quote and escape
 * {@code "}) or {@code FORMAT text} (delimiter tab, NULL as {@code \N}, backslash escapes); no
 * header; UTF-8.
 *
 * @param csv true for CSV, false for PostgreSQL's text format
 * @param header whether the file's first line holds the column names
 * @param delimiter the character between fields
 * @param nullText the text that stands for NULL (in CSV only when unquoted)
 * @param quote the CSV quote character
 * @param escape the CSV character that escapes a quote inside a quoted field
 * @param charset the file's encoding
 */
public record CopyOptions(
    boolean csv, boolean header, char delimiter, String nullText, char quote, char escape, Charset charset) {

  /** PostgreSQL's options that vsl does not offer; naming one fails with 0A000. */
  private static final Set<String> UNSUPPORTED =
      Set.of("FORCE_QUOTE", "FORCE_NOT_NULL", "FORCE_NULL", "FREEZE", "ON_ERROR", "DEFAULT",
          "LOG_VERBOSITY", "OIDS", "REJECT_LIMIT");

  /** The defaults: CSV without a header. */
  public static final CopyOptions DEFAULT_CSV =
      new CopyOptions(true, false, ',', "", '"', '"', StandardCharsets.UTF_8);

  /**
   * The options a statement gives, by upper-case name, over the defaults of its format.
   *
   * @throws SQLException 22023 for an unknown option or a bad value, 0A000 for a PostgreSQL
   *     option vsl does not offer
   */
  public static CopyOptions of(Map<String, SqlNode> given) throws SQLException {
    for (String name : given.keySet()) {
      if (UNSUPPORTED.contains(name)) {
        throw ErrorCode.unsupported("COPY option " + name);
      }
      if (!Set.of("FORMAT", "HEADER", "DELIMITER", "NULL", "QUOTE", "ESCAPE", "ENCODING").contains(name)) {
        throw ErrorCode.INVALID_COPY_OPTION.exception(name,
            "unknown; the options are FORMAT, HEADER, DELIMITER, NULL, QUOTE, ESCAPE and ENCODING");
      }
    }
    String format = text(given, "FORMAT", "csv").toLowerCase(Locale.ROOT);
    boolean csv = switch (format) {
      case "csv" -> true;
      case "text" -> false;
      case "binary" -> throw ErrorCode.unsupported("COPY FORMAT binary");
      default -> throw ErrorCode.INVALID_COPY_OPTION.exception("FORMAT", "'" + format + "'; use csv or text");
    };
    boolean header = bool(text(given, "HEADER", "false"));
    char delimiter = oneChar(given, "DELIMITER", csv ? ',' : '\t');
    String nullText = text(given, "NULL", csv ? "" : "\\N");
    if (!csv && (given.containsKey("QUOTE") || given.containsKey("ESCAPE"))) {
      throw ErrorCode.INVALID_COPY_OPTION.exception(
          given.containsKey("QUOTE") ? "QUOTE" : "ESCAPE", "only FORMAT csv has it");
    }
    char quote = oneChar(given, "QUOTE", '"');
    char escape = oneChar(given, "ESCAPE", quote);
    if (delimiter == '\n' || delimiter == '\r') {
      throw ErrorCode.INVALID_COPY_OPTION.exception("DELIMITER", "it cannot be a line break");
    }
    if (!csv && (delimiter == '\\' || delimiter == '.' || Character.isLetterOrDigit(delimiter))) {
      throw ErrorCode.INVALID_COPY_OPTION.exception(
          "DELIMITER", "'" + delimiter + "'; in FORMAT text it cannot be a backslash, a dot, a letter or a digit");
    }
    if (csv && (delimiter == quote || quote == '\n' || quote == '\r')) {
      throw ErrorCode.INVALID_COPY_OPTION.exception("QUOTE", "it must differ from the delimiter and line breaks");
    }
    if (nullText.indexOf('\n') >= 0 || nullText.indexOf('\r') >= 0) {
      throw ErrorCode.INVALID_COPY_OPTION.exception("NULL", "it cannot contain a line break");
    }
    if (csv && (nullText.indexOf(delimiter) >= 0 || nullText.indexOf(quote) >= 0)) {
      throw ErrorCode.INVALID_COPY_OPTION.exception("NULL", "it cannot contain the delimiter or the quote");
    }
    String encoding = text(given, "ENCODING", "UTF-8");
    Charset charset;
    try {
      charset = Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw ErrorCode.INVALID_COPY_OPTION.exception("ENCODING", "'" + encoding + "' is not an encoding this JVM knows");
    }
    return new CopyOptions(csv, header, delimiter, nullText, quote, escape, charset);
  }

  private static String text(Map<String, SqlNode> given, String name, String otherwise) {
    SqlNode n = given.get(name);
    if (n == null) {
      return otherwise;
    }
    SqlLiteral lit = (SqlLiteral) n;
    Object v = lit.getValue();
    return v instanceof Boolean b ? b.toString() : lit.getValueAs(String.class);
  }

  private static char oneChar(Map<String, SqlNode> given, String name, char otherwise) throws SQLException {
    String s = text(given, name, String.valueOf(otherwise));
    if (s.length() != 1) {
      throw ErrorCode.INVALID_COPY_OPTION.exception(name, "'" + s + "'; it must be one character");
    }
    return s.charAt(0);
  }

  private static boolean bool(String s) throws SQLException {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "on", "1", "yes" -> true;
      case "false", "off", "0", "no" -> false;
      case "match" -> throw ErrorCode.unsupported("COPY option HEADER MATCH");
      default -> throw ErrorCode.INVALID_COPY_OPTION.exception("HEADER", "'" + s + "'; use true or false");
    };
  }
}
