package org.vsldb.sql.plan.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.junit.jupiter.api.Test;

/**
 * {@link PrecompiledHandlers}: every handler a {@link RelMetadataQuery} asks for is one the build
 * generated with Calcite's generator and compiled ({@link HandlerSources}), not a Janino proxy,
 * made once from the default provider's handler objects; and the generated source is Calcite's.
 */
class PrecompiledHandlersTest {
  @Test
  void everyBuiltInHandler_isPrecompiled_andTheSameInstanceEachTime() {
    List<Class<? extends MetadataHandler<?>>> handlers = HandlerSources.builtInHandlers();
    assertTrue(handlers.size() >= 25, "found " + handlers.size() + " handler interfaces");
    for (Class<? extends MetadataHandler<?>> h : handlers) {
      MetadataHandler<?> handler = PrecompiledHandlers.INSTANCE.handler(h);
      assertNotNull(handler, h.getName());
      assertEquals(PrecompiledHandlers.Source.className(h), handler.getClass().getSimpleName(), h.getName());
      assertEquals(PrecompiledHandlers.class.getPackageName(), handler.getClass().getPackageName());
      assertSame(handler, PrecompiledHandlers.INSTANCE.handler(h));
      assertSame(handler, PrecompiledHandlers.INSTANCE.revise(h));
    }
    assertNotNull(new RelMetadataQuery(PrecompiledHandlers.INSTANCE).getRowCount(
        org.apache.calcite.rel.logical.LogicalValues.createOneRow(
            org.apache.calcite.plan.RelOptCluster.create(
                new org.apache.calcite.plan.volcano.VolcanoPlanner(),
                new org.apache.calcite.rex.RexBuilder(new org.apache.calcite.sql.type.SqlTypeFactoryImpl(
                    org.apache.calcite.rel.type.RelDataTypeSystem.DEFAULT))))));
  }

  @Test
  void theSource_isCalcitesGeneratedCode_withOnlyTheNamesJavacNeeds() {
    PrecompiledHandlers.Source rowCount = PrecompiledHandlers.Source.of(BuiltInMetadata.RowCount.Handler.class);
    assertEquals("GeneratedMetadata_RowCountHandler", rowCount.className());
    assertTrue(rowCount.code().contains("package org.vsldb.sql.plan.metadata;"), rowCount.code());
    assertTrue(rowCount.code().contains("public final class GeneratedMetadata_RowCountHandler"));
    assertTrue(rowCount.code().contains("implements org.apache.calcite.rel.metadata.BuiltInMetadata.RowCount.Handler"));
    // a private nested class of Calcite's, named by its public superclass; getDef through the interface
    String cost = PrecompiledHandlers.Source.of(BuiltInMetadata.NonCumulativeCost.Handler.class).code();
    assertTrue(cost.contains("public final org.apache.calcite.rel.metadata.RelMdPercentageOriginalRows provider0;"), cost);
    assertTrue(cost.contains("return ((org.apache.calcite.rel.metadata.MetadataHandler<?>) provider0).getDef();"), cost);
    // binary names become canonical outside strings, and stay inside them
    assertTrue(cost.contains("org.apache.calcite.rel.metadata.BuiltInMetadata$NonCumulativeCost$Handler.getNonCumulativeCost"), cost);
  }
}
