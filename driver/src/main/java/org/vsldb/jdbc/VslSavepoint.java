package org.vsldb.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.exec.Session;

/** A JDBC {@link Savepoint}: named or numbered, over a position in the session's transaction. */
final class VslSavepoint implements Savepoint {
  private final int id;
  private final String name;
  final Session.Savepoint position;

  VslSavepoint(int id, String name, Session.Savepoint position) {
    this.id = id;
    this.name = name;
    this.position = position;
  }

  @Override
  public int getSavepointId() throws SQLException {
    if (name != null) {
      throw ErrorCode.INVALID_STATE.exception("savepoint " + name + " is named; use getSavepointName()");
    }
    return id;
  }

  @Override
  public String getSavepointName() throws SQLException {
    if (name == null) {
      throw ErrorCode.INVALID_STATE.exception("savepoint " + id + " is unnamed; use getSavepointId()");
    }
    return name;
  }

  @Override
  public String toString() {
    return name != null ? "savepoint " + name : "savepoint " + id;
  }
}
