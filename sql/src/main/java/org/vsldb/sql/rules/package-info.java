/**
 * vsl's planner rules and the relational operators they produce: {@link
 * org.vsldb.sql.rules.StoreRules} holds the rule instances; {@link
 * org.vsldb.sql.rules.StoreIndexLookup} reads a row through the primary-key index.
 */
package org.vsldb.sql.rules;
