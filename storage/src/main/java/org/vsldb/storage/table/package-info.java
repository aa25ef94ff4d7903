/**
 * Table definitions, column types and the in-memory row-version store of each table.
 *
 * <p>A table keeps, per row id, the newest {@link org.vsldb.storage.table.RowVersion}, chained to
 * older versions. A version is visible to a snapshot taken at commit timestamp {@code s} when
 * {@code begin <= s < end}.
 */
package org.vsldb.storage.table;
