/**
 * DDL: turns parsed CREATE, DROP and ALTER statements into new table, index, schema and view
 * definitions for the store, checking names, types and references first.
 */
package org.vsldb.sql.ddl;
