package org.vsldb.tck.types;

/** Groups of column types that take the same setters and getters. */
enum Family {
  BOOLEAN, EXACT, APPROXIMATE, DECIMAL, TEXT, CLOB, BINARY, BLOB, DATE, TIME, TIMESTAMP, INSTANT;

  boolean numeric() {
    return this == EXACT || this == APPROXIMATE || this == DECIMAL;
  }

  boolean text() {
    return this == TEXT || this == CLOB;
  }

  boolean binary() {
    return this == BINARY || this == BLOB;
  }
}
