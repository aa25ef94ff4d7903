package org.vsldb.storage.table;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Lazy iterator adapters shared by the table and transaction read paths. */
public final class Iterators {
  private Iterators() {}

  /** The non-null results of {@code f} over {@code source}, in order, computed as they are read. */
  public static <T, R> Iterator<R> mapNonNull(Iterator<T> source, Function<? super T, ? extends R> f) {
    return new Iterator<>() {
      R next = advance();

      private R advance() {
        while (source.hasNext()) {
          R r = f.apply(source.next());
          if (r != null) {
            return r;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public R next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        R r = next;
        next = advance();
        return r;
      }
    };
  }
}
