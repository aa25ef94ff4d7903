package org.vsldb.sql.error;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.text.MessageFormat;

/**
 * The one catalog of vsl's errors: each has a vendor code, the SQLState of PRODUCT.md section 5
 * (H2's choices) and a message template in {@link MessageFormat} syntax. Every error vsl reports
 * is made here, by {@link #exception(Object...)}.
 */
public enum ErrorCode {
  SYNTAX_ERROR(42000, "42000", "Syntax error in SQL statement at line {0}, column {1}: {2}"),
  SYNTAX_ERROR_EXPECTED(42001, "42001", "Syntax error in SQL statement at line {0}, column {1}: {2}"),
  INVALID_STATEMENT(42000, "42000", "Invalid SQL statement at line {0}, column {1}: {2}"),
  TABLE_EXISTS(42101, "42S01", "Table {0} already exists"),
  TABLE_NOT_FOUND(42102, "42S02", "Table or view {0} not found{1}"),
  SCHEMA_NOT_FOUND(90079, "90079", "Schema {0} not found"),
  COLUMN_NOT_FOUND(42122, "42S22", "Column {0} not found{1}"),
  COLUMN_EXISTS(42121, "42S21", "Duplicate column name {0}"),
  COLUMN_NOT_FOUND_IN_STATEMENT(42122, "42S22", "{0}"),
  COLUMN_COUNT_MISMATCH(21002, "21S02", "Column count does not match: {0}"),
  AMBIGUOUS_COLUMN(90059, "90059", "{0}"),
  NOT_GROUPED(90016, "90016", "{0}"),
  ORDER_BY_ORDINAL(90068, "90068", "{0}"),
  SCALAR_SUBQUERY_ROWS(90053, "90053", "Scalar subquery contains more than one row"),
  VIEW_EXISTS(90038, "90038", "View {0} already exists"),
  VIEW_NOT_FOUND(90037, "90037", "View {0} not found"),
  FUNCTION_NOT_FOUND(90022, "90022", "Function {0} not found{1}"),
  SEQUENCE_EXISTS(90035, "90035", "Sequence {0} already exists"),
  SEQUENCE_NOT_FOUND(90036, "90036", "Sequence {0} not found{1}"),
  /** A sequence a running statement uses was dropped meanwhile (the store's message). */
  SEQUENCE_DROPPED(90036, "90036", "{0}"),
  SEQUENCE_EXHAUSTED(90006, "90006", "{0}"),
  SEQUENCE_ATTRIBUTES(90009, "90009", "{0}"),
  SEQUENCE_NO_CURRENT_VALUE(90148, "90148", "Current value of sequence {0} is not yet defined in this session"),
  SECOND_PRIMARY_KEY(90017, "90017", "Attempt to define a second primary key: {0}"),
  COLUMN_HAS_NULLS(90081, "90081", "{0}"),
  COLUMN_IS_REFERENCED(90083, "90083", "{0}"),
  INDEX_EXISTS(42111, "42S11", "Index {0} already exists"),
  INDEX_NOT_FOUND(42112, "42S12", "Index {0} not found"),
  SCHEMA_EXISTS(90078, "90078", "Schema {0} already exists"),
  CONSTRAINT_EXISTS(90045, "90045", "Constraint {0} already exists"),
  CONSTRAINT_NOT_FOUND(90057, "90057", "Constraint {0} not found"),
  DEPENDENT_OBJECT(90107, "90107", "{0}"),
  INVALID_DEFINITION(90090, "42000", "Invalid definition: {0}"),
  GENERATED_COLUMN_ASSIGNED(90154, "90154", "Column {0} is GENERATED ALWAYS AS IDENTITY and cannot be assigned"),
  NOT_NULL_VIOLATION(23502, "23502", "{0}"),
  DUPLICATE_KEY(23505, "23505", "{0}"),
  FOREIGN_KEY_VIOLATION(23503, "23503", "{0}"),
  CHECK_VIOLATION(23513, "23513", "{0}"),
  VALUE_TOO_LONG(22001, "22001", "Value too long for column {0}: {1}"),
  NUMERIC_OUT_OF_RANGE(22003, "22003", "Numeric value out of range: {0}"),
  DIVISION_BY_ZERO(22012, "22012", "Division by zero: {0}"),
  INVALID_CAST(22018, "22018", "Cannot convert value {0}"),
  INVALID_DATETIME(22007, "22007", "Invalid datetime value: {0}"),
  INVALID_REGEXP(22025, "22025", "Invalid regular expression: {0} in \"{1}\""),
  JSON_PATH_ERROR(90142, "2203A", "SQL/JSON path error: {0}"),
  UNTRANSLATABLE_LITERAL(90143, "22021", "Character not in repertoire: {0}"),
  SERIALIZATION_FAILURE(40001, "40001", "{0}"),
  CARDINALITY_VIOLATION(90050, "21000", "Cardinality violation: {0}"),
  LOCK_TIMEOUT(50200, "HYT00", "{0}"),
  CANNOT_OPEN(90020, "08001", "Cannot open database: {0}"),
  BAD_URL(90046, "08001", "{0}"),
  CONNECTION_CLOSED(90007, "08003", "The connection is closed"),
  OBJECT_CLOSED(90007, "08003", "The {0} is closed"),
  CANCELLED(57014, "57014", "Statement was cancelled or the session timed out"),
  FEATURE_NOT_SUPPORTED(50100, "0A000", "Feature not supported: {0}"),
  READ_ONLY(90097, "25006", "{0}"),
  FILE_ACCESS_DENIED(90113, "42501", "File access refused: {0}"),
  COPY_FILE_ERROR(90140, "22P04", "{0} line {1}, column {2}: {3}"),
  DATABASE_NOT_EMPTY(90141, "55000", "{0}"),
  INVALID_COPY_OPTION(90202, "22023", "Invalid COPY option {0}: {1}"),
  BAD_COPY_FILE(90203, "22P04", "Bad COPY file {0}, line {1}: {2}"),
  UNTRANSLATABLE_CHARACTER(90204, "22P05", "Cannot write file {0}: a value among the rows up to row {1} has a character that {2} cannot encode"),
  CORRUPTION(90030, "XX000", "{0}"),
  IO_ERROR(90031, "58030", "{0}"),
  INVALID_PARAMETER(90008, "22023", "Invalid value {0} for {1}"),
  INVALID_FUNCTION_ARGUMENT(90008, "22023", "Invalid argument of a function: {0}"),
  PARAMETER_NOT_SET(90012, "07001", "Parameter {0} is not set"),
  NO_DATA(2000, "02000", "No data is available: {0}"),
  RESULT_SET_NOT_SCROLLABLE(90128, "90128", "The result set is not scrollable: {0}"),
  INVALID_STATE(90131, "25000", "Invalid transaction state: {0}"),
  GENERAL_ERROR(50000, "HY000", "General error: {0}");

