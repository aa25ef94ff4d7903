/**
 * vsl's SQL layer. {@link org.vsldb.sql.SqlEngine} is the entry point for one open database: it
 * prepares statements through Calcite into {@link org.vsldb.sql.exec.Command}s, cached and shared
 * by every connection, and opens {@link org.vsldb.sql.exec.Session}s that run them against the
 * store.
 */
package org.vsldb.sql;
