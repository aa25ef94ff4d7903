package org.vsldb.sql.exec;

/** Marks a statement parameter no value was set for. */
public final class Parameters {
  private Parameters() {}

  /** The value of a parameter that was never set; binding it fails with 07001. */
  public static final Object UNSET = new Object() {
    @Override
    public String toString() {
      return "(unset)";
    }
  };
}
