/**
 * Turning SQL text into compiled plans with Calcite: parse (vsl's extended grammar), validate,
 * convert to relational algebra, optimize with the Volcano planner, generate code with Janino.
 */
package org.vsldb.sql.plan;
