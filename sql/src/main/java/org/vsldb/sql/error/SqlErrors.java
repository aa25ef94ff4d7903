package org.vsldb.sql.error;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.vsldb.storage.StoreException;

/**
 * Maps the failures of Calcite, the store and the generated code onto {@link ErrorCode}, so that
 * every error leaves vsl as an {@link SQLException} with a SQLState and, for SQL text, a line and
 * column.
 */
public final class SqlErrors {
  private SqlErrors() {}

  private static final Pattern SEQUENCE_NOT_FOUND = Pattern.compile("Sequence '([^']*)' not found");
  private static final Pattern TABLE_NOT_FOUND =
      Pattern.compile("(?:Object|Table) '([^']*)' not found(.*)", Pattern.DOTALL);
  private static final Pattern NOT_NULL =
      Pattern.compile("Column '([^']*)' has no default value and does not allow NULLs", Pattern.DOTALL);
  private static final Pattern COLUMN_NOT_FOUND =
      Pattern.compile("Column '([^']*)' not found(.*)", Pattern.DOTALL);
  private static final Pattern FUNCTION_NOT_FOUND = Pattern.compile("Function '([^']*)' not found");

  /** Validation messages of Calcite with the error each is, as H2 reports it. */
  private static final Object[][] VALIDATION_RULES = {
    {Pattern.compile("^Unknown target column '"), ErrorCode.COLUMN_NOT_FOUND_IN_STATEMENT},
    {Pattern.compile("Number of INSERT target columns|Column count mismatch|does not equal number of source items"
        + "|List of column aliases must have same degree"),
        ErrorCode.COLUMN_COUNT_MISMATCH},
    {Pattern.compile("^Column '[^']*' is ambiguous"), ErrorCode.AMBIGUOUS_COLUMN},
    {Pattern.compile("is not being grouped"), ErrorCode.NOT_GROUPED},
    {Pattern.compile("^Ordinal out of range"), ErrorCode.ORDER_BY_ORDINAL},
  };

  /** Messages of Calcite's date and time parsing failures. */
  private static final Pattern DATETIME = Pattern.compile(
      "field is out of range|for datetime string|Invalid (DATE|TIME|TIMESTAMP)|Unparseable (date|time)|Illegal (DATE|TIME|TIMESTAMP)( WITH( LOCAL)? TIME ZONE)? literal",
      Pattern.CASE_INSENSITIVE);

