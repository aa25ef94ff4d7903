package org.vsldb.sql.plan.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataHandler;

/**
 * Writes the sources of the precompiled metadata handlers ({@link PrecompiledHandlers}): one
 * {@code GeneratedMetadata_*.java} per handler interface of Calcite's built-in metadata, as
 * Calcite's generator makes it for its default provider. The build runs it after compiling the
 * module and compiles what it writes into the module's classes ({@code sql/pom.xml}).
 */
public final class HandlerSources {
  private HandlerSources() {}

  /** Writes the sources into the directory {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]).resolve(PrecompiledHandlers.class.getPackageName().replace('.', '/'));
    Files.createDirectories(dir);
    for (Class<? extends MetadataHandler<?>> h : builtInHandlers()) {
      PrecompiledHandlers.Source s = PrecompiledHandlers.Source.of(h);
      Files.writeString(dir.resolve(s.className() + ".java"), s.code(), StandardCharsets.UTF_8);
    }
  }

  /** Every handler interface of Calcite's built-in metadata. */
  @SuppressWarnings("unchecked")
  static List<Class<? extends MetadataHandler<?>>> builtInHandlers() {
    List<Class<? extends MetadataHandler<?>>> out = new ArrayList<>();
    for (Class<?> metadata : BuiltInMetadata.class.getClasses()) {
      for (Class<?> nested : metadata.getClasses()) {
        if (nested.getSimpleName().equals("Handler") && MetadataHandler.class.isAssignableFrom(nested)) {
          out.add((Class<? extends MetadataHandler<?>>) nested);
        }
      }
    }
    return out;
  }
}
