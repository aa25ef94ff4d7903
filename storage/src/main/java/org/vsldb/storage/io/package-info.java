/**
 * The one seam through which the store touches files: {@link org.vsldb.storage.io.FileSystem}
 * and {@link org.vsldb.storage.io.DurableFile}. Production uses {@link
 * org.vsldb.storage.io.NioFileSystem}; tests substitute implementations that lose unforced bytes,
 * tear writes or fail with I/O errors.
 */
package org.vsldb.storage.io;
