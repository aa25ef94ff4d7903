package org.vsldb.sql.plan.metadata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.janino.RelMetadataHandlerGeneratorUtil;

/**
 * The metadata handlers of Calcite's default metadata provider, compiled with vsl instead of at run
 * time. Calcite answers a plan's metadata (row counts, costs, predicates, ...) through one handler
 * class per kind of metadata, whose Java source its {@link RelMetadataHandlerGeneratorUtil} writes
 * and Janino compiles when a JVM first asks for that kind ({@link JaninoRelMetadataProvider}): 20
 * to 40 ms each in a fresh JVM, two of them in the first statement of every JVM (row count and
 * cost) and more in its first join or aggregate.
 *
 * <p>The {@code GeneratedMetadata_*} classes of this package are that generator's output for
 * {@link DefaultRelMetadataProvider#INSTANCE}, made by the build from the Calcite it builds with
 * ({@link HandlerSources}, run in the {@code process-classes} phase, {@code sql/pom.xml}) with
 * only the changes javac needs ({@link Source}), and compiled with the module. Each handler is
 * made once per JVM from the provider's own handler objects, as Janino's would be, and shared by
 * every {@link org.apache.calcite.rel.metadata.RelMetadataQuery} of vsl's planner, which uses
 * this provider. A kind of metadata without a class here (a build that skipped the step, such as
 * an IDE's) falls back to Janino.
 */
public final class PrecompiledHandlers implements MetadataHandlerProvider {
  public static final PrecompiledHandlers INSTANCE = new PrecompiledHandlers();

  private final ConcurrentHashMap<Class<?>, MetadataHandler<?>> made = new ConcurrentHashMap<>();

  private PrecompiledHandlers() {}

  @Override
  public <MH extends MetadataHandler<?>> MH handler(Class<MH> handlerClass) {
    MetadataHandler<?> h = made.get(handlerClass);
    if (h == null) {
      h = made.computeIfAbsent(handlerClass, PrecompiledHandlers::make);
    }
    return handlerClass.cast(h);
  }

  @Override
  public <MH extends MetadataHandler<?>> MH revise(Class<MH> handlerClass) {
    MetadataHandler<?> h = made.get(handlerClass);
    return h != null && !java.lang.reflect.Proxy.isProxyClass(h.getClass())
        ? handlerClass.cast(h)
        : JaninoRelMetadataProvider.DEFAULT.revise(handlerClass);
  }

  @SuppressWarnings("unchecked")
  private static MetadataHandler<?> make(Class<?> handlerClass) {
    Class<? extends MetadataHandler<?>> hc = (Class<? extends MetadataHandler<?>>) handlerClass;
    Class<?> generated;
    try {
      generated = Class.forName(PrecompiledHandlers.class.getPackageName() + "." + Source.className(hc),
          true, PrecompiledHandlers.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return JaninoRelMetadataProvider.DEFAULT.handler(hc);
    }
    List<MetadataHandler<?>> providers =
        DefaultRelMetadataProvider.INSTANCE.handlers(hc).stream().distinct().toList();
    try {
      return (MetadataHandler<?>) generated.getDeclaredConstructors()[0].newInstance(providers.toArray());
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException
        | IllegalArgumentException e) {
      throw new IllegalStateException("precompiled metadata handler " + generated.getName()
          + " does not fit this Calcite's provider (PrecompiledHandlersTest)", e);
    }
  }

  /**
   * The source of a precompiled handler: Calcite's generated code, made compilable by javac in
   * this package. Three changes, none to what the code does: the package; a handler object whose
   * class javac cannot name here (a private nested class of Calcite's) is declared as its nearest
   * public superclass, which declares every method the code calls on it but {@code getDef()}, called
   * through {@link MetadataHandler} instead (the calls still reach the object's own methods); and nested classes written with their binary names ({@code A$B}, which
   * Janino accepts) are written {@code A.B}, outside string literals.
   */
  record Source(String className, String code) {
    private static final Pattern BINARY_NAME = Pattern.compile("(org\\.apache\\.calcite\\.[\\w.]*[A-Z]\\w*)\\$(\\w+)");

    /** The name Calcite's generator gives the handler of {@code handlerClass}. */
    static String className(Class<? extends MetadataHandler<?>> handlerClass) {
      String simple = handlerClass.getSimpleName();
      if (!simple.equals("Handler")) {
        return "GeneratedMetadata_" + simple;
      }
      String[] parts = handlerClass.getName().split("[.$]");
      return "GeneratedMetadata_" + parts[parts.length - 2] + parts[parts.length - 1];
    }

    /** Calcite's generated source for the default provider's handlers, moved to this package. */
    static Source of(Class<? extends MetadataHandler<?>> handlerClass) {
      List<MetadataHandler<?>> providers =
          DefaultRelMetadataProvider.INSTANCE.handlers(handlerClass).stream().distinct().toList();
      RelMetadataHandlerGeneratorUtil.HandlerNameAndGeneratedCode g =
          RelMetadataHandlerGeneratorUtil.generateHandler(handlerClass, providers);
      String from = "package " + RelMetadataHandlerGeneratorUtil.class.getPackageName() + ";\n";
      String to = "package " + PrecompiledHandlers.class.getPackageName() + ";\n\n"
          + "// Generated by the build with Calcite's RelMetadataHandlerGeneratorUtil for\n"
          + "// DefaultRelMetadataProvider; see PrecompiledHandlers.\n";
      String code = g.getGeneratedCode();
      if (!code.contains(from)) {
        throw new IllegalStateException("unexpected generated source for " + handlerClass.getName());
      }
      code = code.replace(from, to);
      for (MetadataHandler<?> p : providers) {
        Class<?> c = p.getClass();
        if (!nameable(c)) {
          Class<?> up = c;
          while (!nameable(up)) {
            up = up.getSuperclass();
          }
          code = code.replace(c.getName() + " ", up.getName() + " ");
          // getDef(), which the generated getDef() calls on the first handler object, is declared by
          // the private class (as MetadataHandler's), not by the superclass
          code = code.replace("return provider0.getDef();",
              "return ((" + MetadataHandler.class.getName() + "<?>) provider0).getDef();");
        }
      }
      StringBuilder out = new StringBuilder();
      String[] parts = code.split("\"", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          out.append('"');
        }
        String part = parts[i];
        if (i % 2 == 0) {
          for (String before = null; !part.equals(before); ) {
            before = part;
            part = BINARY_NAME.matcher(part).replaceAll("$1.$2");
          }
        }
        out.append(part);
      }
      return new Source(className(handlerClass), out.toString());
    }

    /** Whether javac can name {@code c} from another package: it and its enclosing classes are public. */
    private static boolean nameable(Class<?> c) {
      for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
        if (!Modifier.isPublic(k.getModifiers())) {
          return false;
        }
      }
      return true;
    }
  }
}