  /**
   * The first throwable in the cause chain of {@code t} that {@code test} accepts, or null: how
   * failures deep inside Calcite's runtime are recognised (the SQL/JSON path library's errors, a
   * literal its character set cannot encode).
   */
  private static Throwable cause(Throwable t, java.util.function.Predicate<Throwable> test) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (test.test(c)) {
        return c;
      }
    }
    return null;
  }

  /** The SQLException for any failure while preparing or running a statement. */
  public static SQLException translate(Throwable t) {
    if (t instanceof SQLException e) {
      if (e.getSQLState() != null) {
        return e;
      }
      // Calcite's run-time functions throw a few SQLExceptions of their own, without a state
      // (TO_DATE's "Invalid format ... for datetime string"): they are about the data
      return DATETIME.matcher(String.valueOf(e.getMessage())).find()
          ? ErrorCode.INVALID_DATETIME.exception(e, e.getMessage())
          : ErrorCode.INVALID_FUNCTION_ARGUMENT.exception(e, e.getMessage());
    }
    if (t instanceof SqlParseException e) {
      SqlParserPos pos = e.getPos();
      String m = String.valueOf(e.getMessage());
      if (DATETIME.matcher(m).find()) {
        return ErrorCode.INVALID_DATETIME.exception(e, shortParseMessage(m)
            + " at line " + line(pos) + ", column " + column(pos));
      }
      // As in H2: 42001 when the parser can say what it expected, 42000 otherwise.
      ErrorCode code = m.contains("Was expecting") ? ErrorCode.SYNTAX_ERROR_EXPECTED : ErrorCode.SYNTAX_ERROR;
      return code.exception(e, line(pos), column(pos), shortParseMessage(m));
    }
    if (t instanceof CalciteContextException e) {
      String msg = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      String where = " at line " + e.getPosLine() + ", column " + e.getPosColumn();
      Matcher m = TABLE_NOT_FOUND.matcher(msg);
      if (m.matches()) {
        return ErrorCode.TABLE_NOT_FOUND.exception(e, m.group(1), m.group(2) + where);
      }
      m = SEQUENCE_NOT_FOUND.matcher(msg);
      if (m.matches()) {
        return ErrorCode.SEQUENCE_NOT_FOUND.exception(e, m.group(1), where);
      }
      m = COLUMN_NOT_FOUND.matcher(msg);
      if (m.matches()) {
        return ErrorCode.COLUMN_NOT_FOUND.exception(e, m.group(1), m.group(2) + where);
      }
      m = FUNCTION_NOT_FOUND.matcher(msg);
      if (m.matches()) {
        return ErrorCode.FUNCTION_NOT_FOUND.exception(e, m.group(1), where);
      }
      m = NOT_NULL.matcher(msg);
      if (m.matches()) {
        return ErrorCode.NOT_NULL_VIOLATION.exception(
            e, "NULL not allowed for column " + m.group(1) + where);
      }
      for (Object[] rule : VALIDATION_RULES) {
        if (((Pattern) rule[0]).matcher(msg).find()) {
          return ((ErrorCode) rule[1]).exception(e, msg + where);
        }
      }
      if (DATETIME.matcher(msg).find()) {
        return ErrorCode.INVALID_DATETIME.exception(e, msg + where);
      }
      return ErrorCode.INVALID_STATEMENT.exception(e, e.getPosLine(), e.getPosColumn(), msg);
    }
    if (t instanceof StoreException e) {
      return store(e);
    }
    Throwable encoding = cause(t, c -> c.getMessage() != null && c.getMessage().startsWith("Failed to encode"));
    if (encoding != null) {
      // a literal UTF-8 cannot carry: an unpaired surrogate (\uD800 alone)
      return ErrorCode.UNTRANSLATABLE_LITERAL.exception(t, encoding.getMessage());
    }
    Throwable json = cause(t, c -> c.getClass().getName().startsWith("com.jayway.jsonpath."));
    if (json != null) {
      return ErrorCode.JSON_PATH_ERROR.exception(t, json.getMessage());
    }
    if (t instanceof ArithmeticException e) {
      String m = String.valueOf(e.getMessage());
      return m.contains("by zero")
          ? ErrorCode.DIVISION_BY_ZERO.exception(e, m)
          : ErrorCode.NUMERIC_OUT_OF_RANGE.exception(e, m);
    }
    if (t instanceof RuntimeException e && e.getMessage() != null
        && e.getMessage().contains("more than one value in agg SINGLE_VALUE")) {
      return ErrorCode.SCALAR_SUBQUERY_ROWS.exception(e);
    }
    if (t instanceof RuntimeException e && e.getMessage() != null
        && e.getMessage().startsWith("Unable to implement")) {
      SQLException u = ErrorCode.unsupported("this query's plan in the Enumerable engine (" + firstLine(e.getMessage()) + ")");
      u.initCause(e);
      return u;
    }
    if (t instanceof IllegalArgumentException e && e.getMessage() != null
        && (e.getMessage().contains("Invalid character for cast") || e.getMessage().startsWith("Invalid UUID string"))) {
      // text a cast to a number or to UUID (java.util.UUID.fromString) refuses
      return ErrorCode.INVALID_CAST.exception(e, e.getMessage());
    }
    if (t instanceof java.util.regex.PatternSyntaxException e) {
      // a bad pattern given to REGEXP_REPLACE, REGEXP_LIKE, REGEXP_SUBSTR: 22025 as in H2
      return ErrorCode.INVALID_REGEXP.exception(e, e.getDescription(), e.getPattern());
    }
    if (t instanceof UnsupportedOperationException e && e.getMessage() != null) {
      return ErrorCode.unsupported(e.getMessage());
    }
    if (t instanceof NumberFormatException e) {
      return ErrorCode.INVALID_CAST.exception(e, e.getMessage());
    }
    if ((t instanceof IllegalArgumentException || t instanceof org.apache.calcite.runtime.CalciteException)
        && t.getMessage() != null && DATETIME.matcher(t.getMessage()).find()) {
      RuntimeException e = (RuntimeException) t;
      return ErrorCode.INVALID_DATETIME.exception(e, e.getMessage());
    }
    if (t.getCause() != null && t.getCause() != t && isWrapper(t)) {
      return translate(t.getCause());
    }
    if ((t instanceof IllegalArgumentException || t instanceof org.apache.calcite.runtime.CalciteException)
        && thrownByRuntimeFunction(t)) {
      // a value one of Calcite's run-time functions refuses: CHR(-1), POSITION(... FROM 0)
      return ErrorCode.INVALID_FUNCTION_ARGUMENT.exception(t, t.getMessage());
    }
    return ErrorCode.GENERAL_ERROR.exception(t, t.toString());
  }

  /** Whether {@code t} comes from Calcite's or vsl's run-time functions (called by generated code). */
  private static boolean thrownByRuntimeFunction(Throwable t) {
    String runtime = org.apache.calcite.runtime.SqlFunctions.class.getPackageName() + ".";
    String resources = org.apache.calcite.runtime.Resources.class.getName();
    for (StackTraceElement frame : t.getStackTrace()) {
      String c = frame.getClassName();
      boolean making = c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith(resources)
          || c.equals(t.getClass().getName()); // the exception's own construction
      if (!making) {
        return c.startsWith(runtime) || c.equals(org.vsldb.sql.type.UuidValues.class.getName());
      }
    }
    return false;
  }

  private static boolean isWrapper(Throwable t) {
    String n = t.getClass().getName();
    return t instanceof java.lang.reflect.InvocationTargetException
        || t instanceof ExceptionInInitializerError
        || t instanceof java.lang.reflect.UndeclaredThrowableException
        || n.endsWith("CompletionException")
        || n.endsWith("ExecutionException")
        || (t.getClass() == RuntimeException.class && t.getCause() != null);
  }

  /** The SQLException for a store failure. */
  public static SQLException store(StoreException e) {
    return switch (e.reason()) {
      case DUPLICATE_KEY -> ErrorCode.DUPLICATE_KEY.exception(e, e.getMessage());
      case NOT_NULL -> ErrorCode.NOT_NULL_VIOLATION.exception(e, e.getMessage());
      case NULLS_IN_COLUMN -> ErrorCode.COLUMN_HAS_NULLS.exception(e, e.getMessage());
      case FOREIGN_KEY -> ErrorCode.FOREIGN_KEY_VIOLATION.exception(e, e.getMessage());
      case CONSTRAINT_ON_EXISTING_ROWS -> ErrorCode.CHECK_VIOLATION.exception(e, e.getMessage());
      case DEPENDENCY -> ErrorCode.DEPENDENT_OBJECT.exception(e, e.getMessage());
      case VALUE_TOO_LONG -> ErrorCode.VALUE_TOO_LONG.exception(e, "", e.getMessage());
      case WRITE_CONFLICT, ROW_CHANGED, DEADLOCK -> ErrorCode.SERIALIZATION_FAILURE.exception(e, e.getMessage());
      case LOCK_TIMEOUT -> ErrorCode.LOCK_TIMEOUT.exception(e, e.getMessage());
      case READ_ONLY -> ErrorCode.READ_ONLY.exception(e, e.getMessage());
      case CORRUPTION -> ErrorCode.CORRUPTION.exception(e, e.getMessage());
      case IO_ERROR -> ErrorCode.IO_ERROR.exception(e, e.getMessage());
      case CANNOT_OPEN -> ErrorCode.CANNOT_OPEN.exception(e, e.getMessage());
      case CLOSED -> ErrorCode.OBJECT_CLOSED.exception(e, "database");
      case NOT_FOUND -> ErrorCode.SEQUENCE_DROPPED.exception(e, e.getMessage());
      case SEQUENCE_EXHAUSTED -> ErrorCode.SEQUENCE_EXHAUSTED.exception(e, e.getMessage());
    };
  }

  private static String firstLine(String m) {
    int nl = m.indexOf('\n');
    String l = nl < 0 ? m : m.substring(0, nl);
    return l.length() > 200 ? l.substring(0, 200) + "..." : l;
  }

  private static int line(SqlParserPos pos) {
    return pos == null ? 0 : pos.getLineNum();
  }

  private static int column(SqlParserPos pos) {
    return pos == null ? 0 : pos.getColumnNum();
  }

  /** The first lines of a JavaCC message, without its long list of expected tokens. */
  static String shortParseMessage(String message) {
    if (message == null) {
      return "";
    }
    String m = message;
    int cut = m.indexOf("Was expecting");
    if (cut >= 0) {
      String expected = m.substring(cut).replaceAll("\\s+", " ");
      m = m.substring(0, cut).trim() + " " + (expected.length() > 200 ? expected.substring(0, 200) + " ..." : expected);
    }
    return m.replaceAll("\\s+", " ").trim();
  }
}
