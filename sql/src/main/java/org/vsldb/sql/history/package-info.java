/**
 * The log read as history: the {@code VSL_LOG} table function ({@link LogFunction}), one row per
 * logged change ({@link LogRows}), and the same changes as printable lines for the shell
 * ({@link LogLines}).
 */
package org.vsldb.sql.history;
