package org.vsldb.storage.table;

import java.util.Comparator;

/**
 * The order of index keys: column by column, NULL first, then values by their natural order
 * (every value of one column has the column type's Java class). Keys are {@code Object[]}.
 */
public final class KeyOrder {
  private KeyOrder() {}

  /** Compares two column values; NULL sorts first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compareValues(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a == null) {
      return -1;
    }
    if (b == null) {
      return 1;
    }
    if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
      return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString()));
    }
    return ((Comparable) a).compareTo(b);
  }

  /** Compares the first {@code n} values of two keys. */
  public static int comparePrefix(Object[] a, Object[] b, int n) {
    for (int i = 0; i < n; i++) {
      int c = compareValues(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Key order for keys of equal length. */
  public static final Comparator<Object[]> KEYS = (a, b) -> comparePrefix(a, b, a.length);
}
