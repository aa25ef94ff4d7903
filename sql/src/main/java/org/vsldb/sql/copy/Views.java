package org.vsldb.sql.copy;

import java.util.ArrayList;
import java.util.List;
import org.vsldb.storage.table.ViewDef;

/** Orders views so that each comes after the views its query names. */
final class Views {
  private Views() {}

  /**
   * The views, each after every other view whose quoted, qualified name its stored SQL contains
   * (stored view SQL quotes and qualifies every name). Views in a cycle of such mentions, which
   * only string literals can cause, keep their given order.
   */
  static List<ViewDef> inDependencyOrder(List<ViewDef> views) {
    List<ViewDef> left = new ArrayList<>(views);
    List<ViewDef> ordered = new ArrayList<>();
    while (!left.isEmpty()) {
      ViewDef ready = null;
      for (ViewDef v : left) {
        if (left.stream().noneMatch(o -> o != v && mentions(v, o))) {
          ready = v;
          break;
        }
      }
      if (ready == null) {
        ready = left.get(0);
      }
      left.remove(ready);
      ordered.add(ready);
    }
    return ordered;
  }

  private static boolean mentions(ViewDef v, ViewDef other) {
    return v.sql().contains(DatabaseTextWriter.quote(other.schema()) + "." + DatabaseTextWriter.quote(other.name()));
  }
}
