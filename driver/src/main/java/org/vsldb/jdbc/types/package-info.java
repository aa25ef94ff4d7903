/** Conversions between result values and the Java types JDBC getters return. */
package org.vsldb.jdbc.types;
