package org.vsldb.build;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the class of one lambda call site ({@link LambdaClasses}): the class
 * {@code LambdaMetafactory} would spin for it, as a plain class. Its code has no branches, so it
 * needs no stack map frames; it is written as a Java 8 class.
 */
final class LambdaClassWriter {
  private static final String OBJECT = "java/lang/Object";

  private LambdaClassWriter() {}

  /**
   * @param name the class's internal name
   * @param method the functional interface's method
   * @param callType the call site's type: the captured values' types, returning the interface
   * @param erased the interface method's type (of the call site's {@code samMethodType})
   * @param impl the implementation method, callable from {@code name}'s package
   * @param instantiated the interface method's type as the call site instantiates it
   * @param markers more interfaces the class implements
   * @param bridges more types of the interface method, each implemented the same way
   */
  static byte[] write(String name, String method, Type callType, Type erased, Handle impl, Type instantiated,
      List<String> markers, List<Type> bridges) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    String iface = callType.getReturnType().getInternalName();
    List<String> interfaces = new ArrayList<>();
    interfaces.add(iface);
    interfaces.addAll(markers);
    cw.visit(Opcodes.V1_8, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, name, null, OBJECT,
        interfaces.toArray(new String[0]));
    Type[] captured = callType.getArgumentTypes();
    for (int i = 0; i < captured.length; i++) {
      cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "arg$" + (i + 1), captured[i].getDescriptor(), null, null)
          .visitEnd();
    }
    String constructor = Type.getMethodDescriptor(Type.VOID_TYPE, captured);
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE, "<init>", constructor, null, null);
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitMethodInsn(Opcodes.INVOKESPECIAL, OBJECT, "<init>", "()V", false);
    int slot = 1;
    for (int i = 0; i < captured.length; i++) {
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitVarInsn(captured[i].getOpcode(Opcodes.ILOAD), slot);
      mv.visitFieldInsn(Opcodes.PUTFIELD, name, "arg$" + (i + 1), captured[i].getDescriptor());
      slot += captured[i].getSize();
    }
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    // the factory the call site calls in place of invokedynamic: one instance if nothing is captured
    String ifaceDesc = "L" + iface + ";";
    if (captured.length == 0) {
      cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "INSTANCE", ifaceDesc, null, null)
          .visitEnd();
      mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
      mv.visitCode();
      mv.visitTypeInsn(Opcodes.NEW, name);
      mv.visitInsn(Opcodes.DUP);
      mv.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", "()V", false);
      mv.visitFieldInsn(Opcodes.PUTSTATIC, name, "INSTANCE", ifaceDesc);
      mv.visitInsn(Opcodes.RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
    mv = cw.visitMethod(Opcodes.ACC_STATIC, "get$Lambda", callType.getDescriptor(), null, null);
    mv.visitCode();
    if (captured.length == 0) {
      mv.visitFieldInsn(Opcodes.GETSTATIC, name, "INSTANCE", ifaceDesc);
    } else {
      mv.visitTypeInsn(Opcodes.NEW, name);
      mv.visitInsn(Opcodes.DUP);
      slot = 0;
      for (Type t : captured) {
        mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
        slot += t.getSize();
      }
      mv.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", constructor, false);
    }
    mv.visitInsn(Opcodes.ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    List<Type> types = new ArrayList<>();
    types.add(erased);
    for (Type b : bridges) {
      if (!types.contains(b)) {
        types.add(b);
      }
    }
    for (Type t : types) {
      forward(cw, name, method, t, captured, impl, instantiated);
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** The interface method of type {@code type}: converts the arguments and calls {@code impl}. */
  private static void forward(ClassWriter cw, String name, String method, Type type, Type[] captured, Handle impl,
      Type instantiated) {
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, method, type.getDescriptor(), null, null);
    mv.visitCode();
    Type implType = Type.getMethodType(impl.getDesc());
    List<Type> params = new ArrayList<>();
    boolean receiver = switch (impl.getTag()) {
      case Opcodes.H_INVOKEVIRTUAL, Opcodes.H_INVOKEINTERFACE, Opcodes.H_INVOKESPECIAL -> true;
      default -> false;
    };
    if (receiver) {
      params.add(Type.getObjectType(impl.getOwner()));
    }
    params.addAll(List.of(implType.getArgumentTypes()));
    if (impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
      mv.visitTypeInsn(Opcodes.NEW, impl.getOwner());
      mv.visitInsn(Opcodes.DUP);
    }
    Type[] args = type.getArgumentTypes();
    Type[] functional = instantiated.getArgumentTypes();
    if (captured.length + args.length != params.size() || args.length != functional.length) {
      throw new IllegalStateException(name + ": " + impl + " does not take the call site's arguments");
    }
    int p = 0;
    for (int i = 0; i < captured.length; i++) {
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitFieldInsn(Opcodes.GETFIELD, name, "arg$" + (i + 1), captured[i].getDescriptor());
      convert(mv, captured[i], params.get(p++), captured[i]);
    }
    int slot = 1;
    for (int i = 0; i < args.length; i++) {
      mv.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slot);
      slot += args[i].getSize();
      convert(mv, args[i], params.get(p++), functional[i]);
    }
    invoke(mv, impl);
    Type returned = impl.getTag() == Opcodes.H_NEWINVOKESPECIAL
        ? Type.getObjectType(impl.getOwner()) : implType.getReturnType();
    Type result = type.getReturnType();
    if (result.getSort() == Type.VOID) {
      if (returned.getSort() != Type.VOID) {
        mv.visitInsn(returned.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
      }
    } else {
      if (returned.getSort() == Type.VOID) {
        throw new IllegalStateException(name + ": " + impl + " returns nothing");
      }
      convert(mv, returned, result, result);
    }
    mv.visitInsn(result.getOpcode(Opcodes.IRETURN));
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * Calls the method of {@code handle} as the handle's kind says, its arguments on the stack (and,
   * for a constructor, the new object twice before them).
   */
  static void invoke(MethodVisitor mv, Handle handle) {
    int opcode = switch (handle.getTag()) {
      case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
      case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
      case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
      case Opcodes.H_INVOKESPECIAL, Opcodes.H_NEWINVOKESPECIAL -> Opcodes.INVOKESPECIAL;
      default -> throw new IllegalStateException("not a method handle: " + handle);
    };
    mv.visitMethodInsn(opcode, handle.getOwner(), handle.getName(), handle.getDesc(), handle.isInterface());
  }

  /**
   * Converts the value on the stack from {@code from} to {@code to}, as the JDK's
   * {@code TypeConvertingMethodAdapter.convertType(arg, target, functional)} does: widening,
   * boxing (to the target's wrapper if it is one), unboxing (through the functional type or
   * {@code Number}), and a cast between references.
   */
  static void convert(MethodVisitor mv, Type from, Type to, Type functional) {
    if (from.equals(to) && from.equals(functional)) {
      return;
    }
    if (primitive(from)) {
      if (primitive(to)) {
        widen(mv, from, to);
      } else {
        Type target = unboxed(to);
        if (target != null) {
          widen(mv, from, target);
          box(mv, target);
        } else {
          box(mv, from);
          cast(mv, wrapper(from), to);
        }
      }
      return;
    }
    Type source = from;
    if (!primitive(functional)) {
      cast(mv, from, functional);
      source = functional;
    }
    if (primitive(to)) {
      Type unboxed = unboxed(source);
      if (unboxed != null) {
        if (unboxed.getSort() == Type.BOOLEAN || unboxed.getSort() == Type.CHAR) {
          unbox(mv, wrapper(unboxed), unboxed);
          widen(mv, unboxed, to);
        } else {
          unbox(mv, source, to);
        }
      } else {
        Type intermediate = to.getSort() == Type.BOOLEAN || to.getSort() == Type.CHAR
            ? wrapper(to) : Type.getObjectType("java/lang/Number");
        cast(mv, source, intermediate);
        unbox(mv, intermediate, to);
      }
    } else {
      cast(mv, source, to);
    }
  }

  private static boolean primitive(Type t) {
    return t.getSort() != Type.OBJECT && t.getSort() != Type.ARRAY && t.getSort() != Type.METHOD;
  }

  private static void cast(MethodVisitor mv, Type from, Type to) {
    if (!from.equals(to) && !to.getInternalName().equals(OBJECT)) {
      mv.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
    }
  }

  /** The wrapper class of a primitive type. */
  private static Type wrapper(Type primitive) {
    return Type.getObjectType(switch (primitive.getSort()) {
      case Type.BOOLEAN -> "java/lang/Boolean";
      case Type.BYTE -> "java/lang/Byte";
      case Type.SHORT -> "java/lang/Short";
      case Type.CHAR -> "java/lang/Character";
      case Type.INT -> "java/lang/Integer";
      case Type.LONG -> "java/lang/Long";
      case Type.FLOAT -> "java/lang/Float";
      case Type.DOUBLE -> "java/lang/Double";
      default -> throw new IllegalArgumentException("not a primitive type: " + primitive);
    });
  }

  /** The primitive type a wrapper class wraps, or null if {@code t} is no wrapper. */
  private static Type unboxed(Type t) {
    if (t.getSort() != Type.OBJECT) {
      return null;
    }
    return switch (t.getInternalName()) {
      case "java/lang/Boolean" -> Type.BOOLEAN_TYPE;
      case "java/lang/Byte" -> Type.BYTE_TYPE;
      case "java/lang/Short" -> Type.SHORT_TYPE;
      case "java/lang/Character" -> Type.CHAR_TYPE;
      case "java/lang/Integer" -> Type.INT_TYPE;
      case "java/lang/Long" -> Type.LONG_TYPE;
      case "java/lang/Float" -> Type.FLOAT_TYPE;
      case "java/lang/Double" -> Type.DOUBLE_TYPE;
      default -> null;
    };
  }

  private static void box(MethodVisitor mv, Type primitive) {
    Type w = wrapper(primitive);
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, w.getInternalName(), "valueOf",
        Type.getMethodDescriptor(w, primitive), false);
  }

  /** Calls {@code owner}'s {@code xxxValue()} for the primitive type {@code to}. */
  private static void unbox(MethodVisitor mv, Type owner, Type to) {
    String method = switch (to.getSort()) {
      case Type.BOOLEAN -> "booleanValue";
      case Type.BYTE -> "byteValue";
      case Type.SHORT -> "shortValue";
      case Type.CHAR -> "charValue";
      case Type.INT -> "intValue";
      case Type.LONG -> "longValue";
      case Type.FLOAT -> "floatValue";
      case Type.DOUBLE -> "doubleValue";
      default -> throw new IllegalArgumentException("not a primitive type: " + to);
    };
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner.getInternalName(), method, Type.getMethodDescriptor(to), false);
  }

  /** A widening primitive conversion, none if the types are the same or both int-like. */
  private static void widen(MethodVisitor mv, Type from, Type to) {
    int f = from.getSort();
    int t = to.getSort();
    if (f == t) {
      return;
    }
    boolean intLike = f == Type.BYTE || f == Type.SHORT || f == Type.CHAR || f == Type.INT;
    if (intLike) {
      switch (t) {
        case Type.LONG -> mv.visitInsn(Opcodes.I2L);
        case Type.FLOAT -> mv.visitInsn(Opcodes.I2F);
        case Type.DOUBLE -> mv.visitInsn(Opcodes.I2D);
        default -> { }
      }
    } else if (f == Type.LONG) {
      switch (t) {
        case Type.FLOAT -> mv.visitInsn(Opcodes.L2F);
        case Type.DOUBLE -> mv.visitInsn(Opcodes.L2D);
        default -> throw new IllegalArgumentException("no widening from long to " + to);
      }
    } else if (f == Type.FLOAT && t == Type.DOUBLE) {
      mv.visitInsn(Opcodes.F2D);
    } else {
      throw new IllegalArgumentException("no widening from " + from + " to " + to);
    }
  }
}
