package org.vsldb.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A build step of the shaded jar: each lambda and method reference whose call site the shell's
 * training run linked becomes a class of its own, made here, and the call site a call of that
 * class's factory method. On JDK 17 linking a lambda call site costs about 0.1 ms of the
 * interpreter's time even when the class data sharing archive holds the lambda's class (the
 * bootstrap method runs through {@code LambdaMetafactory} every time), against about 0.015 ms
 * to load a plain class from the archive; the shell's first statement links about 1,100 of them
 * (docs/benchmarks.md, eighteenth session).
 *
 * <p>Usage: {@code LambdaClasses <jar> <class list> }, where the class list is what
 * {@code -XX:DumpLoadedClassList} wrote for a run of the jar: its {@code @lambda-proxy} lines name
 * the call sites linked (host class, method name, call site type, erased and instantiated method
 * types, implementation method). The jar is rewritten in place.
 *
 * <p>The class made for a call site does what {@code LambdaMetafactory}'s spun class does: it
 * implements the functional interface (and the marker interfaces and bridges of
 * {@code altMetafactory}), keeps the captured values in fields, and its method converts the
 * arguments (casts, boxing, unboxing and widening, as {@code TypeConvertingMethodAdapter} does)
 * and calls the implementation method. A call site without captured values returns one instance,
 * as the JDK's does. The class lives in the host's package and is not a nest mate of it: where it
 * may not call the implementation method itself (a private method or constructor, such as the
 * host's {@code lambda$} bodies, a protected method of another package, {@code invokespecial} of a
 * super method), it calls a static accessor added to the host ({@code access$vslLambda$<n>}),
 * which calls the method as the call site's handle does. Serializable lambdas are left to
 * {@code LambdaMetafactory}, and so are the call sites of a class the JDK could load but ASM
 * cannot read.
 */
public final class LambdaClasses {
  private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
  private static final int FLAG_SERIALIZABLE = 1;
  private static final int FLAG_MARKERS = 2;
  private static final int FLAG_BRIDGES = 4;

  private final Map<String, byte[]> classes;
  private final Map<String, Set<String>> linkedSites;
  private final Map<String, ClassInfo> infos = new HashMap<>();

