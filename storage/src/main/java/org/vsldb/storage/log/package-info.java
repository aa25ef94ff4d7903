/**
 * The {@code database.vsl} redo log: its format constants ({@link org.vsldb.storage.log.LogFormat}),
 * the record codec, the writer and the reader. The format is specified in {@code docs/FORMATS.md}.
 */
package org.vsldb.storage.log;
