package org.vsldb.jdbc;

import java.sql.SQLException;
import org.vsldb.sql.error.ErrorCode;

/** {@code unwrap} for every JDBC object: an {@link SQLException}, never a ClassCastException. */
final class Wrappers {
  private Wrappers() {}

  static <T> T unwrap(Object self, Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(self)) {
      return iface.cast(self);
    }
    throw ErrorCode.INVALID_PARAMETER.exception(
        iface == null ? "null" : iface.getName(),
        "unwrap: " + self.getClass().getSimpleName() + " does not implement it");
  }
}