  private LambdaClasses(Map<String, byte[]> classes, Map<String, Set<String>> linkedSites) {
    this.classes = classes;
    this.linkedSites = linkedSites;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: LambdaClasses <jar> <class list>");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Map<String, Set<String>> sites = linkedSites(Files.readAllLines(Path.of(args[1])));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    Map<String, Long> times = new HashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          entries.put(e.getName(), in.readAllBytes());
        }
        times.put(e.getName(), e.getTime());
      }
    }
    Map<String, byte[]> classes = new HashMap<>();
    entries.forEach((name, bytes) -> {
      if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
        classes.put(name.substring(0, name.length() - ".class".length()), bytes);
      }
    });
    LambdaClasses step = new LambdaClasses(classes, sites);
    Map<String, byte[]> added = new LinkedHashMap<>();
    int replaced = 0;
    int left = 0;
    Set<String> versioned = versioned(entries);
    for (String host : sites.keySet()) {
      if (!classes.containsKey(host) || versioned.contains(host)) {
        continue;
      }
      Result r;
      try {
        r = step.rewrite(host);
      } catch (RuntimeException e) {
        // a class ASM cannot read (such as one whose type annotations point past its code) stays as it is
        System.out.println("lambda call sites of " + host + " left: " + e);
        continue;
      }
      if (r == null) {
        continue;
      }
      entries.put(host + ".class", r.host);
      for (Map.Entry<String, byte[]> g : r.generated.entrySet()) {
        added.put(g.getKey() + ".class", g.getValue());
        times.put(g.getKey() + ".class", times.get(host + ".class"));
      }
      replaced += r.generated.size();
      left += r.left;
    }
    entries.putAll(added);
    Path tmp = jar.resolveSibling(jar.getFileName() + ".lambdas");
    try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(times.get(e.getKey()));
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("lambda call sites made classes: " + replaced + "; left to LambdaMetafactory: " + left);
  }

  /**
   * The classes a multi-release entry replaces on some JDK ({@code META-INF/versions/<n>/<class>}):
   * their call sites are left alone, since the JDK may load the other version.
   */
  private static Set<String> versioned(Map<String, byte[]> entries) {
    Set<String> versioned = new HashSet<>();
    for (String name : entries.keySet()) {
      if (name.startsWith("META-INF/versions/") && name.endsWith(".class")) {
        String rest = name.substring("META-INF/versions/".length());
        versioned.add(rest.substring(rest.indexOf('/') + 1, rest.length() - ".class".length()));
      }
    }
    return versioned;
  }

  /**
   * The {@code @lambda-proxy} lines of a class list, by host class: each as the key
   * {@link #siteKey} makes. A line of another shape fails the build: the format belongs to the JDK.
   */
  static Map<String, Set<String>> linkedSites(List<String> lines) {
    Map<String, Set<String>> sites = new LinkedHashMap<>();
    for (String line : lines) {
      if (!line.startsWith("@lambda-proxy ")) {
        continue;
      }
      String[] f = line.trim().split(" ");
      if (f.length != 10) {
        throw new IllegalArgumentException("unexpected @lambda-proxy line: " + line);
      }
      // host, method name, call site type, erased type, kind, owner, name, type, instantiated
      String key = siteKey(f[2], f[3], f[4], f[6], f[7], f[8], f[9]);
      sites.computeIfAbsent(f[1], h -> new HashSet<>()).add(key);
    }
    return sites;
  }

  private static String siteKey(String name, String callType, String erased, String owner,
      String implName, String implType, String instantiated) {
    return String.join(" ", name, callType, erased, owner, implName, implType, instantiated);
  }

  private record Result(byte[] host, Map<String, byte[]> generated, int left) {}

  /**
   * One call site to replace, found in the host's code: {@code target} is the method the generated
   * class calls, the implementation method itself or the host's accessor of it.
   */
  private record Site(String name, String callType, Type erased, Handle impl, Type instantiated,
      List<String> markers, List<Type> bridges, String generated, Handle target) {}

  private Result rewrite(String host) {
    ClassReader reader = new ClassReader(classes.get(host));
    ClassInfo hostInfo = info(host);
    Set<String> keys = linkedSites.get(host);
    // first pass: the call sites to replace, in order
    List<Site> sites = new ArrayList<>();
    int[] left = {0};
    reader.accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitInvokeDynamicInsn(String indyName, String indyDesc, Handle bsm, Object... args) {
            if (!bsm.getOwner().equals(METAFACTORY)) {
              return;
            }
            Type erased = (Type) args[0];
            Handle impl = (Handle) args[1];
            Type instantiated = (Type) args[2];
            String key = siteKey(indyName, indyDesc, erased.getDescriptor(), impl.getOwner(), impl.getName(),
                impl.getDesc(), instantiated.getDescriptor());
            if (!keys.contains(key)) {
              return;
            }
            List<String> markers = new ArrayList<>();
            List<Type> bridges = new ArrayList<>();
            if (bsm.getName().equals("altMetafactory")) {
              int flags = (Integer) args[3];
              int i = 4;
              if ((flags & FLAG_SERIALIZABLE) != 0) {
                left[0]++;
                return;
              }
              if ((flags & FLAG_MARKERS) != 0) {
                int n = (Integer) args[i++];
                for (int m = 0; m < n; m++) {
                  markers.add(((Type) args[i++]).getInternalName());
                }
              }
              if ((flags & FLAG_BRIDGES) != 0) {
                int n = (Integer) args[i++];
                for (int b = 0; b < n; b++) {
                  bridges.add((Type) args[i++]);
                }
              }
            } else if (!bsm.getName().equals("metafactory")) {
              return;
            }
            int n = sites.size() + 1;
            String generated = host + "$$VslLambda$" + n;
            if (classes.containsKey(generated) || hostInfo.methods().keySet().stream()
                .anyMatch(m -> m.startsWith(ACCESSOR + n + "("))) {
              left[0]++;
              return;
            }
            Handle target = callable(hostInfo, impl) ? impl : new Handle(Opcodes.H_INVOKESTATIC, host, ACCESSOR + n,
                accessorType(host, impl).getDescriptor(), hostInfo.isInterface());
            sites.add(new Site(indyName, indyDesc, erased, impl, instantiated, markers, bridges, generated, target));
          }
        };
      }
    }, 0);
    if (sites.isEmpty()) {
      return left[0] == 0 ? null : new Result(classes.get(host), Map.of(), left[0]);
    }
    // second pass: the host with the call sites replaced and the accessors added
    ClassWriter writer = new ClassWriter(0);
    int[] next = {0};
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, signature, exceptions)) {
          @Override
          public void visitInvokeDynamicInsn(String indyName, String indyDesc, Handle bsm, Object... args) {
            if (next[0] < sites.size() && bsm.getOwner().equals(METAFACTORY)) {
              Site s = sites.get(next[0]);
              if (s.name.equals(indyName) && s.callType.equals(indyDesc) && s.impl.equals(args[1])
                  && s.erased.equals(args[0]) && s.instantiated.equals(args[2])) {
                next[0]++;
                super.visitMethodInsn(Opcodes.INVOKESTATIC, s.generated, "get$Lambda", indyDesc, false);
                return;
              }
            }
            super.visitInvokeDynamicInsn(indyName, indyDesc, bsm, args);
          }
        };
      }

      @Override
      public void visitEnd() {
        for (Site s : sites) {
          if (s.target != s.impl) {
            writeAccessor(cv, hostInfo, s.impl, s.target);
          }
        }
        super.visitEnd();
      }
    }, 0);
    if (next[0] != sites.size()) {
      throw new IllegalStateException(host + ": " + sites.size() + " call sites found, " + next[0] + " replaced");
    }
    Map<String, byte[]> generated = new LinkedHashMap<>();
    for (Site s : sites) {
      generated.put(s.generated, LambdaClassWriter.write(s.generated, s.name, Type.getMethodType(s.callType),
          s.erased, s.target, s.instantiated, s.markers, s.bridges));
    }
    return new Result(writer.toByteArray(), generated, left[0]);
  }

  /** The name of the host's static accessors of implementation methods, followed by the site's number. */
  private static final String ACCESSOR = "access$vslLambda$";

  /**
   * The type of the host's accessor of {@code impl}: its parameters, after the receiver (of the
   * host's type, which a protected or {@code invokespecial} call needs) for an instance method, and
   * the object made for a constructor.
   */
  private static Type accessorType(String host, Handle impl) {
    Type t = Type.getMethodType(impl.getDesc());
    List<Type> params = new ArrayList<>();
    switch (impl.getTag()) {
      case Opcodes.H_INVOKEVIRTUAL, Opcodes.H_INVOKEINTERFACE, Opcodes.H_INVOKESPECIAL ->
          params.add(Type.getObjectType(host));
      default -> { }
    }
    params.addAll(List.of(t.getArgumentTypes()));
    Type result = impl.getTag() == Opcodes.H_NEWINVOKESPECIAL ? Type.getObjectType(impl.getOwner()) : t.getReturnType();
    return Type.getMethodType(result, params.toArray(new Type[0]));
  }

  /**
   * A static method of the host that calls {@code impl} as the call site's handle does, for the
   * generated class, which may not: the host could, as its own lookup resolved the handle. Its code
   * has no branches, so it needs no stack map frame.
   */
  private static void writeAccessor(ClassVisitor cv, ClassInfo host, Handle impl, Handle accessor) {
    int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | (host.isInterface() ? Opcodes.ACC_PUBLIC : 0);
    MethodVisitor mv = cv.visitMethod(access, accessor.getName(), accessor.getDesc(), null, null);
    mv.visitCode();
    Type type = Type.getMethodType(accessor.getDesc());
    int stack = 0;
    if (impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
      mv.visitTypeInsn(Opcodes.NEW, impl.getOwner());
      mv.visitInsn(Opcodes.DUP);
      stack = 2;
    }
    int slot = 0;
    for (Type p : type.getArgumentTypes()) {
      mv.visitVarInsn(p.getOpcode(Opcodes.ILOAD), slot);
      slot += p.getSize();
    }
    stack += slot;
    LambdaClassWriter.invoke(mv, impl);
    mv.visitInsn(type.getReturnType().getOpcode(Opcodes.IRETURN));
    mv.visitMaxs(Math.max(stack, type.getReturnType().getSize()), slot);
    mv.visitEnd();
  }

  /**
   * Whether a class in the host's package can call the implementation method as the handle does:
   * a method or constructor it may access, and no {@code invokespecial} of a method.
   */
  private boolean callable(ClassInfo host, Handle impl) {
    if (impl.getTag() == Opcodes.H_INVOKESPECIAL) {
      return false;
    }
    String pkg = packageOf(host.name());
    ClassInfo owner = info(impl.getOwner());
    if (owner == null || !(owner.isPublic() || packageOf(owner.name()).equals(pkg))) {
      return false;
    }
    // the declaring class: the owner or the first of its supertypes that declares the method
    for (ClassInfo c = owner; c != null; ) {
      Integer access = c.methods().get(impl.getName() + impl.getDesc());
      if (access != null) {
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
          return true;
        }
        return (access & Opcodes.ACC_PRIVATE) == 0 && packageOf(c.name()).equals(pkg);
      }
      if (impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
        return false; // constructors are not inherited
      }
      ClassInfo found = null;
      List<String> supers = new ArrayList<>(c.interfaces());
      if (c.superName() != null) {
        supers.add(0, c.superName());
      }
      for (String s : supers) {
        ClassInfo si = info(s);
        if (si == null) {
          return false;
        }
        if (declares(si, impl.getName() + impl.getDesc())) {
          found = si;
          break;
        }
      }
      c = found;
    }
    return false;
  }

  private boolean declares(ClassInfo c, String method) {
    if (c.methods().containsKey(method)) {
      return true;
    }
    List<String> supers = new ArrayList<>(c.interfaces());
    if (c.superName() != null) {
      supers.add(c.superName());
    }
    for (String s : supers) {
      ClassInfo si = info(s);
      if (si != null && declares(si, method)) {
        return true;
      }
    }
    return false;
  }

  private static String packageOf(String internalName) {
    int slash = internalName.lastIndexOf('/');
    return slash < 0 ? "" : internalName.substring(0, slash);
  }

  /** What this step needs of a class: its access, supertypes and methods' access by name + descriptor. */
  private record ClassInfo(String name, int access, String superName, List<String> interfaces,
      Map<String, Integer> methods) {
    boolean isPublic() {
      return (access & Opcodes.ACC_PUBLIC) != 0;
    }

    boolean isInterface() {
      return (access & Opcodes.ACC_INTERFACE) != 0;
    }
  }

  /** A class of the jar, or of the JDK that runs this step; null if neither has it (or ASM cannot read it). */
  private ClassInfo info(String name) {
    if (infos.containsKey(name)) {
      return infos.get(name);
    }
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
        bytes = in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        bytes = null;
      }
    }
    ClassInfo info = null;
    ClassReader r = null;
    try {
      r = bytes == null ? null : new ClassReader(bytes);
    } catch (IllegalArgumentException newerThanAsm) {
      // a JDK class of a version this ASM cannot read: unknown, so the host's accessor calls it
    }
    if (r != null) {
      Map<String, Integer> methods = new HashMap<>();
      r.accept(new ClassVisitor(Opcodes.ASM9) {
        @Override
        public MethodVisitor visitMethod(int access, String n, String d, String s, String[] e) {
          methods.put(n + d, access);
          return null;
        }
      }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      info = new ClassInfo(r.getClassName(), r.getAccess(), r.getSuperName(), List.of(r.getInterfaces()), methods);
    }
    infos.put(name, info);
    return info;
  }
}
