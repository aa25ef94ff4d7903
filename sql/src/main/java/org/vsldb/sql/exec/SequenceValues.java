package org.vsldb.sql.exec;

import java.util.Map;
import org.apache.calcite.DataContext;
import org.vsldb.sql.error.ErrorCode;

/**
 * NEXT VALUE FOR and CURRENT VALUE FOR at run time, called by the code generated for a plan
 * (org.vsldb.sql.plan.SequenceCalls): the next value comes from the store, which never hands it
 * out again (invariant I11); the current value is the last one this session took.
 */
public final class SequenceValues {
  private SequenceValues() {}

  /** The next value of {@code schema.name}, remembered as the session's current value. */
  public static long next(DataContext root, String schema, String name) {
    long v = VslDataContext.transaction(root).store().nextValue(schema, name);
    VslDataContext.sequenceValues(root).put(schema + "." + name, v);
    return v;
  }

  /** The value the session's last NEXT VALUE FOR of {@code schema.name} gave. */
  public static long current(DataContext root, String schema, String name) {
    Map<String, Long> values = VslDataContext.sequenceValues(root);
    Long v = values.get(schema + "." + name);
    if (v == null) {
      // a plain RuntimeException is a wrapper SqlErrors.translate unwraps
      throw new RuntimeException(ErrorCode.SEQUENCE_NO_CURRENT_VALUE.exception(schema + "." + name));
    }
    return v;
  }
}