  private final int vendorCode;
  private final String sqlState;
  private final String template;

  ErrorCode(int vendorCode, String sqlState, String template) {
    this.vendorCode = vendorCode;
    this.sqlState = sqlState;
    this.template = template;
  }

  public int vendorCode() {
    return vendorCode;
  }

  public String sqlState() {
    return sqlState;
  }

  /** The message for {@code args}, with the SQLState appended as H2 does. */
  public String message(Object... args) {
    String text = new MessageFormat(template.replace("'", "''")).format(args);
    return text + " [" + sqlState + "]";
  }

  /** The exception to throw, of the {@link SQLException} subclass the SQLState's class calls for. */
  public SQLException exception(Object... args) {
    return exception(null, args);
  }

  /** As {@link #exception(Object...)}, with a cause. */
  public SQLException exception(Throwable cause, Object... args) {
    String msg = message(args);
    String cls = sqlState.substring(0, 2);
    SQLException e =
        switch (cls) {
          case "42" -> sqlState.equals("42501")
              ? new SQLInvalidAuthorizationSpecException(msg, sqlState, vendorCode)
              : new SQLSyntaxErrorException(msg, sqlState, vendorCode);
          case "23" -> new SQLIntegrityConstraintViolationException(msg, sqlState, vendorCode);
          case "22" -> new SQLDataException(msg, sqlState, vendorCode);
          case "40" -> new SQLTransactionRollbackException(msg, sqlState, vendorCode);
          case "HY" -> sqlState.equals("HYT00")
              ? new SQLTimeoutException(msg, sqlState, vendorCode)
              : new SQLException(msg, sqlState, vendorCode);
          case "08" -> new SQLNonTransientConnectionException(msg, sqlState, vendorCode);
          case "0A" -> new SQLFeatureNotSupportedException(msg, sqlState, vendorCode);
          default -> new SQLException(msg, sqlState, vendorCode);
        };
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /**
   * {@code e} with {@code where} (such as "at line 3 of file 'x.csv'") added to its message: the
   * same class, SQLState, vendor code and cause chain.
   */
  public static SQLException located(SQLException e, String where) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    String state = e.getSQLState();
    String suffix = " [" + state + "]";
    String text = msg.endsWith(suffix)
        ? msg.substring(0, msg.length() - suffix.length()) + ", " + where + suffix
        : msg + ", " + where;
    SQLException r;
    if (e instanceof SQLIntegrityConstraintViolationException) {
      r = new SQLIntegrityConstraintViolationException(text, state, e.getErrorCode());
    } else if (e instanceof SQLDataException) {
      r = new SQLDataException(text, state, e.getErrorCode());
    } else if (e instanceof SQLTransactionRollbackException) {
      r = new SQLTransactionRollbackException(text, state, e.getErrorCode());
    } else if (e instanceof SQLTimeoutException) {
      r = new SQLTimeoutException(text, state, e.getErrorCode());
    } else if (e instanceof SQLSyntaxErrorException) {
      r = new SQLSyntaxErrorException(text, state, e.getErrorCode());
    } else if (e instanceof SQLFeatureNotSupportedException) {
      r = new SQLFeatureNotSupportedException(text, state, e.getErrorCode());
    } else {
      r = new SQLException(text, state, e.getErrorCode());
    }
    r.initCause(e.getCause() != null ? e.getCause() : e);
    return r;
  }

  /** The exception for an unsupported feature, naming it. */
  public static SQLFeatureNotSupportedException unsupported(String feature) {
    return (SQLFeatureNotSupportedException) FEATURE_NOT_SUPPORTED.exception(feature);
  }
}
