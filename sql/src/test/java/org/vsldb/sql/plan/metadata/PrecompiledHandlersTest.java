package org.vsldb.sql.plan.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.junit.jupiter.api.Test;

/**
 * {@link PrecompiledHandlers}: the checked-in handler sources are exactly what Calcite's own
 * generator makes for its default metadata provider today (so a Calcite upgrade that changes them
 * fails here, and the sources it wants are written under {@code target/} to be copied in), and
 * every handler a {@link RelMetadataQuery} asks for comes from them, with no Janino compilation.
 */
class PrecompiledHandlersTest {
  private static final Path SOURCES = Path.of("src/main/java/org/vsldb/sql/plan/metadata");
  private static final Path WANTED = Path.of("target/wanted-metadata-handlers");

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

  @Test
  void checkedInSources_areWhatCalcitesGeneratorMakesForTheDefaultProvider() throws IOException {
    List<Class<? extends MetadataHandler<?>>> handlers = builtInHandlers();
    assertTrue(handlers.size() >= 25, "found " + handlers.size() + " handler interfaces");
    List<String> stale = new ArrayList<>();
    for (Class<? extends MetadataHandler<?>> h : handlers) {
      PrecompiledHandlers.Source wanted = PrecompiledHandlers.Source.of(h);
      Path file = SOURCES.resolve(wanted.className() + ".java");
      String have = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      if (!have.equals(wanted.code())) {
        stale.add(file.toString());
        Files.createDirectories(WANTED);
        Files.writeString(WANTED.resolve(wanted.className() + ".java"), wanted.code(), StandardCharsets.UTF_8);
      }
    }
    assertEquals(List.of(), stale, "stale or missing handler sources: copy them from " + WANTED.toAbsolutePath());
  }

  @Test
  void aMetadataQuery_getsEveryHandlerPrecompiled_andTheSameInstanceEachTime() {
    for (Class<? extends MetadataHandler<?>> h : builtInHandlers()) {
      MetadataHandler<?> handler = PrecompiledHandlers.INSTANCE.handler(h);
      assertNotNull(handler, h.getName());
      assertEquals(PrecompiledHandlers.Source.of(h).className(), handler.getClass().getSimpleName(), h.getName());
      assertEquals(PrecompiledHandlers.class.getPackageName(), handler.getClass().getPackageName());
      assertSame(handler, PrecompiledHandlers.INSTANCE.handler(h));
      assertSame(handler, PrecompiledHandlers.INSTANCE.revise(h));
    }
    RelMetadataQuery mq = new RelMetadataQuery(PrecompiledHandlers.INSTANCE);
    assertNotNull(mq);
    // the handlers Janino would compile for the same provider do the same work
    assertEquals(JaninoRelMetadataProvider.DEFAULT.handlers(BuiltInMetadata.RowCount.Handler.class),
        org.apache.calcite.rel.metadata.DefaultRelMetadataProvider.INSTANCE.handlers(BuiltInMetadata.RowCount.Handler.class));
  }
}
