package dev.meads.engine.simd;

/**
 * Chooses the kernel implementation once per JVM: the Vector API one when the
 * {@code jdk.incubator.vector} module is present and not disabled by
 * {@code -Dmeads.vector=false}, otherwise the scalar one. A caller can ask for the scalar twins
 * for the span of one call on its thread ({@link Kernels#callWithScalarKernels}); that request is
 * a scoped value, so it neither leaks into other runs nor changes the JVM's choice.
 */
final class KernelProvider {
    /** Bound to true for the span of a call that asked for the scalar kernels. */
    static final ScopedValue<Boolean> SCALAR_REQUESTED = ScopedValue.newInstance();
    static final Kernels INSTANCE = choose();
    static final Kernels SCALAR = INSTANCE instanceof ScalarKernels s ? s : new ScalarKernels();
    static final NormalKernel NORMAL = chooseNormal();
    static final NormalKernel SCALAR_NORMAL = NORMAL instanceof ScalarNormalKernel s ? s : new ScalarNormalKernel();

    private KernelProvider() {
    }

    static boolean scalarRequested() {
        return SCALAR_REQUESTED.orElse(Boolean.FALSE);
    }

    /** The kernels for the current thread: the scalar ones inside a scalar request, else the JVM's choice. */
    static Kernels current() {
        return scalarRequested() ? SCALAR : INSTANCE;
    }

    static NormalKernel currentNormal() {
        return scalarRequested() ? SCALAR_NORMAL : NORMAL;
    }

    /** True when Vector API kernels are in use on this thread: available in this JVM and not declined. */
    static boolean vectorAvailable() {
        return !scalarRequested() && vectorAvailableInJvm();
    }

    /** True when the Vector API module is loaded in this JVM and not disabled. */
    private static boolean vectorAvailableInJvm() {
        if ("false".equalsIgnoreCase(System.getProperty("meads.vector"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static Kernels choose() {
        if (vectorAvailableInJvm()) {
            try {
                return new PanamaKernels();
            } catch (LinkageError e) {
                // fall through to scalar loops
            }
        }
        return new ScalarKernels();
    }

    private static NormalKernel chooseNormal() {
        if (vectorAvailableInJvm()) {
            try {
                return new PanamaNormalKernel();
            } catch (LinkageError e) {
                // fall through to scalar loops
            }
        }
        return new ScalarNormalKernel();
    }
}
