/**
 * The Calcite adapter over the store: {@link org.vsldb.sql.schema.StoreSchema} exposes the
 * catalog's schemas and {@link org.vsldb.sql.schema.StoreTable} each table.
 */
package org.vsldb.sql.schema;
