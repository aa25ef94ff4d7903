package org.vsldb.tck.jar.lambdas;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * Every shape of lambda and method reference that javac makes, each printing what it computes:
 * {@code LambdaClassesTest} runs this before and after the build step that turns call sites into
 * classes and compares the output. Each line names its shape.
 */
public final class LambdaShapes extends AbstractList<Integer> {
  /** A functional interface whose method javac must bridge (altMetafactory with bridges). */
  interface Upper extends Function<String, String> {
    @Override
    String apply(String s);
  }

  /** A marker interface for an intersection cast (altMetafactory with markers). */
  interface Marker {}

  /** Lambdas in an interface: private static bodies, a default method capturing this. */
  interface Greeter {
    String name();

    default Supplier<String> greeting(String greeting) {
      return () -> greeting + ", " + name();
    }

    static Function<String, String> shout() {
      return s -> s.toUpperCase() + "!";
    }
  }

  private static final class Secret {
    private final String text;

    private Secret(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return "secret " + text;
    }
  }

  private final List<Integer> items = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6));
  private final String label = "shapes";

  @Override
  public Integer get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  protected void removeRange(int from, int to) {
    items.subList(from, to).clear();
  }

  private static String privateStatic(String s) {
    return "[" + s + "]";
  }

  private String privateInstance(int n) {
    return label + "#" + n;
  }

  @Override
  public String toString() {
    return "LambdaShapes" + items;
  }

  private static void print(String shape, Object value) {
    System.out.println(shape + ": " + value);
  }

  public static void main(String[] args) {
    LambdaShapes self = new LambdaShapes();
    self.run();
  }

  private void run() {
    Supplier<String> constant = () -> "constant";
    print("non-capturing lambda", constant.get());
    int i = 7;
    long l = 1L << 40;
    double d = 2.5;
    String s = "text";
    Supplier<String> captures = () -> s + i + l + d;
    print("lambda capturing int, long, double, String", captures.get());
    IntSupplier capturesThis = () -> items.size() + i;
    print("lambda capturing this", capturesThis.getAsInt());
    Function<String, Integer> parse = Integer::parseInt;
    print("static method reference, boxed result", parse.apply("42") + 1);
    ToIntFunction<String> length = String::length;
    print("unbound instance method reference", length.applyAsInt("four"));
    ToLongFunction<String> widened = String::length;
    print("int result widened to long", widened.applyAsLong("eleven") * 3);
    Function<Integer, Long> unboxWiden = Long::valueOf;
    print("Integer argument unboxed and widened to long", unboxWiden.apply(9));
    StringBuilder sb = new StringBuilder("sb");
    Function<String, StringBuilder> bound = sb::append;
    bound.apply("+appended");
    print("bound instance method reference", sb);
    Supplier<List<String>> ctor = ArrayList::new;
    List<String> made = ctor.get();
    made.add("x");
    print("constructor reference", made);
    IntFunction<StringBuilder> ctorWithInt = StringBuilder::new;
    print("constructor reference with an int", ctorWithInt.apply(16).capacity());
    Function<String, String> privateRef = LambdaShapes::privateStatic;
    print("private static method reference", privateRef.apply("p"));
    IntFunction<String> privateInstanceRef = this::privateInstance;
    print("private instance method reference", privateInstanceRef.apply(3));
    Function<String, Secret> privateCtor = Secret::new;
    print("private constructor reference", privateCtor.apply("s"));
    BiConsumer<Integer, Integer> protectedRef = this::removeRange;
    protectedRef.accept(0, 2);
    print("protected method of another package, Integer arguments unboxed", this);
    Upper upper = x -> x.toUpperCase();
    Function<String, String> asFunction = upper;
    print("bridged interface method", asFunction.apply("bridge") + upper.apply("d"));
    Runnable marked = (Runnable & Marker) () -> print("marker interface", "run");
    marked.run();
    print("marker interface implemented", marked instanceof Marker);
    Supplier<String> serializable = (Supplier<String> & Serializable) () -> "serializable";
    print("serializable lambda", serializable.get() + " " + (serializable instanceof Serializable));
    Greeter greeter = () -> "Ada";
    print("default method lambda capturing this", greeter.greeting("Hello").get());
    print("static interface method lambda", Greeter.shout().apply("quiet"));
    IntFunction<int[]> array = int[]::new;
    print("array constructor reference", array.apply(4).length);
    BiFunction<String, Object[], String> format = String::format;
    print("varargs method reference", format.apply("%s-%s", new Object[] {"a", "b"}));
    Supplier<String> superRef = super::toString;
    print("super method reference", superRef.get());
    List<String> sink = new ArrayList<>();
    Consumer<String> adds = sink::add;
    adds.accept("added");
    print("value returned by the method dropped", sink);
    Predicate<Character> digit = Character::isDigit;
    print("Character argument unboxed to char", digit.test('7') + " " + digit.test('x'));
    DoubleBinaryOperator max = Math::max;
    print("double arguments", max.applyAsDouble(1.5, -2.0));
    ToDoubleFunction<Integer> half = n -> n / 2.0;
    print("Integer to double", half.applyAsDouble(5));
    LongSupplier longs = () -> l + i;
    print("long result", longs.getAsLong());
    UnaryOperator<String> twice = x -> x + x;
    print("generic instantiated type", twice.andThen(String::length).apply("ab"));
    Comparator<String> byLength = Comparator.comparing(String::length);
    List<String> words = new ArrayList<>(List.of("ccc", "a", "bb"));
    words.sort(byLength.thenComparing(Comparator.reverseOrder()));
    print("comparators from method references", words);
    Supplier<String> first = LambdaShapes::name;
    Supplier<String> second = LambdaShapes::name;
    print("two call sites, two instances", first != second);
    print("one call site, one instance", sameInstance() == sameInstance());
    Function<Object, String> valueOf = String::valueOf;
    print("Object argument to a static method", valueOf.apply(12.0f));
  }

  private static String name() {
    return "name";
  }

  private static Supplier<String> sameInstance() {
    return () -> "same";
  }
}
