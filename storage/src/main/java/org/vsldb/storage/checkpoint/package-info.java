/**
 * CHECKPOINT: a new {@code database.db} and a fresh {@code database.vsl}, in steps that a crash
 * may interrupt anywhere (guarantee 5 of PRODUCT.md section 4). See {@link
 * org.vsldb.storage.checkpoint.Checkpointer}.
 */
package org.vsldb.storage.checkpoint;
