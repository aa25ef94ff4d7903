package org.vsldb.tck.types;

import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * A recorded, deliberate difference between vsl and H2 for one getter on one kind of column:
 * where it applies, what vsl must give there (so the record cannot hide a regression), and why.
 * docs/SQL.md lists each of them.
 *
 * @param types the column types (by {@link TypeCase#name()}) it applies to
 * @param getters the getters (by {@link Getter#name()}) it applies to
 * @param setters the setters (by {@link Setter#name()}) it applies to; empty for every setter
 * @param values which stored values it applies to
 * @param vsl what vsl's outcome ({@link Getter#read}) must satisfy, given the stored value
 * @param reason why vsl differs
 */
record Difference(Set<String> types, Set<String> getters, Set<String> setters, Predicate<Object> values, BiPredicate<Object, String> vsl,
    String reason) {

  /** A difference whatever the setter. */
  Difference(Set<String> types, Set<String> getters, Predicate<Object> values, BiPredicate<Object, String> vsl,
      String reason) {
    this(types, getters, Set.of(), values, vsl, reason);
  }

  boolean appliesTo(TypeCase t, Getter g, Setter s, Object value) {
    return types.contains(t.name()) && getters.contains(g.name())
        && (setters.isEmpty() || setters.contains(s.name())) && values.test(value);
  }
}
