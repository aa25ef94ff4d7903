package org.vsldb.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.vsldb.sql.error.ErrorCode;

/**
 * The type, concurrency and holdability a statement gives its result sets. vsl offers
 * {@link ResultSet#TYPE_FORWARD_ONLY} and {@link ResultSet#TYPE_SCROLL_INSENSITIVE}, read-only
 * result sets, and both holdabilities. A request it cannot meet is met with the nearest it can,
 * and a warning on the connection, as JDBC allows: {@code TYPE_SCROLL_SENSITIVE} becomes
 * {@code TYPE_SCROLL_INSENSITIVE} and {@code CONCUR_UPDATABLE} becomes {@code CONCUR_READ_ONLY}.
 * A value that is none of the constants is an error (22023).
 *
 * @param type a {@code ResultSet.TYPE_*} constant
 * @param concurrency a {@code ResultSet.CONCUR_*} constant
 * @param holdability a {@code ResultSet.*_CURSORS_*} constant
 */
record ResultSetOptions(int type, int concurrency, int holdability) {
  /** What {@code createStatement()} gives: forward-only, read-only, held over commits. */
  static final ResultSetOptions DEFAULT = new ResultSetOptions(
      ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, ResultSet.HOLD_CURSORS_OVER_COMMIT);

  /**
   * The options granted for a request, telling {@code warn} of each downgrade.
   *
   * @throws SQLException 22023 for a value that is no JDBC constant of its kind
   */
  static ResultSetOptions granted(int type, int concurrency, int holdability, Consumer<String> warn)
      throws SQLException {
    checkHoldability(holdability);
    int t = switch (type) {
      case ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE -> type;
      case ResultSet.TYPE_SCROLL_SENSITIVE -> {
        warn.accept("TYPE_SCROLL_SENSITIVE result sets are not supported; using TYPE_SCROLL_INSENSITIVE");
        yield ResultSet.TYPE_SCROLL_INSENSITIVE;
      }
      default -> throw ErrorCode.INVALID_PARAMETER.exception(type, "result set type");
    };
    int c = switch (concurrency) {
      case ResultSet.CONCUR_READ_ONLY -> concurrency;
      case ResultSet.CONCUR_UPDATABLE -> {
        warn.accept("CONCUR_UPDATABLE result sets are not supported; using CONCUR_READ_ONLY");
        yield ResultSet.CONCUR_READ_ONLY;
      }
      default -> throw ErrorCode.INVALID_PARAMETER.exception(concurrency, "result set concurrency");
    };
    return new ResultSetOptions(t, c, holdability);
  }

  /** @throws SQLException 22023 unless {@code holdability} is one of the two JDBC constants */
  static void checkHoldability(int holdability) throws SQLException {
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT
        && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      throw ErrorCode.INVALID_PARAMETER.exception(holdability,
          "result set holdability (HOLD_CURSORS_OVER_COMMIT or CLOSE_CURSORS_AT_COMMIT)");
    }
  }

  /** Whether a commit or rollback closes the result sets made with these options. */
  boolean closedAtCommit() {
    return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  /**
   * Checks a fetch direction, a hint: any of the three constants for a scrollable result, only
   * {@code FETCH_FORWARD} for a forward-only one.
   *
   * @throws SQLException 22023 for another value, 90128 for a backward hint on a forward-only result
   */
  static void checkFetchDirection(int type, int direction) throws SQLException {
    if (direction != ResultSet.FETCH_FORWARD && direction != ResultSet.FETCH_REVERSE
        && direction != ResultSet.FETCH_UNKNOWN) {
      throw ErrorCode.INVALID_PARAMETER.exception(direction, "fetch direction");
    }
    if (direction != ResultSet.FETCH_FORWARD && type == ResultSet.TYPE_FORWARD_ONLY) {
      throw ErrorCode.RESULT_SET_NOT_SCROLLABLE.exception(
          "fetch direction " + direction + " needs TYPE_SCROLL_INSENSITIVE");
    }
  }
}
