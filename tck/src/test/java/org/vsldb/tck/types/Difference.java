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
 * @param values which stored values it applies to
 * @param vsl what vsl's outcome ({@link Getter#read}) must satisfy, given the stored value
 * @param reason why vsl differs
 */
record Difference(Set<String> types, Set<String> getters, Predicate<Object> values, BiPredicate<Object, String> vsl,
    String reason) {

  boolean appliesTo(TypeCase t, Getter g, Object value) {
    return types.contains(t.name()) && getters.contains(g.name()) && values.test(value);
  }
}
